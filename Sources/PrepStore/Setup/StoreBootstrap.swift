import FluentKit
import FluentSQLiteDriver
import Foundation
import Logging
import PrepCore
import SQLKit

/// Brings a database to the state this build expects: reachable, not from a newer
/// version, migrated, and with its local user. Both the server and the CLI start here.
public enum StoreBootstrap {
    public static func prepare(
        databases: Databases, migrations: Migrations, storage: StorageConfiguration, logger: Logger
    ) async throws -> UserProfile {
        let eventLoop = databases.eventLoopGroup.any()
        guard let db = databases.database(logger: logger, on: eventLoop) else {
            throw StoreError.unreachable(location: storage.location, reason: "no database is configured")
        }
        try await ping(db, storage: storage)
        if case .sqlite = storage, let sql = db as? any SQLDatabase {
            // WAL lets readers run while a review is being written; the mode is stored in the file.
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        }
        try await db.withConnection { connection in
            try await migrateLocked(connection, migrations: migrations, storage: storage)
        }
        return try await UserStore.ensureLocalUser(on: db)
    }

    /// Reverts the last batch of migrations (for `infraprep db revert`).
    public static func revertLastBatch(databases: Databases, migrations: Migrations, storage: StorageConfiguration, logger: Logger) async throws {
        let eventLoop = databases.eventLoopGroup.any()
        guard let db = databases.database(logger: logger, on: eventLoop) else { return }
        try await ping(db, storage: storage)
        try await db.withConnection { connection in
            try await withMigrationLock(connection) {
                try await guardNotNewer(connection, storage: storage)
                try await migrator(connection, migrations).revertLastBatch().get()
            }
        }
    }

    /// Runs the newer-version check and the migrations while holding a PostgreSQL advisory
    /// lock, so that replicas starting together do not migrate twice.
    private static func migrateLocked(_ db: any Database, migrations: Migrations, storage: StorageConfiguration) async throws {
        try await withMigrationLock(db) {
            try await guardNotNewer(db, storage: storage)
            let migrator = migrator(db, migrations)
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
        }
    }

    private static func guardNotNewer(_ db: any Database, storage: StorageConfiguration) async throws {
        let status = try await SchemaGuard.status(of: db)
        if !status.unknown.isEmpty {
            throw StoreError.newerSchema(location: storage.location, unknown: status.unknown)
        }
    }

    private static func migrator(_ db: any Database, _ migrations: Migrations) -> Migrator {
        Migrator(databaseFactory: { _ in db }, migrations: migrations, on: db.eventLoop, migrationLogLevel: .debug)
    }

    /// An arbitrary constant that names InfraPrep's migration lock among other apps' locks.
    private static let advisoryLockKey = 7_305_482_211

    private static func withMigrationLock(_ db: any Database, _ body: () async throws -> Void) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else {
            try await body()
            return
        }
        try await sql.raw("SELECT pg_advisory_lock(\(literal: advisoryLockKey))").run()
        do {
            try await body()
        } catch {
            try? await sql.raw("SELECT pg_advisory_unlock(\(literal: advisoryLockKey))").run()
            throw error
        }
        try await sql.raw("SELECT pg_advisory_unlock(\(literal: advisoryLockKey))").run()
    }

    /// A trivial query, with the driver's error turned into one a person can act on.
    /// SQLite's `PRAGMA quick_check` (seconds at most for a large file, so run once at start):
    /// the damage it found, or nil when the file is sound or the database is PostgreSQL.
    public static func damage(_ db: any Database, storage: StorageConfiguration) async -> StoreError? {
        guard case let .sqlite(path) = storage, let sql = db as? any SQLDatabase else { return nil }
        do {
            let rows = try await sql.raw("PRAGMA quick_check(5)").all()
            let findings = rows.compactMap { try? $0.decode(column: "quick_check", as: String.self) }
            return findings == ["ok"] ? nil : .damaged(path: path, detail: findings.prefix(3).joined(separator: "; "))
        } catch {
            return .damaged(path: path, detail: ErrorText.short(error))
        }
    }

    public static func ping(_ db: any Database, storage: StorageConfiguration) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        do {
            try await sql.raw("SELECT 1 AS ok").run()
        } catch let error as SQLiteError where error.reason == .notADatabase {
            guard case let .sqlite(path) = storage else { throw error }
            throw StoreError.notADatabase(path: path)
        } catch {
            throw StoreError.unreachable(location: storage.location, reason: ErrorText.short(error))
        }
    }
}
