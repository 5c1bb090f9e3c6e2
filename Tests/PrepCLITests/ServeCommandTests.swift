import ArgumentParser
import Foundation
import PrepTestSupport
import Testing
import Vapor

@testable import PrepCLI

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct ServeCommandTests {
    @Test func servesOnAFreePortWithAFreshDataDir() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infraprep-serve-\(UUID().uuidString.prefix(8))/nested").path
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: dir).deletingLastPathComponent().path) }
        // setup
        let command = try #require(try InfraPrepCommand.parseAsRoot(["serve", "--port", "0", "--data-dir", dir]) as? PrepCLI.ServeCommand)
        let app = try await command.makeApplication(environment: ["HOME": "/nonexistent"])

        // MUT
        try await app.server.start(address: BindAddress.hostname("127.0.0.1", port: 0))
        let port = try #require(app.listeningAddress?.port)
        let response = try await app.client.get(URI(string: "http://127.0.0.1:\(port)/readyz"))

        // validation
        #expect(response.status == .ok)
        #expect(FileManager.default.fileExists(atPath: dir + "/infraprep.sqlite"))
        await app.server.shutdown()
        try await app.asyncShutdown()
    }

    /// The server holds its data folder: a second server, and a command that writes, are
    /// refused with what to do; a command that only reads still works.
    @Test func holdsItsDataFolder() async throws {
        let cli = CLIProcess(prefix: "infraprep-serve-lock")
        defer { cli.cleanUp() }
        let dir = cli.scratch + "/data"
        let command = try #require(try InfraPrepCommand.parseAsRoot(["serve", "--port", "0", "--data-dir", dir]) as? PrepCLI.ServeCommand)
        let app = try await command.makeApplication(environment: ["HOME": "/nonexistent"])
        do {
            await #expect {
                _ = try await command.makeApplication(environment: ["HOME": "/nonexistent"])
            } throws: { error in
                "\(error)".contains("another infraprep (pid \(getpid())) is serving \(dir)")
            }
            let write = try cli.run(["plan", "init", "--start", "2026-11-01", "--data-dir", dir])
            #expect(write.status != 0 && write.firstErrorLine.contains("is serving \(dir), and only the server writes while it runs"), "\(write.stderr)")
            let read = try cli.run(["today", "--json", "--data-dir", dir])
            #expect(read.status == 0, "\(read.stderr)")
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// Issue #12, finding 4: connections that say nothing are closed, so idle and half-open
    /// ones cannot use up the process's file descriptors.
    @Test func closesAnIdleConnection() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infraprep-idle-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let command = try #require(
            try InfraPrepCommand.parseAsRoot(["serve", "--port", "0", "--idle-timeout", "1", "--data-dir", dir]) as? PrepCLI.ServeCommand)
        let app = try await command.makeApplication(environment: ["HOME": "/nonexistent"])
        try await app.server.start(address: BindAddress.hostname("127.0.0.1", port: 0))
        let port = try #require(app.listeningAddress?.port)
        let closedAfter = try await Task.detached { try RawHTTP(port: port).readToClose(limit: 10).closedAfter }.value
        #expect(closedAfter != nil && closedAfter! < 5, "an idle connection stayed open \(closedAfter.map { "\($0) s" } ?? "10 s or more")")
        await app.server.shutdown()
        try await app.asyncShutdown()
    }

    @Test func refusesAPublicURLOrAllowedHostThatIsNotOne() {
        for (arguments, message) in [
            (["serve", "--public-url", "prep.example.org"], "--public-url 'prep.example.org' is not an http(s) address"),
            (["serve", "--allowed-host", "http://x/"], "--allowed-host 'http://x/' is not a host name"),
        ] {
            #expect {
                _ = try InfraPrepCommand.parseAsRoot(arguments)
            } throws: { error in
                InfraPrepCommand.message(for: error).contains(message)
            }
        }
    }

    @Test func refusesPortsOutOfRange() {
        do {
            _ = try InfraPrepCommand.parseAsRoot(["serve", "--port", "70000"])
            Issue.record("accepted port 70000")
        } catch {
            #expect(InfraPrepCommand.message(for: error) == "--port 70000 is out of range; use a number from 0 to 65535")
        }
    }

    @Test func rejectsUnknownFlagsNamingThem() {
        do {
            _ = try InfraPrepCommand.parseAsRoot(["serve", "--prot", "80"])
            Issue.record("parsed an unknown flag")
        } catch {
            #expect(InfraPrepCommand.message(for: error).contains("--prot"))
        }
    }
}
