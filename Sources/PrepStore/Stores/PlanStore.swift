import FluentKit
import Foundation
import PrepCore
import SQLKit

/// Progress on one planned task.
public struct TaskProgress: Sendable, Equatable, Codable {
    public var taskID: String
    public var done: Instant?
    /// YYYY-MM-DD when the task was moved to another day.
    public var movedTo: String?
    public var notes: String?

    enum CodingKeys: String, CodingKey { case taskID, done, movedTo, notes }

    public init(taskID: String, done: Instant?, movedTo: String?, notes: String?) {
        self.taskID = taskID
        self.done = done
        self.movedTo = movedTo
        self.notes = notes
    }

    /// `done` is written as an ISO 8601 time, like every time in the API.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(taskID, forKey: .taskID)
        try container.encodeIfPresent(done.map(ISO8601.format), forKey: .done)
        try container.encodeIfPresent(movedTo, forKey: .movedTo)
        try container.encodeIfPresent(notes, forKey: .notes)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        taskID = try container.decode(String.self, forKey: .taskID)
        done = try container.decodeIfPresent(String.self, forKey: .done).map { try ISO8601.parse($0) }
        movedTo = try container.decodeIfPresent(String.self, forKey: .movedTo)
        notes = try container.decodeIfPresent(String.self, forKey: .notes)
    }
}

/// Reads and writes a person's plan settings and task progress.
public enum PlanStore {
    public static func settings(userID: UUID, on db: any Database) async throws -> PlanSettings? {
        let sql = try PracticeStore.sqlDatabase(db)
        guard let row = try await sql.select().column("settings").from("study_plans").where("user_id", .equal, userID).first() else { return nil }
        let text = try row.decode(column: "settings", as: String.self)
        return try JSONCoding.decoder().decode(PlanSettings.self, from: Data(text.utf8))
    }

    /// Stores the settings, replacing a plan that exists only when `replace` is set. Progress
    /// rows stay: tasks that still exist in the new plan keep their ticks and notes.
    public static func save(_ settings: PlanSettings, userID: UUID, replace: Bool, now: Instant, on db: any Database) async throws {
        let text = String(decoding: try JSONCoding.encoder().encode(settings), as: UTF8.self)
        try await Writes.transaction(on: db, bumping: userID) { tx in
            let sql = try PracticeStore.sqlDatabase(tx)
            let existing = try await sql.select().column("id").from("study_plans").where("user_id", .equal, userID).first()
            if existing != nil {
                guard replace else { throw PlanExists() }
                try await sql.update("study_plans").set("settings", to: text).set("updated_us", to: now.microseconds)
                    .where("user_id", .equal, userID).run()
            } else {
                try await sql.insert(into: "study_plans").columns("id", "user_id", "settings", "created_us", "updated_us")
                    .values(UUID(), userID, text, now.microseconds, now.microseconds).run()
            }
        }
    }

    public static func progress(userID: UUID, on db: any Database) async throws -> [String: TaskProgress] {
        let sql = try PracticeStore.sqlDatabase(db)
        let rows = try await sql.select().columns("task_id", "done_us", "moved_to", "notes").from("plan_progress")
            .where("user_id", .equal, userID).all()
        var out: [String: TaskProgress] = [:]
        for row in rows {
            let id = try row.decode(column: "task_id", as: String.self)
            out[id] = TaskProgress(
                taskID: id, done: try row.decode(column: "done_us", as: Int64?.self).map(Instant.init(microseconds:)),
                movedTo: try row.decode(column: "moved_to", as: String?.self), notes: try row.decode(column: "notes", as: String?.self))
        }
        return out
    }

    /// Marks a task done (or not done with `done: nil`).
    public static func setDone(_ done: Instant?, taskID: String, userID: UUID, on db: any Database) async throws {
        try await upsert(taskID: taskID, userID: userID, on: db) { sql in
            sql.set("done_us", to: done?.microseconds)
        }
    }

    /// Shows a task on another day (`nil`: back on its planned day).
    public static func setMovedTo(_ date: String?, taskID: String, userID: UUID, on db: any Database) async throws {
        try await upsert(taskID: taskID, userID: userID, on: db) { sql in
            sql.set("moved_to", to: date)
        }
    }

    /// The task's lab notes in Markdown (`nil` clears them).
    public static func setNotes(_ notes: String?, taskID: String, userID: UUID, on db: any Database) async throws {
        try await upsert(taskID: taskID, userID: userID, on: db) { sql in
            sql.set("notes", to: notes)
        }
    }

    /// Moves several tasks at once (catching up), all or none.
    public static func moveAll(_ moves: [(taskID: String, date: String)], userID: UUID, on db: any Database) async throws {
        try await upsertAll(moves.map { move in (move.taskID, { $0.set("moved_to", to: move.date) }) }, userID: userID, on: db)
    }

    /// Ticks several tasks at once, all or none.
    public static func setDoneAll(_ taskIDs: [String], at done: Instant, userID: UUID, on db: any Database) async throws {
        try await upsertAll(taskIDs.map { ($0, { $0.set("done_us", to: done.microseconds) }) }, userID: userID, on: db)
    }

    static func upsert(taskID: String, userID: UUID, on db: any Database, _ change: @escaping @Sendable (SQLUpdateBuilder) -> SQLUpdateBuilder) async throws {
        try await upsertAll([(taskID, change)], userID: userID, on: db)
    }

    static func upsertAll(
        _ changes: [(taskID: String, change: @Sendable (SQLUpdateBuilder) -> SQLUpdateBuilder)], userID: UUID, on db: any Database
    ) async throws {
        guard !changes.isEmpty else { return }
        try await Writes.transaction(on: db, bumping: userID) { tx in
            let sql = try PracticeStore.sqlDatabase(tx)
            for (taskID, change) in changes {
                // The row is made if missing, ignoring a concurrent maker, then changed.
                try await sql.insert(into: "plan_progress").columns("id", "user_id", "task_id").values(UUID(), userID, taskID)
                    .ignoringConflicts(with: ["user_id", "task_id"]).run()
                try await change(sql.update("plan_progress")).where("user_id", .equal, userID).where("task_id", .equal, taskID).run()
            }
        }
    }
}

/// `plan init` on a person who has a plan, without `--force`.
public struct PlanExists: UserFacingError, Equatable {
    public init() {}
    public var problem: String { "a study plan exists already" }
    public var fix: String { "pass --force to replace it (ticked tasks that still exist keep their progress)" }
}
