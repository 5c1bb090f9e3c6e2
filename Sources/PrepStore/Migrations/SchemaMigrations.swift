import FluentKit

/// Every migration, oldest first. Append only: a released migration is never edited or
/// reordered, because its name is what `_fluent_migrations` records.
public enum SchemaMigrations {
    public static let all: [any Migration] = [
        CreateUsers(),
        CreatePractice(),
        CreatePlans(),
        CreateCalendarFeeds(),
        CreateReadiness(),
        CreateSkillCounts(),
        CreateUserRevisions(),
    ]

    public static var names: [String] { all.map(\.name) }

    public static func register(on migrations: Migrations) {
        for migration in all { migrations.add(migration) }
    }
}
