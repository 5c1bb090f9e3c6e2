import Foundation
import PrepCore
import PrepTestSupport
import PrepWeb
import Testing
import VaporTesting

@Suite struct QuestionPagesTests {
    @Test func listFiltersByKindAndSkill() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.GET, "questions?kind=system-design") { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("Design LLM inference infrastructure for 10M daily active users"))
                #expect(!html.contains("kind-technical\""), "only system designs listed")
                #expect(html.contains(#"<option value="system-design" selected>"#), "the chosen filter stays selected")
            }
            try await app.testing().test(.GET, "questions?skill=kubernetes&difficulty=1") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("difficulty 1"))
                #expect(!res.body.string.contains("difficulty 2"))
            }
        }
    }

    @Test func searchRanksByRelevance() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.GET, "questions?q=OOMKilled+training+pod") { res in
                let html = res.body.string
                #expect(html.contains("most relevant first"))
                let first = try #require(html.range(of: "<ol class=\"items\""))
                let firstLink = html[first.upperBound...].firstRange(of: "href=\"/questions/").map { html[$0.upperBound...].prefix(40) }
                #expect(firstLink?.hasPrefix("ts-oomkilled-training-pod") == true || firstLink?.hasPrefix("k8s-requests-limits-qos-oomkilled") == true)
            }
        }
    }

    @Test func badFiltersSayWhatIsWrong() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.GET, "questions?tier=9&kind=trivia") { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("Tier must be 1, 2, 3 or 4."))
                #expect(res.body.string.contains("Unknown kind &#39;trivia&#39;") || res.body.string.contains("Unknown kind 'trivia'"))
            }
        }
    }

    @Test func anItemShowsThePromptAndFoldsTheAnswer() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.GET, "questions/ts-oomkilled-training-pod") { res in
                #expect(res.status == .ok)
                let html = res.body.string
                let symptoms = try #require(html.range(of: "<h2>Symptoms</h2>"))
                let details = try #require(html.range(of: "<details class=\"reveal\">"))
                let fix = try #require(html.range(of: "<h2>Fix</h2>"))
                #expect(symptoms.lowerBound < details.lowerBound, "the symptoms are the prompt, shown first")
                #expect(details.lowerBound < fix.lowerBound, "the fix is folded")
                #expect(html.contains("What a strong answer covers"))
                #expect(html.contains("<pre tabindex=\"0\"><code"), "Markdown code blocks are rendered, focusable so the keyboard can scroll them")
            }
            try await app.testing().test(.GET, "questions/no-such-item", headers: ["Accept": "text/html"]) { res in
                #expect(res.status == .notFound)
                #expect(res.body.string.contains("No item has the id &#39;no-such-item&#39;") || res.body.string.contains("No item has the id 'no-such-item'"))
            }
        }
    }

    @Test func everyItemOfTheBankRenders() async throws {
        try await withTestApp { app, _ in
            for item in sharedCatalog.items {
                let path = (item.kind == .cheatsheet ? "cheatsheets/" : "questions/") + item.id
                try await app.testing().test(.GET, path) { res in
                    #expect(res.status == .ok, "\(path)")
                    #expect(res.body.string.contains("<h1>"), "\(path)")
                }
            }
        }
    }

    @Test func cheatSheetsRenderWhole() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.GET, "cheatsheets") { res in
                #expect(res.body.string.contains("/cheatsheets/sheet-kubectl"))
            }
            try await app.testing().test(.GET, "cheatsheets/sheet-kubectl") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("<article class=\"item sheet\">"))
                #expect(!res.body.string.contains("<details class=\"reveal\">"))
            }
            try await app.testing().test(.GET, "cheatsheets/k8s-job-vs-deployment-vs-statefulset") { res in
                #expect(res.status == .movedPermanently)
            }
        }
    }

    @Test func questionsAPIListsFiltersAndPages() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.GET, "api/v1/questions?kind=technical&limit=5&offset=5") { res in
                #expect(res.status == .ok)
                let body = try #require(try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any])
                #expect((body["total"] as? Int ?? 0) >= 150)
                #expect((body["items"] as? [[String: Any]])?.count == 5)
                #expect((body["items"] as? [[String: Any]])?.allSatisfy { $0["kind"] as? String == "technical" } == true)
            }
            try await app.testing().test(.GET, "api/v1/questions?limit=0&tier=x") { res in
                #expect(res.status == .unprocessableEntity)
                let body = try #require(try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any])
                let fields = (body["errors"] as? [[String: String]])?.compactMap { $0["field"] }
                #expect(fields == ["limit", "tier"])
            }
            try await app.testing().test(.GET, "api/v1/questions/design-llm-inference-10m-dau") { res in
                let body = try #require(try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any])
                let sections = (body["sections"] as? [[String: Any]])?.compactMap { $0["heading"] as? String }
                #expect(sections == ["Requirements", "Capacity estimate", "High-level design", "Deep dives", "Trade-offs and bottlenecks"])
                #expect((body["key_points"] as? [String])?.isEmpty == false)
            }
            try await app.testing().test(.GET, "api/v1/questions/nope") { res in
                #expect(res.status == .notFound)
                #expect(res.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            }
            try await app.testing().test(.GET, "api/v1/skills") { res in
                let skills = try #require(try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [[String: Any]])
                let cloud = skills.first { $0["id"] as? String == "cloud" }
                #expect(cloud?["posting_share"] as? [Int] == [90, 90])
                #expect((cloud?["items"] as? Int ?? 0) >= 10)
            }
        }
    }
}

/// Issue #12, finding 4: one long search held the server for seconds. Searches are capped,
/// and the answer says the limit.
@Suite struct SearchLimitTests {
    @Test func aSearchTooLongIsRefusedWithTheLimit() async throws {
        try await withTestApp { app, _ in
            let words = [
                "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett",
                "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango",
            ].joined(separator: "+")
            let api = try await send(app, .GET, "api/v1/questions?q=\(words)")
            #expect(api.status == .unprocessableEntity)
            #expect(api.body.string.contains("20 different words; use at most 16"))
            let long = String(repeating: "a", count: 5_000)
            let page = try await send(app, .GET, "questions?q=\(long)")
            #expect(page.status == .badRequest)
            #expect(page.body.string.contains("5000 characters long; use at most 200"))
            #expect(page.body.string.contains("value=\"\(long)\""), "the refused search stays in the box, nothing typed is lost")
            let fine = try await send(app, .GET, "api/v1/questions?q=kubernetes+gpu+scheduling")
            #expect(fine.status == .ok)
        }
    }
}
