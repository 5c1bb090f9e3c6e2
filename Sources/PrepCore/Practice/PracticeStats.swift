import Foundation

/// Reviews per day, true retention per skill and the coming workload, for the stats page.
public struct PracticeStats: Sendable, Equatable, Codable {
    public struct Day: Sendable, Equatable, Codable {
        /// YYYY-MM-DD in the person's time zone.
        public var date: String
        public var count: Int
        public init(date: String, count: Int) {
            self.date = date
            self.count = count
        }
    }

    public struct SkillRetention: Sendable, Equatable, Codable {
        public var skill: String
        /// Reviews of cards that were in review (not learning), the ones retention counts.
        public var reviews: Int
        public var passed: Int
        /// passed / reviews; nil with no such reviews yet.
        public var retention: Double?
        public init(skill: String, reviews: Int, passed: Int) {
            self.skill = skill
            self.reviews = reviews
            self.passed = passed
            retention = reviews > 0 ? Double(passed) / Double(reviews) : nil
        }
    }

    public var timeZone: String
    /// The last 30 days, oldest first, today last.
    public var reviewsPerDay: [Day]
    /// Today and the next 29 days: cards falling due each day (overdue ones count today).
    public var forecast: [Day]
    public var retentionBySkill: [SkillRetention]
    /// Over all skills; Anki's "true retention": passed reviews of mature-or-young review cards.
    public var trueRetention: Double?
    public var cardsStudied: Int
    public var reviewsTotal: Int
    public var dueNow: Int
    /// Consecutive days with at least one review, ending today (or yesterday).
    public var streakDays: Int

    public static let window = 30

    /// What the store counts for the statistics, so that no query reads every review.
    public struct Counts: Sendable, Equatable {
        /// Reviews of the last `historyDays` days per local day number (per-day counts and
        /// the streak), counted by the store in the person's time zone.
        public var reviewsPerDay: [Int: Int]
        /// Per skill, reviews of cards in review state and how many passed.
        public var bySkill: [SkillRetention]
        public var reviewsTotal: Int
        public var cardsStudied: Int
        public var dueNow: Int
        /// Due times of cards due before the end of the forecast window.
        public var upcomingDues: [Instant]
        public init(reviewsPerDay: [Int: Int], bySkill: [SkillRetention], reviewsTotal: Int, cardsStudied: Int, dueNow: Int, upcomingDues: [Instant]) {
            self.reviewsPerDay = reviewsPerDay
            self.bySkill = bySkill
            self.reviewsTotal = reviewsTotal
            self.cardsStudied = cardsStudied
            self.dueNow = dueNow
            self.upcomingDues = upcomingDues
        }
    }

    /// Consecutive days with a review, ending today, or yesterday while today has none yet.
    public static func streak(perDay: [Int: Int], today: LocalDay) -> Int {
        var streak = 0
        var day = perDay[today.number] != nil ? today.number : today.number - 1
        while perDay[day] != nil {
            streak += 1
            day -= 1
        }
        return streak
    }

    /// How far back the store must look for per-day counts and the streak.
    public static let historyDays = 400

    /// - Parameter skillOrder: skills in the order to list them (the taxonomy's ranking).
    public static func compute(_ counts: Counts, now: Instant, timeZone: TimeZone, skillOrder: [String]) -> PracticeStats {
        let today = LocalDay(now, in: timeZone)
        let perDay = counts.reviewsPerDay
        let days = ((today.number - window + 1)...today.number).map { Day(date: LocalDay(number: $0).text, count: perDay[$0] ?? 0) }

        var dueCounts = [Int](repeating: 0, count: window)
        for due in counts.upcomingDues {
            let offset = max(0, LocalDay(due, in: timeZone).number - today.number)
            if offset < window { dueCounts[offset] += 1 }
        }
        let forecast = dueCounts.enumerated().map { Day(date: LocalDay(number: today.number + $0.offset).text, count: $0.element) }

        let rank = Dictionary(skillOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let retention = counts.bySkill.sorted { (rank[$0.skill] ?? .max, $0.skill) < (rank[$1.skill] ?? .max, $1.skill) }
        let totalReviews = retention.reduce(0) { $0 + $1.reviews }
        let totalPassed = retention.reduce(0) { $0 + $1.passed }

        let streak = Self.streak(perDay: perDay, today: today)

        return PracticeStats(
            timeZone: timeZone.identifier, reviewsPerDay: days, forecast: forecast, retentionBySkill: retention,
            trueRetention: totalReviews > 0 ? Double(totalPassed) / Double(totalReviews) : nil,
            cardsStudied: counts.cardsStudied, reviewsTotal: counts.reviewsTotal, dueNow: counts.dueNow, streakDays: streak
        )
    }

    /// Per skill, how weak it is for the daily session: the lapse rate of review cards,
    /// smoothed toward 0.5 so that two reviews do not mark a skill strong or weak.
    public static func weakness(_ bySkill: [SkillRetention]) -> [String: Double] {
        Dictionary(bySkill.map { ($0.skill, (Double($0.reviews - $0.passed) + 2) / (Double($0.reviews) + 4)) }, uniquingKeysWith: { a, _ in a })
    }
}
