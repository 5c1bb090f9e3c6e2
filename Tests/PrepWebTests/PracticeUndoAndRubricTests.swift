import Foundation
import PrepCore
import PrepTestSupport
import PrepWeb
import Testing
import VaporTesting

/// Undo through the API, and the rubric that checks a typed answer against the key points.
/// Every test runs on its own storage, in Europe/Berlin (set through the profile) where it
/// matters, on an injected clock that starts at 23:30 UTC, when the day in Berlin (00:30) is
/// already a day later than in UTC (`MovableClock`, in PracticeTestSupport.swift).
@Suite struct PracticeUndoAndRubricTests {
    // MARK: Undo

    @Test func undoRestoresEachReviewInTurnUntilNothingIsLeft() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let initial = try await fetchQueue(app)
            let item = try #require(initial.entries.first).itemId
            let learning = try decode(PracticeJSON.Recorded.self, try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":3}"#))
            clock.advance(minutes: 11)
            let graduated = try decode(PracticeJSON.Recorded.self, try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":4}"#))
            #expect(graduated.card.state == "Review")

            let first = try await send(app, .POST, "api/v1/practice/undo")
            #expect(first.status == .ok)
            let undone = try decode(PracticeJSON.Undone.self, first)
            #expect(undone.itemId == item)
            #expect(undone.rating == 4)
            #expect(undone.card == learning.card, "back to the 10-minute learning step")
            let queue = try await fetchQueue(app)
            #expect(queue.entries.first?.itemId == item)
            #expect(queue.entries.first?.card == learning.card)
            #expect(queue.reviewsDone == 0)

            let second = try await send(app, .POST, "api/v1/practice/undo")
            #expect(second.status == .ok)
            let raw = try object(second)
            #expect(raw["card"] == nil || raw["card"] is NSNull, "the undone review created the card")
            let created = try decode(PracticeJSON.Undone.self, second)
            #expect(created.itemId == item)
            #expect(created.rating == 3)
            #expect(created.card == nil)
            let fresh = try await fetchQueue(app)
            #expect(fresh.entries.map(\.itemId) == initial.entries.map(\.itemId), "today's new questions as they were")
            #expect(fresh.newDone == 0)

            let none = try await send(app, .POST, "api/v1/practice/undo")
            let problem = try expectProblem(none, .conflict)
            #expect(problem.detail == "there is no review to undo; grade a card first")
            let stats = try await fetchStats(app)
            #expect(stats.reviewsTotal == 0)
            #expect(stats.cardsStudied == 0)
        }
    }

    // MARK: Rubric

    @Test func rubricCoversTheKeyPointsAnAnswerNames() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let item = try #require(try await fetchQueue(app).entries.first).itemId
            let points = try await keyPoints(app, item)
            let point = try #require(points.first)

            let res = try await send(app, .POST, "api/v1/practice/rubric", json: try jsonBody(["item_id": item, "answer": "I would say: " + point]))
            #expect(res.status == .ok)
            let raw = try object(res)
            #expect(Set(raw.keys) == ["item_id", "covered", "total", "suggested_rating", "key_points"])
            let result = try decode(PracticeJSON.RubricResult.self, res)
            #expect(result.itemId == item)
            #expect(result.total == points.count)
            #expect(result.keyPoints.map(\.keyPoint) == points)
            let first = try #require(result.keyPoints.first)
            #expect(first.covered)
            #expect(!first.matched.isEmpty)
            #expect(first.missing.isEmpty, "every word of the point is in the answer: \(first.missing)")
            #expect(result.covered == result.keyPoints.filter(\.covered).count)
            #expect(result.covered >= 1)
            let share = Double(result.covered) / Double(result.total)
            #expect(result.suggestedRating == (share < 0.4 ? 1 : share < 0.7 ? 2 : 3))

            let emptyRes = try await send(app, .POST, "api/v1/practice/rubric", json: #"{"item_id":"\#(item)","answer":""}"#)
            #expect(emptyRes.status == .ok)
            let empty = try decode(PracticeJSON.RubricResult.self, emptyRes)
            #expect(empty.covered == 0)
            #expect(empty.keyPoints.allSatisfy { !$0.covered && $0.matched.isEmpty && !$0.missing.isEmpty })
            #expect(empty.suggestedRating == 1)

            let unknown = try await send(app, .POST, "api/v1/practice/rubric", json: #"{"item_id":"no-such-question","answer":"x"}"#)
            let problem = try expectProblem(unknown, .unprocessableEntity)
            #expect(problem.errors?.map(\.field) == ["item_id"])
            #expect(problem.errors?.first?.message.contains("'no-such-question'") == true)

            let noAnswer = try await send(app, .POST, "api/v1/practice/rubric", json: #"{"item_id":"\#(item)"}"#)
            #expect(try expectProblem(noAnswer, .unprocessableEntity).errors?.map(\.field) == ["answer"])
            let nothing = try await send(app, .POST, "api/v1/practice/rubric", json: "{}")
            #expect(try expectProblem(nothing, .unprocessableEntity).errors?.map(\.field) == ["answer", "item_id"])
            #expect(try await fetchStats(app).reviewsTotal == 0, "checking an answer records nothing")
        }
    }
}
