import PrepApp
import Vapor

/// Tells the revision book that a person's data may have changed, after every request
/// that may write (anything but GET and HEAD), once its handler has finished and its
/// transaction committed, whether it succeeded or not. Catching writes here rather than in
/// each handler means a new write endpoint cannot forget to. No-op where others write too.
struct WriteObservationMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let book = request.prep.environment.revisions, request.method != .GET, request.method != .HEAD else {
            return try await next.respond(to: request)
        }
        defer { book.changed(request.userID) }
        return try await next.respond(to: request)
    }
}
