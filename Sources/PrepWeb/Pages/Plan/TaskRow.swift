import PrepApp
import PrepCore

/// One planned task with a tick button (a form: works without JavaScript).
struct TaskRow {
    let entry: PlanService.Entry
    let showDate: Bool
    let returnTo: String
    /// For a missed task: offers to move it, to this day by default.
    var moveTo: String?

    var node: Node {
        let task = entry.task
        // Parts of a split task share a text: their controls must not share a name.
        let name = task.parts > 1 ? "\(task.text) (part \(task.part) of \(task.parts))" : task.text
        return el("li", .class(entry.done ? "task done" : "task"), .id("task-\(task.id.replacingOccurrences(of: "#", with: "-"))")) {
            el("form", .init("method", "post"), .init("action", SiteURL.planTasksDone.path), .class("inline")) {
                el("input", .type("hidden"), .name("task_id"), .value(task.id))
                el("input", .type("hidden"), .name("done"), .value(entry.done ? "0" : "1"))
                el("input", .type("hidden"), .name("return_to"), .value(returnTo))
                el("button", .type("submit"), .class("tick"), .aria("label", entry.done ? "Mark not done: \(name)" : "Mark done: \(name)")) { entry.done ? "☑" : "☐" }
            }
            " "
            if showDate { el("span", .class("date")) { entry.date + " " } }
            el("span", .class("badge")) { task.kind.rawValue }
            " "
            el("a", .class("title"), .href(SiteURL.planTask(task.taskID).path)) { task.text }
            if task.parts > 1 { " (part \(task.part) of \(task.parts))" }
            el("span", .class("minutes")) { " · \(task.minutes) min" }
            if !task.items.isEmpty {
                " · "
                el("a", .href(SiteURL.question(task.items[0]).path)) { task.items.count == 1 ? "the question" : "first of \(task.items.count) questions" }
            }
            if entry.progress?.notes != nil { el("span", .class("hint")) { " · has notes" } }
            if entry.progress?.movedTo != nil { el("span", .class("hint")) { " · moved from \(task.date)" } }
            if let moveTo, !entry.done {
                el("form", .init("method", "post"), .init("action", SiteURL.planTasksMove.path), .class("inline move")) {
                    el("input", .type("hidden"), .name("task_id"), .value(task.id))
                    el("input", .type("hidden"), .name("return_to"), .value(returnTo))
                    el("label", .class("visually-hidden"), .init("for", "move-\(task.id)")) { "Move \(name) to" }
                    el("input", .type("date"), .id("move-\(task.id)"), .name("to"), .value(moveTo), .init("min", moveTo))
                    el("button", .type("submit"), .class("small")) { "Move" }
                }
            }
        }
    }
}
