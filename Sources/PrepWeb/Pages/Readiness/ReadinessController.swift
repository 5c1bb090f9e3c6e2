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
        // Readiness reads practice (retention, what is due), so it expires with it.
        return try await req.cachedPage(
            for: service.context, lifetime: { .until(try await service.context.practice.changesByTime()) },
            draw: { _ in
                try await draw(req, service)
            })
    }

    private static func draw(_ req: Request, _ service: ReadinessService) async throws -> Response {
        let (report, history) = try await service.reportAndHistory()
        let catalog = req.prep.catalog
        var itemTitles: [String: String] = [:]
        for item in report.checklists + report.redFlags {
            if let first = item.items.first { itemTitles[first] = catalog[first]?.title }
        }
        var checklistTitles: [String: String] = [:]
        for checklist in catalog.checklists where checklistTitles[checklist.id] == nil { checklistTitles[checklist.id] = checklist.title }
        var skills = Set<String>()
        for item in catalog.items where DailySession.practisedKinds.contains(item.kind) {
            skills.insert(item.skill)
            if let parent = catalog.taxonomy[item.skill]?.parent { skills.insert(parent) }
        }
        let context = service.context
        let interview = try await context.plans.plan()?.settings.interviewDate.flatMap(PlanSettings.day)
        let projection = ReadinessProjection.make(
            history: history.compactMap { point in PlanSettings.day(point.day).map { (day: $0, score: point.overall) } }, interview: interview,
            today: context.today)
        let model = ReadinessPageModel(
            report: report, history: history, itemTitles: itemTitles, checklistTitles: checklistTitles, practisableSkills: skills,
            projection: projection)
        return HTMLResponse.page(ReadinessPage(model: model).render())
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
