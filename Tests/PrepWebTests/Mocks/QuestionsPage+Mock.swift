@testable import PrepCore
@testable import PrepWeb

extension QuestionsPageModel {
    static let counts: [(ItemKind, Int)] = ItemKind.allCases.map { ($0, $0 == .technical ? 64 : $0 == .cheatsheet ? 2 : 12) }
    static let skillOptions: [SkillOption] = MockContent.skills.map { SkillOption(id: $0.id, name: $0.name, tier: $0.tier) }

    /// A search, second page of three.
    static let mock = QuestionsPageModel(
        query: ItemQuery(kind: .technical, skill: "kubernetes", text: "secrets"),
        rows: [MockContent.configMaps, MockContent.rbac, MockContent.nvidiaSMI].map {
            Row(id: $0.id, title: $0.title, kind: $0.kind, skillName: MockContent.skillNames[$0.skill] ?? $0.skill, tier: 1, difficulty: $0.difficulty)
        },
        total: 103, page: 2, pageSize: 50, countsByKind: counts, skills: skillOptions)

    /// Filters that were not understood: nothing found, each error beside its control.
    static let refused = QuestionsPageModel(
        query: ItemQuery(), rows: [], total: 0, page: 1, pageSize: 50, countsByKind: counts, skills: skillOptions,
        errors: ["kind": "Unknown kind 'nope'; use one of technical, system-design.", "tier": "Tier must be 1, 2, 3 or 4."])
}
