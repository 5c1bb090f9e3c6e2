import Foundation
import PrepContent
import PrepCore
import Testing

/// One fixture per class of content error, each checked for its exact message and line.
@Suite struct LinterFixtureTests {
    static let taxonomy = try! Taxonomy(skills: [
        Skill(id: "kubernetes", name: "Kubernetes", tier: 1, postingShare: 86...86),
        Skill(id: "model-serving", name: "Model serving", tier: 3, postingShare: 29...45),
        Skill(id: "behavioral", name: "Behavioral", tier: nil, postingShare: nil),
    ])

    /// A valid technical item; fixtures change one thing in it.
    static func technical(id: String = "k8s-sample", front: String? = nil, body: String? = nil, drop: String? = nil) -> String {
        var lines = [
            "id: \(id)", "kind: technical", "title: \"What does a Deployment do?\"", "skill: kubernetes", "difficulty: 2",
            "tags: [workloads]",
            "key_points:", "  - \"keeps N replicas\"", "  - \"rolling updates\"", "  - \"ReplicaSets underneath\"", "  - \"selector must match labels\"",
            "follow_ups:", "  - \"What is maxSurge?\"", "  - \"How do you roll back?\"",
            "sources:", "  - title: \"Kubernetes docs\"", "    url: https://kubernetes.io/docs/concepts/workloads/controllers/deployment/",
        ]
        if let drop { lines.removeAll { $0.hasPrefix(drop + ":") } }
        if let front { lines.append(front) }
        return "---\n" + lines.joined(separator: "\n") + "\n---\n\n" + (body ?? "## Answer\nA Deployment manages ReplicaSets.\n")
    }

    func lint(_ files: [String: String], reserved: [ContentItem] = []) throws -> [LintIssue] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return ContentLinter.lint([.init(url: dir, label: "d", origin: .user(directory: "d"))], taxonomy: Self.taxonomy, reserved: reserved).issues
    }

    func single(_ text: String, name: String = "k8s-sample.md") throws -> [String] {
        try lint([name: text]).map(\.description)
    }

    @Test func aValidItemHasNoIssues() throws {
        #expect(try single(Self.technical()) == [])
    }

    @Test func missingFrontMatter() throws {
        #expect(try single("# Title\n\n## Answer\nx\n") == ["d/k8s-sample.md:1: missing front matter: the file must start with a line '---', then YAML, then '---'"])
    }

    @Test func unclosedFrontMatter() throws {
        #expect(try single("---\nid: k8s-sample\n") == ["d/k8s-sample.md:1: the front matter is not closed: add a line '---' after the YAML"])
    }

    @Test func invalidYAMLPointsAtItsLine() throws {
        let text = "---\nid: k8s-sample\nkind: technical\ntags: [a, b\ntitle: x\n---\n## Answer\nx\n"
        let issues = try single(text)
        #expect(issues.count == 1)
        #expect(issues[0].hasPrefix("d/k8s-sample.md:5: invalid YAML in the front matter"))
    }

    @Test func missingRequiredField() throws {
        #expect(try single(Self.technical(drop: "difficulty")) == ["d/k8s-sample.md:2: missing required field 'difficulty' (1, 2 or 3)"])
    }

    @Test func idMustBeKebabCaseAndMatchTheFileName() throws {
        #expect(
            try single(Self.technical(id: "K8s_Sample"), name: "K8s_Sample.md") == [
                "d/K8s_Sample.md:2: id 'K8s_Sample' must be kebab-case: lowercase letters and digits separated by single '-'"
            ])
        #expect(
            try single(Self.technical(id: "k8s-other")) == [
                "d/k8s-sample.md:2: id 'k8s-other' does not match the file name 'k8s-sample.md'; name the file 'k8s-other.md'"
            ])
    }

    @Test func unknownKindAndDifficulty() throws {
        let text = Self.technical().replacingOccurrences(of: "kind: technical", with: "kind: trivia").replacingOccurrences(of: "difficulty: 2", with: "difficulty: 5")
        #expect(
            try single(text) == [
                "d/k8s-sample.md:3: unknown kind 'trivia'; use one of technical, system-design, troubleshooting, behavioral, ask-interviewer, cheatsheet",
                "d/k8s-sample.md:6: difficulty must be 1, 2 or 3 (got '5')",
            ])
    }

    @Test func tooFewKeyPointsAndFollowUps() throws {
        let text = Self.technical()
            .replacingOccurrences(of: "  - \"ReplicaSets underneath\"\n  - \"selector must match labels\"\n", with: "")
            .replacingOccurrences(of: "  - \"How do you roll back?\"\n", with: "")
        #expect(
            try single(text) == [
                "d/k8s-sample.md:8: a technical item needs at least 4 key points (has 2)",
                "d/k8s-sample.md:11: a technical item needs at least 2 follow-ups (has 1)",
            ])
    }

    @Test func missingEmptyAndMisorderedSections() throws {
        #expect(try single(Self.technical(body: "## Answr\nx\n")) == ["d/k8s-sample.md:20: missing section '## Answer' required for technical items"])
        #expect(
            try single(Self.technical(body: "## answer\nx\n")) == [
                "d/k8s-sample.md:20: missing section '## Answer' required for technical items (found '## answer': spell it exactly)"
            ])
        #expect(try single(Self.technical(body: "## Answer\n\n")) == ["d/k8s-sample.md:21: section '## Answer' is empty"])
        let design = Self.technical().replacingOccurrences(of: "kind: technical", with: "kind: system-design")
            .replacingOccurrences(
                of: "## Answer\nA Deployment manages ReplicaSets.\n",
                with: "## Capacity estimate\n1 2 3 4 5\n## Requirements\nr\n## High-level design\nh\n## Deep dives\nd\n## Trade-offs and bottlenecks\nt\n")
        #expect(
            try single(design) == [
                "d/k8s-sample.md:21: section '## Capacity estimate' is out of order; the order is Requirements, Capacity estimate, High-level design, Deep dives, Trade-offs and bottlenecks"
            ])
    }

    @Test func headingsInsideCodeBlocksAreCode() throws {
        #expect(try single(Self.technical(body: "## Answer\n```bash\n## not a section\n```\n")) == [])
    }

    @Test func capacityEstimateNeedsNumbers() throws {
        let design = Self.technical().replacingOccurrences(of: "kind: technical", with: "kind: system-design")
            .replacingOccurrences(
                of: "## Answer\nA Deployment manages ReplicaSets.\n",
                with: "## Requirements\nr\n## Capacity estimate\nLots of GPUs.\n## High-level design\nh\n## Deep dives\nd\n## Trade-offs and bottlenecks\nt\n")
        #expect(try single(design) == ["d/k8s-sample.md:23: the capacity estimate has 0 numbers; state the inputs and the arithmetic with figures"])
    }

    @Test func behavioralNeedsScenarioAndAllFourSTARParts() throws {
        let text = """
            ---
            id: beh-sample
            kind: behavioral
            title: "Tell me about a failure."
            skill: behavioral
            difficulty: 2
            key_points: ["owns it", "a number", "what changed"]
            follow_ups: ["What would you do differently?"]
            ---
            ## What the interviewer is probing
            Ownership.
            ## STAR example
            ### Situation
            s
            ### Task
            t
            ### Result
            r
            """
        #expect(
            try single(text, name: "beh-sample.md") == [
                "d/beh-sample.md:2: missing required field 'scenario'",
                "d/beh-sample.md:12: the STAR example needs a '### Action' part",
            ])
    }

    @Test func technicalItemsCiteSourcesWithURLs() throws {
        #expect(
            try single(
                Self.technical(drop: "sources").replacingOccurrences(
                    of: "  - title: \"Kubernetes docs\"\n    url: https://kubernetes.io/docs/concepts/workloads/controllers/deployment/\n", with: "")) == [
                    "d/k8s-sample.md:2: missing field 'sources': list where the figures and claims come from (title and url)"
                ])
        let badURL = Self.technical().replacingOccurrences(of: "url: https://kubernetes.io/docs/concepts/workloads/controllers/deployment/", with: "url: kubernetes.io")
        #expect(try single(badURL) == ["d/k8s-sample.md:17: source 'Kubernetes docs' needs a 'url' starting with https:// or http://"])
    }

    @Test func unknownSkillSuggestsTheClosest() throws {
        let text = Self.technical().replacingOccurrences(of: "skill: kubernetes", with: "skill: kubernets")
        #expect(try single(text) == ["d/k8s-sample.md:5: unknown skill 'kubernets' (did you mean 'kubernetes'?)"])
    }

    @Test func duplicateIDsAcrossFiles() throws {
        let issues = try lint(["a/k8s-sample.md": Self.technical(), "b/k8s-sample.md": Self.technical()]).map(\.description)
        #expect(issues == ["d/b/k8s-sample.md:2: id 'k8s-sample' is already used by d/a/k8s-sample.md; ids must be unique"])
    }

    @Test func userItemsMayNotTakeBundledIDs() throws {
        let bundled = ContentItem(id: "k8s-sample", kind: .technical, title: "t", skill: "kubernetes", difficulty: 1, file: "items/technical/kubernetes/k8s-sample.md")
        let issues = try lint(["k8s-sample.md": Self.technical()], reserved: [bundled]).map(\.description)
        #expect(issues == ["d/k8s-sample.md:2: id 'k8s-sample' is already used by a bundled item (items/technical/kubernetes/k8s-sample.md); ids must be unique"])
    }

    @Test func brokenLinksBetweenItems() throws {
        let text = Self.technical(front: "related: [k8s-missing]", body: "## Answer\nSee also\n[the probes](item:k8s-probes).\n")
        #expect(
            try single(text) == [
                "d/k8s-sample.md:19: related item 'k8s-missing' does not exist",
                "d/k8s-sample.md:24: link to item 'k8s-probes' is broken: no item has that id",
            ])
    }

    @Test func unknownFieldsAreWarnings() throws {
        let issues = try lint(["k8s-sample.md": Self.technical(front: "author: me")])
        #expect(issues.count == 1)
        #expect(issues[0].severity == .warning)
        #expect(issues[0].description.hasPrefix("d/k8s-sample.md:19: warning: unknown field 'author' is ignored"))
    }

    @Test func parsedItemRoundTripsItsFields() throws {
        let parsed = ItemParser.parse(Self.technical(front: "related: [k8s-other]", body: "Context first.\n\n## Answer\nBody **bold**.\n"), file: "k8s-sample.md")
        let item = try #require(parsed.item)
        #expect(item.id == "k8s-sample")
        #expect(item.kind == .technical)
        #expect(item.difficulty == 2)
        #expect(item.keyPoints.count == 4)
        #expect(item.followUps == ["What is maxSurge?", "How do you roll back?"])
        #expect(item.sources == [.init(title: "Kubernetes docs", url: "https://kubernetes.io/docs/concepts/workloads/controllers/deployment/")])
        #expect(item.related == ["k8s-other"])
        #expect(item.intro == "Context first.")
        #expect(item.sections == [.init(heading: "Answer", markdown: "Body **bold**.", line: 24)])
    }
}
