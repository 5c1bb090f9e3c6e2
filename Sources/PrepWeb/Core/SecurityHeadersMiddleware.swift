import Vapor

/// Headers every answer carries, errors included: no content sniffing, no Referer to other
/// sites (the calendar feed URL carries its secret in the query, and a page's address says
/// what a person studies), and API answers are never stored by a cache (they are a person's
/// data). `same-origin`, not `no-referrer`: under `no-referrer` Chromium sends `Origin: null`
/// with the app's own form posts, which the same-origin check must refuse.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        if request.url.path.hasPrefix("/api/"), !response.headers.contains(name: .cacheControl) {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}
