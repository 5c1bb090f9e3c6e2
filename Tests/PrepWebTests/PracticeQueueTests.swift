import Foundation
import PrepCore
import PrepTestSupport
import PrepWeb
import Testing
import VaporTesting

/// The practice queue: today's mix, the day in the profile's time zone, and how cards come back over time.
/// Every test runs on its own storage, in Europe/Berlin (set through the profile) where it
/// matters, on an injected clock that starts at 23:30 UTC, when the day in Berlin (00:30) is
/// already a day later than in UTC (`MovableClock`, in PracticeTestSupport.swift).
@Suite struct PracticeQueueTests {
    // MARK: Queue

    @Test func freshQueueIsTodaysMixOfNewQuestions() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let res = try await send(app, .GET, "api/v1/practice/queue")
            #expect(res.status == .ok)
            #expect(res.headers.contentType?.description.hasPrefix("application/json") == true)
            // The wire format is snake_case.
            let raw = try object(res)
            #expect(Set(raw.keys) == ["date", "time_zone", "reviews_done", "new_done", "due_beyond_limit", "can_review_early", "entries"])
            let firstRaw = try #require((raw["entries"] as? [[String: Any]])?.first)
            #expect(Set(firstRaw.keys).isSuperset(of: ["item_id", "title", "kind", "skill", "new", "preview"]))
            #expect(firstRaw["itemId"] == nil)

            let queue = try decode(PracticeJSON.Queue.self, res)
            #expect(queue.date == "2026-11-30", "the day in Berlin, not in UTC (2026-11-29)")
            #expect(queue.timeZone == "Europe/Berlin")
            #expect(queue.reviewsDone == 0)
            #expect(queue.newDone == 0)
            #expect(queue.dueBeyondLimit == 0)
            #expect(queue.entries.count == 5, "the default new_per_day")
            #expect(queue.entries.allSatisfy { $0.new && $0.card == nil })
            #expect(Set(queue.entries.map(\.itemId)).count == 5, "no question twice")
            let kinds = Set(queue.entries.map(\.kind))
            #expect(kinds.contains("technical"))
            #expect(kinds.contains("behavioral"))
            #expect(kinds.isSubset(of: ["technical", "behavioral", "troubleshooting", "system-design"]), "\(kinds)")
            #expect(queue.entries.allSatisfy { !$0.title.isEmpty && !$0.skill.isEmpty })

            let now = clock.instant
            for entry in queue.entries {
                #expect(Set(entry.preview.keys) == ["again", "hard", "good", "easy"], "\(entry.itemId)")
                let again = try time(entry.preview["again"])
                let hard = try time(entry.preview["hard"])
                let good = try time(entry.preview["good"])
                let easy = try time(entry.preview["easy"])
                #expect(again < hard && hard < good && good < easy, "\(entry.itemId): \(entry.preview)")
                // A new card's learning steps are 1 and 10 minutes; Easy skips them by days.
                #expect(again == now.adding(microseconds: 60_000_000))
                #expect(good == now.adding(microseconds: 600_000_000))
                #expect(easy >= now.adding(days: 1))
                #expect(entry.preview["good"] == "2026-11-29T23:40:00+00:00")
            }

            let again = try decode(PracticeJSON.Queue.self, try await send(app, .GET, "api/v1/practice/queue"))
            #expect(again.entries.map(\.itemId) == queue.entries.map(\.itemId), "the same queue all day")
            #expect(again.entries.map(\.preview) == queue.entries.map(\.preview))
        }
    }

    @Test func queueDayFollowsTheProfileTimeZone() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await setTimeZone(app, "America/Los_Angeles")
            let queue = try decode(PracticeJSON.Queue.self, try await send(app, .GET, "api/v1/practice/queue"))
            #expect(queue.date == "2026-11-29")
            #expect(queue.timeZone == "America/Los_Angeles")
            try await useBerlin(app)
            let berlin = try decode(PracticeJSON.Queue.self, try await send(app, .GET, "api/v1/practice/queue"))
            #expect(berlin.date == "2026-11-30")
        }
    }

    // MARK: The queue over time

    @Test func aLearningCardComesBackAsAReviewAfterItsStep() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let item = try #require(try await fetchQueue(app).entries.first).itemId
            let recorded = try decode(PracticeJSON.Recorded.self, try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":3}"#))

            clock.advance(minutes: 5)
            let early = try await fetchQueue(app)
            #expect(!early.entries.map(\.itemId).contains(item), "not due before its 10-minute step")
            #expect(early.entries.allSatisfy { $0.new })

            clock.advance(minutes: 6)
            let queue = try await fetchQueue(app)
            let first = try #require(queue.entries.first)
            #expect(first.itemId == item, "due reviews come before new questions")
            #expect(first.new == false)
            #expect(first.card == recorded.card)
            #expect(first.card?.state == "Learning")
            #expect(first.card?.step == 1)
            #expect(queue.entries.dropFirst().allSatisfy { $0.new })
            #expect(queue.entries.filter(\.new).count == 4)
            #expect(queue.newDone == 1)
            #expect(queue.reviewsDone == 0)
            #expect(queue.date == "2026-11-30")
            let again = try time(first.preview["again"])
            let good = try time(first.preview["good"])
            let easy = try time(first.preview["easy"])
            #expect(again < good && good <= easy, "\(first.preview)")
            #expect(good >= clock.instant.adding(days: 1), "Good on the last step graduates the card to days")

            // Graded from the review entry, Good graduates it.
            let graduated = try decode(PracticeJSON.Recorded.self, try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":3}"#))
            #expect(graduated.card.state == "Review")
            #expect(graduated.card.step == nil)
            let after = try await fetchQueue(app)
            #expect(!after.entries.map(\.itemId).contains(item))
            #expect(after.reviewsDone == 1)
            #expect(after.newDone == 1)
        }
    }

    /// Issue #13, bugs 2 and 6: with nothing else left, a learning step due soon was served at
    /// once (Hard "next review in 6m", then the same card), and Statistics said nothing was due
    /// while Practice showed a review. Now it waits, and is offered early on request.
    @Test func whenNothingElseIsLeftALearningStepIsOfferedEarlyNotServed() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let ids = try await fetchQueue(app).entries.map(\.itemId)
            for id in ids {
                let res = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(id)","rating":3}"#)
                #expect(res.status == .created, "\(id)")
            }
            let queue = try await fetchQueue(app)
            #expect(queue.entries.isEmpty, "\(queue.entries.map(\.itemId))")
            #expect(queue.canReviewEarly)
            #expect(queue.nextDue == "2026-11-29T23:40:00+00:00")
            #expect(queue.newDone == 5)
            let stats = try await fetchStats(app)
            #expect(stats.dueNow == 0, "Statistics and Practice agree: nothing is due yet")

            let page = try await send(app, .GET, "practice")
            #expect(page.body.string.contains("Nothing due right now"))
            #expect(page.body.string.contains(#"<a id="review-early" href="/practice?early=1">Review it now</a>"#), "\(page.body.string)")

            let early = try decode(PracticeJSON.Queue.self, try await send(app, .GET, "api/v1/practice/queue?early=true"))
            let entry = try #require(early.entries.first)
            #expect(early.entries.count == 1 && !entry.new && ids.contains(entry.itemId))
            #expect(entry.card?.due == "2026-11-29T23:40:00+00:00")
            let earlyPage = try await send(app, .GET, "practice?early=1")
            #expect(earlyPage.body.string.contains(#"data-item="\#(entry.itemId)""#))

            let bad = try await send(app, .GET, "api/v1/practice/queue?early=maybe")
            #expect(try expectProblem(bad, .unprocessableEntity).errors?.first?.field == "early")

            clock.advance(minutes: 21)
            let due = try await fetchQueue(app)
            #expect(due.entries.count == 5 && !due.canReviewEarly, "past their step, all five are due")
            #expect(try await fetchStats(app).dueNow == 5)
        }
    }

    /// Product bug: the store is asked for one card more than the limit, so the count of due
    /// cards beyond the limit is never more than 1.
    @Test func dueCardsBeyondTheDailyReviewLimitAreCounted() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let patch = try await send(app, .PATCH, "api/v1/practice/settings", json: #"{"reviews_per_day":1}"#)
            #expect(patch.status == .ok)
            let ids = Array(try await fetchQueue(app).entries.map(\.itemId).prefix(3))
            #expect(ids.count == 3)
            for id in ids {
                _ = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(id)","rating":1}"#)
            }
            clock.advance(minutes: 2)
            let queue = try await fetchQueue(app)
            #expect(queue.entries.filter { !$0.new }.count == 1, "one review a day")
            #expect(queue.entries.filter(\.new).count == 2)
            #expect(try await fetchStats(app).dueNow == 3)
            #expect(queue.dueBeyondLimit == 2, "three cards are due and the limit shows one")
        }
    }
}
