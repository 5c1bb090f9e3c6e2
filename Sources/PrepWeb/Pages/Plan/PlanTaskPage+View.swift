import PrepApp
import PrepCore

/// `/plan/tasks/ID`: one task of the plan, its parts and days, and its lab notes in Markdown.
struct PlanTaskPage {
    let model: PlanTaskPageModel

    func render() -> String {
        let task = model.task
        return Layout.page(title: task.text, current: .plan) {
            el("nav", .class("crumbs"), .aria("label", "Breadcrumb")) { el("a", .href(SiteURL.plan.link(fragment: "week-\(task.week)"))) { "Plan · week \(task.week)" } }
            el("h1") { task.text }
            if let moved = model.moved { el("p", .class("flash ok"), .init("role", "status")) { moved } }
            el("p", .class("lede")) {
                el("span", .class("badge")) { task.kind.rawValue }
                // Two weeks, named so they are not read as one (issue #13, bug 5).
                task.curriculumWeek == task.week
                    ? " Week \(task.week) of the curriculum and of your plan" : " Week \(task.curriculumWeek) of the curriculum, in week \(task.week) of your plan"
                " · \(model.parts.reduce(0) { $0 + $1.task.minutes }) minutes"
                if model.parts.count > 1 { " in \(model.parts.count) parts" }
            }
            el("ul", .class("tasks")) {
                for entry in model.parts {
                    TaskRow(entry: entry, showDate: true, returnTo: SiteURL.planTask(task.taskID).path, moveTo: entry.done ? nil : max(model.today, entry.date)).node
                }
            }
            if !task.items.isEmpty || !task.skills.isEmpty {
                el("p") {
                    el("a", .class("button"), .id("practise-these"), .href(SiteURL.practice.link(query: PracticeFocus.task(task.taskID).queryItems))) {
                        task.items.isEmpty ? "Practise this task's skills" : "Practise these questions"
                    }
                }
            }
            if !task.items.isEmpty {
                el("h2") { "Questions it drills" }
                el("ul") {
                    for id in task.items { el("li") { el("a", .href(SiteURL.question(id).path)) { model.itemTitles[id] ?? id } } }
                }
            }
            notesSection(task)
        }
    }

    private func notesSection(_ task: PlannedTask) -> Node {
        el("section", .id("lab-notes")) {
            el("h2") { "Lab notes" }
            if model.saved { el("p", .class("flash ok"), .init("role", "status")) { "Notes saved." } }
            if let notesHTML = model.notesHTML, model.draft == nil {
                el("div", .class("notes-body")) { Node.raw(notesHTML) }
            } else if model.draft == nil {
                el("p", .class("hint")) {
                    "No notes yet. Keep the commands you ran, the configs that worked and what broke: the seed asks for lab notes, and they are what you will reread before the interview."
                }
            }
            el("form", .init("method", "post"), .init("action", SiteURL.planTaskNotes(task.taskID).path), .class("stack")) {
                el("label", .init("for", "notes")) { "Markdown (code in ``` fences)" }
                el(
                    "textarea",
                    attributes: [.id("notes"), .name("notes"), .class("notes"), .init("maxlength", String(PlanService.notesLimit))]
                        + (model.error == nil ? [] : [.aria("invalid", "true"), .aria("describedby", "notes-error")])
                ) { model.draft ?? model.notes ?? "" }
                if let error = model.error { el("p", .class("field-error"), .id("notes-error"), .init("role", "alert")) { error } }
                el("button", .type("submit")) { "Save notes" }
            }
        }
    }
}
