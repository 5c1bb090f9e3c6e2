import Foundation
import NIOConcurrencyHelpers
import PrepCore
import Vapor

/// Refuses requests addressed to another host while serving on a loopback address: a page
/// on an attacker's domain that re-resolves to 127.0.0.1 (DNS rebinding) reaches the port,
/// but its requests carry the attacker's name in `Host`. Only the loopback names at this
/// server's port pass, and the hosts given with `--allowed-host` (a reverse proxy's). A
/// request with no Host at all (HTTP/1.0 tools) passes: browsers always send one.
struct HostCheckMiddleware: AsyncMiddleware {
    static let loopbackNames: Set<String> = ["127.0.0.1", "localhost", "[::1]", "::1"]

    let allowed: Set<String>
    let configuredPort: Int
    private let boundPort = NIOLockedValueBox<Int?>(nil)

    init(config: AppConfig) {
        allowed = Set(config.allowedHosts.map { $0.lowercased() })
        configuredPort = config.port
    }

    /// Whether `host` (as given to `--host`) is a loopback address: the only binds checked.
    static func isLoopback(_ host: String) -> Bool {
        loopbackNames.contains(host.lowercased()) || host.hasPrefix("127.")
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let host = request.headers.first(name: .host)?.lowercased(), !accepts(host, request) else {
            return try await next.respond(to: request)
        }
        let port = port(request).map { ":\($0)" } ?? ""
        throw HTTPUserError(
            status: .misdirectedRequest,
            error: PlainError(
                "Host '\(host)' is not this server: it answers to 127.0.0.1\(port), localhost\(port) and [::1]\(port)",
                fix: "open it at http://127.0.0.1\(port)/, or start it with --allowed-host \(host) to serve it through a proxy"))
    }

    private func accepts(_ host: String, _ request: Request) -> Bool {
        if allowed.contains(host) { return true }
        let (name, port) = Self.split(host)
        if allowed.contains(name) { return true }
        guard Self.loopbackNames.contains(name) else { return false }
        guard let expected = self.port(request) else { return true }
        return port == expected
    }

    /// The port this server listens on: bound (with --port 0 only known once started), or configured.
    private func port(_ request: Request) -> Int? {
        if let known = boundPort.withLockedValue({ $0 }) { return known }
        if let bound = request.application.listeningAddress?.port {
            boundPort.withLockedValue { $0 = bound }
            return bound
        }
        return configuredPort == 0 ? nil : configuredPort
    }

    /// "name:port" into its parts; "[::1]:8080" keeps its brackets.
    static func split(_ host: String) -> (name: String, port: Int?) {
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            let name = String(host[...close])
            let rest = host[host.index(after: close)...]
            return (name, rest.hasPrefix(":") ? Int(rest.dropFirst()) : nil)
        }
        guard let colon = host.lastIndex(of: ":") else { return (host, nil) }
        return (String(host[..<colon]), Int(host[host.index(after: colon)...]))
    }
}
