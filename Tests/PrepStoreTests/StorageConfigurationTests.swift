import PrepCore
import PrepStore
import Testing

@Suite struct StorageConfigurationTests {
    @Test func defaultsToSQLiteInTheDataFolder() throws {
        #expect(try StorageConfiguration.resolve(dataDirectory: "/d", environment: [:]) == .sqlite(path: "/d/infraprep.sqlite"))
        #expect(try StorageConfiguration.resolve(dataDirectory: "/d", environment: ["DATABASE_URL": "  "]) == .sqlite(path: "/d/infraprep.sqlite"))
    }

    @Test func databaseURLSelectsPostgres() throws {
        let storage = try StorageConfiguration.resolve(dataDirectory: "/d", environment: ["DATABASE_URL": "postgres://u:p@h:5432/db"])
        #expect(storage.kind == "postgres")
        #expect(storage.location == "postgres://u:***@h:5432/db")
    }

    @Test func unreachablePostgresSaysWhatToCheck() async throws {
        // Port 1 on loopback refuses at once.
        let storage = StorageConfiguration.postgres(PostgresTarget(host: "127.0.0.1", port: 1, username: "u", database: "d", tls: .disable))
        let store = try StandaloneStore(storage: storage, logger: .init(label: "test"))
        await #expect {
            try await store.prepare()
        } throws: { error in
            guard let error = error as? StoreError, case let .unreachable(location, reason) = error else { return false }
            return location == "postgres://u@127.0.0.1:1/d" && reason == "connection refused" && error.fix.contains("DATABASE_URL")
        }
        await store.close()
    }
}
