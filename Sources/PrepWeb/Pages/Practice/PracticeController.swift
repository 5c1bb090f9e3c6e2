import Foundation
import PrepApp
import PrepContent
import PrepCore
import PrepStore
import Vapor

/// The practice page: one card at a time, graded with the key points as a checklist.
/// Every action is a plain form post (PRG), so it works without JavaScript; practice.js
/// adds the keyboard and the instant reveal.
enum PracticeController {
    static func service(_ req: Request) async throws -> PracticeService {
        PracticeService(try await req.context())
    }

    static func show(_ req: Request) async throws -> Response {
        let service = try await service(req)
        let focus = try Self.focus(req)
        var session: PracticeService.Session?
        return try await req.cachedPage(
            for: service.context, holes: [.reviewID, .shownAt], lifetime: { try await lifetime(service, session) },
            draw: { holes in
                let query = try? req.query.decode(PracticeQuery.self)
                let (shown, focusModel) = try await Self.session(service, focus: focus, early: query?.early == "1")
                session = shown
                var model = try await PracticePageModel.make(
                    service: service, session: shown, revealed: query?.reveal == "1",
                    answer: nil, flash: req.flash?.practiceMessage, markdown: req.prep.markdown, shownAt: holes[1], clientReviewID: holes[0]
                )
                model.focus = focusModel
                return HTMLResponse.page(PracticePage(model: model).render())
            })
    }

    /// Today's session, or the focus's with what the page says of it.
    static func session(
        _ service: PracticeService, focus: PracticeFocus?, early: Bool = false
    ) async throws -> (PracticeService.Session, PracticePageModel.Focus?) {
        guard let focus else { return (try await service.session(early: early), nil) }
        let (session, title, size) = try await service.session(focus: focus)
        return (session, .init(title: title, size: size, items: focus.queryItems, query: encoded(focus) ?? ""))
    }

    /// A drawn card stays true until practice changes by time, and until its button
    /// intervals would (they count whole days since the card's last review). "Next card in
    /// N min" counts down, so that page is not kept.
    private static func lifetime(_ service: PracticeService, _ session: PracticeService.Session?) async throws -> PageLifetime {
        guard let session, session.nextDue == nil else { return .notKept }
        var until = try await service.changesByTime()
        if let last = session.entries.first?.card?.card.lastReview {
            until = min(until, last.adding(days: service.now.wholeDays(since: last) + 1))
        }
        return .until(until)
    }

    struct CheckForm: Content {
        var itemID: String?
        var answer: String?
        var shownAt: Int64?
        var focus: String?
        enum CodingKeys: String, CodingKey {
            case itemID = "item_id"
            case answer
            case shownAt = "shown_at"
            case focus
        }
    }

    /// A typed answer: the page again, revealed, with the key points it covers ticked.
    static func check(_ req: Request) async throws -> Response {
        let form = try req.content.decode(CheckForm.self)
        let service = try await service(req)
        let (session, focus) = try await Self.session(service, focus: try Self.focus(req, encoded: form.focus ?? ""))
        var model = try await PracticePageModel.make(
            service: service, session: session, revealed: true,
            answer: form.answer ?? "", flash: nil, markdown: req.prep.markdown, expectedItem: form.itemID, shownAt: form.shownAt.map(String.init)
        )
        model.focus = focus
        return HTMLResponse.page(PracticePage(model: model).render())
    }

    struct GradeForm: Content {
        var itemID: String?
        var rating: Int?
        var clientReviewID: String?
        var shownAt: Int64?
        var hits: [Int]?
        var focus: String?
        enum CodingKeys: String, CodingKey {
            case itemID = "item_id"
            case rating
            case clientReviewID = "client_review_id"
            case shownAt = "shown_at"
            case hits
            case focus
        }
    }

    static func review(_ req: Request) async throws -> Response {
        let form = try req.content.decode(GradeForm.self)
        guard let itemID = form.itemID, !itemID.isEmpty else { throw Abort(.unprocessableEntity, reason: "item_id is missing from the form; reload the practice page") }
        guard let raw = form.rating, let rating = Rating(rawValue: raw) else {
            throw Abort(.unprocessableEntity, reason: "rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)")
        }
        let service = try await service(req)
        let focus = try Self.focus(req, encoded: form.focus ?? "")
        let item = req.prep.catalog[itemID]
        let duration = form.shownAt.map { Int(max(0, min(3_600_000, (service.now.microseconds - $0) / 1000))) }
        let total = item.map { PracticeService.rubricPoints(for: $0).count }
        let hits = form.hits.map { Set($0.filter { (0..<(total ?? 0)).contains($0) }).count }
        do {
            let outcome = try await service.grade(
                itemID: itemID, rating: rating, durationMs: duration, rubricHits: hits ?? (total == nil ? nil : 0),
                rubricTotal: total, clientReviewID: form.clientReviewID
            )
            let next = IntervalText.between(service.now, outcome.card.due)
            return req.redirect(to: practiceLink(focus, .graded(rating.rawValue, next: next)), redirectType: .normal)
        } catch let error as PracticeService.GradeError {
            throw Abort(.unprocessableEntity, reason: error.message)
        } catch let error as FSRS.ReviewError {
            throw Abort(.conflict, reason: error.message)
        }
    }

    static func stats(_ req: Request) async throws -> Response {
        let service = try await service(req)
        let stats = try await service.stats()
        let model = StatsPageModel.make(stats: stats, taxonomy: req.prep.catalog.taxonomy)
        return HTMLResponse.page(StatsPage(model: model).render())
    }

    struct UndoForm: Content {
        var focus: String?
    }

    static func undo(_ req: Request) async throws -> Response {
        let service = try await service(req)
        let focus = try Self.focus(req, encoded: (try? req.content.decode(UndoForm.self))?.focus ?? "")
        let outcome = try await service.undo()
        return req.redirect(to: practiceLink(focus, outcome == nil ? .nothingToUndo : .undone), redirectType: .normal)
    }
}

struct PracticeQuery: Content {
    var reveal: String?
    /// "1": take the learning step due within the learn-ahead window now.
    var early: String?
}

extension Flash {
    /// What the practice page says after a grade or an undo.
    var practiceMessage: PracticePageModel.Flash? {
        switch self {
        case .graded(let graded, let next):
            guard let rating = Rating(rawValue: graded) else { return nil }
            return .init(text: "\(rating.name): next review in \(next.isEmpty ? "a while" : next).", undo: true)
        case .undone: return .init(text: "Undone: the card is back as it was.", undo: false)
        case .nothingToUndo: return .init(text: "Nothing to undo.", undo: false)
        default: return nil
        }
    }
}
