import FluentKit
import SQLKit

/// Spaced-repetition cards (one per user and question), their review log, and each
/// person's practice settings. Times are integer microseconds since the epoch (UTC), the
/// scheduler's own unit, so due dates survive a round trip exactly on both databases.
struct CreatePractice: AsyncMigration {
    var name: String { "2026-11-29-create-practice" }

    func prepare(on database: any Database) async throws {
        try await database.schema("practice_settings")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("new_per_day", .int, .required)
            .field("reviews_per_day", .int, .required)
            .field("desired_retention", .double, .required)
            .unique(on: "user_id")
            .create()

        try await database.schema("srs_cards")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("item_id", .string, .required)
            .field("state", .int, .required)
            .field("step", .int)
            .field("stability", .double)
            .field("difficulty", .double)
            .field("due_us", .int64, .required)
            .field("last_review_us", .int64)
            .field("reps", .int, .required)
            .field("lapses", .int, .required)
            .field("created_us", .int64, .required)
            .unique(on: "user_id", "item_id")
            .create()

        try await database.schema("srs_reviews")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("card_id", .uuid, .required, .references("srs_cards", "id", onDelete: .cascade))
            .field("item_id", .string, .required)
            .field("skill", .string, .required)
            .field("rating", .int, .required)
            .field("reviewed_us", .int64, .required)
            .field("recorded_us", .int64, .required)
            .field("duration_ms", .int)
            .field("rubric_hits", .int)
            .field("rubric_total", .int)
            .field("client_review_id", .string)
            // The card before the review (prev_state null: it was new), for undo.
            .field("prev_state", .int)
            .field("prev_step", .int)
            .field("prev_stability", .double)
            .field("prev_difficulty", .double)
            .field("prev_due_us", .int64)
            .field("prev_last_review_us", .int64)
            .field("prev_reps", .int, .required)
            .field("prev_lapses", .int, .required)
            // The card after it, to answer a retried request with the original result.
            .field("after_state", .int, .required)
            .field("after_step", .int)
            .field("after_stability", .double, .required)
            .field("after_difficulty", .double, .required)
            .field("after_due_us", .int64, .required)
            .unique(on: "user_id", "client_review_id")
            .create()

        guard let sql = database as? any SQLDatabase else { return }
        // The due queue and "today" are range scans per user; these keep them off full scans.
        try await sql.create(index: "srs_cards_user_due").on("srs_cards").column("user_id").column("due_us").run()
        try await sql.create(index: "srs_reviews_user_time").on("srs_reviews").column("user_id").column("reviewed_us").run()
        try await sql.create(index: "srs_reviews_card").on("srs_reviews").column("card_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("srs_reviews").delete()
        try await database.schema("srs_cards").delete()
        try await database.schema("practice_settings").delete()
    }
}
