import Foundation
import PrepCore
import PrepStore
import Vapor

/// Turns every thrown error into a response: problem+json for the API and for clients
/// that ask for JSON, an HTML error page for browsers. Unexpected errors are logged
/// with the request id and shown without internals.
struct ProblemMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return response(for: error, request: request)
        }
    }

    func response(for error: any Error, request: Request) -> Response {
        var (status, detail, fields) = classify(error, request: request)
        var allow: [HTTPMethod] = []
        if let abort = error as? any AbortError, abort.status == .notFound, abort.reason == "Not Found" {
            // The router found no route: if the path exists for other methods, say which.
            allow = AllowedMethods.at(request.url.path, routes: request.application.routes)
            if !allow.isEmpty {
                status = .methodNotAllowed
                detail = "\(request.method.rawValue) is not supported at \(request.url.path); use \(allow.map(\.rawValue).joined(separator: ", "))."
            }
        }
        let response = body(status: status, detail: detail, fields: fields, request: request)
        if status == .serviceUnavailable { response.headers.replaceOrAdd(name: .retryAfter, value: "1") }
        if !allow.isEmpty { response.headers.replaceOrAdd(name: .allow, value: allow.map(\.rawValue).joined(separator: ", ")) }
        return response
    }

    private func body(status: HTTPResponseStatus, detail: String, fields: [Problem.FieldError]?, request: Request) -> Response {
        if Self.wantsJSON(request) {
            let problem = Problem(status: status, detail: detail, instance: request.url.path, errors: fields)
            let response = Response(status: status)
            do {
                try response.content.encode(problem, as: .json)
            } catch {
                response.body = .init(string: #"{"title":"Internal Server Error","status":500}"#)
            }
            response.headers.contentType = Problem.mediaType
            return response
        }
        let page = ErrorPage(model: ErrorPageModel(code: status.code, reason: status.reasonPhrase, detail: detail, path: request.url.path))
        return HTMLResponse.page(page.render(), status: status)
    }

    private func classify(_ error: any Error, request: Request) -> (HTTPResponseStatus, String, [Problem.FieldError]?) {
        switch error {
        case let failure as ValidationFailure:
            let fields = failure.fields.sorted { $0.key < $1.key }.map { Problem.FieldError(field: $0.key, message: $0.value) }
            return (.unprocessableEntity, failure.detail, fields)
        case let failure as HTTPUserError:
            return (failure.status, failure.error.message, nil)
        case let failure as any StatusError:
            return (failure.status, failure.message, nil)
        case let decoding as DecodingError:
            return (.badRequest, DecodingErrorText.describe(decoding), nil)
        case let abort as any AbortError:
            let detail =
                abort.status == .notFound && abort.reason == "Not Found"
                ? "There is no page at \(request.url.path)."
                : abort.status == .unsupportedMediaType
                    ? "The request body must be JSON sent with Content-Type: application/json (\(abort.reason))."
                    : abort.reason
            return (abort.status, detail, nil)
        case let busy as DatabaseBusy:
            return (.serviceUnavailable, busy.message, nil)
        case let userFacing as any UserFacingError:
            request.logger.warning("user-facing error", metadata: ["error": .string(userFacing.message)])
            return (.internalServerError, userFacing.message, nil)
        default:
            request.logger.error("unhandled error", metadata: ["error": .string(String(reflecting: error))])
            // Found at start: the likely cause of any database failure, and what to do about it.
            if let damage = request.prep.damage { return (.serviceUnavailable, damage.message, nil) }
            return (.internalServerError, "Something went wrong on the server. The request id in the X-Request-ID header identifies it in the log.", nil)
        }
    }

    static func wantsJSON(_ request: Request) -> Bool {
        if request.url.path.hasPrefix("/api/") { return true }
        let accept = request.headers.first(name: .accept) ?? ""
        return accept.contains("json") && !accept.contains("text/html")
    }
}

/// Says which field of a JSON body was wrong, in words.
enum DecodingErrorText {
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let joined = CodingPathText.describe(keys, snakeCase: true)
            return joined.isEmpty ? "the body" : "field '\(joined)'"
        }
        switch error {
        case let .keyNotFound(key, context):
            return "The request body is missing \(path(context.codingPath + [key]))."
        case let .typeMismatch(type, context):
            return "In the request body, \(path(context.codingPath)) should be \(typeName(type))."
        case let .valueNotFound(type, context):
            return "In the request body, \(path(context.codingPath)) should be \(typeName(type)), not null."
        case let .dataCorrupted(context):
            return context.codingPath.isEmpty ? "The request body is not valid JSON." : "In the request body, \(path(context.codingPath)) is invalid: \(context.debugDescription)"
        @unknown default:
            return "The request body could not be read."
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "\(type)"
        }
    }
}
