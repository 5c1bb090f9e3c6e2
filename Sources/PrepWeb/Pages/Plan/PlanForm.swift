import PrepCore

/// The plan form's fields as typed, so a refused value is shown again.
struct PlanForm: Sendable, Equatable {
    var start: String
    var hoursPerDay: String = "2.5"
    var daysPerWeek: String = "6"
    var interviewDate: String = ""
    /// Skill id to the rating as typed ("" for not rated).
    var ratings: [String: String] = [:]
    var replace = false

    init(start: String, hoursPerDay: String = "2.5", daysPerWeek: String = "6", interviewDate: String = "", ratings: [String: String] = [:], replace: Bool = false) {
        self.start = start
        self.hoursPerDay = hoursPerDay
        self.daysPerWeek = daysPerWeek
        self.interviewDate = interviewDate
        self.ratings = ratings
        self.replace = replace
    }

    /// The form filled from a plan's settings, for changing it.
    init(settings: PlanSettings) {
        self.init(
            start: settings.start, hoursPerDay: PlanForm.hours(settings.hoursPerDay), daysPerWeek: String(settings.daysPerWeek),
            interviewDate: settings.interviewDate ?? "", ratings: settings.skillRatings.mapValues(String.init))
    }

    static func hours(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }

    /// The skills a person may rate: those with a tier, then behavioral and interview craft.
    static func ratedSkills(_ taxonomy: Taxonomy) -> [Skill] {
        taxonomy.skills.filter { $0.parent == nil }.sorted { ($0.tier ?? 9, $0.name) < ($1.tier ?? 9, $1.name) }
    }
}
