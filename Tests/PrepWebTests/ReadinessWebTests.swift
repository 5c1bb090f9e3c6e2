import Foundation
import PrepCore
import PrepTestSupport
import PrepWeb
import Testing
import VaporTesting

/// The readiness page, its answers, and the API.
@Suite struct ReadinessWebTests {
    private func json(_ res: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any])
    }

    private func report(_ app: Application) async throws -> [String: Any] {
        try #require(try json(try await send(app, .GET, "api/v1/readiness"))["report"] as? [String: Any])
    }

    private func area(_ report: [String: Any], _ id: String) -> [String: Any]? {
        (report["areas"] as? [[String: Any]])?.first { $0["id"] as? String == id }
    }

    @Test func noScoreWithoutEvidenceThenPracticeShowsUp() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            let page = try await send(app, .GET, "readiness")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("No readiness score yet") && !page.body.string.contains("Not built yet."))
            #expect(page.body.string.contains("id=\"ir-prometheus\"") && page.body.string.contains("id=\"rf-rambling\""))
            let empty = try await report(app)
            #expect(empty["overall"] == nil || empty["overall"] is NSNull)
            #expect((empty["weakest"] as? [Any])?.count == 3)

            let graded = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"k8s-job-vs-deployment-vs-statefulset","rating":3}"#)
            #expect(graded.status == .created, "\(graded.body.string)")
            let learning = try #require(area(try await report(app), "kubernetes"))
            #expect(learning["score"] as? Int == 0, "a card still in its learning steps is studied but not yet learned")
            // Past the learning steps, a second Good graduates it to review.
            clock.advance(minutes: 11)
            _ = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"k8s-job-vs-deployment-vs-statefulset","rating":3}"#)
            let after = try await report(app)
            let k8s = try #require(area(after, "kubernetes"))
            #expect((k8s["score"] as? Int ?? 0) > 0)
            let memory = try #require((k8s["evidence"] as? [[String: Any]])?.first)
            #expect(memory["kind"] as? String == "memory" && (memory["detail"] as? String)?.hasPrefix("1 of ") == true)
            #expect((after["overall"] as? Int).map { $0 >= 0 } == true)
        }
    }

    @Test func answersFromThePageAndTheAPI() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            let ticked = try await send(app, .POST, "readiness/answers", form: "item_id=ir-prometheus&answer=yes")
            #expect(ticked.status == .seeOther && ticked.headers.first(name: .location) == "/readiness#ir-prometheus")
            let item = (try await report(app)["checklists"] as? [[String: Any]])?.first { $0["id"] as? String == "ir-prometheus" }
            #expect(item?["answer"] as? String == "yes")
            let page = try await send(app, .GET, "readiness")
            #expect(page.body.string.contains("aria-pressed=\"true\""))
            _ = try await send(app, .POST, "readiness/answers", form: "item_id=ir-prometheus&answer=clear")
            let cleared = (try await report(app)["checklists"] as? [[String: Any]])?.first { $0["id"] as? String == "ir-prometheus" }
            #expect(cleared?["answer"] == nil || cleared?["answer"] is NSNull)
            #expect(try await send(app, .POST, "readiness/answers", form: "item_id=nope&answer=yes").status == .notFound)
            #expect(try await send(app, .POST, "readiness/answers", form: "item_id=ir-prometheus&answer=maybe").status == .unprocessableEntity)

            let flag = try await send(app, .PUT, "api/v1/readiness/answers/rf-rambling", json: #"{"answer":"yes"}"#)
            let flagged = try json(flag)
            #expect(flag.status == .ok && flagged["answer"] as? String == "yes")
            let flags = try await report(app)["red_flags"] as? [[String: Any]]
            #expect(flags?.first { $0["id"] as? String == "rf-rambling" }?["answer"] as? String == "yes")
            let cleared2 = try json(try await send(app, .PUT, "api/v1/readiness/answers/rf-rambling", json: #"{"answer":null}"#))
            #expect(cleared2["answer"] == nil)
            let bad = try await send(app, .PUT, "api/v1/readiness/answers/rf-rambling", json: #"{"answer":"maybe"}"#)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("answer"))
            #expect(try await send(app, .PUT, "api/v1/readiness/answers/rf-rambling", json: "{}").status == .unprocessableEntity)
            let unknown = try await send(app, .PUT, "api/v1/readiness/answers/rf-ramble", json: #"{"answer":"no"}"#)
            #expect(unknown.status == .notFound && unknown.body.string.contains("rf-rambling"), "suggests the close id")
        }
    }

    @Test func aPointPerDayMakesTheChart() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            _ = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"k8s-job-vs-deployment-vs-statefulset","rating":3}"#)
            _ = try await send(app, .GET, "readiness")
            _ = try await send(app, .GET, "readiness")
            clock.advance(minutes: 24 * 60)
            let page = try await send(app, .GET, "readiness")
            #expect(page.body.string.contains("<svg class=\"chart\"") && page.body.string.contains("Overall readiness by day"))
            let history = try #require(try json(try await send(app, .GET, "api/v1/readiness"))["history"] as? [[String: Any]])
            #expect(history.count == 2, "one point per day, the latest kept")
        }
    }
}
