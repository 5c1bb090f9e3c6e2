import PrepApp
import PrepCore

/// Everything `/plan` shows, built by `PlanController`: the plan with its tasks and weeks,
/// and the form that changes it.
struct PlanPageModel: Sendable, Equatable {
    var plan: StudyPlan?
    var entries: [PlanService.Entry]
    /// Skill id to its name, for every skill the plan's tasks train.
    var skillNames: [String: String]
    var form: PlanForm?
    var errors: [String: String] = [:]
    var skills: [Skill] = []
    var flash: String?
    var weeks: [PlanProgress.Week] = []
    /// The plan week today falls in; weeks before it are folded. Nil: none folded.
    var currentWeek: Int?

    func skillName(_ id: String) -> String { skillNames[id] ?? id }

    /// The names the page needs: those of the skills the entries' tasks train.
    static func skillNames(_ entries: [PlanService.Entry], taxonomy: Taxonomy) -> [String: String] {
        var names: [String: String] = [:]
        for entry in entries {
            for skill in entry.task.skills where names[skill] == nil { names[skill] = taxonomy[skill]?.name ?? skill }
        }
        return names
    }
}
