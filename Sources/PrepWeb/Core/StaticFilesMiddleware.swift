import Foundation
import Vapor

/// Serves Resources/Public at /static/ from the package's resource bundle, so the app
/// works from any working directory and with no network.
struct StaticFilesMiddleware: AsyncMiddleware {
    private let files: FileMiddleware

    init() throws {
        guard let dir = Bundle.module.url(forResource: "Public", withExtension: nil) else {
            throw Abort(.internalServerError, reason: "The Public resources folder is missing beside the binary; reinstall infraprep with its .resources folder.")
        }
        files = FileMiddleware(publicDirectory: dir.path + "/")
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        guard path.hasPrefix("/static/"), request.method == .GET || request.method == .HEAD else {
            return try await next.respond(to: request)
        }
        // FileMiddleware resolves paths against its folder; strip our URL prefix first.
        let original = request.url
        request.url.path = String(path.dropFirst("/static".count))
        let response = try await files.respond(to: request, chainingTo: NotFoundResponder())
        request.url = original
        if response.status == .ok || response.status == .notModified {
            // URLs carry ?v=<version>, so a year is safe: a release changes the URL.
            response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        }
        return response
    }
}

private struct NotFoundResponder: AsyncResponder {
    func respond(to request: Request) async throws -> Response {
        throw Abort(.notFound, reason: "There is no static file at \(request.url.path).")
    }
}
