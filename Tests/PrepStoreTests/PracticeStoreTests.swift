import FluentKit
import Foundation
import Logging
import PrepCore
import PrepStore
import PrepTestSupport
import Testing

@Suite struct PracticeStoreTests {
    let logger = Logger(label: "test")
    let start = try! ISO8601.parse("2026-03-02T08:00:00Z")

    func withStore(_ body: (StandaloneStore, UserProfile) async throws -> Void) async throws {
        try await withTestStore(body)
    }

    /// `recorded` is when the server took it: the review's own time unless a test says otherwise.
    func submit(_ item: String, _ rating: Rating, at time: Instant, recorded: Instant? = nil, client: String? = nil, user: UserProfile, db: any Database) async throws
        -> ReviewOutcome
    {
        try await PracticeStore.record(
            ReviewSubmission(itemID: item, skill: "kubernetes", rating: rating, time: time, clientReviewID: client),
            userID: user.id, scheduler: try FSRS(), random: SplitMix64(seed: 1), recordedAt: recorded ?? time, on: db
        )
    }

    /// Issue #12: a grade read "now" before it waited for another grade of the card, which
    /// then committed a later time; the scheduler refused it as "before the last review" (a
    /// 409 the client did not cause). With the clock, the time is read once the lock is held.
    @Test func aGradeThatWaitedIsDatedWhenItIsWritten() async throws {
        try await withStore { store, user in
            let db = store.db
            let late = start.adding(microseconds: 5_000_000)
            _ = try await submit("a", .good, at: late, user: user, db: db)
            let stale = ReviewSubmission(itemID: "a", skill: "kubernetes", rating: .good, time: start)
            await #expect(throws: FSRS.ReviewError.self) {
                _ = try await PracticeStore.record(stale, userID: user.id, scheduler: try FSRS(), random: SplitMix64(seed: 1), recordedAt: start, on: db)
            }
            let written = late.adding(microseconds: 1_000)
            let outcome = try await PracticeStore.record(
                stale, userID: user.id, scheduler: try FSRS(), random: SplitMix64(seed: 1), recordedAt: start, clock: { written }, on: db)
            #expect(outcome.card.lastReview == written)
        }
    }

    @Test func recordsReviewsAndQueuesDueCardsOldestFirst() async throws {
        try await withStore { store, user in
            let db = store.db
            _ = try await submit("a", .easy, at: start, user: user, db: db)
            _ = try await submit("b", .good, at: start, user: user, db: db)
            let b = try #require(try await PracticeStore.card(userID: user.id, itemID: "b", on: db))
            #expect(b.card.state == .learning && b.card.step == 1 && b.reps == 1)
            #expect(b.card == (try FSRS().review(.new(at: start), rating: .good, at: start)), "stored state equals the scheduler's")

            let soon = start.adding(microseconds: 11 * 60_000_000)
            #expect(try await PracticeStore.dueItemIDs(userID: user.id, now: soon, limit: 10, on: db) == ["b"])
            let later = start.adding(days: 30)
            #expect(try await PracticeStore.dueItemIDs(userID: user.id, now: later, limit: 10, on: db) == ["b", "a"])
            #expect(try await PracticeStore.dueItemIDs(userID: user.id, now: later, limit: 1, on: db) == ["b"])
            #expect(try await PracticeStore.studiedItemIDs(userID: user.id, on: db) == ["a", "b"])
            let today = try await PracticeStore.today(userID: user.id, since: start, on: db)
            #expect(today.reviews == 0 && Set(today.newItemIDs) == ["a", "b"])
        }
    }

    @Test func aRetriedSubmissionIsCountedOnce() async throws {
        try await withStore { store, user in
            let first = try await submit("a", .good, at: start, client: "r-1", user: user, db: store.db)
            let again = try await submit("a", .good, at: start.adding(microseconds: 5_000_000), client: "r-1", user: user, db: store.db)
            #expect(!first.duplicate && again.duplicate)
            #expect(again.card == first.card && again.reviewID == first.reviewID)
            let counts = try await PracticeStore.statsCounts(userID: user.id, now: start, timeZone: .gmt, on: store.db)
            #expect(counts.reviewsTotal == 1)
            await #expect(throws: ClientIDReused.self, "the same id for another question is a client bug") {
                _ = try await submit("b", .good, at: start, client: "r-1", user: user, db: store.db)
            }
        }
    }

    @Test func undoTakesBackTheLastSubmittedReviewEvenIfBackdated() async throws {
        try await withStore { store, user in
            _ = try await submit("a", .good, at: start, user: user, db: store.db)
            _ = try await submit("b", .good, at: start.adding(microseconds: -3_600_000_000), recorded: start.adding(microseconds: 1_000_000), user: user, db: store.db)
            let undone = try await PracticeStore.undoLast(userID: user.id, on: store.db)
            #expect(undone?.itemID == "b")
        }
    }

    @Test func undoRestoresTheCardOrRemovesANewOne() async throws {
        try await withStore { store, user in
            let db = store.db
            let first = try await submit("a", .good, at: start, user: user, db: db)
            _ = try await submit("a", .again, at: start.adding(microseconds: 60_000_000), user: user, db: db)
            let undone = try #require(try await PracticeStore.undoLast(userID: user.id, on: db))
            #expect(undone.rating == .again && undone.card == first.card)
            #expect(try await PracticeStore.card(userID: user.id, itemID: "a", on: db)?.card == first.card)
            let second = try #require(try await PracticeStore.undoLast(userID: user.id, on: db))
            #expect(second.card == nil)
            #expect(try await PracticeStore.card(userID: user.id, itemID: "a", on: db) == nil)
            #expect(try await PracticeStore.undoLast(userID: user.id, on: db) == nil)
        }
    }

    @Test func aReviewBeforeTheLastChangesNothing() async throws {
        try await withStore { store, user in
            let first = try await submit("a", .good, at: start, user: user, db: store.db)
            await #expect(throws: FSRS.ReviewError.self) {
                _ = try await submit("a", .good, at: start.adding(microseconds: -1), user: user, db: store.db)
            }
            #expect(try await PracticeStore.card(userID: user.id, itemID: "a", on: store.db)?.card == first.card)
            #expect(try await PracticeStore.statsCounts(userID: user.id, now: start, timeZone: .gmt, on: store.db).reviewsTotal == 1)
        }
    }

    @Test func settingsAreValidatedBeforeSaving() async throws {
        try await withStore { store, user in
            #expect(try await PracticeStore.settings(userID: user.id, on: store.db) == .defaults)
            let bad = PracticeSettings(newPerDay: 99, reviewsPerDay: 0, desiredRetention: 0.5)
            let errors = try await PracticeStore.saveSettings(bad, userID: user.id, on: store.db)
            #expect(Set(errors.keys) == ["new_per_day", "reviews_per_day", "desired_retention"])
            #expect(try await PracticeStore.settings(userID: user.id, on: store.db) == .defaults)
            let good = PracticeSettings(newPerDay: 8, reviewsPerDay: 150, desiredRetention: 0.85)
            #expect(try await PracticeStore.saveSettings(good, userID: user.id, on: store.db).isEmpty)
            #expect(try await PracticeStore.settings(userID: user.id, on: store.db) == good)
        }
    }

    @Test func statsCountRetentionOfReviewCardsOnly() async throws {
        try await withStore { store, user in
            let db = store.db
            let a = try await submit("a", .easy, at: start, user: user, db: db)
            let b = try await submit("a", .good, at: a.card.due, user: user, db: db)
            _ = try await submit("a", .again, at: b.card.due, user: user, db: db)
            let counts = try await PracticeStore.statsCounts(userID: user.id, now: b.card.due, timeZone: .gmt, on: db)
            #expect(counts.reviewsTotal == 3 && counts.cardsStudied == 1)
            #expect(counts.bySkill == [PracticeStats.SkillRetention(skill: "kubernetes", reviews: 2, passed: 1)])
        }
    }
}
