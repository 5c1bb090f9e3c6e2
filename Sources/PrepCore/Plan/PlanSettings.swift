import Foundation

/// What a person says when laying the plan onto their calendar.
public struct PlanSettings: Sendable, Hashable, Codable {
    /// The first day of study, YYYY-MM-DD.
    public var start: String
    public var hoursPerDay: Double
    /// Study days in each week counted from the start day (6 leaves one rest day).
    public var daysPerWeek: Int
    /// The day of the (first) interview, YYYY-MM-DD; the plan ends the day before.
    public var interviewDate: String?
    /// Self-ratings 1 (weak) to 5 (strong) per skill id; the plan gives weak skills more time.
    public var skillRatings: [String: Int]

    public init(start: String, hoursPerDay: Double = 2.5, daysPerWeek: Int = 6, interviewDate: String? = nil, skillRatings: [String: Int] = [:]) {
        self.start = start
        self.hoursPerDay = hoursPerDay
        self.daysPerWeek = daysPerWeek
        self.interviewDate = interviewDate
        self.skillRatings = skillRatings
    }

    public static let hoursRange = 0.5...12.0

    /// Field errors keyed by the JSON field name; empty when valid. A start in the past is
    /// allowed (the tasks before today show as missed).
    /// Plans start and interviews happen in these years: a year 0000 or 9999 is a typo, and a
    /// plan dated from it would run off the calendar (issue #12: entries dated 10000-02-22).
    public static let years = 2000...2099

    public func validate(taxonomy: Taxonomy) -> [String: String] {
        var errors: [String: String] = [:]
        var startDay = Self.day(start)
        if startDay == nil {
            errors["start"] = "Write the start date as YYYY-MM-DD (got '\(start)')."
        } else if let year = Int(start.prefix(4)), !Self.years.contains(year) {
            errors["start"] = "Use a start date from 2000-01-01 to 2099-12-31 (got '\(start)')."
            startDay = nil
        }
        if !Self.hoursRange.contains(hoursPerDay) {
            errors["hours_per_day"] = "Use between 0.5 and 12 hours a day (got \(hoursPerDay)); the seed plans 2-3."
        }
        if !(1...7).contains(daysPerWeek) { errors["days_per_week"] = "Use 1 to 7 study days a week (got \(daysPerWeek))." }
        if let interviewDate {
            if let interview = Self.day(interviewDate) {
                if let year = Int(interviewDate.prefix(4)), !Self.years.contains(year) {
                    errors["interview_date"] = "Use an interview date from 2000-01-01 to 2099-12-31 (got '\(interviewDate)')."
                } else if let startDay, interview.number <= startDay.number {
                    errors["interview_date"] = "The interview (\(interviewDate)) must come after the start (\(start))."
                }
            } else {
                errors["interview_date"] = "Write the interview date as YYYY-MM-DD (got '\(interviewDate)')."
            }
        }
        for (skill, rating) in skillRatings.sorted(by: { $0.key < $1.key }) {
            if taxonomy[skill] == nil {
                errors["skill_ratings.\(skill)"] = "'\(skill)' is not a skill id (see GET /api/v1/skills)."
            } else if !(1...5).contains(rating) {
                errors["skill_ratings.\(skill)"] = "Rate \(skill) from 1 (weak) to 5 (strong) (got \(rating))."
            }
        }
        return errors
    }

    /// A YYYY-MM-DD date as a day number; nil when it is not a real date.
    public static func day(_ text: String) -> LocalDay? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), d >= 1, d <= ISO8601.daysIn(month: m, year: y)
        else { return nil }
        return LocalDay(number: ISO8601.daysFromCivil(year: y, month: m, day: d))
    }
}
