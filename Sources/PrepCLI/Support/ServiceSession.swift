import Foundation
import Logging
import PrepApp
import PrepContent
import PrepCore
import PrepStore

/// Opens the database the way the server does (checks, migrates, the local user), hands the
/// services' context for that person to `body`, and closes the database whatever happens.
/// A command that `writes` holds the data folder's lock shared while it runs: it refuses
/// to write beside a server, which keeps what it knows of people in memory.
func withContext(global: GlobalOptions, catalog: ContentCatalog, writes: Bool, _ body: (ServiceContext) async throws -> Void) async throws {
    let (storage, _) = try global.storage(environment: ProcessInfo.processInfo.environment)
    if case let .sqlite(path) = storage { try DataFolder.prepare(URL(fileURLWithPath: path).deletingLastPathComponent().path) }
    let lock = writes ? try writerLock(storage) : nil
    defer { withExtendedLifetime(lock) {} }
    let environment = AppEnvironment(catalog: catalog)
    try await StandaloneStore.use(storage: storage, logger: quietLogger()) { store in
        let user = try await store.prepare()
        try await body(try await ServiceContext.forUser(user.id, db: store.db, environment: environment))
    }
}

/// The data folder's lock for a command that writes SQLite (PostgreSQL is shared by design).
func writerLock(_ storage: StorageConfiguration) throws -> DataFolderLock? {
    guard case let .sqlite(path) = storage else { return nil }
    return try DataFolderLock.acquire(.writing, directory: URL(fileURLWithPath: path).deletingLastPathComponent().path)
}
