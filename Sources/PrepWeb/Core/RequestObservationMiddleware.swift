import Vapor

/// The outermost middleware: gives each request an id, logs one structured line per
/// request, and records its metrics. Errors are already responses by the time they get
/// here (ProblemMiddleware sits inside), so every status is counted.
struct RequestObservationMiddleware: AsyncMiddleware {
    let metrics: AppMetrics

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        if let incoming = request.headers.first(name: "X-Request-ID"), Self.isAcceptableID(incoming) {
            request.logger[metadataKey: "request-id"] = .string(incoming)
        }
        let requestID = request.logger[metadataKey: "request-id"].map { "\($0)" } ?? request.id
        let response = try await next.respond(to: request)
        let elapsed = start.duration(to: clock.now)
        response.headers.replaceOrAdd(name: "X-Request-ID", value: requestID)

        let route = Self.routeLabel(request)
        metrics.observe(method: request.method.rawValue, route: route, status: Int(response.status.code), duration: elapsed)
        let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        request.logger.log(
            level: response.status.code >= 500 ? .error : .info,
            "request",
            metadata: [
                "method": .string(request.method.rawValue),
                "path": .string(request.url.path),
                "route": .string(route),
                "status": .stringConvertible(response.status.code),
                "duration_ms": .string(String(format: "%.2f", ms)),
            ]
        )
        return response
    }

    /// The matched route's pattern (`/api/v1/items/:id`); unmatched requests share one label
    /// so that scanners probing random paths cannot create unbounded series.
    static func routeLabel(_ request: Request) -> String {
        if let route = request.route {
            return "/" + route.path.map(\.description).joined(separator: "/")
        }
        return request.url.path.hasPrefix("/static/") ? "/static/*" : "unmatched"
    }

    static func isAcceptableID(_ id: String) -> Bool {
        (1...128).contains(id.count) && id.allSatisfy { $0.isLetter || $0.isNumber || "-_.:".contains($0) } && id.allSatisfy(\.isASCII)
    }
}
