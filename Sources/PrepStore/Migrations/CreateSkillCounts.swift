import FluentKit
import PrepCore
import SQLKit

/// Per person and skill, reviews of cards that were in review state and how many passed:
/// the retention that practice, statistics and readiness read on every page, kept up to date
/// in the review's own transaction instead of counted from the whole log each time.
/// Filled from the existing log when it is created.
struct CreateSkillCounts: AsyncMigration {
    var name: String { "2026-12-06-create-srs-skill-counts" }

    func prepare(on database: any Database) async throws {
        try await database.schema("srs_skill_counts")
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("skill", .string, .required)
            .field("reviews", .int64, .required)
            .field("passed", .int64, .required)
            .unique(on: "user_id", "skill")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw(
            """
            INSERT INTO srs_skill_counts (user_id, skill, reviews, passed)
            SELECT user_id, skill, COUNT(*), SUM(CASE WHEN rating > 1 THEN 1 ELSE 0 END) FROM srs_reviews
            WHERE prev_state = \(bind: CardState.review.rawValue) GROUP BY user_id, skill
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("srs_skill_counts").delete()
    }
}
