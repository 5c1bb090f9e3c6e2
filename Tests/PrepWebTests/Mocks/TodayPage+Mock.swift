@testable import PrepApp
@testable import PrepWeb

extension TodayPageModel {
    /// A first visit: no plan yet, so the page offers the form.
    static let mock = TodayPageModel(day: nil, reviewsWaiting: 0, newWaiting: 5, streakDays: 0, form: PlanForm(start: MockContent.today), skills: MockContent.skills)

    /// Week 2 of a plan, right after it was made: today's task, a missed one, the interview ahead.
    static let withPlan = TodayPageModel(
        day: PlanService.Day(
            date: MockContent.today, tasks: [MockContent.entries[2]], missed: [MockContent.entries[1]], minutesPlanned: 45, week: 2, weeks: 8,
            doneInPlan: 1, tasksInPlan: 4, thisWeek: MockContent.weeks[1], interviewDate: "2026-04-27", daysToInterview: 49),
        reviewsWaiting: 12, newWaiting: 5, streakDays: 6, form: PlanForm(start: MockContent.today), flash: "Your plan is ready.",
        skills: MockContent.skills)

    /// The form refused: what was typed comes back, each error beside its field.
    static let refusedForm = TodayPageModel(
        day: nil, reviewsWaiting: 1, newWaiting: 0, streakDays: 1,
        form: PlanForm(start: MockContent.today, hoursPerDay: "lots", interviewDate: "2026-03-01", ratings: ["kubernetes": "x", "gpu": "4"]),
        errors: [
            "hours_per_day": "Enter a number of hours such as 2.5.", "skill_ratings.kubernetes": "Choose a rating from 1 to 5.",
            "interview_date": "The interview date must be after the start date.",
        ],
        skills: MockContent.skills)
}
