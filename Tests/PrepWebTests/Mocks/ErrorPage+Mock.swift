@testable import PrepWeb

extension ErrorPageModel {
    static let mock = ErrorPageModel(code: 404, reason: "Not Found", detail: "No item has the id 'k8s-nope'. The Questions page lists them all.", path: "/questions/k8s-nope")
    static let serverError = ErrorPageModel(
        code: 500, reason: "Internal Server Error", detail: "Something went wrong on the server. The request id in the X-Request-ID header identifies it in the log.",
        path: "/practice/review")
}
