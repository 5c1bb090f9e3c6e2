import Foundation
import PrepCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Who may write a data folder's database: one server alone, or any number of commands
/// while no server runs. `serve` holds the lock exclusively for its life; a command that
/// writes holds it shared while it runs. The kernel drops it when the process ends, however
/// it ends, so a killed server never leaves the folder locked.
///
/// With the lock, the server knows it is the only writer, so it can keep people's zones and
/// revisions in memory (`RevisionBook`) instead of reading them on every request.
public final class DataFolderLock: Sendable {
    public static let fileName = "infraprep.lock"

    public enum Mode: Sendable {
        /// The server: nobody else writes while it runs.
        case serving
        /// A command that writes: beside other commands, never beside a server.
        case writing
    }

    private let descriptor: Int32
    public let path: String
    public let mode: Mode

    private init(descriptor: Int32, path: String, mode: Mode) {
        self.descriptor = descriptor
        self.path = path
        self.mode = mode
    }

    deinit {
        // A server leaves no pid behind, so nobody later names a process that is gone.
        if mode == .serving { _ = ftruncate(descriptor, 0) }
        close(descriptor)
    }

    /// Takes the lock without waiting, or says who holds it and what to do.
    public static func acquire(_ mode: Mode, directory: String) throws -> DataFolderLock {
        let path = DataFolder.file(fileName, in: directory)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw PlainError("cannot open \(path) (\(String(cString: strerror(errno))))", fix: "pass a --data-dir you can write to")
        }
        guard flock(fd, (mode == .serving ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0 else {
            let holder = serverPID(fd)
            close(fd)
            throw busy(mode, directory: directory, serverPID: holder)
        }
        if mode == .serving {
            let text = "\(getpid())\n"
            _ = ftruncate(fd, 0)
            _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        }
        return DataFolderLock(descriptor: fd, path: path, mode: mode)
    }

    /// The pid a server wrote into the file, if it is still running.
    private static func serverPID(_ fd: Int32) -> Int32? {
        var bytes = [UInt8](repeating: 0, count: 32)
        let count = pread(fd, &bytes, bytes.count, 0)
        guard count > 0, let pid = Int32(String(decoding: bytes[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0
        else { return nil }
        return kill(pid, 0) == 0 || errno == EPERM ? pid : nil
    }

    private static func busy(_ mode: Mode, directory: String, serverPID: Int32?) -> PlainError {
        switch (mode, serverPID) {
        case let (.serving, pid?):
            PlainError("another infraprep (pid \(pid)) is serving \(directory)", fix: "stop it or use --data-dir")
        case (.serving, nil):
            PlainError(
                "an infraprep command is writing to \(directory) (a practice session, a plan change)",
                fix: "finish it and start the server again, or use --data-dir")
        case let (.writing, pid):
            PlainError(
                "infraprep\(pid.map { " (pid \($0))" } ?? "") is serving \(directory), and only the server writes while it runs",
                fix: "do this in its web pages or through its JSON API (they do the same), or stop the server first")
        }
    }
}
