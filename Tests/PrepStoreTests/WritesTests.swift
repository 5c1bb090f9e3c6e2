import FluentKit
import Foundation
import Logging
import PrepCore
import PrepStore
import PrepTestSupport
import SQLKit
import Testing

/// What a write does when another process holds SQLite's write lock for longer than a
/// write waits: a clear "busy, try again" (503 on the web), nothing written, nothing lost.
@Suite struct WritesTests {
    @Test func aWriteBlockedByAnotherProcessSaysBusyAndWritesNothing() async throws {
        guard !TestStorage.usesPostgres else { return }
        try await withTestStorage { test in
            let logger = Logger(label: "test")
            try await StandaloneStore.use(storage: test.storage, logger: logger) { store in
                let user = try await store.prepare()
                // Another "process": its own connection, outside this process's gate.
                try await StandaloneStore.use(storage: test.storage, logger: logger) { other in
                    try await other.db.withConnection { connection in
                        let sql = try #require(connection as? any SQLDatabase)
                        try await sql.raw("BEGIN IMMEDIATE").run()
                        let started = Date()
                        await #expect(throws: DatabaseBusy.self) {
                            try await PlanStore.save(PlanSettings(start: "2026-03-02"), userID: user.id, replace: false, now: Instant(date: Date()), on: store.db)
                        }
                        #expect(Date().timeIntervalSince(started) >= 4.5, "it waited for the lock first")
                        try await sql.raw("ROLLBACK").run()
                    }
                }
                #expect(try await PlanStore.settings(userID: user.id, on: store.db) == nil)
                // With the lock free again the same write goes through.
                try await PlanStore.save(PlanSettings(start: "2026-03-02"), userID: user.id, replace: false, now: Instant(date: Date()), on: store.db)
                #expect(try await PlanStore.settings(userID: user.id, on: store.db) != nil)
            }
        }
    }
}
