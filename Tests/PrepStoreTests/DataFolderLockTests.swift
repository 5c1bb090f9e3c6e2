import Foundation
import PrepCore
import PrepStore
import Testing

/// One server per data folder, and no command writing beside it (issue #11 keeps people in
/// the server's memory on that promise; issue #12 asked for it).
@Suite struct DataFolderLockTests {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("infraprep-lock-\(UUID().uuidString.prefix(8))").path

    init() throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    @Test func aSecondServerIsRefusedNamingTheFirst() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try DataFolderLock.acquire(.serving, directory: dir)
        #expect(throws: PlainError("another infraprep (pid \(getpid())) is serving \(dir)", fix: "stop it or use --data-dir")) {
            _ = try DataFolderLock.acquire(.serving, directory: dir)
        }
        withExtendedLifetime(server) {}
    }

    @Test func aCommandDoesNotWriteBesideAServer() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var server: DataFolderLock? = try DataFolderLock.acquire(.serving, directory: dir)
        #expect {
            _ = try DataFolderLock.acquire(.writing, directory: dir)
        } throws: { error in
            let error = error as? PlainError
            return error?.problem == "infraprep (pid \(getpid())) is serving \(dir), and only the server writes while it runs"
                && error?.fix.contains("web pages or through its JSON API") == true
        }
        withExtendedLifetime(server) {}
        server = nil
        // Gone (as when the process ends): commands write again, and nothing names a dead pid.
        let writer = try DataFolderLock.acquire(.writing, directory: dir)
        #expect(try String(contentsOfFile: writer.path, encoding: .utf8).isEmpty)
    }

    @Test func commandsWriteSideBySideButAServerWaitsForThem() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try DataFolderLock.acquire(.writing, directory: dir)
        let second = try DataFolderLock.acquire(.writing, directory: dir)
        #expect {
            _ = try DataFolderLock.acquire(.serving, directory: dir)
        } throws: { error in
            (error as? PlainError)?.problem == "an infraprep command is writing to \(dir) (a practice session, a plan change)"
        }
        withExtendedLifetime((first, second)) {}
    }
}
