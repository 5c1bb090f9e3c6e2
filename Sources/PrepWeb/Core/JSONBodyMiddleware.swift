import Vapor

/// The JSON API reads JSON only: a body sent as a form or as text is answered 415, as the
/// OpenAPI document says, rather than decoded by whatever Vapor has for its type.
struct JSONBodyMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if [.POST, .PUT, .PATCH].contains(request.method), hasBody(request) {
            let type = request.headers.contentType
            let isJSON = type.map { $0.type == "application" && ($0.subType == "json" || $0.subType.hasSuffix("+json")) } ?? false
            guard isJSON else {
                throw Abort(.unsupportedMediaType, reason: "got \(type.map { "\($0.type)/\($0.subType)" } ?? "no Content-Type")")
            }
        }
        return try await next.respond(to: request)
    }

    private func hasBody(_ request: Request) -> Bool {
        if let length = request.headers.first(name: .contentLength).flatMap(Int.init) { return length > 0 }
        return (request.body.data?.readableBytes ?? 0) > 0 || request.headers.first(name: .transferEncoding) != nil
    }
}
