import Foundation
import PrepCore

/// A PostgreSQL connection target parsed from `DATABASE_URL`.
///
/// Parsed here rather than by the driver so that a malformed URL gets a message that says
/// which part is wrong; the driver's own parser only reports "bad URL".
public struct PostgresTarget: Sendable, Equatable {
    public enum TLSMode: String, Sendable, Equatable, CaseIterable {
        case disable, prefer, require
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String?
    public var tls: TLSMode

    public init(host: String, port: Int = 5432, username: String, password: String? = nil, database: String? = nil, tls: TLSMode = .prefer) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tls = tls
    }

    /// The URL with the password masked, for logs and status output.
    public var redacted: String {
        let auth = password == nil ? username : "\(username):***"
        return "postgres://\(auth)@\(host):\(port)/\(database ?? "")"
    }

    private static let schemes: Set<String> = ["postgres", "postgresql"]
    private static let tlsAliases: [String: TLSMode] = [
        "disable": .disable, "false": .disable,
        "prefer": .prefer, "allow": .prefer, "true": .prefer,
        "require": .require, "verify-ca": .require, "verify-full": .require,
    ]

    /// Parses `postgres://user[:password]@host[:port]/database[?sslmode=…]`.
    public static func parse(_ raw: String) throws -> PostgresTarget {
        func bad(_ what: String) -> PlainError {
            PlainError(
                "DATABASE_URL is malformed: \(what)",
                fix: "use postgres://USER:PASSWORD@HOST:5432/DATABASE, or unset DATABASE_URL to use SQLite"
            )
        }
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard let schemeEnd = text.range(of: "://") else { throw bad("no scheme (expected postgres://)") }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard schemes.contains(scheme) else { throw bad("scheme '\(scheme)' is not postgres:// or postgresql://") }

        var rest = Substring(text[schemeEnd.upperBound...])
        var query = Substring("")
        if let q = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: q)...]
            rest = rest[..<q]
        }
        var pathPart = Substring("")
        if let slash = rest.firstIndex(of: "/") {
            pathPart = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        guard let at = rest.lastIndex(of: "@") else { throw bad("no user name (expected USER@HOST)") }
        let userInfo = rest[..<at]
        let hostPort = rest[rest.index(after: at)...]

        let userParts = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let username = try decode(String(userParts[0]), field: "user name", bad: bad)
        guard !username.isEmpty else { throw bad("the user name is empty") }
        let password = userParts.count > 1 ? try decode(String(userParts[1]), field: "password", bad: bad) : nil

        var host = String(hostPort)
        var port = 5432
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { throw bad("unclosed '[' in an IPv6 host") }
            let after = host[host.index(after: close)...]
            let inner = String(host[host.index(after: host.startIndex)..<close])
            if after.hasPrefix(":") { port = try parsePort(String(after.dropFirst()), bad: bad) }
            host = inner
        } else if let colon = host.lastIndex(of: ":") {
            port = try parsePort(String(host[host.index(after: colon)...]), bad: bad)
            host = String(host[..<colon])
        }
        guard !host.isEmpty else { throw bad("the host is empty") }

        let database = pathPart.isEmpty ? nil : try decode(String(pathPart), field: "database name", bad: bad)
        if let database, database.contains("/") { throw bad("the database name '\(database)' contains '/'") }

        var tls = TLSMode.prefer
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = kv[0].lowercased()
            guard ["sslmode", "tlsmode", "ssl", "tls"].contains(key) else { continue }
            let value = kv.count > 1 ? kv[1].lowercased() : ""
            guard let mode = tlsAliases[value] else {
                throw bad("\(key)=\(value) is not one of disable, prefer, require")
            }
            tls = mode
        }
        return PostgresTarget(host: host, port: port, username: username, password: password, database: database, tls: tls)
    }

    private static func parsePort(_ text: String, bad: (String) -> PlainError) throws -> Int {
        guard let port = Int(text), (1...65535).contains(port) else { throw bad("port '\(text)' is not a number from 1 to 65535") }
        return port
    }

    private static func decode(_ text: String, field: String, bad: (String) -> PlainError) throws -> String {
        guard let value = text.removingPercentEncoding else { throw bad("the \(field) has an invalid %-escape") }
        return value
    }
}
