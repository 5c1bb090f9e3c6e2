import PrepCore
import Vapor

/// Request bodies come uncompressed. Vapor would inflate a gzip body and, past its limit,
/// drop the connection without an answer (issue #12: a small gzip body inflating past the
/// 1 MB limit); no client of this app compresses what it sends, so a compressed body is
/// answered 415 with what to do, and decompression is off (`configure`).
struct ContentEncodingMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let encoding = request.headers.first(name: .contentEncoding)?.lowercased(), encoding != "identity" {
            throw HTTPUserError(
                status: .unsupportedMediaType,
                error: PlainError("the request body is compressed (Content-Encoding: \(encoding))", fix: "send it without Content-Encoding: bodies are read uncompressed"))
        }
        return try await next.respond(to: request)
    }
}
