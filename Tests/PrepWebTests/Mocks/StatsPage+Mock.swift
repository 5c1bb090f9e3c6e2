@testable import PrepCore
@testable import PrepWeb

extension StatsPageModel {
    /// The 30 days ending on `last`, with counts from `count(dayIndex)`.
    static func days(endingOn last: (year: Int, month: Int, day: Int), _ count: (Int) -> Int) -> [PracticeStats.Day] {
        let end = ISO8601.daysFromCivil(year: last.year, month: last.month, day: last.day)
        return (0..<PracticeStats.window).map { PracticeStats.Day(date: LocalDay(number: end - PracticeStats.window + 1 + $0).text, count: count($0)) }
    }

    /// Three weeks of practice with a streak, a forecast and two skills past learning.
    static let mock = StatsPageModel(
        stats: PracticeStats(
            timeZone: "Europe/Berlin",
            reviewsPerDay: days(endingOn: (2026, 3, 9)) { $0 < 9 ? 0 : [12, 7, 0, 15, 22, 9][$0 % 6] },
            forecast: days(endingOn: (2026, 4, 7)) { [14, 6, 3, 0, 8, 2, 1][$0 % 7] },
            retentionBySkill: [
                .init(skill: "kubernetes", reviews: 48, passed: 43), .init(skill: "gpu", reviews: 20, passed: 15), .init(skill: "behavioral", reviews: 0, passed: 0),
            ],
            trueRetention: 58.0 / 68.0, cardsStudied: 64, reviewsTotal: 211, dueNow: 14, streakDays: 6),
        skillNames: MockContent.skillNames)

    /// Before the first grade: zeros, empty charts and the hint to start.
    static let empty = StatsPageModel(
        stats: PracticeStats(
            timeZone: "Europe/Berlin", reviewsPerDay: days(endingOn: (2026, 3, 9)) { _ in 0 }, forecast: days(endingOn: (2026, 4, 7)) { _ in 0 },
            retentionBySkill: [], trueRetention: nil, cardsStudied: 0, reviewsTotal: 0, dueNow: 0, streakDays: 0),
        skillNames: [:])
}
