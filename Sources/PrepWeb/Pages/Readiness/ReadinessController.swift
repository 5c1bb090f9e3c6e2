import Foundation
import PrepApp
import PrepCore
import Vapor

/// The readiness page and its answer buttons (forms with redirects: no JavaScript needed).
enum ReadinessController {
    static func service(_ req: Request) async throws -> ReadinessService {
        try await req.context().readiness
    }

    static func show(_ req: Request) async throws -> Response {
        let service = try await service(req)
        let (report, history) = try await service.reportAndHistory()
        let catalog = req.prep.catalog
        let page = ReadinessPage(
            report: report, history: history, itemTitle: { catalog[$0]?.title },
            checklistTitle: { id in catalog.checklists.first { $0.id == id }?.title ?? id })
        return HTMLResponse.page(page.render())
    }

    struct AnswerForm: Content {
        var itemID: String?
        var answer: String?
        enum CodingKeys: String, CodingKey {
            case itemID = "item_id"
            case answer
        }
    }

    static func answer(_ req: Request) async throws -> Response {
        let form = try req.content.decode(AnswerForm.self)
        guard let id = form.itemID, !id.isEmpty else { throw Abort(.unprocessableEntity, reason: "item_id is missing from the form; reload the page") }
        let value = form.answer ?? ""
        guard value == "clear" || ChecklistAnswer(rawValue: value) != nil else {
            throw HTTPUserError(status: .unprocessableEntity, error: PlainError("answer: '\(value)' is not yes, no or clear", fix: "reload the page and use its buttons"))
        }
        try await service(req).answer(id, ChecklistAnswer(rawValue: value))
        return req.redirect(to: .readiness, fragment: id)
    }
}
