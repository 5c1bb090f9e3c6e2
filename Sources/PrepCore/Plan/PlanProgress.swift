import Foundation

/// Time per week of the plan: what was planned against what was done.
public enum PlanProgress {
    public struct Week: Sendable, Equatable, Codable {
        public var week: Int
        /// The week's first day, YYYY-MM-DD.
        public var start: String
        public var plannedMinutes: Int
        /// Planned minutes of the tasks ticked during the week (whenever they were planned).
        public var tickedMinutes: Int
        /// Time spent answering in practice during the week, each answer capped.
        public var practiceMinutes: Int
        public var doneMinutes: Int { tickedMinutes + practiceMinutes }
    }

    /// An answer left open longer than this counts as this long (as Anki caps answer time),
    /// so a card left on screen over lunch does not count as study.
    public static let answerCapMilliseconds = 5 * 60_000

    /// - Parameter practice: each answer's time; every answer is capped here.
    public static func weeks(plan: StudyPlan, ticks: [(at: Instant, minutes: Int)], practice: [(at: Instant, milliseconds: Int)], timeZone: TimeZone) -> [Week] {
        var perDay: [Int: Int] = [:]
        for answer in practice { perDay[LocalDay(answer.at, in: timeZone).number, default: 0] += min(max(answer.milliseconds, 0), answerCapMilliseconds) }
        return weeks(plan: plan, ticks: ticks, practicePerDay: perDay, timeZone: timeZone)
    }

    /// - Parameter practicePerDay: answering time per local day number, each answer already
    ///   capped (the store sums it so).
    public static func weeks(plan: StudyPlan, ticks: [(at: Instant, minutes: Int)], practicePerDay: [Int: Int], timeZone: TimeZone) -> [Week] {
        guard let start = PlanSettings.day(plan.settings.start) else { return [] }
        func week(of instant: Instant) -> Int? {
            let day = LocalDay(instant, in: timeZone).number
            return day >= start.number ? (day - start.number) / 7 + 1 : nil
        }
        var weeks = (1...max(plan.weeks, 1)).map {
            Week(week: $0, start: LocalDay(number: start.number + ($0 - 1) * 7).text, plannedMinutes: 0, tickedMinutes: 0, practiceMinutes: 0)
        }
        for task in plan.tasks where task.week >= 1 && task.week <= weeks.count { weeks[task.week - 1].plannedMinutes += task.minutes }
        for tick in ticks { if let w = week(of: tick.at), w <= weeks.count { weeks[w - 1].tickedMinutes += tick.minutes } }
        var answered = Array(repeating: 0, count: weeks.count)
        for (day, milliseconds) in practicePerDay where day >= start.number {
            let w = (day - start.number) / 7 + 1
            if w <= weeks.count { answered[w - 1] += milliseconds }
        }
        for index in weeks.indices { weeks[index].practiceMinutes = Int((Double(answered[index]) / 60_000).rounded()) }
        return weeks
    }
}
