import Foundation
import PrepCore
import PrepStore
import Vapor

/// `/api/v1/readiness…`.
enum ReadinessAPI {
    struct Document: Content {
        var report: ReadinessReport
        var history: [ReadinessSnapshot]
    }

    static func show(_ req: Request) async throws -> Document {
        let service = try await ReadinessController.service(req)
        let (report, history) = try await service.reportAndHistory()
        return Document(report: report, history: history)
    }

    /// `answer` may be null to clear it, so absent and null are told apart.
    struct AnswerBody: Decodable {
        var answer: String??
        enum CodingKeys: String, CodingKey { case answer }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            answer = c.contains(.answer) ? .some(try c.decodeIfPresent(String.self, forKey: .answer)) : .none
        }
    }

    static func answer(_ req: Request) async throws -> ReadinessReport.ChecklistItem {
        let id = try req.parameters.require("id")
        let body = try req.content.decode(AnswerBody.self)
        guard let given = body.answer else { throw ValidationFailure(fields: ["answer": "Give answer: \"yes\", \"no\" or null to clear it."]) }
        var answer: ChecklistAnswer?
        if let text = given {
            guard let parsed = ChecklistAnswer(rawValue: text) else { throw ValidationFailure(fields: ["answer": "'\(text)' is not \"yes\" or \"no\" (null clears the answer)."]) }
            answer = parsed
        }
        let service = try await ReadinessController.service(req)
        try await service.answer(id, answer)
        let report = Readiness.report(try await service.input())
        guard let item = (report.checklists + report.redFlags).first(where: { $0.id == id }) else {
            throw Abort(.internalServerError, reason: "the answered item is missing from the report")
        }
        return item
    }
}

extension ReadinessReport: Content {}
extension ReadinessReport.ChecklistItem: Content {}
extension ReadinessSnapshot: Content {}
