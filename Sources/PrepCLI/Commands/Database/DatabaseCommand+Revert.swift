import ArgumentParser
import Foundation
import Logging
import PrepCore
import PrepStore

extension DatabaseCommand {
    struct Revert: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revert the last batch of migrations, dropping its tables and their data.")

        @OptionGroup var global: GlobalOptions

        @Flag(name: .long, help: "Confirm that the tables of the last batch, and the data in them, are dropped.")
        var yes = false

        func validate() throws {
            guard yes else {
                throw ValidationError("db revert drops tables and the data in them; pass --yes to confirm (make a backup first)")
            }
        }

        func run() async throws {
            let (storage, _) = try global.storage(environment: ProcessInfo.processInfo.environment)
            if case let .sqlite(path) = storage, !FileManager.default.fileExists(atPath: path) {
                throw PlainError("there is no database at \(path)", fix: "check --data-dir")
            }
            let lock = try writerLock(storage)
            defer { withExtendedLifetime(lock) {} }
            try await StandaloneStore.use(storage: storage, logger: quietLogger()) { store in
                try await StoreBootstrap.revertLastBatch(databases: store.databases, migrations: store.migrations, storage: storage, logger: quietLogger())
            }
            print("Reverted the last batch of migrations at \(storage.location).")
        }
    }
}
