import FluentKit

/// The owner of every user-owned row, present from the first version so that a later
/// multi-user mode needs no migration of ownership.
struct CreateUsers: AsyncMigration {
    var name: String { "2026-11-29-create-users" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UserRecord.schema)
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("time_zone", .string, .required)
            .field("role", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserRecord.schema).delete()
    }
}
