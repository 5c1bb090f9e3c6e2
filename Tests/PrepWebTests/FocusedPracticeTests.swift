import Foundation
import PrepCore
import PrepTestSupport
import PrepWeb
import Testing
import VaporTesting

/// Focused practice, like Anki's custom study (issue #13, deliverable 1): a skill, a search, a
/// plan task or one question as a session of its own, due and new cards together whatever the
/// daily limits, that ends when the set is done.
@Suite struct FocusedPracticeTests {
    @Test func aSkillIsASessionOfItsOwnThatEndsWhenItsSetIsDone() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let listed = try #require(try object(try await send(app, .GET, "api/v1/questions?skill=docker&limit=500"))["items"] as? [[String: Any]])
            let practised = Set(
                listed.filter { ["technical", "behavioral", "troubleshooting", "system-design"].contains($0["kind"] as? String ?? "") }.compactMap { $0["id"] as? String })
            let queue = try decode(PracticeJSON.Queue.self, try await send(app, .GET, "api/v1/practice/queue?skill=docker"))
            #expect(Set(queue.entries.map(\.itemId)) == practised)
            #expect(queue.entries.count > 5, "more than the daily new limit: asking for the set is the point")
            #expect(queue.entries.allSatisfy { $0.new && $0.skill == "docker" })

            let page = try await send(app, .GET, "practice?skill=docker")
            let html = page.body.string
            #expect(html.contains("Practising Docker and containers questions: \(practised.count) left of \(practised.count)"), "\(html.prefix(2000))")
            #expect(html.contains(#"name="focus" value="skill=docker""#))
            let first = try #require(attribute("data-item", in: html))
            #expect(practised.contains(first))
            let graded = try await send(app, .POST, "practice/review", form: "item_id=\(first)&rating=3&focus=skill%3Ddocker")
            #expect(graded.headers.first(name: .location) == "/practice?graded=3&next=10m&skill=docker", "the grade stays in the set")
            let undone = try await send(app, .POST, "practice/undo", form: "focus=skill%3Ddocker")
            #expect(undone.headers.first(name: .location) == "/practice?undone=1&skill=docker")
            _ = try await send(app, .POST, "practice/review", form: "item_id=\(first)&rating=3&focus=skill%3Ddocker")

            for id in practised where id != first {
                let res = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(id)","rating":4}"#)
                #expect(res.status == .created, "\(id)")
            }
            let done = try await send(app, .GET, "practice?skill=docker")
            #expect(done.body.string.contains("This set is done"))
            #expect(done.body.string.contains("its next card is due in 10m"), "the learning step of the first card")
            #expect(try decode(PracticeJSON.Queue.self, try await send(app, .GET, "api/v1/practice/queue?skill=docker")).entries.isEmpty)

            clock.advance(minutes: 11)
            let back = try decode(PracticeJSON.Queue.self, try await send(app, .GET, "api/v1/practice/queue?skill=docker"))
            #expect(back.entries.map(\.itemId) == [first] && back.entries.first?.new == false, "its learning step comes back when due")

            let typo = try await send(app, .GET, "api/v1/practice/queue?skill=dokker")
            #expect(try expectProblem(typo, .unprocessableEntity).errors?.first?.field == "skill")
            let refused = try await send(app, .GET, "practice?skill=dokker").body.string
            let said = refused.replacingOccurrences(of: "&#39;", with: "'")
            #expect(said.contains("Unknown skill 'dokker'; did you mean docker?"), "the error page says what was wrong: \(refused)")
        }
    }

    @Test func aSearchAPlanTaskAndOneQuestionAreSetsToo() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            _ = try await send(app, .PUT, "api/v1/plan", json: #"{"start":"2026-11-23"}"#)
            let entries = try #require(try object(try await send(app, .GET, "api/v1/plan"))["entries"] as? [[String: Any]])
            let task = try #require(entries.compactMap { $0["task"] as? [String: Any] }.first { ($0["items"] as? [String])?.isEmpty == false })
            let taskID = try #require(task["task_id"] as? String)
            let items = try #require(task["items"] as? [String])
            let forTask = try decode(PracticeJSON.Queue.self, try await send(app, .GET, "api/v1/practice/queue?task=\(taskID)"))
            #expect(!forTask.entries.isEmpty && Set(forTask.entries.map(\.itemId)).isSubset(of: Set(items)), "\(forTask.entries.map(\.itemId)) of \(items)")
            let taskPage = try await send(app, .GET, "plan/tasks/\(taskID)")
            #expect(taskPage.body.string.contains(#"href="/practice?task=\#(taskID)""#))

            let found = try #require(try object(try await send(app, .GET, "api/v1/questions?q=kv%20cache&limit=500"))["items"] as? [[String: Any]])
            let search = try decode(PracticeJSON.Queue.self, try await send(app, .GET, "api/v1/practice/queue?q=kv%20cache"))
            #expect(!search.entries.isEmpty && Set(search.entries.map(\.itemId)).isSubset(of: Set(found.compactMap { $0["id"] as? String })))
            let list = try await send(app, .GET, "questions?q=kv+cache")
            #expect(list.body.string.contains(#"id="practise-these" href="/practice?q=kv%20cache">Practise these \#(search.entries.count)</a>"#), "\(list.body.string)")

            let one = try decode(PracticeJSON.Queue.self, try await send(app, .GET, "api/v1/practice/queue?item=docker-layer-caching"))
            #expect(one.entries.map(\.itemId) == ["docker-layer-caching"])
            #expect(try await send(app, .GET, "questions/docker-layer-caching").body.string.contains(#"href="/practice?item=docker-layer-caching">Practise now</a>"#))

            #expect(try await send(app, .GET, "api/v1/practice/queue?item=sheet-ai-infra-numbers").status == .unprocessableEntity, "cheat sheets are read")
            #expect(try await send(app, .GET, "api/v1/practice/queue?item=no-such-question").status == .notFound)
            #expect(try await send(app, .GET, "api/v1/practice/queue?task=no-such-task").status == .notFound)
        }
    }
}

/// Issue #13, bug 4 through the app: a behavioral answer is judged as the person's own story,
/// and the check says which of a technical point's words the question already gave.
@Suite struct StoryRubricWebTests {
    @Test func aBehavioralAnswerIsJudgedOnItsOwnStory() async throws {
        try await withTestApp { app, _ in
            let story =
                "At my last company I was on call for the training cluster. I found the leak, I patched the scheduler "
                + "and I wrote the runbook. As a result restarts fell from 12 to 1 a week. I learned to load-test upgrades."
            let res = try await send(app, .POST, "api/v1/practice/rubric", json: try jsonBody(["item_id": "beh-ambiguity-gpu-priorities", "answer": story]))
            let body = try object(res)
            #expect(body["total"] as? Int == 5 && body["covered"] as? Int == 5, "\(res.body.string)")
            let points = (body["key_points"] as? [[String: Any]])?.compactMap { $0["key_point"] as? String }
            #expect(points?.first?.hasPrefix("Situation and task") == true)

            let card = try await send(app, .GET, "practice?item=beh-ambiguity-gpu-priorities&reveal=1")
            #expect(card.body.string.contains("Tick what your story had") && card.body.string.contains("What this model story shows"))
            let technical = try object(
                try await send(app, .POST, "api/v1/practice/rubric", json: try jsonBody(["item_id": "k8sml-gpu-request-and-node-pools", "answer": "nvidia.com gpu nodes pods"])))
            let ignored = (technical["key_points"] as? [[String: Any]])?.flatMap { ($0["ignored"] as? [String]) ?? [] } ?? []
            #expect(ignored.contains("GPU") && technical["covered"] as? Int == 0, "\(technical)")
        }
    }
}
