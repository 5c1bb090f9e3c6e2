import ArgumentParser
import Foundation
import Logging
import PrepCore
import PrepStore
import PrepWeb
import Vapor

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web app and the JSON API."
    )

    @ArgumentParser.Option(name: .long, help: "Address to listen on; 0.0.0.0 listens on every interface.")
    var host = "127.0.0.1"

    @ArgumentParser.Option(name: .long, help: "Port to listen on; 0 picks a free one.")
    var port = 8080

    @ArgumentParser.Option(
        name: .customLong("allowed-host"),
        help: ArgumentHelp("Another name this server answers to behind a reverse proxy (repeatable); others get 421.", valueName: "host[:port]"))
    var allowedHosts: [String] = []

    @ArgumentParser.Option(
        name: .customLong("public-url"), help: ArgumentHelp("Where people reach the app, for the links it gives out.", valueName: "url"))
    var publicURL: String?

    @ArgumentParser.Option(
        name: .customLong("idle-timeout"), help: ArgumentHelp("Close a connection that sends and receives nothing for this long.", valueName: "seconds"))
    var idleTimeout: Double = 60

    @ArgumentParser.Option(
        name: .customLong("header-timeout"), help: ArgumentHelp("Answer 408 to a request whose head takes longer than this to arrive.", valueName: "seconds"))
    var headerTimeout: Double = 10

    @ArgumentParser.Option(
        name: .customLong("body-timeout"), help: ArgumentHelp("Answer 408 to a request whose body takes longer than this to arrive.", valueName: "seconds"))
    var bodyTimeout: Double = 60

    @OptionGroup var global: GlobalOptions

    @OptionGroup var content: ContentOptions

    func validate() throws {
        for (flag, seconds) in [("--idle-timeout", idleTimeout), ("--header-timeout", headerTimeout), ("--body-timeout", bodyTimeout)]
        where !ServerLimits.timeoutRange.contains(seconds) {
            throw ValidationError("\(flag) \(seconds.formatted()) is out of range; use 1 to 86400 seconds")
        }
        for allowed in allowedHosts where allowed.isEmpty || allowed.contains("/") || allowed.contains(" ") {
            throw ValidationError("--allowed-host '\(allowed)' is not a host name; give it as it appears in the Host header, e.g. prep.example.org")
        }
        if let publicURL {
            guard let url = URLComponents(string: publicURL), ["http", "https"].contains(url.scheme ?? ""), url.host?.isEmpty == false,
                url.query == nil, url.fragment == nil
            else {
                throw ValidationError("--public-url '\(publicURL)' is not an http(s) address; give it as https://prep.example.org")
            }
        }
        guard (0...65535).contains(port) else {
            throw ValidationError("--port \(port) is out of range; use a number from 0 to 65535")
        }
        guard !host.isEmpty else { throw ValidationError("--host is empty; use 127.0.0.1 or 0.0.0.0") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let level = try global.resolvedLogLevel(environment: environment)
        LogBootstrap.once(level: level)
        let app = try await makeApplication(environment: environment, logLevel: level)
        if let descriptors = FileDescriptorLimit.raiseToHardLimit() {
            app.logger.debug("Open files allowed: \(descriptors)")
        }
        do {
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw PortCheck.describe(error, host: host, port: port)
        }
        try await app.asyncShutdown()
    }

    /// Checks everything that can be checked before creating anything, then builds and
    /// configures the app. Tests call this and start the server themselves.
    func makeApplication(environment: [String: String], logLevel: Logger.Level = .info) async throws -> Application {
        let (storage, dataDirectory) = try global.storage(environment: environment)
        try await PortCheck.ensureFree(host: host, port: port)
        var lock: DataFolderLock?
        if case .sqlite = storage {
            try DataFolder.prepare(dataDirectory)
            lock = try DataFolderLock.acquire(.serving, directory: dataDirectory)
        }

        // Vapor would otherwise parse our process arguments as its own (vapor/vapor#2385).
        let env = Environment(name: "production", arguments: ["infraprep"])
        var logger = Logger(label: "infraprep")
        logger.logLevel = logLevel
        let app = try await Application.make(env, logger: logger)
        do {
            var config = AppConfig(
                storage: storage, dataDirectory: storage.kind == "sqlite" ? dataDirectory : nil,
                host: host, port: port, contentDirectories: content.directories, dataFolderLock: lock,
                allowedHosts: allowedHosts, publicURL: publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
            )
            config.limits.idleTimeout = idleTimeout
            config.limits.headerTimeout = headerTimeout
            config.limits.bodyTimeout = bodyTimeout
            try await configure(app, config)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return app
    }
}
