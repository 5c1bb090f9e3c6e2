/// Re-flowing a plan that fell behind (issue #13, catching up): the missed tasks first, oldest
/// first, then every task not done from today on, in order, packed onto the study days from
/// today within the daily hours. Later tasks shift later to make room, as a re-plan would;
/// what was ticked stays where it is. What does not fit before the last day goes on the last
/// day, marked as over.
public enum CatchUp {
    public struct Task: Sendable, Equatable {
        public var id: String
        public var minutes: Int
        /// The day it is on now.
        public var date: String
        public init(id: String, minutes: Int, date: String) {
            self.id = id
            self.minutes = minutes
            self.date = date
        }
    }

    public struct Move: Sendable, Equatable, Codable {
        public var taskID: String
        public var from: String
        public var to: String
        public var minutes: Int
        /// The day's minutes to do after catching up.
        public var dayMinutes: Int
        /// The day goes past the daily hours: the plan's last day could not hold the rest.
        public var over: Bool
    }

    /// - Parameters:
    ///   - queue: the missed tasks, oldest first, then the tasks not done from today on, in order.
    ///   - days: the study days to fill, in order (from today to the plan's last day).
    ///   - budget: minutes a day (the plan's daily hours).
    /// - Returns: a move for each task whose day changes.
    public static func plan(queue: [Task], days: [LocalDay], budget: Int) -> [Move] {
        guard !days.isEmpty else { return [] }
        var placed: [(task: Task, day: Int)] = []
        var load = [Int](repeating: 0, count: days.count)
        var index = 0
        for task in queue {
            // A day takes the next task while it has room; an empty day takes any one task.
            while index < days.count - 1, load[index] > 0, load[index] + task.minutes > budget { index += 1 }
            load[index] += task.minutes
            placed.append((task, index))
        }
        return placed.compactMap { task, day in
            let to = days[day].text
            guard to != task.date else { return nil }
            return Move(taskID: task.id, from: task.date, to: to, minutes: task.minutes, dayMinutes: load[day], over: load[day] > budget)
        }
    }
}
