import Foundation

/// The built `infraprep` binary run as a person would run it: its own XDG folder, no
/// colour, no DATABASE_URL unless given, optional standard input.
public struct CLIProcess: Sendable {
    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var firstErrorLine: String { stderr.split(separator: "\n").first.map(String.init) ?? "" }
    }

    public let scratch: String

    public init(prefix: String = "infraprep-cli") {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))").path
    }

    public func run(_ arguments: [String], environment extra: [String: String] = [:], stdin: String? = nil) throws -> Run {
        guard let binary = PackagePaths.executable else { throw CLIProcessError.notBuilt }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = nil
        environment["XDG_DATA_HOME"] = scratch + "/xdg"
        environment["NO_COLOR"] = "1"
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes at once so neither fills up and blocks the child.
        let errBox = DataBox()
        let done = DispatchSemaphore(value: 0)
        let errHandle = err.fileHandleForReading
        Thread {
            errBox.data = errHandle.readDataToEndOfFile()
            done.signal()
        }.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    public func cleanUp() { try? FileManager.default.removeItem(atPath: scratch) }
}

/// Written by one thread, read after it signals, so no lock is needed.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}

public enum CLIProcessError: Error { case notBuilt }
