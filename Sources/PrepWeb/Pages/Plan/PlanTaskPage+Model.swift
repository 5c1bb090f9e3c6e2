import PrepApp
import PrepContent
import PrepCore

/// Everything `/plan/tasks/ID` shows, built by `PlanController`: the task's parts, the
/// questions it drills, and its lab notes (rendered here, through the allowlist).
struct PlanTaskPageModel: Sendable, Equatable {
    var parts: [PlanService.Entry]
    var today: String
    /// Titles of the questions the task drills, by item id.
    var itemTitles: [String: String]
    /// The saved notes as typed, and as HTML that passed `HTMLAllowlist`.
    var notes: String?
    var notesHTML: String?
    /// The notes as typed when they were refused, with the reason.
    var draft: String?
    var error: String?
    var saved = false
    /// Where a task went after a move from this page.
    var moved: String?

    var task: PlannedTask { parts[0].task }

    static func make(parts: [PlanService.Entry], today: String, itemTitles: [String: String], draft: String? = nil, error: String? = nil, saved: Bool = false)
        -> PlanTaskPageModel
    {
        let notes = parts.first?.progress?.notes
        return PlanTaskPageModel(
            parts: parts, today: today, itemTitles: itemTitles, notes: notes, notesHTML: notes.map(MarkdownHTML.renderUserText),
            draft: draft, error: error, saved: saved)
    }
}
