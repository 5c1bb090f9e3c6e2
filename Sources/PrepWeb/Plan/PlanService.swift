import FluentKit
import Foundation
import PrepContent
import PrepCore
import PrepStore

/// A person's plan with their progress, for one day: what the Today view, the plan
/// commands and (later) the plan pages share.
public struct PlanService: Sendable {
    /// The person, database, catalog and moment, shared with practice.
    public let context: PracticeService
    public var db: any Database { context.db }
    public var catalog: ContentCatalog { context.catalog }
    public var userID: UUID { context.userID }
    public var timeZone: TimeZone { context.timeZone }
    public var now: Instant { context.now }

    public init(_ context: PracticeService) {
        self.context = context
    }

    public struct Entry: Sendable, Codable, Equatable {
        public var task: PlannedTask
        public var progress: TaskProgress?
        /// The day the task is to be done: moved, or as planned.
        public var date: String
        public var done: Bool
    }

    public struct Day: Sendable, Codable, Equatable {
        public var date: String
        /// Today's tasks, then earlier ones not done (missed), each with its progress.
        public var tasks: [Entry]
        public var missed: [Entry]
        public var minutesPlanned: Int
        public var week: Int?
        public var weeks: Int
        public var doneInPlan: Int
        public var tasksInPlan: Int
    }

    public enum Failure: UserFacingError, Equatable {
        case noPlan
        case unknownTask(String, suggestions: [String])

        public var problem: String {
            switch self {
            case .noPlan: "there is no study plan yet"
            case let .unknownTask(id, _): "no planned task has the id '\(id)'"
            }
        }
        public var fix: String {
            switch self {
            case .noPlan: "create one with `infraprep plan init --start YYYY-MM-DD`"
            case let .unknownTask(_, suggestions): suggestions.isEmpty ? "`infraprep plan show` lists the task ids" : "did you mean \(suggestions.joined(separator: ", "))?"
            }
        }
    }

    public func plan() async throws -> StudyPlan? {
        guard let settings = try await PlanStore.settings(userID: userID, on: db) else { return nil }
        return try PlanBuilder.build(curriculum: catalog.curriculum, taxonomy: catalog.taxonomy, settings: settings)
    }

    public func entries() async throws -> (StudyPlan, [Entry]) {
        guard let plan = try await plan() else { throw Failure.noPlan }
        let progress = try await PlanStore.progress(userID: userID, on: db)
        let entries = plan.tasks.map { task in
            let state = progress[task.id]
            return Entry(task: task, progress: state, date: state?.movedTo ?? task.date, done: state?.done != nil)
        }
        return (plan, entries)
    }

    public func day() async throws -> Day {
        let (plan, entries) = try await entries()
        let today = LocalDay(now, in: timeZone)
        let todays = entries.filter { $0.date == today.text }
        let missed = entries.filter { !$0.done && (PlanSettings.day($0.date)?.number ?? .max) < today.number }
        let start = PlanSettings.day(plan.settings.start)?.number ?? today.number
        let week = today.number >= start ? (today.number - start) / 7 + 1 : nil
        return Day(date: today.text, tasks: todays, missed: missed, minutesPlanned: todays.reduce(0) { $0 + $1.task.minutes },
                   week: week.flatMap { $0 <= plan.weeks ? $0 : nil }, weeks: plan.weeks,
                   doneInPlan: entries.filter(\.done).count, tasksInPlan: entries.count)
    }

    /// Ticks (or unticks) a planned task by its id (`fnd-k8s-course`, or `fnd-k8s-course#2` for a part).
    public func setDone(_ taskID: String, done: Bool) async throws -> Entry {
        let (_, entries) = try await entries()
        guard var entry = entries.first(where: { $0.task.id == taskID }) else {
            let close = entries.map(\.task.id).filter { $0.hasPrefix(taskID) || taskID.hasPrefix($0) }.prefix(3)
            throw Failure.unknownTask(taskID, suggestions: Array(close))
        }
        try await PlanStore.setDone(done ? now : nil, taskID: taskID, userID: userID, on: db)
        entry.done = done
        entry.progress = TaskProgress(taskID: taskID, done: done ? now : nil, movedTo: entry.progress?.movedTo, notes: entry.progress?.notes)
        return entry
    }
}
