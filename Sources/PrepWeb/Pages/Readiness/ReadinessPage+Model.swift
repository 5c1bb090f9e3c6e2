import PrepCore
import PrepStore

/// Everything `/readiness` shows, built by `ReadinessController`: the report, the daily
/// scores kept for the chart, and the titles its links name.
struct ReadinessPageModel: Sendable, Equatable {
    var report: ReadinessReport
    var history: [ReadinessSnapshot]
    /// Titles of the questions checklist items link to, by item id.
    var itemTitles: [String: String]
    /// The checklists' titles as the content names them, by checklist id.
    var checklistTitles: [String: String]
    /// Areas that are skills of the bank, which "Practise this area" can focus on.
    var practisableSkills: Set<String> = []
    /// The trend carried to the interview day, when there is one and two measured days.
    var projection: ReadinessProjection?

    func checklistTitle(_ id: String) -> String { checklistTitles[id] ?? id }
}
