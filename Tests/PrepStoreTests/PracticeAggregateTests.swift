import FluentKit
import Foundation
import PrepCore
import PrepStore
import PrepTestSupport
import SQLKit
import Testing

/// The aggregates the pages read instead of every review must agree with the per-review
/// computation they replace, in any time zone and on both databases.
@Suite struct PracticeAggregateTests {
    let start = try! ISO8601.parse("2026-03-02T08:00:00Z")

    /// Reviews at awkward moments: around midnight in India (+05:30) and Nepal (+05:45), across
    /// Europe's clock change, several in one quarter hour, long and missing durations.
    func seed(_ store: StandaloneStore, _ user: UserProfile) async throws -> [(at: Instant, ms: Int?)] {
        var answers: [(at: Instant, ms: Int?)] = []
        let times = [
            "2026-03-02T18:29:00Z", "2026-03-02T18:31:00Z", "2026-03-02T18:14:59Z", "2026-03-02T18:15:00Z", "2026-03-03T09:00:00Z",
            "2026-03-03T09:01:00Z", "2026-03-03T09:02:00Z", "2026-03-05T22:59:00Z", "2026-03-29T00:59:00Z", "2026-03-29T01:01:00Z",
            "2026-03-30T12:00:00Z", "2026-03-31T12:00:00Z",
        ]
        let durations: [Int?] = [60_000, 900_000, nil, 30_000, 400_000, 20_000, -5, 299_999, 300_001, 45_000, 12_000, 1]
        for (index, text) in times.enumerated() {
            let at = try ISO8601.parse(text)
            _ = try await PracticeStore.record(
                ReviewSubmission(itemID: "item-\(index)", skill: "kubernetes", rating: .good, time: at, durationMs: durations[index]),
                userID: user.id, scheduler: try FSRS(), random: SplitMix64(seed: 1), recordedAt: at, on: store.db)
            answers.append((at, durations[index]))
        }
        return answers
    }

    static let zones = ["UTC", "Asia/Kolkata", "Asia/Kathmandu", "Europe/Berlin", "America/St_Johns", "Australia/Lord_Howe", "Pacific/Chatham"]

    @Test(arguments: zones)
    func daysCountedInTheDatabaseMatchLocalDay(zoneName: String) async throws {
        let zone = try #require(TimeZone(identifier: zoneName))
        try await withTestStore { store, user in
            let answers = try await seed(store, user)
            let now = try ISO8601.parse("2026-03-31T20:00:00Z")
            let since = start.adding(days: -1)
            let perDay = try await PracticeStore.reviewsPerDay(userID: user.id, since: since, offsets: ZoneOffsets(from: since, to: now, in: zone), on: store.db)
            var expected: [Int: Int] = [:]
            for answer in answers { expected[LocalDay(answer.at, in: zone).number, default: 0] += 1 }
            #expect(perDay == expected)
            #expect(PracticeStats.streak(perDay: perDay, today: LocalDay(now, in: zone)) == PracticeStats.streak(perDay: expected, today: LocalDay(now, in: zone)))
        }
    }

    @Test(arguments: zones)
    func answeringTimeIsCappedPerAnswerBeforeItIsSummed(zoneName: String) async throws {
        let zone = try #require(TimeZone(identifier: zoneName))
        try await withTestStore { store, user in
            let answers = try await seed(store, user)
            let cap = PlanProgress.answerCapMilliseconds
            let since = start.adding(days: -1)
            let now = try ISO8601.parse("2026-03-31T20:00:00Z")
            let perDay = try await PracticeStore.answerTimePerDay(
                userID: user.id, since: since, capMilliseconds: cap, offsets: ZoneOffsets(from: since, to: now, in: zone), on: store.db)
            var expected: [Int: Int] = [:]
            for answer in answers { expected[LocalDay(answer.at, in: zone).number, default: 0] += min(max(answer.ms ?? 0, 0), cap) }
            #expect(perDay == expected)
        }
    }

    @Test func offsetsFollowTheClockChanges() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let year = ZoneOffsets(from: try ISO8601.parse("2026-01-01T00:00:00Z"), to: try ISO8601.parse("2026-12-31T00:00:00Z"), in: berlin)
        #expect(year.segments.map(\.offsetSeconds) == [3600, 7200, 3600])
        #expect(ZoneOffsets(from: start, to: start.adding(days: 30), in: try #require(TimeZone(identifier: "Asia/Kolkata"))).segments.count == 1)
        // Every minute of the spring-forward night lands on the day LocalDay gives it.
        var t = try ISO8601.parse("2026-03-28T20:00:00Z")
        while t < (try ISO8601.parse("2026-03-29T06:00:00Z")) {
            #expect(year.day(ofSeconds: t.microseconds / 1_000_000) == LocalDay(t, in: berlin).number)
            t = t.adding(microseconds: 60_000_000)
        }
    }

    @Test func theNextDueCardIsFoundBeyondTheForecastWindow() async throws {
        try await withTestStore { store, user in
            _ = try await seed(store, user)
            let far = try ISO8601.parse("2027-06-01T00:00:00Z")
            #expect(try await PracticeStore.nextDue(userID: user.id, after: far, on: store.db) == nil)
            let next = try #require(try await PracticeStore.nextDue(userID: user.id, after: start, on: store.db))
            let cards = try await PracticeStore.allCards(userID: user.id, on: store.db)
            #expect(next == cards.map(\.card.due).filter { $0 > start }.min())
        }
    }
}

/// The kept per-skill totals always equal the count over the log, through grades and undos,
/// and an existing database is filled from its log when the table arrives.
@Suite struct SkillCountTests {
    func recount(_ store: StandaloneStore, _ user: UserProfile, before: Instant? = nil) async throws -> [PracticeStats.SkillRetention] {
        let sql = try #require(store.db as? any SQLDatabase)
        let limit = before?.microseconds ?? Int64.max
        return try await sql.raw(
            """
            SELECT skill, COUNT(*) AS reviews, SUM(CASE WHEN rating > 1 THEN 1 ELSE 0 END) AS passed FROM srs_reviews
            WHERE user_id = \(bind: user.id) AND prev_state = 2 AND reviewed_us < \(bind: limit) GROUP BY skill ORDER BY skill
            """
        ).all().map {
            PracticeStats.SkillRetention(
                skill: try $0.decode(column: "skill", as: String.self), reviews: try $0.decode(column: "reviews", as: Int.self),
                passed: try $0.decode(column: "passed", as: Int.self))
        }
    }

    func grades(_ store: StandaloneStore, _ user: UserProfile) async throws -> Instant {
        var random = SplitMix64(seed: 5)
        var at = try ISO8601.parse("2026-03-02T08:00:00Z")
        for step in 0..<240 {
            at = at.adding(microseconds: Int64(random.next() % 20_000) * 1_000_000)
            if step % 9 == 8 {
                _ = try await PracticeStore.undoLast(userID: user.id, on: store.db)
                continue
            }
            let item = Int(random.next() % 12)
            let rating = Rating(rawValue: Int(random.next() % 4) + 1)!
            _ = try await PracticeStore.record(
                ReviewSubmission(itemID: "item-\(item)", skill: ["kubernetes", "gpu", "mlops"][item % 3], rating: rating, time: at),
                userID: user.id, scheduler: try FSRS(), random: SplitMix64(seed: UInt64(step)), recordedAt: at, on: store.db)
        }
        return at
    }

    @Test func gradesAndUndosKeepTheTotalsEqualToTheLog() async throws {
        try await withTestStore { store, user in
            let end = try await grades(store, user)
            let kept = try await PracticeStore.skillCounts(userID: user.id, before: nil, on: store.db)
            #expect(!kept.isEmpty)
            #expect(kept == (try await recount(store, user)))
            let cut = end.adding(microseconds: -86_400_000_000)
            #expect(try await PracticeStore.skillCounts(userID: user.id, before: cut, on: store.db) == (try await recount(store, user, before: cut)))
        }
    }

    @Test func anExistingLogFillsTheTotalsWhenTheTableArrives() async throws {
        try await withTestStore { store, user in
            _ = try await grades(store, user)
            let expected = try await recount(store, user)
            let sql = try #require(store.db as? any SQLDatabase)
            try await sql.raw("DROP TABLE srs_skill_counts").run()
            try await sql.raw("DELETE FROM _fluent_migrations WHERE name = '2026-12-06-create-srs-skill-counts'").run()
            try await store.prepare()
            #expect(try await PracticeStore.skillCounts(userID: user.id, before: nil, on: store.db) == expected)
        }
    }

    @Test func twoUndosAtOnceTakeBackOneReviewEach() async throws {
        try await withTestStore { store, user in
            _ = try await grades(store, user)
            for _ in 0..<5 {
                // A double click: both may read the same last review; it must be taken back once.
                // (SQLite may refuse the second writer as busy; that is a different fault, #12.)
                async let first = try? PracticeStore.undoLast(userID: user.id, on: store.db)
                async let second = try? PracticeStore.undoLast(userID: user.id, on: store.db)
                _ = await (first, second)
                #expect(try await PracticeStore.skillCounts(userID: user.id, before: nil, on: store.db) == (try await recount(store, user)))
            }
        }
    }
}
