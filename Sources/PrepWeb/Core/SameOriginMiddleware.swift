import Vapor

/// Refuses state-changing requests sent by other web sites. A local install has no login,
/// so without this any page open in the browser could post forms to 127.0.0.1:8080.
struct SameOriginMiddleware: AsyncMiddleware {
    private static let safeMethods: [HTTPMethod] = [.GET, .HEAD, .OPTIONS]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard !Self.safeMethods.contains(request.method) else { return try await next.respond(to: request) }
        if request.headers.first(name: "Sec-Fetch-Site") == "cross-site" {
            throw Abort(.forbidden, reason: "Cross-site requests may not change data here.")
        }
        // A sandboxed frame or a redirect chain sends "null": nobody this server can vouch for.
        if request.headers.first(name: .origin) == "null" {
            throw Abort(.forbidden, reason: "Requests from an opaque origin (Origin: null) may not change data here.")
        }
        if let origin = request.headers.first(name: .origin),
            let host = request.headers.first(name: .host),
            let originHost = URLComponents(string: origin)?.hostWithPort, originHost != host
        {
            throw Abort(.forbidden, reason: "The request's Origin (\(origin)) is not this server (\(host)).")
        }
        return try await next.respond(to: request)
    }
}

extension URLComponents {
    fileprivate var hostWithPort: String? {
        guard let host else { return nil }
        return port.map { "\(host):\($0)" } ?? host
    }
}
