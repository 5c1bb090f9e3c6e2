import FluentKit
import Foundation
import PrepCore
import SQLKit

/// A day's readiness as it was measured, for the chart of readiness over time.
public struct ReadinessSnapshot: Sendable, Equatable, Codable {
    /// YYYY-MM-DD in the person's time zone.
    public var day: String
    public var overall: Int?
    /// Score per skill area and interview type id (absent: no evidence that day).
    public var areas: [String: Int]

    public init(day: String, overall: Int?, areas: [String: Int]) {
        self.day = day
        self.overall = overall
        self.areas = areas
    }
}

/// Checklist answers and readiness snapshots.
public enum ReadinessStore {
    public static func answers(userID: UUID, on db: any Database) async throws -> [String: ChecklistAnswer] {
        let rows = try await PracticeStore.sqlDatabase(db).select().columns("item_id", "answer").from("checklist_answers")
            .where("user_id", .equal, userID).all()
        var out: [String: ChecklistAnswer] = [:]
        for row in rows {
            if let answer = ChecklistAnswer(rawValue: try row.decode(column: "answer", as: String.self)) {
                out[try row.decode(column: "item_id", as: String.self)] = answer
            }
        }
        return out
    }

    /// Records an answer, or forgets it with `nil`, and raises the person's revision (the
    /// Readiness page is kept under it). An upsert, so two tabs answering at once cannot
    /// collide on the unique index.
    public static func setAnswer(_ answer: ChecklistAnswer?, itemID: String, userID: UUID, now: Instant, on db: any Database) async throws {
        try await Writes.transaction(on: db, bumping: userID) { tx in
            let sql = try PracticeStore.sqlDatabase(tx)
            if let answer {
                try await sql.insert(into: "checklist_answers").columns("id", "user_id", "item_id", "answer", "answered_us")
                    .values(UUID(), userID, itemID, answer.rawValue, now.microseconds)
                    .onConflict(with: ["user_id", "item_id"]) { $0.set(excludedValueOf: "answer").set(excludedValueOf: "answered_us") }
                    .run()
            } else {
                try await sql.delete(from: "checklist_answers").where("user_id", .equal, userID).where("item_id", .equal, itemID).run()
            }
        }
    }

    /// Keeps the latest measurement of the day: a second look the same day replaces the first.
    public static func saveSnapshot(_ snapshot: ReadinessSnapshot, userID: UUID, now: Instant, on db: any Database) async throws {
        // Plain coders: the keys are ids and must not be case-converted.
        let areas = String(decoding: try JSONEncoder().encode(snapshot.areas), as: UTF8.self)
        // Derived from the data, so it raises no revision; still a write, so it waits its turn.
        try await Writes.transaction(on: db, bumping: nil) { tx in
            try await PracticeStore.sqlDatabase(tx).insert(into: "readiness_snapshots").columns("id", "user_id", "day", "overall", "areas", "taken_us")
                .values(UUID(), userID, snapshot.day, snapshot.overall, areas, now.microseconds)
                .onConflict(with: ["user_id", "day"]) { $0.set(excludedValueOf: "overall").set(excludedValueOf: "areas").set(excludedValueOf: "taken_us") }
                .run()
        }
    }

    /// Oldest first.
    public static func snapshots(userID: UUID, on db: any Database) async throws -> [ReadinessSnapshot] {
        let rows = try await PracticeStore.sqlDatabase(db).select().columns("day", "overall", "areas").from("readiness_snapshots")
            .where("user_id", .equal, userID).orderBy("day").all()
        return try rows.map { row in
            let areas = try JSONDecoder().decode([String: Int].self, from: Data(try row.decode(column: "areas", as: String.self).utf8))
            return ReadinessSnapshot(day: try row.decode(column: "day", as: String.self), overall: try row.decode(column: "overall", as: Int?.self), areas: areas)
        }
    }
}
