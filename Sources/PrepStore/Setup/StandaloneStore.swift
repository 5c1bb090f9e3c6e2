import FluentKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import PrepCore

/// A database opened by a CLI command without the web server: its own event loops and
/// thread pool, shut down by `close()`.
public final class StandaloneStore: @unchecked Sendable {
    public let storage: StorageConfiguration
    public let databases: Databases
    public let migrations: Migrations
    private let threadPool: NIOThreadPool
    private let logger: Logger

    public init(storage: StorageConfiguration, logger: Logger) throws {
        self.storage = storage
        self.logger = logger
        threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        databases = Databases(threadPool: threadPool, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(try storage.makeFactory(), as: .init(string: storage.kind), isDefault: true)
        migrations = Migrations()
        SchemaMigrations.register(on: migrations)
    }

    public var db: any Database {
        databases.database(logger: logger, on: databases.eventLoopGroup.any())!
    }

    /// Opens the database the way the server does: checks, migrates, ensures the local user.
    @discardableResult
    public func prepare() async throws -> UserProfile {
        try await StoreBootstrap.prepare(databases: databases, migrations: migrations, storage: storage, logger: logger)
    }

    /// Opens a store, runs `body` with it and closes it, whether `body` returns or throws.
    public static func use<T>(storage: StorageConfiguration, logger: Logger, _ body: (StandaloneStore) async throws -> T) async throws -> T {
        let store = try StandaloneStore(storage: storage, logger: logger)
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }

    public func close() async {
        await databases.shutdownAsync()
        try? await threadPool.shutdownGracefully()
    }
}
