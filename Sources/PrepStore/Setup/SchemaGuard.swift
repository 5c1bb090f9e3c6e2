import FluentKit
import SQLKit

/// Compares what `_fluent_migrations` records with the migrations this build knows.
public enum SchemaGuard {
    public struct Status: Sendable, Equatable {
        /// Applied migrations this build does not know: the database is from a newer version.
        public var unknown: [String]
        /// Known migrations not applied yet.
        public var pending: [String]

        public init(unknown: [String], pending: [String]) {
            self.unknown = unknown
            self.pending = pending
        }
    }

    public static func status(of db: any Database, known: [String] = SchemaMigrations.names) async throws -> Status {
        let applied = try await appliedNames(db)
        let knownSet = Set(known)
        return Status(
            unknown: applied.filter { !knownSet.contains($0) }.sorted(),
            pending: known.filter { !applied.contains($0) }
        )
    }

    /// Names recorded in `_fluent_migrations`; empty when the table does not exist yet.
    static func appliedNames(_ db: any Database) async throws -> Set<String> {
        guard let sql = db as? any SQLDatabase else { return [] }
        guard try await tableExists(MigrationLog.schema, on: sql) else { return [] }
        let rows = try await sql.raw("SELECT name FROM \(ident: MigrationLog.schema)").all()
        return Set(try rows.map { try $0.decode(column: "name", as: String.self) })
    }

    static func tableExists(_ table: String, on sql: any SQLDatabase) async throws -> Bool {
        let query: SQLQueryString =
            sql.dialect.name == "sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name = \(bind: table)"
            : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = \(bind: table)"
        return try await sql.raw(query).first() != nil
    }
}
