import Foundation
import PrepCore
import PrepTestSupport
import PrepWeb
import Testing
import VaporTesting

/// Question pages as study pages (issue #13, deliverable 6): where the person stands with the
/// question, the list it was opened from with its neighbours, and search results that show why
/// they matched.
@Suite struct QuestionStudyPageTests {
    @Test func aQuestionShowsItsStudyStatusAndItsPlaceInTheList() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            let list = try await send(app, .GET, "questions?q=kv+cache").body.string
            #expect(list.contains("?q=kv%20cache\">"), "results carry the search to the question page")
            #expect(list.contains("<p class=\"snippet\">") && list.contains("<mark>"), "results show the matched words")
            let first = try #require(list.range(of: "<ol class=\"items\"").map { String(list[$0.upperBound...]) })
            let href = try #require(first.range(of: "href=\"/questions/").map { first[$0.upperBound...].prefix { $0 != "\"" } })
            let id = String(href.prefix { $0 != "?" })

            let page = try await send(app, .GET, "questions/\(href)").body.string
            #expect(page.contains("Questions matching “kv cache”</a> (1 of "), "the breadcrumb names the list and the place in it")
            #expect(page.contains("rel=\"next\""), "a next link within the list")
            #expect(page.contains("id=\"study-status\">Not practised yet"))

            let graded = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(id)","rating":3}"#)
            #expect(graded.status == .created)
            let after = try await send(app, .GET, "questions/\(href)").body.string
            #expect(after.contains("id=\"study-status\">Learning · 1 review · due later today"), "\(after.prefix(3000))")
        }
    }
}

/// Issue #13, deliverable 5: the readiness chart carries the trend to the interview day.
@Suite struct ReadinessProjectionWebTests {
    @Test func theTrendIsCarriedToTheInterviewOnceTwoDaysAreMeasured() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            _ = try await send(app, .PUT, "api/v1/plan", json: #"{"start":"2026-11-23","interview_date":"2027-01-15"}"#)
            for id in try await fetchQueue(app).entries.prefix(2).map(\.itemId) {
                _ = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(id)","rating":4}"#)
            }
            let first = try await send(app, .GET, "readiness").body.string
            #expect(!first.contains("id=\"projection\""), "one measured day is no trend")
            clock.advance(minutes: 24 * 60)
            for id in try await fetchQueue(app).entries.prefix(3).map(\.itemId) {
                _ = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(id)","rating":4}"#)
            }
            let second = try await send(app, .GET, "readiness").body.string
            #expect(second.contains("id=\"projection\">At the pace of your last 2 measured days"), "\(second.prefix(4000))")
            #expect(second.contains("by the interview on 2027-01-15") && second.contains("class=\"target\""))
        }
    }
}
