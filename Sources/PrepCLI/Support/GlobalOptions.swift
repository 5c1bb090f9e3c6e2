import ArgumentParser
import Foundation
import Logging
import PrepCore
import PrepStore

/// Options every command that touches data accepts.
public struct GlobalOptions: ParsableArguments {
    @ArgumentParser.Option(name: .long, help: ArgumentHelp("Folder for InfraPrep's data (default: $XDG_DATA_HOME/infraprep, else ~/.local/share/infraprep).", valueName: "dir"))
    public var dataDir: String?

    @ArgumentParser.Option(
        name: .long, help: ArgumentHelp("Log level: trace, debug, info, notice, warning, error or critical (default: $LOG_LEVEL, else info).", valueName: "level"))
    public var logLevel: Logger.Level?

    public init() {}

    public func validate() throws {
        if let dataDir, dataDir.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--data-dir is empty; pass a folder path or leave the option out")
        }
    }

    /// The data folder as an absolute path.
    public func dataDirectory(environment: [String: String]) throws -> String {
        if let dataDir {
            return URL(fileURLWithPath: dataDir).standardizedFileURL.path
        }
        return try DataDirectory.resolve(environment: environment)
    }

    public func storage(environment: [String: String]) throws -> (StorageConfiguration, dataDirectory: String) {
        let dir = try dataDirectory(environment: environment)
        return (try StorageConfiguration.resolve(dataDirectory: dir, environment: environment), dir)
    }

    public func resolvedLogLevel(environment: [String: String]) throws -> Logger.Level {
        if let logLevel { return logLevel }
        if let raw = environment["LOG_LEVEL"], !raw.isEmpty {
            guard let level = Logger.Level(rawValue: raw.lowercased()) else {
                throw PlainError("LOG_LEVEL=\(raw) is not a log level", fix: "use one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return level
        }
        return .info
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
