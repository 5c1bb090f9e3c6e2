import Foundation
import PrepCore
import PrepStore
import PrepTestSupport
import Testing

@testable import PrepCLI

@Suite struct StatusCommandTests {
    @Test func reportsAMissingDatabaseWithoutCreatingIt() async throws {
        guard !TestStorage.usesPostgres else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infraprep-status-\(UUID().uuidString.prefix(8))").path
        let command = try #require(try InfraPrepCommand.parseAsRoot(["status", "--json", "--data-dir", dir]) as? StatusCommand)
        let report = try await command.makeReport(environment: [:])
        #expect(report.database.exists == false)
        #expect(report.schema.pending == SchemaMigrations.names)
        #expect(!FileManager.default.fileExists(atPath: dir), "status must not create the data folder")
    }

    /// SQLite only: `status` reads DATABASE_URL, which cannot name the per-test PostgreSQL schema.
    @Test func reportsSchemaAndUserAfterMigration() async throws {
        guard !TestStorage.usesPostgres else { return }
        try await withTestStorage { test in
            let store = try StandaloneStore(storage: test.storage, logger: .init(label: "test"))
            try await store.prepare()
            await store.close()
            let environment = ["HOME": "/nonexistent"]
            let command = try #require(try InfraPrepCommand.parseAsRoot(["status", "--data-dir", test.directory]) as? StatusCommand)
            let report = try await command.makeReport(environment: environment)
            #expect(report.schema.pending.isEmpty)
            #expect(report.schema.applied == SchemaMigrations.names.count)
            #expect(report.user?.username == "local")

            let json = try JSONOutput.render(report)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["version", "data_directory", "database", "schema", "user"])
            #expect(!command.render(report, terminal: Terminal(colors: false)).contains("\u{1B}["))
            #expect(command.render(report, terminal: Terminal(colors: true)).contains("\u{1B}[32mup to date"))
        }
    }
}
