import FluentKit
import Foundation
import PrepCore
import SQLKit

/// Counts for the statistics page and retention per skill.
extension PracticeStore {
    public static func statsCounts(userID: UUID, now: Instant, on db: any Database) async throws -> PracticeStats.Counts {
        let sql = try sqlDatabase(db)
        let historyStart = now.adding(days: -PracticeStats.historyDays)
        let recent = try await reviewBuckets(userID: userID, since: historyStart, on: db)
        let bySkill = try await skillCounts(userID: userID, before: nil, on: db)
        let total = try await count("SELECT COUNT(*) AS n FROM srs_reviews WHERE user_id = ", userID, sql)
        let cards = try await count("SELECT COUNT(*) AS n FROM srs_cards WHERE user_id = ", userID, sql)
        let horizon = now.adding(days: PracticeStats.window + 1)
        let dues = try await sql.select().column("due_us").from("srs_cards")
            .where("user_id", .equal, userID).where("due_us", .lessThan, horizon.microseconds).all()
            .map { Instant(microseconds: try $0.decode(column: "due_us", as: Int64.self)) }
        return PracticeStats.Counts(
            recentReviews: recent, bySkill: bySkill, reviewsTotal: total, cardsStudied: cards,
            dueNow: dues.filter { $0 <= now }.count, upcomingDues: dues)
    }

    /// Reviews since `since` counted per quarter hour (`PracticeStats.ReviewBucket`).
    public static func reviewBuckets(userID: UUID, since: Instant, on db: any Database) async throws -> [PracticeStats.ReviewBucket] {
        let size = PracticeStats.ReviewBucket.microseconds
        return try await sqlDatabase(db).raw(
            """
            SELECT reviewed_us / \(unsafeRaw: String(size)) AS q, COUNT(*) AS n FROM srs_reviews
            WHERE user_id = \(bind: userID) AND reviewed_us >= \(bind: since.microseconds)
            GROUP BY reviewed_us / \(unsafeRaw: String(size))
            """
        ).all().map {
            PracticeStats.ReviewBucket(
                start: Instant(microseconds: try $0.decode(column: "q", as: Int64.self) * size), count: try $0.decode(column: "n", as: Int.self))
        }
    }

    /// The earliest due time after `after`, if any card has one.
    public static func nextDue(userID: UUID, after: Instant, on db: any Database) async throws -> Instant? {
        try await sqlDatabase(db).raw(
            "SELECT MIN(due_us) AS due FROM srs_cards WHERE user_id = \(bind: userID) AND due_us > \(bind: after.microseconds)"
        ).first()?.decode(column: "due", as: Int64?.self).map(Instant.init(microseconds:))
    }

    /// Per skill, reviews of cards in review state and how many passed; with `before`, only
    /// reviews before that time.
    public static func skillCounts(userID: UUID, before: Instant?, on db: any Database) async throws -> [PracticeStats.SkillRetention] {
        let sql = try sqlDatabase(db)
        let limit = before?.microseconds ?? Int64.max
        return try await sql.raw(
            """
            SELECT skill, COUNT(*) AS reviews, SUM(CASE WHEN rating > 1 THEN 1 ELSE 0 END) AS passed
            FROM srs_reviews WHERE user_id = \(bind: userID) AND prev_state = \(bind: CardState.review.rawValue)
              AND reviewed_us < \(bind: limit)
            GROUP BY skill
            """
        ).all().map {
            PracticeStats.SkillRetention(
                skill: try $0.decode(column: "skill", as: String.self),
                reviews: try $0.decode(column: "reviews", as: Int.self),
                passed: try $0.decode(column: "passed", as: Int?.self) ?? 0)
        }
    }

    private static func count(_ prefix: String, _ userID: UUID, _ sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("\(unsafeRaw: prefix)\(bind: userID)").first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
