import FluentKit

/// A person's calendar subscription: the SHA-256 of its secret token (the token itself is
/// shown once and never stored, so a copy of the database cannot be used to read calendars)
/// and the local time study blocks start.
struct CreateCalendarFeeds: AsyncMigration {
    var name: String { "2026-11-29-create-calendar-feeds" }

    func prepare(on database: any Database) async throws {
        try await database.schema("calendar_feeds")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("token_sha256", .string, .required)
            .field("start_minute", .int, .required)
            .field("created_us", .int64, .required)
            .unique(on: "user_id")
            .unique(on: "token_sha256")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("calendar_feeds").delete()
    }
}
