import Foundation
import NIOCore
import NIOPosix
import PrepTestSupport
import Testing

/// Runs the built `infraprep` binary the way a person would, with wrong input, and checks
/// that each mistake gets one clear line, a non-zero exit, and nothing created half-way.
@Suite(.serialized) struct BadInputTests {
    let cli = CLIProcess(prefix: "infraprep-bad")
    var scratch: String { cli.scratch }

    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> CLIProcess.Run {
        try cli.run(arguments, environment: extra)
    }

    func cleanUp() { cli.cleanUp() }

    @Test func unknownFlag() throws {
        defer { cleanUp() }
        let result = try run(["serve", "--prot", "9"])
        #expect(result.status != 0)
        #expect(result.firstErrorLine == "Error: Unknown option '--prot'. Did you mean '--port'?")
    }

    @Test func dataDirIsAFile() throws {
        defer { cleanUp() }
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: scratch + "/taken", contents: Data("x".utf8))
        let result = try run(["serve", "--port", "0", "--data-dir", scratch + "/taken"])
        #expect(result.status != 0)
        #expect(result.firstErrorLine == "Error: --data-dir \(scratch)/taken is a file, not a folder; pass a folder path, or move the file away")
    }

    /// Issue #12, finding 6: these three answered with a raw error (NSCocoaErrorDomain 512,
    /// SocketAddressError.UnknownHost, and a file that is not a database blamed on permissions).
    @Test func dataDirBelowAFile() throws {
        defer { cleanUp() }
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: scratch + "/afile", contents: Data("x".utf8))
        let result = try run(["today", "--data-dir", scratch + "/afile/sub"])
        #expect(result.status != 0)
        #expect(
            result.firstErrorLine
                == "Error: --data-dir \(scratch)/afile/sub cannot be created: \(scratch)/afile is a file, not a folder; pass a folder path, or move the file away")
    }

    @Test func hostThatIsNotAnAddress() throws {
        defer { cleanUp() }
        let result = try run(["serve", "--host", "999.1.1.1", "--port", "0", "--data-dir", scratch + "/data"])
        #expect(result.status != 0)
        #expect(result.firstErrorLine == "Error: --host 999.1.1.1 is not a valid address or resolvable name; use 127.0.0.1, localhost or 0.0.0.0")
    }

    @Test func aFileThatIsNotADatabase() throws {
        defer { cleanUp() }
        try FileManager.default.createDirectory(atPath: scratch + "/data", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: scratch + "/data/infraprep.sqlite", contents: Data(String(repeating: "garbage", count: 1_000).utf8))
        for arguments in [["today"], ["serve", "--port", "0"]] {
            let result = try run(arguments + ["--data-dir", scratch + "/data"])
            #expect(result.status != 0)
            #expect(result.firstErrorLine.hasPrefix("Error: \(scratch)/data/infraprep.sqlite is not a SQLite database"), "\(arguments)")
        }
    }

    @Test func dataDirNotWritable() throws {
        defer { cleanUp() }
        let result = try run(["serve", "--port", "0", "--data-dir", "/proc/infraprep"])
        #expect(result.status != 0)
        #expect(result.firstErrorLine.hasPrefix("Error: --data-dir /proc/infraprep cannot be created"))
    }

    @Test func malformedDatabaseURL() throws {
        defer { cleanUp() }
        let result = try run(["serve", "--port", "0"], environment: ["DATABASE_URL": "postgres://db.example:5432/prep"])
        #expect(result.status != 0)
        #expect(
            result.firstErrorLine
                == "Error: DATABASE_URL is malformed: no user name (expected USER@HOST); use postgres://USER:PASSWORD@HOST:5432/DATABASE, or unset DATABASE_URL to use SQLite")
        #expect(!FileManager.default.fileExists(atPath: scratch + "/xdg"), "nothing created")
    }

    @Test func unreachablePostgres() throws {
        defer { cleanUp() }
        let result = try run(["serve", "--port", "0"], environment: ["DATABASE_URL": "postgres://u:p@127.0.0.1:1/prep?sslmode=disable"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("Error: cannot reach the database at postgres://u:***@127.0.0.1:1/prep (connection refused); check that PostgreSQL is running"))
        #expect(!FileManager.default.fileExists(atPath: scratch + "/xdg"), "nothing created")
    }

    @Test func portAlreadyInUse() async throws {
        defer { cleanUp() }
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(listener.localAddress?.port)
        let result = try run(["serve", "--port", String(port), "--data-dir", scratch + "/data"])
        try await listener.close()
        #expect(result.status != 0)
        #expect(
            result.firstErrorLine == "Error: port \(port) on 127.0.0.1 is already in use; stop the program using it, or pass --port with another number (--port 0 picks a free one)"
        )
        #expect(!FileManager.default.fileExists(atPath: scratch + "/data"), "nothing created")
    }

    @Test func databaseFromANewerVersion() throws {
        defer { cleanUp() }
        let dir = scratch + "/data"
        #expect(try run(["db", "migrate", "--data-dir", dir]).status == 0)
        let sqlite = dir + "/infraprep.sqlite"
        // A newer release would have recorded a migration this one does not know.
        try SQLiteShell.execute(sqlite, "INSERT INTO _fluent_migrations (id, name, batch) VALUES ('00000000-0000-0000-0000-000000000001', '2099-01-01-future', 9)")
        let before = try Data(contentsOf: URL(fileURLWithPath: sqlite))

        let result = try run(["serve", "--port", "0", "--data-dir", dir])
        #expect(result.status != 0)
        #expect(result.firstErrorLine.hasPrefix("Error: the database at \(sqlite) was written by a newer version of InfraPrep (it has migration '2099-01-01-future'"))
        #expect(result.firstErrorLine.hasSuffix("upgrade infraprep to the newer version, or pass --data-dir with another folder"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: sqlite)) == before, "the newer database is left as it was")
    }

    @Test func revertNeedsConfirmation() throws {
        defer { cleanUp() }
        let result = try run(["db", "revert", "--data-dir", scratch])
        #expect(result.status != 0)
        #expect(result.firstErrorLine == "Error: db revert drops tables and the data in them; pass --yes to confirm (make a backup first)")
    }

    @Test func versionAndCompletionScripts() throws {
        defer { cleanUp() }
        let version = try run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "InfraPrep 0.1.0")
        for shell in ["bash", "zsh", "fish"] {
            let script = try run(["--generate-completion-script", shell])
            #expect(script.status == 0, "\(shell)")
            #expect(script.stdout.contains("serve"), "\(shell) completes subcommands")
        }
        let help = try run(["--help"])
        for command in ["serve", "status", "db"] {
            #expect(help.stdout.contains("  \(command) "), "--help lists \(command)")
        }
    }
}
