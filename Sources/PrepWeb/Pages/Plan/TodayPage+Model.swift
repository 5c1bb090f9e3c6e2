import PrepApp
import PrepCore

/// Everything Today shows, built by `PlanController`: the plan's day if there is a plan, the
/// practice waiting, and the form that makes a plan when there is none.
struct TodayPageModel: Sendable, Equatable {
    var day: PlanService.Day?
    var reviewsWaiting: Int
    var newWaiting: Int
    var streakDays: Int
    var form: PlanForm
    var errors: [String: String] = [:]
    var flash: String?
    /// The skills the plan form offers to rate.
    var skills: [Skill] = []
    /// The plan's daily hours in minutes, to warn when today holds more.
    var dailyMinutes: Int?
}
