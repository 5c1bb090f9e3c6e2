import Foundation
import PrepStore
import PrepWeb
import Vapor
import VaporTesting

/// A configured app on its own storage, shut down and cleaned up after `body`.
@discardableResult
public func withTestApp<T: Sendable>(
    now: @escaping @Sendable () -> Date = { Date(timeIntervalSince1970: 1_796_000_000) },
    allowedHosts: [String] = [], publicURL: String? = nil, limits: ServerLimits = ServerLimits(),
    _ body: (Application, TestStorage) async throws -> T
) async throws -> T {
    try await withTestStorage { storage in
        var logger = Logger(label: "test-app")
        logger.logLevel = .warning
        let app = try await Application.make(.testing, logger: logger)
        do {
            var config = AppConfig(
                storage: storage.storage, dataDirectory: storage.directory, catalog: sharedCatalog, now: now,
                // As a server over SQLite: people kept in memory, as `serve` does with its lock.
                soleWriter: storage.storage.kind == "sqlite"
            )
            config.allowedHosts = allowedHosts
            config.publicURL = publicURL
            config.limits = limits
            try await configure(app, config)
            try await waitForRevisionFeed(app)
            let result = try await body(app, storage)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}

/// On PostgreSQL the app learns of writes from a feed that listens a moment after start;
/// tests that depend on pages being kept wait for it (5 s at most).
public func waitForRevisionFeed(_ app: Application) async throws {
    guard let book = app.prep.environment.revisions else { return }
    for _ in 0..<500 where !book.hearsWrites { try await Task.sleep(nanoseconds: 10_000_000) }
}
