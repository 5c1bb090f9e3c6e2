import FluentKit
import Foundation
import PrepCore
import SQLKit

/// Counts for the statistics page and retention per skill.
extension PracticeStore {
    public static func statsCounts(userID: UUID, now: Instant, timeZone: TimeZone, on db: any Database) async throws -> PracticeStats.Counts {
        let sql = try sqlDatabase(db)
        let historyStart = now.adding(days: -PracticeStats.historyDays)
        let perDay = try await reviewsPerDay(userID: userID, since: historyStart, offsets: ZoneOffsets(from: historyStart, to: now, in: timeZone), on: db)
        let bySkill = try await skillCounts(userID: userID, before: nil, on: db)
        let total = try await count("SELECT COUNT(*) AS n FROM srs_reviews WHERE user_id = ", userID, sql)
        let cards = try await count("SELECT COUNT(*) AS n FROM srs_cards WHERE user_id = ", userID, sql)
        let horizon = now.adding(days: PracticeStats.window + 1)
        let dues = try await sql.select().column("due_us").from("srs_cards")
            .where("user_id", .equal, userID).where("due_us", .lessThan, horizon.microseconds).all()
            .map { Instant(microseconds: try $0.decode(column: "due_us", as: Int64.self)) }
        return PracticeStats.Counts(
            reviewsPerDay: perDay, bySkill: bySkill, reviewsTotal: total, cardsStudied: cards,
            dueNow: dues.filter { $0 <= now }.count, upcomingDues: dues)
    }

    /// Reviews since `since` per local day number, the days counted in the database with the
    /// zone's offsets, so a person with thousands of reviews costs a row per day studied.
    public static func reviewsPerDay(userID: UUID, since: Instant, offsets: ZoneOffsets, on db: any Database) async throws -> [Int: Int] {
        let day = localDay(offsets)
        let rows = try await sqlDatabase(db).raw(
            """
            SELECT \(day) AS d, COUNT(*) AS n FROM srs_reviews
            WHERE user_id = \(bind: userID) AND reviewed_us >= \(bind: since.microseconds) GROUP BY \(day)
            """
        ).all()
        return try Dictionary(rows.map { (try $0.decode(column: "d", as: Int.self), try $0.decode(column: "n", as: Int.self)) }, uniquingKeysWith: +)
    }

    /// `LocalDay`'s numbering of `reviewed_us` as SQL: seconds plus the offset in force, over
    /// a day; every value is a number of ours, so it is written into the query as text.
    static func localDay(_ offsets: ZoneOffsets) -> SQLQueryString {
        let seconds = "(reviewed_us / 1000000)"
        func day(_ offset: Int64) -> String { "((\(seconds) + \(offset)) / 86400)" }
        guard offsets.segments.count > 1 else { return "\(unsafeRaw: day(offsets.segments.first?.offsetSeconds ?? 0))" }
        var text = "CASE"
        for segment in offsets.segments {
            if let until = segment.until { text += " WHEN \(seconds) < \(until) THEN \(day(segment.offsetSeconds))" } else { text += " ELSE \(day(segment.offsetSeconds))" }
        }
        return "\(unsafeRaw: text + " END")"
    }

    /// The earliest due time after `after`, if any card has one.
    public static func nextDue(userID: UUID, after: Instant, on db: any Database) async throws -> Instant? {
        try await sqlDatabase(db).raw(
            "SELECT MIN(due_us) AS due FROM srs_cards WHERE user_id = \(bind: userID) AND due_us > \(bind: after.microseconds)"
        ).first()?.decode(column: "due", as: Int64?.self).map(Instant.init(microseconds:))
    }

    /// Per skill, reviews of cards in review state and how many passed; with `before`, only
    /// reviews before that time: the kept totals less the reviews since then, which for the
    /// start of today is a short range of the log.
    public static func skillCounts(userID: UUID, before: Instant?, on db: any Database) async throws -> [PracticeStats.SkillRetention] {
        let sql = try sqlDatabase(db)
        // One statement, so a review recorded meanwhile is either in both parts or in neither.
        let rows: [any SQLRow]
        if let before {
            rows = try await sql.raw(
                """
                SELECT c.skill, c.reviews - COALESCE(s.reviews, 0) AS reviews, c.passed - COALESCE(s.passed, 0) AS passed
                FROM srs_skill_counts c LEFT JOIN (
                  SELECT skill, COUNT(*) AS reviews, SUM(CASE WHEN rating > 1 THEN 1 ELSE 0 END) AS passed FROM srs_reviews
                  WHERE user_id = \(bind: userID) AND prev_state = \(bind: CardState.review.rawValue) AND reviewed_us >= \(bind: before.microseconds)
                  GROUP BY skill
                ) s ON s.skill = c.skill
                WHERE c.user_id = \(bind: userID)
                """
            ).all()
        } else {
            rows = try await sql.raw("SELECT skill, reviews, passed FROM srs_skill_counts WHERE user_id = \(bind: userID)").all()
        }
        return try rows.map {
            PracticeStats.SkillRetention(
                skill: try $0.decode(column: "skill", as: String.self), reviews: try $0.decode(column: "reviews", as: Int.self),
                passed: try $0.decode(column: "passed", as: Int.self))
        }.filter { $0.reviews > 0 }.sorted { $0.skill < $1.skill }
    }

    private static func count(_ prefix: String, _ userID: UUID, _ sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("\(unsafeRaw: prefix)\(bind: userID)").first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
