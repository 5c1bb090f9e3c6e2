import ArgumentParser
import Foundation
import PrepTestSupport
import Testing
import Vapor

@testable import PrepCLI

@Suite struct ServeCommandTests {
    @Test func servesOnAFreePortWithAFreshDataDir() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infraprep-serve-\(UUID().uuidString.prefix(8))/nested").path
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: dir).deletingLastPathComponent().path) }
        // setup
        let command = try #require(try InfraPrepCommand.parseAsRoot(["serve", "--port", "0", "--data-dir", dir]) as? PrepCLI.ServeCommand)
        let app = try await command.makeApplication(environment: ["HOME": "/nonexistent"])

        // MUT
        try await app.server.start(address: BindAddress.hostname("127.0.0.1", port: 0))
        let port = try #require(app.http.server.shared.localAddress?.port)
        let response = try await app.client.get(URI(string: "http://127.0.0.1:\(port)/readyz"))

        // validation
        #expect(response.status == .ok)
        #expect(FileManager.default.fileExists(atPath: dir + "/infraprep.sqlite"))
        await app.server.shutdown()
        try await app.asyncShutdown()
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
