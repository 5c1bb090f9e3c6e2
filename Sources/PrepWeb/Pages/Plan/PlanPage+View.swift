import PrepApp
import PrepCore

/// `/plan`: the whole plan week by week, with progress per week and per skill.
struct PlanPage {
    let model: PlanPageModel

    func render() -> String {
        Layout.page(title: "Plan", current: .plan) {
            el("h1") { "Plan" }
            if let flash = model.flash { el("p", .class("flash ok"), .init("role", "status")) { flash } }
            if let plan = model.plan {
                el("p", .class("lede")) {
                    "\(plan.settings.start) to \(plan.end), \(plan.weeks) weeks, \(formatted(plan.settings.hoursPerDay)) h a day, \(plan.settings.daysPerWeek) days a week"
                    if let interview = plan.settings.interviewDate { ", interview on \(interview)" }
                    ". \(model.entries.filter(\.done).count) of \(model.entries.count) tasks done."
                }
                el("p") {
                    el("a", .href(SiteURL.planICS.path), .init("download", "infraprep-plan.ics")) { "Download the calendar (.ics)" }
                    " · "
                    el("a", .href(SiteURL.settings.link(fragment: "calendar"))) { "subscribe with a private link" }
                    " so your calendar follows every change"
                }
                // The page opens at this week: past weeks fold to one line, progress comes after.
                el("p", .class("jump")) {
                    if let current = model.currentWeek, current <= plan.weeks {
                        el("a", .href("#week-\(current)")) { "This week (\(current))" }
                        " · "
                    }
                    el("a", .href("#progress")) { "Time per week" }
                    " · "
                    el("a", .href("#change")) { "Change the plan" }
                }
                if !plan.notes.isEmpty { el("ul", .class("notes")) { for note in plan.notes { el("li") { note } } } }
                for (week, tasks) in Dictionary(grouping: model.entries, by: \.task.week).sorted(by: { $0.key < $1.key }) {
                    let past = model.currentWeek.map { week < $0 } ?? false
                    el("section", .class("week"), .id("week-\(week)")) {
                        el("details", attributes: [.class("week-tasks")] + (past ? [] : [.flag("open")])) {
                            el("summary") {
                                el("h2") { "Week \(week) · \(tasks.filter(\.done).count) of \(tasks.count) done" + (week == model.currentWeek ? " · this week" : "") }
                            }
                            el("ul", .class("tasks")) {
                                for entry in tasks {
                                    TaskRow(entry: entry, showDate: true, returnTo: SiteURL.plan.link(fragment: "week-\(week)")).node
                                }
                            }
                        }
                    }
                }
                el("div", .id("progress")) {
                    timePerWeek()
                    bySkill()
                }
                if let form = model.form {
                    el("details", attributes: [.class("change-plan"), .id("change")] + (model.errors.isEmpty ? [] : [.flag("open")])) {
                        el("summary") { el("span", .class("summary-title")) { "Change the plan" } }
                        el("p", .class("hint")) { "The plan is rebuilt from these settings; ticks, moves and notes stay on tasks that still exist." }
                        PlanFormView(form: form, errors: model.errors, skills: model.skills, replacing: true).node
                    }
                }
            } else {
                el("p") {
                    "No plan yet. "
                    el("a", .href(SiteURL.today.path)) { "Create one on the Today page" }
                    " or with `infraprep plan init --start YYYY-MM-DD`."
                }
            }
        }
    }

    private func timePerWeek() -> Node {
        el("section", .class("chart-block")) {
            el("h2") { "Time per week" }
            el("p", .class("legend")) {
                el("span", .class("key")) {}
                "planned · "
                el("span", .class("key filled")) {}
                "done: planned minutes of tasks ticked that week, plus time answering in practice (each answer counted up to 5 minutes)"
            }
            SVGChart.pairs(
                model.weeks.map { (label: "W\($0.week)", planned: Double($0.plannedMinutes), done: Double($0.doneMinutes)) }, unit: "min",
                title: "Minutes planned and done per week",
                description: "For each week of the plan, the minutes planned beside the minutes done. "
                    + model.weeks.map { "Week \($0.week): \($0.doneMinutes) of \($0.plannedMinutes)" }.joined(separator: "; ") + ".")
            el("details", .class("numbers")) {
                el("summary") { "The numbers" }
                el("table", .class("data")) {
                    el("thead") {
                        el("tr") {
                            el("th") { "Week" }
                            el("th") { "Starts" }
                            el("th") { "Planned" }
                            el("th") { "Tasks ticked" }
                            el("th") { "Practice" }
                        }
                    }
                    el("tbody") {
                        for week in model.weeks {
                            el("tr") {
                                el("td") { String(week.week) }
                                el("td") { week.start }
                                el("td") { "\(week.plannedMinutes) min" }
                                el("td") { "\(week.tickedMinutes) min" }
                                el("td") { "\(week.practiceMinutes) min" }
                            }
                        }
                    }
                }
            }
        }
    }

    private func bySkill() -> Node {
        var minutes: [String: (done: Int, all: Int)] = [:]
        for entry in model.entries {
            for skill in entry.task.skills {
                var value = minutes[skill] ?? (0, 0)
                value.all += entry.task.minutes
                if entry.done { value.done += entry.task.minutes }
                minutes[skill] = value
            }
        }
        // Ties by name: a dictionary's order changes from run to run, the page must not.
        let rows = minutes.sorted { ($0.value.all, model.skillName($1.key)) > ($1.value.all, model.skillName($0.key)) }
        return el("section", .class("chart-block")) {
            el("h2") { "Progress per skill" }
            SVGChart.shares(
                rows.map { skill, value in
                    SVGChart.Bar(
                        label: model.skillName(skill), value: value.all > 0 ? Double(value.done) / Double(value.all) : 0,
                        text: "\(value.all > 0 ? Int((100 * Double(value.done) / Double(value.all)).rounded()) : 0) % of \(value.all) min")
                }, title: "Share of planned minutes done per skill",
                description: rows.map { "\(model.skillName($0.key)): \($0.value.done) of \($0.value.all) minutes" }.joined(separator: "; ") + ".")
            el("details", .class("numbers")) {
                el("summary") { "The numbers" }
                el("table", .class("data")) {
                    el("thead") {
                        el("tr") {
                            el("th") { "Skill" }
                            el("th") { "Minutes done" }
                            el("th") { "Planned" }
                        }
                    }
                    el("tbody") {
                        for (skill, value) in rows {
                            el("tr") {
                                el("td") { model.skillName(skill) }
                                el("td") { String(value.done) }
                                el("td") { String(value.all) }
                            }
                        }
                    }
                }
            }
        }
    }

    private func formatted(_ hours: Double) -> String { hours == hours.rounded() ? String(Int(hours)) : String(hours) }
}
