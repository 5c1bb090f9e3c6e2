import FluentKit

/// One counter per person, raised by every write of their practice, plan or profile in the
/// write's own transaction, so a replica can tell with one indexed read whether what it
/// derived for that person (Today's summary) is still current.
struct CreateUserRevisions: AsyncMigration {
    var name: String { "2026-12-06-create-user-revisions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("user_revisions")
            .field("user_id", .uuid, .identifier(auto: false), .references("users", "id", onDelete: .cascade))
            .field("revision", .int64, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("user_revisions").delete()
    }
}
