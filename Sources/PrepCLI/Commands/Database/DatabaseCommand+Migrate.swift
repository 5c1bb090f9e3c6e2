import ArgumentParser
import Foundation
import Logging
import PrepCore
import PrepStore

extension DatabaseCommand {
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Apply pending migrations (serve does this on start).")

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            let (storage, dir) = try global.storage(environment: environment)
            if case .sqlite = storage { try DataFolder.prepare(dir) }
            let lock = try writerLock(storage)
            defer { withExtendedLifetime(lock) {} }
            try await StandaloneStore.use(storage: storage, logger: quietLogger()) { try await $0.prepare() }
            print("The database at \(storage.location) is up to date (\(SchemaMigrations.names.count) migrations).")
        }
    }
}
