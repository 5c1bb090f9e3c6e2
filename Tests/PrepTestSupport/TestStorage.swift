import FluentKit
import Foundation
import Logging
import PrepCore
import PrepStore
import SQLKit

/// A database of its own for one test: a SQLite file in a fresh temporary folder, or, when
/// DATABASE_URL is set (CI's PostgreSQL run), a fresh schema in that database. Tests run
/// in parallel, so nothing is shared between two of them.
public struct TestStorage: Sendable {
    public let storage: StorageConfiguration
    public let directory: String
    private let schema: String?
    private let target: PostgresTarget?

    public static var usesPostgres: Bool { postgresURL != nil }

    static var postgresURL: String? {
        let url = ProcessInfo.processInfo.environment["DATABASE_URL"] ?? ""
        return url.isEmpty ? nil : url
    }

    public static func make() async throws -> TestStorage {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("infraprep-test-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        guard let url = postgresURL else {
            return TestStorage(storage: .sqlite(path: directory + "/infraprep.sqlite"), directory: directory, schema: nil, target: nil)
        }
        let target = try PostgresTarget.parse(url)
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try await runSQL(target: target, "CREATE SCHEMA \"\(schema)\"")
        return TestStorage(storage: .postgres(target, schema: schema), directory: directory, schema: schema, target: target)
    }

    public func cleanUp() async {
        if let schema, let target {
            try? await Self.runSQL(target: target, "DROP SCHEMA \"\(schema)\" CASCADE")
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    static func runSQL(target: PostgresTarget, _ sql: String) async throws {
        try await StandaloneStore.use(storage: .postgres(target), logger: Logger(label: "test")) { store in
            try await (store.db as! any SQLDatabase).raw(SQLQueryString(sql)).run()
        }
    }
}

/// Runs `body` with fresh storage and removes it afterwards, whatever happens.
@discardableResult
public func withTestStorage<T: Sendable>(_ body: (TestStorage) async throws -> T) async throws -> T {
    let storage = try await TestStorage.make()
    do {
        let result = try await body(storage)
        await storage.cleanUp()
        return result
    } catch {
        await storage.cleanUp()
        throw error
    }
}

/// Fresh storage opened the way the server opens it (migrated, with the local user), closed
/// and removed afterwards.
public func withTestStore(_ body: (StandaloneStore, UserProfile) async throws -> Void) async throws {
    try await withTestStorage { test in
        var logger = Logger(label: "test")
        logger.logLevel = .error
        try await StandaloneStore.use(storage: test.storage, logger: logger) { store in
            try await body(store, try await store.prepare())
        }
    }
}
