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
        /// Times of the reviews of the last `historyDays` days (for per-day counts and the streak).
        public var recentReviews: [Instant]
        /// Per skill, reviews of cards in review state and how many passed.
        public var bySkill: [SkillRetention]
        public var reviewsTotal: Int
        public var cardsStudied: Int
        public var dueNow: Int
        /// Due times of cards due before the end of the forecast window.
        public var upcomingDues: [Instant]
        public init(recentReviews: [Instant], bySkill: [SkillRetention], reviewsTotal: Int, cardsStudied: Int, dueNow: Int, upcomingDues: [Instant]) {
            self.recentReviews = recentReviews
            self.bySkill = bySkill
            self.reviewsTotal = reviewsTotal
            self.cardsStudied = cardsStudied
            self.dueNow = dueNow
            self.upcomingDues = upcomingDues
        }
    }

    /// How far back the store must look for per-day counts and the streak.
    public static let historyDays = 400

    /// - Parameter skillOrder: skills in the order to list them (the taxonomy's ranking).
    public static func compute(_ counts: Counts, now: Instant, timeZone: TimeZone, skillOrder: [String]) -> PracticeStats {
        let today = LocalDay(now, in: timeZone)
        var perDay: [Int: Int] = [:]
        for time in counts.recentReviews { perDay[LocalDay(time, in: timeZone).number, default: 0] += 1 }
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

        var streak = 0
        var day = perDay[today.number] != nil ? today.number : today.number - 1
        while perDay[day] != nil {
            streak += 1
            day -= 1
        }

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

/// A calendar day in a time zone, as a day number since 1970-01-01.
public struct LocalDay: Sendable, Equatable, Comparable {
    public let number: Int

    public init(number: Int) { self.number = number }

    public init(_ instant: Instant, in zone: TimeZone) {
        let seconds = instant.microseconds / 1_000_000
        let offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
        let local = seconds + offset
        number = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    /// The instant the day starts in `zone`.
    public func start(in zone: TimeZone) -> Instant {
        let midnightUTC = Int64(number) * 86_400
        // The offset at local midnight; two passes settle days when the offset changes.
        var offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(midnightUTC))))
        offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(midnightUTC - offset))))
        return Instant(seconds: midnightUTC - offset)
    }

    /// The instant the wall clock in `zone` shows `minute` minutes after midnight on this day
    /// (not midnight plus that many minutes: on a day the clocks change they differ by the
    /// shift). A time skipped by a spring-forward lands just after the gap, as calendars do.
    public func instant(atMinute minute: Int, in zone: TimeZone) -> Instant {
        let localSeconds = Int64(number) * 86_400 + Int64(minute) * 60
        var offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(localSeconds))))
        offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(localSeconds - offset))))
        return Instant(seconds: localSeconds - offset)
    }

    public var text: String {
        let (y, m, d) = ISO8601.civilFromDays(number)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    public static func < (a: LocalDay, b: LocalDay) -> Bool { a.number < b.number }
}
