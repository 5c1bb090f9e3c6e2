import Foundation

/// The FSRS-6 scheduler, step for step as the reference implementation (`fsrs` 6.3.2 on
/// PyPI) computes it, so the same reviews give the same stability, difficulty and due date.
///
/// Exactness rules kept here: powers of e are taken with `pow(M_E, x)` as Python's
/// `math.e ** x` does (not `exp`, which can differ in the last bit); products are evaluated
/// in the reference's order; rounding to whole days is half-to-even like Python's `round`.
public struct FSRS: Sendable {
    public let configuration: SchedulerConfiguration
    private let w: [Double]
    private let decay: Double
    private let factor: Double
    /// The interval multiplier for the desired retention, computed once.
    private let retentionTerm: Double

    static let minimumStability = 0.001

    /// - Throws: when the configuration has a problem (see `SchedulerConfiguration.problems`).
    public init(_ configuration: SchedulerConfiguration = SchedulerConfiguration()) throws {
        self.configuration = try configuration.validated()
        w = configuration.parameters
        decay = -w[20]
        factor = pow(0.9, 1 / decay) - 1
        retentionTerm = pow(configuration.desiredRetention, 1 / decay) - 1
    }

    public enum ReviewError: UserFacingError, Equatable {
        case timeBeforeLastReview(review: Instant, last: Instant)

        public var problem: String {
            switch self {
            case let .timeBeforeLastReview(review, last):
                "the review time \(ISO8601.format(review)) is before the card's last review at \(ISO8601.format(last))"
            }
        }
        public var fix: String { "reviews of a card must be given in time order" }
    }

    /// The card after a review. Fuzzing (if configured) draws from `random`.
    public func review<R: RandomNumberGenerator>(_ card: SRSCard, rating: Rating, at time: Instant, random: inout R) throws(ReviewError) -> SRSCard {
        var next = try scheduled(card, rating: rating, at: time)
        if configuration.fuzzing, next.card.state == .review, let days = next.days {
            next.card.due = time.adding(days: fuzzed(days, random: &random))
        }
        return next.card
    }

    /// The card after a review, without fuzz.
    public func review(_ card: SRSCard, rating: Rating, at time: Instant) throws(ReviewError) -> SRSCard {
        try scheduled(card, rating: rating, at: time).card
    }

    /// What each grade would do to the card now, without fuzz: the intervals shown on the
    /// grade buttons.
    public func preview(_ card: SRSCard, at time: Instant) -> [Rating: SRSCard] {
        var out: [Rating: SRSCard] = [:]
        for rating in Rating.allCases { out[rating] = try? scheduled(card, rating: rating, at: time).card }
        return out
    }

    /// What each grade would do to the card now with the fuzz `random` gives each grade (a
    /// fresh generator per grade, as the grade itself would get): intervals to show when the
    /// grade will draw the same fuzz (`FuzzSeed`).
    public func preview<R: RandomNumberGenerator>(_ card: SRSCard, at time: Instant, random makeRandom: () -> R) -> [Rating: SRSCard] {
        var out: [Rating: SRSCard] = [:]
        for rating in Rating.allCases {
            var random = makeRandom()
            out[rating] = try? review(card, rating: rating, at: time, random: &random)
        }
        return out
    }

    /// The predicted probability of recalling the card at `time` (0 before any review).
    public func retrievability(of card: SRSCard, at time: Instant) -> Double {
        guard let last = card.lastReview, let stability = card.stability else { return 0 }
        let elapsed = max(0, time.wholeDays(since: last))
        return pow(1 + factor * Double(elapsed) / stability, decay)
    }

    /// Recall now, for readiness: the forgetting curve at the exact time since the last review
    /// (the scheduler counts whole days, so a card failed an hour ago would read 100 %), and 0
    /// for a card still in learning or relearning: it has not been learned yet.
    public func recall(of card: SRSCard, at time: Instant) -> Double {
        guard card.state == .review, let last = card.lastReview, let stability = card.stability, stability > 0 else { return 0 }
        let days = max(0, Double(time.microseconds - last.microseconds) / 86_400_000_000)
        return pow(1 + factor * days / stability, decay)
    }

    // MARK: - The reference's review_card

    /// The reviewed card, and the interval in days when it was scheduled in whole days.
    private func scheduled(_ card: SRSCard, rating: Rating, at time: Instant) throws(ReviewError) -> (card: SRSCard, days: Int?) {
        if let last = card.lastReview, time < last { throw .timeBeforeLastReview(review: time, last: last) }
        var card = card
        let sameDay = card.lastReview.map { time.wholeDays(since: $0) < 1 } ?? false
        let learning = configuration.learningSteps
        let relearning = configuration.relearningSteps
        var interval: Interval

        switch card.state {
        case .learning:
            let step = card.step ?? 0
            if let stability = card.stability, let difficulty = card.difficulty {
                card.stability =
                    sameDay
                    ? shortTermStability(stability, rating)
                    : nextStability(difficulty, stability, retrievability(of: card, at: time), rating)
                card.difficulty = nextDifficulty(difficulty, rating)
            } else {
                card.stability = initialStability(rating)
                card.difficulty = clampDifficulty(initialDifficulty(rating))
            }
            interval = stepInterval(&card, step: step, steps: learning, rating: rating)
        case .review:
            let stability = card.stability ?? initialStability(rating)
            let difficulty = card.difficulty ?? clampDifficulty(initialDifficulty(rating))
            card.stability =
                sameDay
                ? shortTermStability(stability, rating)
                : nextStability(difficulty, stability, retrievability(of: card, at: time), rating)
            card.difficulty = nextDifficulty(difficulty, rating)
            if rating == .again, !relearning.isEmpty {
                card.state = .relearning
                card.step = 0
                interval = .exact(relearning[0])
            } else {
                interval = .days(nextInterval(card.stability!))
            }
        case .relearning:
            let step = card.step ?? 0
            let stability = card.stability ?? initialStability(rating)
            let difficulty = card.difficulty ?? clampDifficulty(initialDifficulty(rating))
            card.stability =
                sameDay
                ? shortTermStability(stability, rating)
                : nextStability(difficulty, stability, retrievability(of: card, at: time), rating)
            card.difficulty = nextDifficulty(difficulty, rating)
            interval = stepInterval(&card, step: step, steps: relearning, rating: rating)
        }

        card.lastReview = time
        switch interval {
        case let .exact(micro):
            card.due = time.adding(microseconds: micro)
            return (card, nil)
        case let .days(days):
            card.due = time.adding(days: days)
            return (card, days)
        }
    }

    private enum Interval {
        case exact(Int64)
        case days(Int)
    }

    /// The learning/relearning step logic, shared by both states as in the reference.
    private func stepInterval(_ card: inout SRSCard, step: Int, steps: [Int64], rating: Rating) -> Interval {
        func graduate() -> Interval {
            card.state = .review
            card.step = nil
            return .days(nextInterval(card.stability!))
        }
        if steps.isEmpty || (step >= steps.count && rating != .again) { return graduate() }
        switch rating {
        case .again:
            card.step = 0
            return .exact(steps[0])
        case .hard:
            card.step = step
            if step == 0, steps.count == 1 { return .exact(Self.roundHalfEven(Double(steps[0]) * 1.5)) }
            if step == 0, steps.count >= 2 { return .exact(Self.roundHalfEven(Double(steps[0] + steps[1]) / 2.0)) }
            return .exact(steps[min(step, steps.count - 1)])
        case .good:
            if step + 1 == steps.count { return graduate() }
            card.step = step + 1
            return .exact(steps[min(step + 1, steps.count - 1)])
        case .easy:
            return graduate()
        }
    }

    // MARK: - The model's formulas

    private func clampDifficulty(_ d: Double) -> Double { min(max(d, 1.0), 10.0) }
    private func clampStability(_ s: Double) -> Double { max(s, Self.minimumStability) }

    private func initialStability(_ rating: Rating) -> Double { clampStability(w[rating.rawValue - 1]) }

    private func initialDifficulty(_ rating: Rating) -> Double {
        w[4] - pow(M_E, w[5] * Double(rating.rawValue - 1)) + 1
    }

    private func nextInterval(_ stability: Double) -> Int {
        let raw = (stability / factor) * retentionTerm
        var days = Int(Self.roundHalfEven(raw))
        days = max(days, 1)
        return min(days, configuration.maximumInterval)
    }

    private func shortTermStability(_ stability: Double, _ rating: Rating) -> Double {
        var increase = pow(M_E, w[17] * (Double(rating.rawValue - 3) + w[18])) * pow(stability, -w[19])
        if rating != .again { increase = max(increase, 1.0) }
        return clampStability(stability * increase)
    }

    private func nextDifficulty(_ difficulty: Double, _ rating: Rating) -> Double {
        let easy = initialDifficulty(.easy)
        let delta = -(w[6] * Double(rating.rawValue - 3))
        let damped = difficulty + (10.0 - difficulty) * delta / 9.0
        return clampDifficulty(w[7] * easy + (1 - w[7]) * damped)
    }

    private func nextStability(_ difficulty: Double, _ stability: Double, _ retrievability: Double, _ rating: Rating) -> Double {
        let next: Double
        if rating == .again {
            let longTerm = w[11] * pow(difficulty, -w[12]) * (pow(stability + 1, w[13]) - 1) * pow(M_E, (1 - retrievability) * w[14])
            let shortTerm = stability / pow(M_E, w[17] * w[18])
            next = min(longTerm, shortTerm)
        } else {
            let hardPenalty = rating == .hard ? w[15] : 1
            let easyBonus = rating == .easy ? w[16] : 1
            next =
                stability
                * (1 + pow(M_E, w[8]) * (11 - difficulty) * pow(stability, -w[9])
                    * (pow(M_E, (1 - retrievability) * w[10]) - 1) * hardPenalty * easyBonus)
        }
        return clampStability(next)
    }

    // MARK: - Fuzz

    /// The reference's fuzz: a uniform whole number of days in a range that widens with
    /// the interval (15 % of days 2.5-7, 10 % of 7-20, 5 % beyond), never below 2 days.
    func fuzzed<R: RandomNumberGenerator>(_ days: Int, random: inout R) -> Int {
        guard Double(days) >= 2.5 else { return days }
        let range = fuzzRange(days)
        let value = Double.random(in: 0..<1, using: &random) * Double(range.upperBound - range.lowerBound + 1) + Double(range.lowerBound)
        return min(Int(Self.roundHalfEven(value)), configuration.maximumInterval)
    }

    func fuzzRange(_ days: Int) -> ClosedRange<Int> {
        var delta = 1.0
        for (start, end, share) in [(2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, Double.infinity, 0.05)] {
            delta += share * max(min(Double(days), end) - start, 0.0)
        }
        var low = Int(Self.roundHalfEven(Double(days) - delta))
        var high = Int(Self.roundHalfEven(Double(days) + delta))
        low = max(2, low)
        high = min(high, configuration.maximumInterval)
        low = min(low, high)
        return low...high
    }

    static func roundHalfEven(_ x: Double) -> Int64 { Int64(x.rounded(.toNearestOrEven)) }
}
