import FluentKit
import Foundation
import Logging
import PrepCore
import PrepStore
import PrepTestSupport
import SQLKit
import Testing

@Suite struct MigrationTests {
    let logger = Logger(label: "test")

    @Test func migratesThenRevertsThenMigratesAgain() async throws {
        try await withTestStorage { test in
            let store = try StandaloneStore(storage: test.storage, logger: logger)
            // setup
            let user = try await store.prepare()
            #expect(user.role == .local)
            #expect(try await SchemaGuard.status(of: store.db) == .init(unknown: [], pending: []))

            // MUT
            try await StoreBootstrap.revertLastBatch(databases: store.databases, migrations: store.migrations, storage: test.storage, logger: logger)

            // validation
            #expect(try await SchemaGuard.status(of: store.db).pending == SchemaMigrations.names)
            let sql = try #require(store.db as? any SQLDatabase)
            await #expect(throws: (any Error).self) { try await sql.raw("SELECT id FROM users").run() }
            let again = try await store.prepare()
            #expect(again.username == "local")
            await store.close()
        }
    }

    @Test func createsTheLocalUserOnlyOnce() async throws {
        try await withTestStorage { test in
            let store = try StandaloneStore(storage: test.storage, logger: logger)
            let first = try await store.prepare()
            let second = try await store.prepare()
            #expect(first.id == second.id)
            #expect(try await UserRecord.query(on: store.db).count() == 1)
            await store.close()
        }
    }

    @Test func refusesADatabaseWrittenByANewerVersion() async throws {
        try await withTestStorage { test in
            let store = try StandaloneStore(storage: test.storage, logger: logger)
            try await store.prepare()
            // setup: a migration this build has never heard of, as a newer release would leave.
            try await MigrationLog(name: "2099-01-01-future-table", batch: 2).create(on: store.db)

            await #expect(throws: StoreError.newerSchema(location: test.storage.location, unknown: ["2099-01-01-future-table"])) {
                try await store.prepare()
            }
            await store.close()
        }
    }

    @Test func sqliteRunsInWALMode() async throws {
        try await withTestStorage { test in
            guard case .sqlite = test.storage else { return }
            let store = try StandaloneStore(storage: test.storage, logger: logger)
            try await store.prepare()
            let row = try await (store.db as! any SQLDatabase).raw("PRAGMA journal_mode").first()
            #expect(try row?.decode(column: "journal_mode", as: String.self) == "wal")
            await store.close()
        }
    }

    @Test func profileUpdatesAreValidatedBeforeWriting() async throws {
        try await withTestStorage { test in
            let store = try StandaloneStore(storage: test.storage, logger: logger)
            let user = try await store.prepare()

            let refused = try await UserStore.update(id: user.id, with: .init(displayName: "", timeZone: "Nowhere/Else"), on: store.db)
            guard case let .failure(errors) = refused else {
                Issue.record("accepted an invalid profile")
                return
            }
            #expect(Set(errors.fields.keys) == ["displayName", "timeZone"])
            #expect(try await UserStore.profile(id: user.id, on: store.db) == user)

            let accepted = try await UserStore.update(id: user.id, with: .init(displayName: " Ada ", timeZone: "Asia/Tokyo"), on: store.db)
            #expect(try accepted.get().displayName == "Ada")
            #expect(try await UserStore.profile(id: user.id, on: store.db)?.timeZone == "Asia/Tokyo")
            await store.close()
        }
    }
}
