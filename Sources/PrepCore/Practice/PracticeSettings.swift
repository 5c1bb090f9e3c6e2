/// How much a person practises each day and how hard the scheduler pushes.
public struct PracticeSettings: Sendable, Equatable, Codable {
    /// New questions introduced per day (the seed's minimum is one technical and one behavioral).
    public var newPerDay: Int
    /// The most reviews shown per day; the rest wait for tomorrow, oldest due first.
    public var reviewsPerDay: Int
    /// The recall probability intervals aim for.
    public var desiredRetention: Double

    public static let defaults = PracticeSettings(newPerDay: 5, reviewsPerDay: 100, desiredRetention: 0.9)
    public static let newPerDayRange = 0...50
    public static let reviewsPerDayRange = 1...1000
    public static let retentionRange = 0.70...0.97

    public init(newPerDay: Int, reviewsPerDay: Int, desiredRetention: Double) {
        self.newPerDay = newPerDay
        self.reviewsPerDay = reviewsPerDay
        self.desiredRetention = desiredRetention
    }

    /// Field errors keyed by the JSON field name; empty when valid.
    public func validate() -> [String: String] {
        var errors: [String: String] = [:]
        if !Self.newPerDayRange.contains(newPerDay) {
            errors["new_per_day"] = "Use a number of new questions from 0 to 50 (got \(newPerDay))."
        }
        if !Self.reviewsPerDayRange.contains(reviewsPerDay) {
            errors["reviews_per_day"] = "Use a daily review limit from 1 to 1000 (got \(reviewsPerDay))."
        }
        if !Self.retentionRange.contains(desiredRetention) {
            errors["desired_retention"] = "Use a desired retention from 0.70 to 0.97 (got \(desiredRetention)); 0.90 is the usual choice."
        }
        return errors
    }

    public var scheduler: SchedulerConfiguration { SchedulerConfiguration(desiredRetention: desiredRetention) }
}
