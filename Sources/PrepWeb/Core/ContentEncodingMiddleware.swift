import PrepCore
import Vapor

/// The server undoes gzip and deflate before the app sees a body, and answers 413 to one that
/// inflates past the limit (`AppResponder`); any other Content-Encoding (br, zstd) is answered
/// 415 here with what to do.
struct ContentEncodingMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let encoding = request.headers.first(name: .contentEncoding)?.lowercased(), encoding != "identity" {
            throw HTTPUserError(
                status: .unsupportedMediaType,
                error: PlainError(
                    "the request body is compressed with \(encoding), which this server cannot read", fix: "send it uncompressed, or with Content-Encoding gzip or deflate"))
        }
        return try await next.respond(to: request)
    }
}
