import FluentKit
import Foundation
import PrepCore
import SQLKit

/// The review log: recording a grade, a retried grade answered from the log, undo.
extension PracticeStore {
    /// Grades a card: the scheduler's new state and a log row, in one transaction. A
    /// submission whose client review id was recorded before changes nothing and returns the
    /// first result. `recordedAt` is when the server took it (the review's own time may be
    /// earlier, for answers given offline). With `clock`, the review happened now: both are
    /// read from it once the write lock is held, so a grade that waited for another one is
    /// never dated before it (which the scheduler would refuse).
    public static func record<R: RandomNumberGenerator & Sendable>(
        _ submission: ReviewSubmission, userID: UUID, scheduler: FSRS, random: R, recordedAt: Instant,
        clock: (@Sendable () -> Instant)? = nil, on db: any Database
    ) async throws -> ReviewOutcome {
        try await record(submission, userID: userID, scheduler: scheduler, fuzz: { _ in random }, recordedAt: recordedAt, clock: clock, on: db)
    }

    /// The same, with the fuzz generator made from the card as it stands before the review
    /// (read inside the transaction), so it can match what the grade buttons previewed.
    public static func record<R: RandomNumberGenerator & Sendable>(
        _ submission: ReviewSubmission, userID: UUID, scheduler: FSRS, fuzz: @escaping @Sendable (SRSCard) -> R, recordedAt: Instant,
        clock: (@Sendable () -> Instant)? = nil, on db: any Database
    ) async throws -> ReviewOutcome {
        if let client = submission.clientReviewID, let earlier = try await recorded(clientID: client, userID: userID, on: db) {
            guard earlier.itemID == submission.itemID else { throw ClientIDReused(clientID: client, itemID: earlier.itemID) }
            return earlier
        }
        do {
            return try await Writes.transaction(on: db, bumping: userID) { tx in
                var submission = submission
                var recordedAt = recordedAt
                if let clock {
                    submission.time = clock()
                    recordedAt = submission.time
                }
                let sql = try sqlDatabase(tx)
                let existing = try await card(userID: userID, itemID: submission.itemID, on: tx)
                let before = existing?.card ?? .new(at: submission.time)
                var random = fuzz(before)
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
                if existing?.card.state == .review {
                    try await addSkillCount(skill: submission.skill, passed: submission.rating != .again, sign: 1, userID: userID, on: sql)
                }
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
        try await Writes.transaction(on: db, bumping: userID) { tx in
            let sql = try sqlDatabase(tx)
            guard
                let row = try await sql.select()
                    .columns(
                        "id", "card_id", "item_id", "skill", "rating", "prev_state", "prev_step", "prev_stability", "prev_difficulty",
                        "prev_due_us", "prev_last_review_us", "prev_reps", "prev_lapses"
                    )
                    .from("srs_reviews").where("user_id", .equal, userID)
                    .orderBy("recorded_us", .descending).orderBy("reviewed_us", .descending).limit(1).first()
            else { return nil }
            let cardID = try row.decode(column: "card_id", as: UUID.self)
            let itemID = try row.decode(column: "item_id", as: String.self)
            let rating = Rating(rawValue: try row.decode(column: "rating", as: Int.self)) ?? .good
            // Two undos at once can both read this row; only the one whose delete removed it
            // goes on, so the card and the skill totals are taken back once.
            let deleted = try await sql.raw("DELETE FROM srs_reviews WHERE id = \(bind: try row.decode(column: "id", as: UUID.self)) RETURNING id").all()
            guard !deleted.isEmpty else { return nil }
            let previous = try row.decode(column: "prev_state", as: Int?.self).flatMap(CardState.init(rawValue:))
            if previous == .review {
                try await addSkillCount(skill: try row.decode(column: "skill", as: String.self), passed: rating != .again, sign: -1, userID: userID, on: sql)
            }
            guard let state = previous else {
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

    /// Counts a review of a card in review state into (or, undone, out of) its skill's totals,
    /// inside the review's transaction.
    static func addSkillCount(skill: String, passed: Bool, sign: Int64, userID: UUID, on sql: any SQLDatabase) async throws {
        let pass: Int64 = passed ? sign : 0
        try await sql.raw(
            """
            INSERT INTO srs_skill_counts (user_id, skill, reviews, passed) VALUES (\(bind: userID), \(bind: skill), \(bind: sign), \(bind: pass))
            ON CONFLICT (user_id, skill) DO UPDATE SET reviews = srs_skill_counts.reviews + \(bind: sign), passed = srs_skill_counts.passed + \(bind: pass)
            """
        ).run()
    }
}
