import FluentKit

/// Answers to the readiness checklists and the red-flag audit, and one readiness snapshot
/// per person and local day (for the chart of readiness over time).
struct CreateReadiness: AsyncMigration {
    var name: String { "2026-11-29-create-readiness" }

    func prepare(on database: any Database) async throws {
        try await database.schema("checklist_answers")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("item_id", .string, .required)
            .field("answer", .string, .required)
            .field("answered_us", .int64, .required)
            .unique(on: "user_id", "item_id")
            .create()
        try await database.schema("readiness_snapshots")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("day", .string, .required)
            .field("overall", .int)
            .field("areas", .string, .required)
            .field("taken_us", .int64, .required)
            .unique(on: "user_id", "day")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("readiness_snapshots").delete()
        try await database.schema("checklist_answers").delete()
    }
}
