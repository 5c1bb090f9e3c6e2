import FluentKit
import Foundation
import PrepCore
import SQLKit

/// A card as stored: the scheduler's state plus counters.
public struct StoredCard: Sendable, Equatable {
    public var id: UUID
    public var itemID: String
    public var card: SRSCard
    public var reps: Int
    public var lapses: Int
}

/// One graded answer, as the web page, the API or the terminal hands it in.
public struct ReviewSubmission: Sendable, Equatable {
    public var itemID: String
    public var skill: String
    public var rating: Rating
    public var time: Instant
    public var durationMs: Int?
    public var rubricHits: Int?
    public var rubricTotal: Int?
    /// Set by clients that may retry: the same id is recorded once.
    public var clientReviewID: String?

    public init(
        itemID: String, skill: String, rating: Rating, time: Instant, durationMs: Int? = nil, rubricHits: Int? = nil, rubricTotal: Int? = nil, clientReviewID: String? = nil
    ) {
        self.itemID = itemID
        self.skill = skill
        self.rating = rating
        self.time = time
        self.durationMs = durationMs
        self.rubricHits = rubricHits
        self.rubricTotal = rubricTotal
        self.clientReviewID = clientReviewID
    }
}

public struct ReviewOutcome: Sendable, Equatable {
    public var reviewID: UUID
    public var itemID: String
    /// The rating recorded (for a duplicate, the first request's).
    public var rating: Rating
    public var card: SRSCard
    /// True when the client review id had been recorded before; nothing changed this time.
    public var duplicate: Bool
}

/// A client review id sent again for another question: a client bug, not a retry.
public struct ClientIDReused: UserFacingError, Equatable {
    public let clientID: String
    public let itemID: String
    public var problem: String { "client_review_id '\(clientID)' was already used for a review of '\(itemID)'" }
    public var fix: String { "use a new id (such as a fresh UUID) for each review; reuse an id only to retry the same request" }
}

public struct UndoOutcome: Sendable, Equatable {
    public var itemID: String
    public var rating: Rating
    /// The card as it was before the undone review; nil when that review created it.
    public var card: SRSCard?
}

/// Reads and writes practice: settings, cards, the review log. Every write of a review
/// (card and log row) happens in one transaction.
public enum PracticeStore {
    // MARK: Settings

    public static func settings(userID: UUID, on db: any Database) async throws -> PracticeSettings {
        let sql = try sqlDatabase(db)
        guard
            let row = try await sql.select().columns("new_per_day", "reviews_per_day", "desired_retention")
                .from("practice_settings").where("user_id", .equal, userID).first()
        else { return .defaults }
        return PracticeSettings(
            newPerDay: try row.decode(column: "new_per_day", as: Int.self),
            reviewsPerDay: try row.decode(column: "reviews_per_day", as: Int.self),
            desiredRetention: try row.decode(column: "desired_retention", as: Double.self)
        )
    }

    /// Stores valid settings; invalid ones come back as field errors and nothing is written.
    public static func saveSettings(_ settings: PracticeSettings, userID: UUID, on db: any Database) async throws -> [String: String] {
        let errors = settings.validate()
        guard errors.isEmpty else { return errors }
        try await db.transaction { tx in
            let sql = try sqlDatabase(tx)
            try await sql.delete(from: "practice_settings").where("user_id", .equal, userID).run()
            try await sql.insert(into: "practice_settings")
                .columns("id", "user_id", "new_per_day", "reviews_per_day", "desired_retention")
                .values(UUID(), userID, settings.newPerDay, settings.reviewsPerDay, settings.desiredRetention)
                .run()
        }
        return [:]
    }

    // MARK: Cards

    static let cardColumns = ["id", "item_id", "state", "step", "stability", "difficulty", "due_us", "last_review_us", "reps", "lapses"]

    public static func card(userID: UUID, itemID: String, on db: any Database) async throws -> StoredCard? {
        let sql = try sqlDatabase(db)
        let row = try await sql.select().columns(cardColumns).from("srs_cards")
            .where("user_id", .equal, userID).where("item_id", .equal, itemID).first()
        return try row.map(decodeCard)
    }

    public static func cards(userID: UUID, itemIDs: [String], on db: any Database) async throws -> [String: StoredCard] {
        guard !itemIDs.isEmpty else { return [:] }
        let sql = try sqlDatabase(db)
        let rows = try await sql.select().columns(cardColumns).from("srs_cards")
            .where("user_id", .equal, userID).where("item_id", .in, itemIDs).all()
        return Dictionary(try rows.map(decodeCard).map { ($0.itemID, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// When each answer since `since` was given and how long it took (answers without a
    /// recorded duration are left out).
    public static func answerTimes(userID: UUID, since: Instant, on db: any Database) async throws -> [(at: Instant, milliseconds: Int)] {
        try await sqlDatabase(db).select().columns("reviewed_us", "duration_ms").from("srs_reviews")
            .where("user_id", .equal, userID).where("reviewed_us", .greaterThanOrEqual, since.microseconds).all()
            .compactMap { row in
                guard let ms = try row.decode(column: "duration_ms", as: Int?.self) else { return nil }
                return (Instant(microseconds: try row.decode(column: "reviewed_us", as: Int64.self)), ms)
            }
    }

    /// Every card of a person (readiness reads them all: a few hundred after eight weeks).
    public static func allCards(userID: UUID, on db: any Database) async throws -> [StoredCard] {
        try await sqlDatabase(db).select().columns(cardColumns).from("srs_cards").where("user_id", .equal, userID).all().map(decodeCard)
    }

    /// Item ids of cards due at `now`, oldest due first: one range scan of an index.
    public static func dueItemIDs(userID: UUID, now: Instant, limit: Int, on db: any Database) async throws -> [String] {
        let sql = try sqlDatabase(db)
        return try await sql.select().column("item_id").from("srs_cards")
            .where("user_id", .equal, userID).where("due_us", .lessThanOrEqual, now.microseconds)
            .orderBy("due_us").limit(limit).all()
            .map { try $0.decode(column: "item_id", as: String.self) }
    }

    /// How many cards are due at `now` (a count over the same index range).
    public static func dueCount(userID: UUID, now: Instant, on db: any Database) async throws -> Int {
        let sql = try sqlDatabase(db)
        return try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM srs_cards WHERE user_id = \(bind: userID) AND due_us <= \(bind: now.microseconds)
            """
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    public static func studiedItemIDs(userID: UUID, on db: any Database) async throws -> Set<String> {
        let sql = try sqlDatabase(db)
        let rows = try await sql.select().column("item_id").from("srs_cards").where("user_id", .equal, userID).all()
        return Set(try rows.map { try $0.decode(column: "item_id", as: String.self) })
    }

    /// Reviews since `start` (the start of the person's day), and the items first studied in them.
    public static func today(userID: UUID, since start: Instant, on db: any Database) async throws -> (reviews: Int, newItemIDs: [String]) {
        let sql = try sqlDatabase(db)
        let rows = try await sql.select().columns("item_id", "prev_state").from("srs_reviews")
            .where("user_id", .equal, userID).where("reviewed_us", .greaterThanOrEqual, start.microseconds).all()
        var reviews = 0
        var new: [String] = []
        for row in rows {
            if try row.decodeNil(column: "prev_state") { new.append(try row.decode(column: "item_id", as: String.self)) } else { reviews += 1 }
        }
        return (reviews, new)
    }

    // MARK: Reviews

    /// Grades a card: the scheduler's new state and a log row, in one transaction. A
    /// submission whose client review id was recorded before changes nothing and returns the
    /// first result. `recordedAt` is when the server took it (the review's own time may be
    /// earlier, for answers given offline).
    public static func record<R: RandomNumberGenerator & Sendable>(
        _ submission: ReviewSubmission, userID: UUID, scheduler: FSRS, random: R, recordedAt: Instant, on db: any Database
    ) async throws -> ReviewOutcome {
        if let client = submission.clientReviewID, let earlier = try await recorded(clientID: client, userID: userID, on: db) {
            guard earlier.itemID == submission.itemID else { throw ClientIDReused(clientID: client, itemID: earlier.itemID) }
            return earlier
        }
        do {
            return try await db.transaction { tx in
                var random = random
                let sql = try sqlDatabase(tx)
                let existing = try await card(userID: userID, itemID: submission.itemID, on: tx)
                let before = existing?.card ?? .new(at: submission.time)
                let after = try scheduler.review(before, rating: submission.rating, at: submission.time, random: &random)
                let cardID = existing?.id ?? UUID()
                let reps = (existing?.reps ?? 0) + 1
                let lapses = (existing?.lapses ?? 0) + (submission.rating == .again && before.state == .review ? 1 : 0)
                if existing == nil {
                    try await sql.insert(into: "srs_cards")
                        .columns("id", "user_id", "item_id", "state", "step", "stability", "difficulty", "due_us", "last_review_us", "reps", "lapses", "created_us")
                        .values(
                            cardID, userID, submission.itemID, after.state.rawValue, after.step, after.stability, after.difficulty,
                            after.due.microseconds, after.lastReview?.microseconds, reps, lapses, submission.time.microseconds
                        )
                        .run()
                } else {
                    try await sql.update("srs_cards")
                        .set("state", to: after.state.rawValue).set("step", to: after.step)
                        .set("stability", to: after.stability).set("difficulty", to: after.difficulty)
                        .set("due_us", to: after.due.microseconds).set("last_review_us", to: after.lastReview?.microseconds)
                        .set("reps", to: reps).set("lapses", to: lapses)
                        .where("id", .equal, cardID).run()
                }
                let reviewID = UUID()
                try await sql.insert(into: "srs_reviews")
                    .columns(
                        "id", "user_id", "card_id", "item_id", "skill", "rating", "reviewed_us", "recorded_us", "duration_ms",
                        "rubric_hits", "rubric_total", "client_review_id",
                        "prev_state", "prev_step", "prev_stability", "prev_difficulty", "prev_due_us", "prev_last_review_us", "prev_reps", "prev_lapses",
                        "after_state", "after_step", "after_stability", "after_difficulty", "after_due_us"
                    )
                    .values(
                        reviewID, userID, cardID, submission.itemID, submission.skill, submission.rating.rawValue, submission.time.microseconds,
                        recordedAt.microseconds, submission.durationMs, submission.rubricHits, submission.rubricTotal, submission.clientReviewID,
                        existing.map { $0.card.state.rawValue }, existing?.card.step, existing?.card.stability, existing?.card.difficulty,
                        existing?.card.due.microseconds, existing?.card.lastReview?.microseconds, existing?.reps ?? 0, existing?.lapses ?? 0,
                        after.state.rawValue, after.step, after.stability ?? 0, after.difficulty ?? 0, after.due.microseconds
                    )
                    .run()
                return ReviewOutcome(reviewID: reviewID, itemID: submission.itemID, rating: submission.rating, card: after, duplicate: false)
            }
        } catch {
            // Two copies of one retried request racing: the unique index let one through.
            if let client = submission.clientReviewID, let earlier = try await recorded(clientID: client, userID: userID, on: db) {
                return earlier
            }
            throw error
        }
    }

    static func recorded(clientID: String, userID: UUID, on db: any Database) async throws -> ReviewOutcome? {
        let sql = try sqlDatabase(db)
        guard
            let row = try await sql.select()
                .columns("id", "item_id", "rating", "after_state", "after_step", "after_stability", "after_difficulty", "after_due_us", "reviewed_us")
                .from("srs_reviews").where("user_id", .equal, userID).where("client_review_id", .equal, clientID).first()
        else { return nil }
        let card = SRSCard(
            state: CardState(rawValue: try row.decode(column: "after_state", as: Int.self)) ?? .review,
            step: try row.decode(column: "after_step", as: Int?.self),
            stability: try row.decode(column: "after_stability", as: Double.self),
            difficulty: try row.decode(column: "after_difficulty", as: Double.self),
            due: Instant(microseconds: try row.decode(column: "after_due_us", as: Int64.self)),
            lastReview: Instant(microseconds: try row.decode(column: "reviewed_us", as: Int64.self))
        )
        return ReviewOutcome(
            reviewID: try row.decode(column: "id", as: UUID.self), itemID: try row.decode(column: "item_id", as: String.self),
            rating: Rating(rawValue: try row.decode(column: "rating", as: Int.self)) ?? .good, card: card, duplicate: true)
    }

    /// Takes back the review the person submitted last (a back-dated one included): the card returns to its state before it (or
    /// disappears if the review created it) and the log row goes. Nil when there is none.
    public static func undoLast(userID: UUID, on db: any Database) async throws -> UndoOutcome? {
        try await db.transaction { tx in
            let sql = try sqlDatabase(tx)
            guard
                let row = try await sql.select()
                    .columns(
                        "id", "card_id", "item_id", "rating", "prev_state", "prev_step", "prev_stability", "prev_difficulty",
                        "prev_due_us", "prev_last_review_us", "prev_reps", "prev_lapses"
                    )
                    .from("srs_reviews").where("user_id", .equal, userID)
                    .orderBy("recorded_us", .descending).orderBy("reviewed_us", .descending).limit(1).first()
            else { return nil }
            let cardID = try row.decode(column: "card_id", as: UUID.self)
            let itemID = try row.decode(column: "item_id", as: String.self)
            let rating = Rating(rawValue: try row.decode(column: "rating", as: Int.self)) ?? .good
            try await sql.delete(from: "srs_reviews").where("id", .equal, try row.decode(column: "id", as: UUID.self)).run()
            guard let state = try row.decode(column: "prev_state", as: Int?.self).flatMap(CardState.init(rawValue:)) else {
                try await sql.delete(from: "srs_cards").where("id", .equal, cardID).run()
                return UndoOutcome(itemID: itemID, rating: rating, card: nil)
            }
            let card = SRSCard(
                state: state, step: try row.decode(column: "prev_step", as: Int?.self),
                stability: try row.decode(column: "prev_stability", as: Double?.self),
                difficulty: try row.decode(column: "prev_difficulty", as: Double?.self),
                due: Instant(microseconds: try row.decode(column: "prev_due_us", as: Int64?.self) ?? 0),
                lastReview: try row.decode(column: "prev_last_review_us", as: Int64?.self).map(Instant.init(microseconds:))
            )
            try await sql.update("srs_cards")
                .set("state", to: card.state.rawValue).set("step", to: card.step)
                .set("stability", to: card.stability).set("difficulty", to: card.difficulty)
                .set("due_us", to: card.due.microseconds).set("last_review_us", to: card.lastReview?.microseconds)
                .set("reps", to: try row.decode(column: "prev_reps", as: Int.self))
                .set("lapses", to: try row.decode(column: "prev_lapses", as: Int.self))
                .where("id", .equal, cardID).run()
            return UndoOutcome(itemID: itemID, rating: rating, card: card)
        }
    }

    // MARK: Statistics

    public static func statsCounts(userID: UUID, now: Instant, on db: any Database) async throws -> PracticeStats.Counts {
        let sql = try sqlDatabase(db)
        let historyStart = now.adding(days: -PracticeStats.historyDays)
        let recent = try await sql.select().column("reviewed_us").from("srs_reviews")
            .where("user_id", .equal, userID).where("reviewed_us", .greaterThanOrEqual, historyStart.microseconds).all()
            .map { Instant(microseconds: try $0.decode(column: "reviewed_us", as: Int64.self)) }
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

    // MARK: Helpers

    static func sqlDatabase(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw PlainError("the database driver does not speak SQL") }
        return sql
    }

    static func decodeCard(_ row: any SQLRow) throws -> StoredCard {
        StoredCard(
            id: try row.decode(column: "id", as: UUID.self),
            itemID: try row.decode(column: "item_id", as: String.self),
            card: SRSCard(
                state: CardState(rawValue: try row.decode(column: "state", as: Int.self)) ?? .learning,
                step: try row.decode(column: "step", as: Int?.self),
                stability: try row.decode(column: "stability", as: Double?.self),
                difficulty: try row.decode(column: "difficulty", as: Double?.self),
                due: Instant(microseconds: try row.decode(column: "due_us", as: Int64.self)),
                lastReview: try row.decode(column: "last_review_us", as: Int64?.self).map(Instant.init(microseconds:))
            ),
            reps: try row.decode(column: "reps", as: Int.self),
            lapses: try row.decode(column: "lapses", as: Int.self)
        )
    }
}
