import FluentKit
import Foundation
import PrepCore
import PrepStore
import PrepTestSupport
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

    @Test(arguments: ["UTC", "Asia/Kolkata", "Asia/Kathmandu", "Europe/Berlin", "America/St_Johns"])
    func quarterHourBucketsGiveTheSameDaysAndStreak(zoneName: String) async throws {
        let zone = try #require(TimeZone(identifier: zoneName))
        try await withTestStore { store, user in
            let answers = try await seed(store, user)
            let now = try ISO8601.parse("2026-03-31T20:00:00Z")
            let buckets = try await PracticeStore.reviewBuckets(userID: user.id, since: start.adding(days: -1), on: store.db)
            #expect(buckets.reduce(0) { $0 + $1.count } == answers.count)
            var expected: [Int: Int] = [:]
            for answer in answers { expected[LocalDay(answer.at, in: zone).number, default: 0] += 1 }
            var got: [Int: Int] = [:]
            for bucket in buckets { got[LocalDay(bucket.start, in: zone).number, default: 0] += bucket.count }
            #expect(got == expected)
            let perReview = answers.map { PracticeStats.ReviewBucket(start: $0.at, count: 1) }
            #expect(PracticeStats.streak(buckets, now: now, timeZone: zone) == PracticeStats.streak(perReview, now: now, timeZone: zone))
        }
    }

    @Test func answeringTimeIsCappedPerAnswerBeforeItIsSummed() async throws {
        try await withTestStore { store, user in
            let answers = try await seed(store, user)
            let cap = PlanProgress.answerCapMilliseconds
            let sums = try await PracticeStore.answerTime(userID: user.id, since: start.adding(days: -1), capMilliseconds: cap, on: store.db)
            let expected = answers.reduce(0) { $0 + min(max($1.ms ?? 0, 0), cap) }
            #expect(sums.reduce(0) { $0 + $1.milliseconds } == expected)
            // 09:00-09:15 holds a 6:40 answer (capped to 5:00), a 20 s one and a negative one: above the cap in all.
            let quarter = try #require(sums.first { $0.at == (try! ISO8601.parse("2026-03-03T09:00:00Z")) })
            #expect(quarter.milliseconds == cap + 20_000)
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
