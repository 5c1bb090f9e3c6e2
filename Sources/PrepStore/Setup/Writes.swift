import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import PrepCore
import SQLKit

/// Every write transaction of a person's data, made safe against writers at the same time
/// (issue #12). The first statement raises the person's revision, which takes the write lock
/// before anything is read: on SQLite the whole database's, on PostgreSQL that person's
/// `user_revisions` row, so two writes for one person run one after the other and the second
/// reads what the first wrote. SQLite's deferred `BEGIN` would otherwise fail at once with
/// "database is locked" when a transaction that has read tries to write while another writes.
///
/// Over SQLite a process's writes also pass one by one through a gate, so waiting costs no
/// thread (SQLiteNIO's busy handler would spin on its few threads until they all spin and the
/// holder can never finish), and a wait for another process (a command) is bounded by
/// `busy_timeout`. On PostgreSQL a deadlock or serialization failure is retried.
public enum Writes {
    static let gate = WriteGate()
    /// How long a write waits for another process's before it fails with "busy".
    static let busyTimeoutMilliseconds = 5_000

    public static func transaction<T: Sendable>(
        on db: any Database, bumping userID: UUID?, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        if db.inTransaction {
            if let userID { try await UserStore.bumpRevision(userID, on: try PracticeStore.sqlDatabase(db)) }
            return try await body(db)
        }
        let sql = try PracticeStore.sqlDatabase(db)
        if sql.dialect.name == "sqlite" {
            do {
                return try await gate.run { try await attempt(on: db, sqlite: true, userID: userID, body) }
            } catch let error as SQLiteError where error.reason == .busy || error.reason == .busyTimeout || error.reason == .locked {
                throw DatabaseBusy()
            }
        }
        var tries = 0
        while true {
            tries += 1
            do {
                return try await attempt(on: db, sqlite: false, userID: userID, body)
            } catch let error as PSQLError where tries < 5 && retryable(error) {
                try await Task.sleep(nanoseconds: UInt64(tries) * 5_000_000)
            }
        }
    }

    private static func attempt<T: Sendable>(
        on db: any Database, sqlite: Bool, userID: UUID?, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        try await db.transaction { tx in
            let sql = try PracticeStore.sqlDatabase(tx)
            if sqlite { try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(busyTimeoutMilliseconds))").run() }
            if let userID { try await UserStore.bumpRevision(userID, on: sql) }
            return try await body(tx)
        }
    }

    /// Deadlock detected, serialization failure: the transaction did nothing and may run again.
    static func retryable(_ error: PSQLError) -> Bool {
        guard let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40P01" || state == "40001"
    }
}

/// Another process held the database's write lock longer than a write waits for it.
public struct DatabaseBusy: UserFacingError {
    public init() {}
    public var problem: String { "the database stayed busy with another infraprep process's write for \(Writes.busyTimeoutMilliseconds / 1000) s" }
    public var fix: String { "try again in a moment; nothing was written" }
}
