import FluentKit
import Foundation
import Logging
import PrepStore
import SQLKit

/// Runs one SQL statement against a SQLite file, for tests that tamper with a database
/// the way another program (or another version) would.
public enum SQLiteShell {
    public static func execute(_ path: String, _ sql: String) throws {
        let semaphore = DispatchSemaphore(value: 0)
        let box = ErrorBox()
        Task {
            do {
                let store = try StandaloneStore(storage: .sqlite(path: path), logger: Logger(label: "test"))
                do { try await (store.db as! any SQLDatabase).raw(SQLQueryString(sql)).run() } catch { box.error = error }
                await store.close()
            } catch {
                box.error = error
            }
            semaphore.signal()
        }
        semaphore.wait()
        if let error = box.error { throw error }
    }

    private final class ErrorBox: @unchecked Sendable {
        var error: (any Error)?
    }
}
