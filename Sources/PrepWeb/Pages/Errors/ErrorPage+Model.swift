/// What an HTML error page shows, built by `ProblemMiddleware` from the error.
struct ErrorPageModel: Sendable, Equatable {
    /// The HTTP status code and its reason phrase ("404", "Not Found").
    var code: UInt
    var reason: String
    var detail: String
    /// The path that was asked for.
    var path: String
}
