import PrepApp
import PrepCore

/// The page that opens first: today's planned tasks, missed ones, the practice waiting.
struct TodayPage {
    let model: TodayPageModel

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
                if let budget = model.dailyMinutes, day.minutesPlanned > budget {
                    el("p", .class("flash error"), .id("overloaded"), .init("role", "status")) {
                        "Today holds \(day.minutesPlanned) minutes, more than your \(PlanBuilder.formatHours(Double(budget) / 60)) a day: move something to a lighter day."
                    }
                }
            }
            if !day.missed.isEmpty {
                el("h3") { "Missed (\(day.missed.count))" }
                el("p", .class("hint")) {
                    "Earlier tasks not ticked yet. Do them when you can, or tick what you already did. "
                    el("a", .id("catch-up-link"), .href(SiteURL.planCatchUp.path)) { "Catch up: spread all \(day.missed.count) over the coming days" }
                }
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
