import Foundation
import PrepContent
import PrepCore
import Testing

/// The bundled bank must stay at least as large and as broad as the product promises.
@Suite struct BundledBankTests {
    static let catalog = try! ContentCatalog.loadBundled()

    @Test func lintsClean() throws {
        let summary = try ContentLint.run(directories: [])
        #expect(summary.errors == 0, "\(summary.issues.prefix(10).map(\.description))")
        #expect(summary.filesChecked >= 220)
    }

    @Test func atLeastTenTechnicalQuestionsInEveryArea() {
        let technical = Self.catalog.items.filter { $0.kind == .technical }
        #expect(technical.count >= 150)
        let areas: [[String]] = [
            ["cloud"], ["kubernetes"], ["kubernetes-ml"], ["python"], ["docker"], ["terraform"], ["ml-frameworks"], ["cicd"],
            ["model-serving"], ["mlops"], ["monitoring"], ["distributed-training"], ["gpu"], ["vector-databases", "feature-stores"],
        ]
        for area in areas {
            let count = technical.filter { area.contains($0.skill) }.count
            #expect(count >= 10, "\(area) has \(count) technical questions")
        }
    }

    @Test func technicalAnswersAreSubstantial() {
        for item in Self.catalog.items where item.kind == .technical {
            let words = item.section("Answer")?.markdown.split(whereSeparator: \.isWhitespace).count ?? 0
            #expect((150...750).contains(words), "\(item.id): \(words) words")
            #expect(item.keyPoints.count >= 4 && item.followUps.count >= 2, "\(item.id)")
        }
    }

    @Test func theSeedsThreeDesignsAndMore() {
        let designs = Self.catalog.items.filter { $0.kind == .systemDesign }
        #expect(designs.count >= 6)
        for id in ["design-model-serving-100-models-1m-qps", "design-ml-training-platform-500-ds", "design-llm-inference-10m-dau"] {
            #expect(Self.catalog[id]?.kind == .systemDesign, "missing \(id)")
        }
    }

    @Test func troubleshootingCoversTheNamedIncidents() {
        let scenarios = Self.catalog.items.filter { $0.kind == .troubleshooting }
        #expect(scenarios.count >= 10)
        let text = scenarios.map { ($0.title + " " + $0.bodyText).lowercased() }
        for topic in ["oomkilled", "insufficient nvidia.com/gpu", "toleration", "crashloopbackoff", "imagepullbackoff", "p99", "nccl", "xid", "diskpressure", "hpa"] {
            #expect(text.contains { $0.contains(topic) }, "no scenario covers \(topic)")
        }
    }

    @Test func behavioralPromptsCoverTheSeedsScenarios() {
        let prompts = Self.catalog.items.filter { $0.kind == .behavioral }
        #expect(prompts.count >= 25)
        let covered = Set(prompts.compactMap(\.scenario))
        for scenario: BehavioralScenario in [.costOptimisation, .productionIncident, .disagreement, .teamProductivity, .failure, .conflict, .leadership, .learning] {
            #expect(covered.contains(scenario), "no prompt for \(scenario.rawValue)")
        }
        let complete = prompts.filter { item in
            let star = item.section("STAR example")?.markdown ?? ""
            return ["### Situation", "### Task", "### Action", "### Result"].allSatisfy(star.contains)
        }
        #expect(complete.count >= 5)
    }

    @Test func questionsToAskAndCheatSheets() {
        #expect(Self.catalog.count(of: .askInterviewer) >= 15)
        let sheets = Self.catalog.items.filter { $0.kind == .cheatsheet }.map { $0.title.lowercased() }
        for topic in ["kubectl", "gpu", "promql", "terraform", "docker", "system-design", "star", "numbers"] {
            #expect(sheets.contains { $0.contains(topic) || $0.contains(topic.replacingOccurrences(of: "-", with: " ")) }, "no cheat sheet on \(topic)")
        }
    }

    @Test func planFollowsTheSeedsEightWeeks() {
        let plan = Self.catalog.curriculum
        #expect(plan.phases.map(\.weeks) == [[1, 2], [3, 4], [5, 6], [7], [8]])
        #expect(plan.phases.allSatisfy { !$0.topics.isEmpty && !$0.dailyPractice.isEmpty })
        #expect(plan.phases.flatMap(\.weekendProjects).contains { $0.title.lowercased().contains("pytorch") })
        #expect(plan.allTasks.count >= 50)
        let ids = plan.allTasks.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test func everyChecklistOfTheSeedIsThere() {
        let ids = Set(Self.catalog.checklists.map(\.id))
        for id in ["interview-ready", "ready-if", "red-flags", "day-before", "post-interview", "interview-types", "resources"] {
            #expect(ids.contains(id), "missing checklist \(id)")
        }
        let ready = Self.catalog.checklists.first { $0.id == "interview-ready" }
        #expect((ready?.allItems.count ?? 0) >= 9)
    }

    @Test func searchFindsTheObviousItemFirst() {
        let first = Self.catalog.find(ItemQuery(text: "OOMKilled training pod")).first
        #expect(first?.id == "ts-oomkilled-training-pod" || first?.id == "k8s-requests-limits-qos-oomkilled", "\(String(describing: first?.id))")
        #expect(Self.catalog.find(ItemQuery(kind: .systemDesign, text: "10M daily active users")).first?.id == "design-llm-inference-10m-dau")
        #expect(!Self.catalog.find(ItemQuery(text: "kuberntes")).isEmpty, "one typo still finds Kubernetes items")
    }

    @Test func userFoldersLoadBesideTheBundleAndMayNotCollide() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("user-content-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let own = LinterFixtureTests.technical(id: "my-deployment-question")
        try own.write(to: dir.appendingPathComponent("my-deployment-question.md"), atomically: true, encoding: .utf8)
        let catalog = try ContentCatalog.load(userDirectories: [dir.path])
        #expect(catalog["my-deployment-question"]?.origin == .user(directory: dir.path))
        #expect(catalog.items.count == Self.catalog.items.count + 1)

        let clash = LinterFixtureTests.technical(id: "k8s-job-vs-deployment-vs-statefulset")
        try clash.write(to: dir.appendingPathComponent("k8s-job-vs-deployment-vs-statefulset.md"), atomically: true, encoding: .utf8)
        #expect {
            try ContentCatalog.load(userDirectories: [dir.path])
        } throws: { error in
            guard let error = error as? ContentLoadError else { return false }
            return error.message.contains("id 'k8s-job-vs-deployment-vs-statefulset' is already used by a bundled item") && error.fix.contains("infraprep content lint")
        }
    }

    @Test func lintingSeveralUserFoldersChecksIDsAcrossThem() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("two-decks-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: base) }
        for deck in ["a", "b"] {
            let dir = base.appendingPathComponent(deck)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try LinterFixtureTests.technical(id: "my-shared-id").write(to: dir.appendingPathComponent("my-shared-id.md"), atomically: true, encoding: .utf8)
        }
        let summary = try ContentLint.run(directories: [base.appendingPathComponent("a").path, base.appendingPathComponent("b").path])
        #expect(summary.errors == 1)
        #expect(summary.issues.first?.message.hasPrefix("id 'my-shared-id' is already used by \(base.path)/a/my-shared-id.md") == true)
    }
}
