import FluentKit

/// A person's study plan (its settings: the dated plan is rebuilt from them and the bundled
/// curriculum, so a content update reaches existing plans) and progress per planned task.
struct CreatePlans: AsyncMigration {
    var name: String { "2026-11-29-create-plans" }

    func prepare(on database: any Database) async throws {
        try await database.schema("study_plans")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("settings", .string, .required)
            .field("created_us", .int64, .required)
            .field("updated_us", .int64, .required)
            .unique(on: "user_id")
            .create()
        try await database.schema("plan_progress")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("task_id", .string, .required)
            .field("done_us", .int64)
            .field("moved_to", .string)
            .field("notes", .string)
            .unique(on: "user_id", "task_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_progress").delete()
        try await database.schema("study_plans").delete()
    }
}
