import Foundation
import Logging
import PrepApp
import PrepContent
import PrepCore
import PrepStore

/// Opens the database the way the server does (checks, migrates, the local user), hands the
/// services' context for that person to `body`, and closes the database whatever happens.
func withContext(global: GlobalOptions, catalog: ContentCatalog, _ body: (ServiceContext) async throws -> Void) async throws {
    let (storage, _) = try global.storage(environment: ProcessInfo.processInfo.environment)
    if case let .sqlite(path) = storage { try DataFolder.prepare(URL(fileURLWithPath: path).deletingLastPathComponent().path) }
    let environment = AppEnvironment(catalog: catalog)
    try await StandaloneStore.use(storage: storage, logger: quietLogger()) { store in
        let user = try await store.prepare()
        try await body(try await ServiceContext.forUser(user.id, db: store.db, environment: environment))
    }
}
