/// The settings of an FSRS-6 scheduler; the defaults are those of the reference
/// implementation (`fsrs` 6.3.2 on PyPI).
public struct SchedulerConfiguration: Sendable, Equatable, Codable {
    /// The 21 model weights w0…w20.
    public var parameters: [Double]
    /// The probability of recall the intervals aim for, in (0, 1).
    public var desiredRetention: Double
    /// Steps of a new card before it graduates, in microseconds.
    public var learningSteps: [Int64]
    /// Steps of a lapsed card before it returns to review, in microseconds.
    public var relearningSteps: [Int64]
    /// The longest interval, in days.
    public var maximumInterval: Int
    /// Whether review intervals of 3 days or more get the reference's random spread.
    public var fuzzing: Bool

    public static let defaultParameters: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]
    static let lowerBounds: [Double] = [
        0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
        0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
    ]
    static let upperBounds: [Double] = [
        100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5,
        5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
    ]

    public init(
        parameters: [Double] = SchedulerConfiguration.defaultParameters,
        desiredRetention: Double = 0.9,
        learningSteps: [Int64] = [60_000_000, 600_000_000],
        relearningSteps: [Int64] = [600_000_000],
        maximumInterval: Int = 36500,
        fuzzing: Bool = false
    ) {
        self.parameters = parameters
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.fuzzing = fuzzing
    }

    /// Every problem with the settings, each naming the setting; empty when usable.
    public func problems() -> [String] {
        var out: [String] = []
        if parameters.count != 21 {
            out.append("parameters: expected 21 weights (w0…w20), got \(parameters.count)")
        } else {
            for (i, w) in parameters.enumerated() where !(w >= Self.lowerBounds[i] && w <= Self.upperBounds[i]) {
                out.append("parameters: w\(i) = \(w) is outside [\(Self.lowerBounds[i]), \(Self.upperBounds[i])]")
            }
        }
        if !(desiredRetention > 0 && desiredRetention < 1) {
            out.append("desired retention: \(desiredRetention) must be between 0 and 1 (0.9 is usual)")
        }
        if learningSteps.contains(where: { $0 <= 0 }) { out.append("learning steps: every step must be longer than zero") }
        if relearningSteps.contains(where: { $0 <= 0 }) { out.append("relearning steps: every step must be longer than zero") }
        if maximumInterval < 1 { out.append("maximum interval: \(maximumInterval) must be at least 1 day") }
        return out
    }

    /// Checks the settings; the error lists every problem.
    public func validated() throws -> SchedulerConfiguration {
        let found = problems()
        guard found.isEmpty else {
            throw PlainError("invalid scheduler settings: " + found.joined(separator: "; "), fix: "fix the values named above")
        }
        return self
    }
}
