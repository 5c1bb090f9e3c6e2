import ArgumentParser
import Foundation
import Logging
import PrepCore
import PrepStore

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show where data lives, the database's schema state and the local user."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Print JSON (shape in docs/CLI.md).")
    var json = false

    struct Report: Codable, Equatable {
        struct Database: Codable, Equatable {
            var kind: String
            var location: String
            /// False when the SQLite file has not been created yet (nothing is created by `status`).
            var exists: Bool
            /// What SQLite's quick_check found wrong with the file, and what to do; absent when sound.
            var damage: String?
        }
        struct Schema: Codable, Equatable {
            var known: Int
            var applied: Int
            var pending: [String]
            var unknown: [String]
        }
        var version: String
        var dataDirectory: String
        var database: Database
        var schema: Schema
        var user: UserProfile?
    }

    func run() async throws {
        let report = try await makeReport(environment: ProcessInfo.processInfo.environment)
        print(json ? try JSONOutput.render(report) : render(report, terminal: .forStandardOutput()))
    }

    /// Reads without creating: a missing SQLite file is reported, not made.
    func makeReport(environment: [String: String]) async throws -> Report {
        let (storage, dataDirectory) = try global.storage(environment: environment)
        let known = SchemaMigrations.names
        var report = Report(
            version: AppInfo.version, dataDirectory: dataDirectory,
            database: .init(kind: storage.kind, location: storage.location, exists: true),
            schema: .init(known: known.count, applied: 0, pending: known, unknown: []),
            user: nil
        )
        if case let .sqlite(path) = storage, !FileManager.default.fileExists(atPath: path) {
            report.database.exists = false
            return report
        }
        var logger = Logger(label: "infraprep.status")
        logger.logLevel = .error
        try await StandaloneStore.use(storage: storage, logger: logger) { store in
            try await StoreBootstrap.ping(store.db, storage: storage)
            if let damage = await StoreBootstrap.damage(store.db, storage: storage) {
                report.database.damage = damage.message
                return
            }
            let status = try await SchemaGuard.status(of: store.db)
            report.schema.pending = status.pending
            report.schema.unknown = status.unknown
            report.schema.applied = known.count - status.pending.count + status.unknown.count
            if status.pending.count < known.count {
                report.user = try await UserStore.localUser(on: store.db)
            }
        }
        return report
    }

    func render(_ report: Report, terminal: Terminal) -> String {
        var lines = [terminal.bold("\(AppInfo.name) \(report.version)")]
        lines.append("data folder:  \(report.dataDirectory)")
        let db = report.database
        lines.append("database:     \(db.kind) at \(db.location)" + (db.exists ? "" : terminal.dim(" (not created yet; `infraprep serve` creates it)")))
        if let damage = db.damage {
            lines.append("integrity:    " + terminal.red(damage))
            return lines.joined(separator: "\n")
        }
        let schema = report.schema
        if !schema.unknown.isEmpty {
            lines.append("schema:       " + terminal.red("written by a newer version (unknown: \(schema.unknown.joined(separator: ", ")))"))
        } else if schema.pending.isEmpty {
            lines.append("schema:       " + terminal.green("up to date") + " (\(schema.applied) migrations)")
        } else {
            lines.append("schema:       " + terminal.yellow("\(schema.pending.count) of \(schema.known) migrations pending"))
        }
        if let user = report.user {
            lines.append("user:         \(user.displayName) (\(user.username), time zone \(user.timeZone))")
        }
        return lines.joined(separator: "\n")
    }
}
