import Foundation
import Logging
import PrepApp
import PrepContent
import PrepStore

/// Everything the web app needs to start, built by the CLI from flags and the environment
/// and by tests from whatever they need.
public struct AppConfig: Sendable {
    public var storage: StorageConfiguration
    /// The data folder in use (shown in Settings); nil when only PostgreSQL holds data.
    public var dataDirectory: String?
    public var host: String
    public var port: Int
    /// Folders of the user's own items, loaded beside the bundled ones (`--content-dir`).
    public var contentDirectories: [String]
    /// Content to use instead of loading the bundle (tests pass a small catalog).
    public var catalog: ContentCatalog?
    public var now: @Sendable () -> Date
    /// Interval fuzz and calendar tokens draw from this; tests pass a seeded source.
    public var random: RandomSource
    /// Held by a server over SQLite: no other process writes its database meanwhile, so
    /// people's zones and revisions can be kept in memory (`RevisionBook`).
    public var dataFolderLock: DataFolderLock?
    /// Only this process writes the database (tests say so for their private databases).
    public var soleWriter: Bool
    /// Host names (with or without a port) a loopback server also answers to: a reverse
    /// proxy's (`--allowed-host`). Any other `Host` gets 421.
    public var allowedHosts: [String]
    /// Where people reach the app (`--public-url`, e.g. https://prep.example.org): the start of
    /// every absolute link it gives out. Nil: the address it listens on.
    public var publicURL: String?
    /// Timeouts and sizes of the HTTP server (`--idle-timeout`, `--header-timeout`, `--body-timeout`).
    public var limits = ServerLimits()

    public init(
        storage: StorageConfiguration, dataDirectory: String? = nil, host: String = "127.0.0.1", port: Int = 8080,
        contentDirectories: [String] = [], catalog: ContentCatalog? = nil, now: @escaping @Sendable () -> Date = { Date() }, random: RandomSource = .system,
        dataFolderLock: DataFolderLock? = nil, soleWriter: Bool? = nil, allowedHosts: [String] = [], publicURL: String? = nil
    ) {
        self.storage = storage
        self.dataDirectory = dataDirectory
        self.host = host
        self.port = port
        self.contentDirectories = contentDirectories
        self.catalog = catalog
        self.now = now
        self.random = random
        self.dataFolderLock = dataFolderLock
        self.soleWriter = soleWriter ?? (dataFolderLock?.mode == .serving)
        self.allowedHosts = allowedHosts
        self.publicURL = publicURL
    }
}
