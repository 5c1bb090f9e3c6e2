import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import PrepCore

/// Which database InfraPrep uses: a SQLite file (the default, one person) or PostgreSQL
/// (a hosted cohort with several app replicas).
public enum StorageConfiguration: Sendable, Equatable {
    case sqlite(path: String)
    /// `schema`, when set, becomes the connection's search path: tests use it to give
    /// each suite its own schema in one database.
    case postgres(PostgresTarget, schema: String? = nil)

    public static let sqliteFileName = "infraprep.sqlite"

    /// `DATABASE_URL` wins when set; otherwise a SQLite file inside the data folder.
    public static func resolve(dataDirectory: String, environment: [String: String]) throws -> StorageConfiguration {
        if let url = environment["DATABASE_URL"], !url.trimmingCharacters(in: .whitespaces).isEmpty {
            return .postgres(try PostgresTarget.parse(url))
        }
        return .sqlite(path: DataFolder.file(sqliteFileName, in: dataDirectory))
    }

    public var kind: String {
        switch self {
        case .sqlite: "sqlite"
        case .postgres: "postgres"
        }
    }

    /// Where the data is, safe to print (no password).
    public var location: String {
        switch self {
        case let .sqlite(path): path
        case let .postgres(target, schema): target.redacted + (schema.map { " (schema \($0))" } ?? "")
        }
    }

    public func makeFactory() throws -> DatabaseConfigurationFactory {
        switch self {
        case let .sqlite(path):
            return .sqlite(.file(path), connectionPoolTimeout: .seconds(30), dataEncoder: .init(), dataDecoder: .init(), sqlLogLevel: nil)
        case let .postgres(target, schema):
            var config = SQLPostgresConfiguration(coreConfiguration: try Self.connection(target))
            if let schema { config.searchPath = [schema] }
            return .postgres(configuration: config, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(10), sqlLogLevel: .debug)
        }
    }

    /// How to open one connection to the target (the pool's and the revision feed's).
    static func connection(_ target: PostgresTarget) throws -> PostgresConnection.Configuration {
        var config = PostgresConnection.Configuration(
            host: target.host, port: target.port, username: target.username, password: target.password, database: target.database, tls: try Self.tls(target.tls)
        )
        // Fail fast when the server is down instead of hanging a start-up for a minute.
        config.options.connectTimeout = .seconds(5)
        return config
    }

    private static func tls(_ mode: PostgresTarget.TLSMode) throws -> PostgresConnection.Configuration.TLS {
        do {
            switch mode {
            case .disable: return .disable
            case .prefer: return try .prefer(.init(configuration: .makeClientConfiguration()))
            case .require: return try .require(.init(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw PlainError("cannot set up TLS for PostgreSQL (\(error))", fix: "add ?sslmode=disable to DATABASE_URL for a local server, or install the system's CA certificates")
        }
    }
}
