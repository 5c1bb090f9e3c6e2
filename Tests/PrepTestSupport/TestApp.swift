import Foundation
import PrepStore
import PrepWeb
import Vapor
import VaporTesting

/// A configured app on its own storage, shut down and cleaned up after `body`.
@discardableResult
public func withTestApp<T: Sendable>(
    now: @escaping @Sendable () -> Date = { Date(timeIntervalSince1970: 1_796_000_000) },
    _ body: (Application, TestStorage) async throws -> T
) async throws -> T {
    try await withTestStorage { storage in
        var logger = Logger(label: "test-app")
        logger.logLevel = .warning
        let app = try await Application.make(.testing, logger: logger)
        do {
            try await configure(
                app,
                AppConfig(
                    storage: storage.storage, dataDirectory: storage.directory, catalog: sharedCatalog, now: now,
                    // As a server over SQLite: people kept in memory, as `serve` does with its lock.
                    soleWriter: storage.storage.kind == "sqlite"
                ))
            let result = try await body(app, storage)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
