import Foundation
import PrepCore
import PrepTestSupport
import PrepWeb
import Testing
import VaporTesting

/// Grading through `/api/v1/practice/reviews`: learning steps, retries, and every refused input.
/// Every test runs on its own storage, in Europe/Berlin (set through the profile) where it
/// matters, on an injected clock that starts at 23:30 UTC, when the day in Berlin (00:30) is
/// already a day later than in UTC (`MovableClock`, in PracticeTestSupport.swift).
@Suite struct PracticeGradingAPITests {
    /// Issue #13, bug 3: Easy previewed 8d and the grade then said 7d (the preview had no fuzz,
    /// the grade drew its own). The fuzz is now decided by the card, before the preview.
    @Test func theIntervalAButtonPreviewsIsTheOneTheGradeSchedules() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let page = try await send(app, .GET, "practice")
            let item = try #require(attribute("data-item", in: page.body.string))
            let easyText = try #require(Self.buttonInterval(4, in: page.body.string))
            let queue = try await fetchQueue(app)
            let graded = try await send(app, .POST, "practice/review", form: "item_id=\(item)&rating=4")
            #expect(graded.headers.first(name: .location) == "/practice?graded=4&next=\(easyText)", "the button said \(easyText)")

            for entry in queue.entries where entry.itemId != item {
                let recorded = try decode(
                    PracticeJSON.Recorded.self, try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(entry.itemId)","rating":4}"#))
                #expect(recorded.card.due == entry.preview["easy"], "\(entry.itemId): previewed \(entry.preview["easy"] ?? "-")")
            }
            // Cards in review a month on, with longer and so more fuzzed intervals.
            clock.advance(minutes: 60 * 24 * 30)
            let later = try await fetchQueue(app)
            #expect(later.entries.contains { !$0.new })
            for (index, entry) in later.entries.enumerated() where !entry.new {
                let rating = [3, 4, 2][index % 3]
                let name = ["hard", "good", "easy"][rating - 2]
                let recorded = try decode(
                    PracticeJSON.Recorded.self,
                    try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(entry.itemId)","rating":\#(rating)}"#))
                #expect(recorded.card.due == entry.preview[name], "\(entry.itemId) \(name): previewed \(entry.preview[name] ?? "-")")
            }
        }
    }

    /// The interval text on a grade button of the practice page.
    static func buttonInterval(_ key: Int, in html: String) -> String? {
        guard let button = html.range(of: #"data-key="\#(key)""#) else { return nil }
        let rest = html[button.upperBound...]
        guard let start = rest.range(of: #"<span class="interval">"#), let end = rest[start.upperBound...].range(of: "</span>") else { return nil }
        return String(rest[start.upperBound..<end.lowerBound])
    }

    @Test func gradingGoodOnANewCardStartsLearningAndARetryIsRecordedOnce() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let queue = try await fetchQueue(app)
            let item = try #require(queue.entries.first).itemId
            let body = #"{"item_id":"\#(item)","rating":3,"client_review_id":"retry-1","duration_ms":4200}"#

            let first = try await send(app, .POST, "api/v1/practice/reviews", json: body)
            #expect(first.status == .created)
            let recorded = try decode(PracticeJSON.Recorded.self, first)
            #expect(recorded.itemId == item)
            #expect(recorded.rating == 3)
            #expect(recorded.duplicate == false)
            #expect(recorded.card.state == "Learning")
            #expect(recorded.card.step == 1)
            #expect(recorded.card.due == "2026-11-29T23:40:00+00:00", "Good moves a new card to the 10-minute step")
            #expect(recorded.card.lastReview == "2026-11-29T23:30:00+00:00")
            #expect((recorded.card.stability ?? 0) > 0)
            #expect((1.0...10.0).contains(recorded.card.difficulty ?? 0))

            let retry = try await send(app, .POST, "api/v1/practice/reviews", json: body)
            #expect(retry.status == .ok)
            let duplicate = try decode(PracticeJSON.Recorded.self, retry)
            #expect(duplicate.duplicate == true)
            #expect(duplicate.reviewId == recorded.reviewId)
            #expect(duplicate.itemId == item)
            #expect(duplicate.card == recorded.card)

            let stats = try await fetchStats(app)
            #expect(stats.reviewsTotal == 1)
            #expect(stats.cardsStudied == 1)

            let after = try await fetchQueue(app)
            #expect(!after.entries.map(\.itemId).contains(item), "a graded new card leaves today's new list")
            #expect(after.entries.count == 4)
            #expect(after.entries.allSatisfy { $0.new })
            #expect(after.newDone == 1)
            #expect(after.reviewsDone == 0)
        }
    }

    /// Product bug: DailySession.forToday draws from `unstudied + studiedToday`, so the card
    /// graded moves to the end of the pool, the weighted draws land elsewhere and the rest
    /// of today's new questions change.
    @Test func gradingOneNewQuestionLeavesTheRestOfTodaysQueueAsItWas() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let before = try await fetchQueue(app).entries.map(\.itemId)
            let item = try #require(before.first)
            let graded = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":3}"#)
            #expect(graded.status == .created)
            let after = try await fetchQueue(app).entries.map(\.itemId)
            #expect(after.count == 4)
            #expect(!after.contains(item))
            #expect(after == Array(before.dropFirst()), "the rest of today's questions stay as they were")
            clock.advance(minutes: 5)
            #expect(try await fetchQueue(app).entries.map(\.itemId) == after, "and stay put while nothing is graded")
        }
    }

    /// Product bug: a retried request with the same client_review_id but another rating is
    /// answered with the retry's rating beside the first review's card and review id.
    @Test func aRetryWithAnotherRatingAnswersWithTheRecordedRating() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let item = try #require(try await fetchQueue(app).entries.first).itemId
            let first = try decode(
                PracticeJSON.Recorded.self,
                try await send(
                    app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":3,"client_review_id":"r-1"}"#))
            let res = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":1,"client_review_id":"r-1"}"#)
            #expect(res.status == .ok)
            let retry = try decode(PracticeJSON.Recorded.self, res)
            #expect(retry.duplicate)
            #expect(retry.reviewId == first.reviewId)
            #expect(retry.card == first.card, "nothing changed: the card is the one Good gave")
            #expect(try await fetchStats(app).reviewsTotal == 1)
            #expect(retry.rating == 3, "the first result is returned, so its rating is 3 (Good)")
        }
    }

    @Test func ratingsOutsideOneToFourAreRefusedNamingTheField() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let item = try #require(try await fetchQueue(app).entries.first).itemId
            for rating in [0, 5] {
                let res = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":\#(rating)}"#)
                let problem = try expectProblem(res, .unprocessableEntity)
                #expect(problem.errors?.map(\.field) == ["rating"], "rating \(rating)")
                #expect(problem.errors?.first?.message.contains("got \(rating)") == true)
            }

            let text = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":"x"}"#)
            let wrongType = try expectProblem(text, .badRequest)
            #expect(wrongType.detail.contains("'rating'"), "\(wrongType.detail)")

            let missing = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)"}"#)
            #expect(try expectProblem(missing, .unprocessableEntity).errors?.map(\.field) == ["rating"])

            let empty = try await send(app, .POST, "api/v1/practice/reviews", json: "{}")
            #expect(try expectProblem(empty, .unprocessableEntity).errors?.map(\.field) == ["item_id", "rating"])

            let tooLong = String(repeating: "x", count: 101)
            let longID = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":3,"client_review_id":"\#(tooLong)"}"#)
            #expect(try expectProblem(longID, .unprocessableEntity).errors?.map(\.field) == ["client_review_id"])

            let negative = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":3,"duration_ms":-1}"#)
            #expect(try expectProblem(negative, .unprocessableEntity).errors?.map(\.field) == ["duration_ms"])

            let stats = try await fetchStats(app)
            #expect(stats.reviewsTotal == 0, "nothing was recorded")
            #expect(stats.cardsStudied == 0)
        }
    }

    /// Product bug: with the decoder's convertFromSnakeCase, a 400 names the Swift property
    /// (newPerDay, itemId) instead of the field the client sent (new_per_day, item_id).
    @Test func wrongTypesAre400ProblemsNamingTheFieldAsSent() async throws {
        try await withTestApp { app, _ in
            let rating = try expectProblem(try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"x","rating":"x"}"#), .badRequest)
            #expect(rating.detail == "In the request body, field 'rating' should be a number.")
            let cases = [
                (HTTPMethod.POST, "api/v1/practice/reviews", #"{"item_id":5,"rating":3}"#, "item_id"),
                (.POST, "api/v1/practice/reviews", #"{"item_id":"x","rating":3,"duration_ms":"long"}"#, "duration_ms"),
                (.POST, "api/v1/practice/rubric", #"{"item_id":["x"],"answer":"y"}"#, "item_id"),
                (.PATCH, "api/v1/practice/settings", #"{"new_per_day":"ten"}"#, "new_per_day"),
            ]
            for (method, path, body, field) in cases {
                let problem = try expectProblem(try await send(app, method, path, json: body), .badRequest)
                #expect(problem.detail.contains("'\(field)'"), "\(path): \(problem.detail)")
            }
            #expect(try await fetchStats(app).reviewsTotal == 0)
        }
    }

    /// Product bug: rubric_hits and rubric_total are range-checked only when both are given.
    @Test func rubricCountsOutsideTheirRangeAreRefused() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let ids = try await fetchQueue(app).entries.map(\.itemId)
            let over = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(ids[0])","rating":3,"rubric_hits":5,"rubric_total":3}"#)
            #expect(try expectProblem(over, .unprocessableEntity).errors?.map(\.field) == ["rubric_hits"])
            let negative = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(ids[0])","rating":3,"rubric_hits":-1,"rubric_total":3}"#)
            #expect(try expectProblem(negative, .unprocessableEntity).errors?.map(\.field) == ["rubric_hits"])
            let fine = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(ids[0])","rating":3,"rubric_hits":2,"rubric_total":3}"#)
            #expect(fine.status == .created)

            let alone = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(ids[1])","rating":3,"rubric_hits":-1}"#)
            let total = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(ids[2])","rating":3,"rubric_total":-2}"#)
            let recorded = try await fetchStats(app).reviewsTotal
            #expect(alone.status == .unprocessableEntity, "\(alone.body.string)")
            #expect(total.status == .unprocessableEntity, "\(total.body.string)")
            #expect(recorded == 1, "only the valid review is recorded")
        }
    }

    @Test func unknownItemsAndReadOnlyKindsCannotBeGraded() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let unknown = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"no-such-question","rating":3}"#)
            let problem = try expectProblem(unknown, .unprocessableEntity)
            #expect(problem.errors?.map(\.field) == ["item_id"])
            #expect(problem.errors?.first?.message.contains("'no-such-question'") == true)

            for kind in ["cheatsheet", "ask-interviewer"] {
                let list = try object(try await send(app, .GET, "api/v1/questions?kind=\(kind)&limit=1"))
                let id = try #require(((list["items"] as? [[String: Any]])?.first)?["id"] as? String, "a \(kind) in the bank")
                let res = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(id)","rating":3}"#)
                let refused = try expectProblem(res, .unprocessableEntity)
                #expect(refused.errors?.map(\.field) == ["item_id"], "\(kind) \(id)")
                #expect(refused.errors?.first?.message.contains("read rather than practised") == true, "\(refused.errors ?? [])")
            }
            #expect(try await fetchStats(app).reviewsTotal == 0)
        }
    }

    @Test func aReviewBeforeTheCardsLastReviewConflictsAndChangesNothing() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let item = try #require(try await fetchQueue(app).entries.first).itemId
            let first = try decode(PracticeJSON.Recorded.self, try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":3}"#))

            let res = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":1,"reviewed_at":"2026-11-29T22:30:00Z"}"#)
            let problem = try expectProblem(res, .conflict)
            #expect(problem.detail.contains("before the card's last review"), "\(problem.detail)")
            #expect(problem.errors == nil)

            #expect(try await fetchStats(app).reviewsTotal == 1)
            clock.advance(minutes: 11)
            let queue = try await fetchQueue(app)
            let entry = try #require(queue.entries.first)
            #expect(entry.itemId == item)
            #expect(entry.card == first.card, "the card is as the first review left it")
            #expect(entry.card?.lastReview == "2026-11-29T23:30:00+00:00")
        }
    }

    @Test func futureAndUnreadableReviewTimesAreRefused() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let item = try #require(try await fetchQueue(app).entries.first).itemId
            let future = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":3,"reviewed_at":"2026-11-30T23:30:00Z"}"#)
            let problem = try expectProblem(future, .unprocessableEntity)
            #expect(problem.errors?.map(\.field) == ["reviewed_at"])
            #expect(problem.errors?.first?.message.contains("future") == true)

            let words = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":3,"reviewed_at":"yesterday"}"#)
            let unreadable = try expectProblem(words, .unprocessableEntity)
            #expect(unreadable.errors?.map(\.field) == ["reviewed_at"])
            #expect(unreadable.errors?.first?.message.contains("not an ISO 8601 date-time") == true)

            let noZone = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":3,"reviewed_at":"2026-11-29T23:00:00"}"#)
            #expect(try expectProblem(noZone, .unprocessableEntity).errors?.map(\.field) == ["reviewed_at"])
            #expect(try await fetchStats(app).reviewsTotal == 0)

            // A client clock a little ahead of the server's is accepted, with its time.
            let ahead = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":3,"reviewed_at":"2026-11-30T00:33:00+01:00"}"#)
            #expect(ahead.status == .created)
            #expect(try decode(PracticeJSON.Recorded.self, ahead).card.lastReview == "2026-11-29T23:33:00+00:00")
        }
    }

    @Test func malformedJSONBodiesAre400Problems() async throws {
        try await withTestApp { app, _ in
            for (method, path) in [(HTTPMethod.POST, "api/v1/practice/reviews"), (.POST, "api/v1/practice/rubric"), (.PATCH, "api/v1/practice/settings")] {
                let res = try await send(app, method, path, json: "{nope")
                let problem = try expectProblem(res, .badRequest)
                #expect(problem.detail == "The request body is not valid JSON.", "\(path): \(problem.detail)")
                #expect(problem.instance == "/" + path)
            }
            #expect(try await fetchStats(app).reviewsTotal == 0)
        }
    }

    /// Issue #12, finding 6: a review dated year 1 was accepted.
    @Test func aReviewTimeBefore2000IsRefused() async throws {
        try await withTestApp { app, _ in
            let item = try #require(sharedCatalog.items.first { $0.kind == .technical }?.id)
            let res = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":3,"reviewed_at":"0001-01-01T00:00:00Z"}"#)
            let problem = try expectProblem(res, .unprocessableEntity)
            #expect(problem.errors?.first { $0.field == "reviewed_at" }?.message.contains("from 2000-01-01 on") == true)
        }
    }
}
