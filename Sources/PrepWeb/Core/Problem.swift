import Foundation
import PrepApp
import PrepCore
import Vapor

/// An RFC 9457 problem details document, the body of every JSON API error.
struct Problem: Content, Equatable {
    struct FieldError: Content, Equatable {
        /// The JSON field (or query parameter) that was wrong.
        var field: String
        var message: String
    }

    var type: String
    var title: String
    var status: Int
    var detail: String
    var instance: String?
    /// Extension member: one entry per invalid field, for forms and clients to show in place.
    var errors: [FieldError]?

    static let mediaType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])

    init(status: HTTPResponseStatus, detail: String, instance: String? = nil, errors: [FieldError]? = nil, type: String = "about:blank") {
        self.type = type
        self.title = status.reasonPhrase
        self.status = Int(status.code)
        self.detail = detail
        self.instance = instance
        self.errors = errors
    }
}

/// A request the API refuses because of its content: 422 with the field errors.
struct ValidationFailure: Error {
    var fields: [String: String]
    var detail: String = "The request has invalid fields; see errors."
}

/// A user-facing failure with an HTTP status of its own choosing.
struct HTTPUserError: Error {
    var status: HTTPResponseStatus
    var error: any UserFacingError
}

/// A service's failure that knows its HTTP status, so handlers can let it propagate.
protocol StatusError: UserFacingError {
    var status: HTTPResponseStatus { get }
}

extension PlanService.Failure: StatusError {
    var status: HTTPResponseStatus {
        switch self {
        case .noPlan: .conflict
        case .unknownTask: .notFound
        case .badDate, .moveIntoPast, .moveAfterPlan, .notesTooLong, .notesControlCharacter: .unprocessableEntity
        }
    }
}

extension ReadinessService.Failure: StatusError {
    var status: HTTPResponseStatus { .notFound }
}

/// A focus on a question that is not in the bank, or is read rather than practised.
extension PracticeService.GradeError: StatusError {
    var status: HTTPResponseStatus {
        switch self {
        case .unknownItem: .notFound
        case .notPractised: .unprocessableEntity
        }
    }
}
