import PrepApp
import PrepCore

/// The page that opens first: today's planned tasks, missed ones, the practice waiting.
struct TodayPage {
    struct Model {
        var day: PlanService.Day?
        var plan: StudyPlan?
        var reviewsWaiting: Int
        var newWaiting: Int
        var streakDays: Int
        var form: PlanForm
        var errors: [String: String] = [:]
        var flash: String?
        /// The skills the plan form offers to rate.
        var skills: [Skill] = []
    }

    let model: Model

    func render() -> String {
        Layout.page(title: "Today", current: .today) {
            el("h1") { "Today" }
            if let flash = model.flash { el("p", .class("flash ok"), .init("role", "status")) { flash } }
            practice()
            if let day = model.day {
                planDay(day)
            } else {
                el("h2") { "Your study plan" }
                el("p") { "No plan yet. Lay the 8-week plan onto your calendar: it fits the curriculum to your hours, your study days and, if you have one, your interview date." }
                planForm()
            }
        }
    }

    private func practice() -> Node {
        el("section", .class("notice today-practice")) {
            el("p") {
                el("strong") { "Practice: " }
                "\(model.reviewsWaiting) review\(model.reviewsWaiting == 1 ? "" : "s") and \(model.newWaiting) new question\(model.newWaiting == 1 ? "" : "s") waiting"
                " · streak \(model.streakDays) day\(model.streakDays == 1 ? "" : "s")"
            }
            el("p") { el("a", .class("button primary"), .href(SiteURL.practice.path)) { model.reviewsWaiting + model.newWaiting > 0 ? "Start practice" : "Open practice" } }
        }
    }

    private func planDay(_ day: PlanService.Day) -> Node {
        el("section", .class("today-plan")) {
            if let interview = day.interviewDate, let days = day.daysToInterview {
                el("p", .class("notice interview")) {
                    el("strong") { days == 0 ? "Interview today." : days == 1 ? "Interview tomorrow (\(interview))." : "Interview in \(days) days (\(interview))." }
                    days <= 1 ? " Go through the day-before checklist, sleep, and trust your preparation." : " The plan is fitted to end the day before."
                }
            }
            el("h2") { "Planned for \(day.date)" }
            el("p", .class("progress")) {
                if let week = day.week { "Week \(week) of \(day.weeks) · " }
                "\(day.doneInPlan) of \(day.tasksInPlan) tasks done · "
                if let week = day.thisWeek {
                    "this week \(week.doneMinutes) of \(week.plannedMinutes) planned minutes (\(week.tickedMinutes) in ticked tasks, \(week.practiceMinutes) in practice) · "
                }
                el("a", .href(SiteURL.plan.path)) { "the whole plan" }
            }
            if day.tasks.isEmpty {
                el("p") { "Nothing planned today: a rest day, or the plan has not started yet." }
            } else {
                taskList(day.tasks, showDate: false)
                el("p", .class("hint")) { "\(day.minutesPlanned) minutes planned." }
            }
            if !day.missed.isEmpty {
                el("h3") { "Missed (\(day.missed.count))" }
                el("p", .class("hint")) { "Earlier tasks not ticked yet. Do them when you can, or tick what you already did." }
                el("ul", .class("tasks")) {
                    for entry in day.missed.prefix(10) { TaskRow(entry: entry, showDate: true, returnTo: SiteURL.today.path, moveTo: day.date).node }
                }
                if day.missed.count > 10 { el("p") { el("a", .href(SiteURL.plan.path)) { "\(day.missed.count - 10) more in the whole plan" } } }
            }
        }
    }

    private func taskList(_ entries: [PlanService.Entry], showDate: Bool) -> Node {
        el("ul", .class("tasks")) {
            for entry in entries { TaskRow(entry: entry, showDate: showDate, returnTo: SiteURL.today.path).node }
        }
    }

    private func planForm() -> Node {
        PlanFormView(form: model.form, errors: model.errors, skills: model.skills, replacing: false).node
    }
}

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
            el("a", .href(SiteURL.planTask(task.taskID).path)) { task.text }
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
