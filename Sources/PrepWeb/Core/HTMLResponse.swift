import Vapor

enum HTMLResponse {
    static let csp =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

    static func page(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        // Scripts only from our own files: a second line of defence should markup ever slip
        // through user text. Inline styles stay allowed for the score meters.
        headers.replaceOrAdd(name: "Content-Security-Policy", value: csp)
        return Response(status: status, headers: headers, body: .init(string: html))
    }
}
