@testable import PrepWeb

extension PlanPageModel {
    /// A plan in its second week: one task ticked, the rest to do.
    static let mock = PlanPageModel(
        plan: MockContent.plan, entries: MockContent.entries, skillNames: MockContent.skillNames, form: PlanForm(settings: MockContent.settings),
        skills: MockContent.skills, flash: "Your plan was rebuilt; ticks and notes on tasks that still exist were kept.", weeks: MockContent.weeks)

    static let noPlan = PlanPageModel(plan: nil, entries: [], skillNames: [:])

    /// A change refused because the replace box was not ticked: the form opens with the error.
    static let refusedChange = PlanPageModel(
        plan: MockContent.plan, entries: MockContent.entries, skillNames: MockContent.skillNames,
        form: PlanForm(start: "2026-03-02", hoursPerDay: "3", daysPerWeek: "5", interviewDate: "2026-04-27", ratings: ["kubernetes": "2"]),
        errors: ["replace": "You have a plan already: tick the box to replace it."], skills: MockContent.skills, weeks: MockContent.weeks)
}
