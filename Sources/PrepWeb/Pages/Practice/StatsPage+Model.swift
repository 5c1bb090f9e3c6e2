import PrepCore

/// Everything `/practice/stats` shows, built by `PracticeController`.
struct StatsPageModel: Sendable, Equatable {
    var stats: PracticeStats
    /// Skill id to its name, for every skill in the retention table.
    var skillNames: [String: String]

    func skillName(_ id: String) -> String { skillNames[id] ?? id }

    static func make(stats: PracticeStats, taxonomy: Taxonomy) -> StatsPageModel {
        var names: [String: String] = [:]
        for entry in stats.retentionBySkill { names[entry.skill] = taxonomy[entry.skill]?.name ?? entry.skill }
        return StatsPageModel(stats: stats, skillNames: names)
    }
}
