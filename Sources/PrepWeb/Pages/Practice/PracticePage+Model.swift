import Foundation
import PrepApp
import PrepContent
import PrepCore
import PrepStore

/// Everything the practice page shows, built by the controller.
struct PracticePageModel {
    struct Flash {
        var text: String
        var undo: Bool
    }

    struct Button {
        var rating: Rating
        var interval: String
    }

    /// The set being practised, when the page was asked for one.
    struct Focus {
        var title: String
        var size: Int
        /// The focus's query items, and the same as the query string the forms carry.
        var items: [(String, String)]
        var query: String
    }

    var entry: PracticeService.Entry?
    var remaining: Int
    var reviewsLeft: Int
    var newLeft: Int
    var reviewsDone: Int
    var newDone: Int
    var dueBeyondLimit: Int
    var nextDue: String?
    var canReviewEarly = false
    var focus: Focus?
    var revealed: Bool
    var answer: String?
    var rubric: [Rubric.Match]?
    var buttons: [Button]
    var clientReviewID: String
    /// Microseconds since 1970, as the form sends it back.
    var shownAt: String
    var flash: Flash?
    /// Rendered Markdown of the prompt and answer parts.
    var promptHTML: [(heading: String?, html: String)]
    var answerHTML: [(heading: String, html: String)]
    var skillName: String

    static func make(
        service: PracticeService, session: PracticeService.Session, revealed: Bool, answer: String?,
        flash: Flash?, markdown: RenderedMarkdown, expectedItem: String? = nil, shownAt: String? = nil,
        clientReviewID: String = UUID().uuidString
    ) async throws -> PracticePageModel {
        let entry = session.entries.first
        var buttons: [Button] = []
        var prompt: [(String?, String)] = []
        var answerParts: [(String, String)] = []
        var rubric: [Rubric.Match]?
        if let entry {
            let scheduler = try await service.scheduler()
            let preview = service.preview(entry, scheduler: scheduler)
            buttons = Rating.allCases.map { Button(rating: $0, interval: preview[$0].map { IntervalText.between(service.now, $0.due) } ?? "") }
            let item = entry.item
            if !item.intro.isEmpty { prompt.append((nil, markdown.html(item.intro))) }
            for part in item.promptSections { prompt.append((part.heading, markdown.html(part.markdown))) }
            for part in item.answerSections { answerParts.append((part.heading, markdown.html(part.markdown))) }
            // The typed answer belongs to the card it was typed for; if the queue moved on, it is not applied.
            if let answer, expectedItem == nil || expectedItem == item.id {
                rubric = service.rubric(for: item, answer: answer)
            }
        }
        let reviews = session.entries.filter { !$0.isNew }.count
        return PracticePageModel(
            entry: entry, remaining: session.entries.count, reviewsLeft: reviews, newLeft: session.entries.count - reviews,
            reviewsDone: session.reviewsDone, newDone: session.newDone, dueBeyondLimit: session.dueBeyondLimit,
            nextDue: session.nextDue.map { IntervalText.between(service.now, $0) }, canReviewEarly: session.canReviewEarly,
            revealed: revealed, answer: answer, rubric: rubric, buttons: buttons,
            clientReviewID: clientReviewID, shownAt: shownAt ?? String(service.now.microseconds), flash: flash,
            promptHTML: prompt, answerHTML: answerParts,
            skillName: entry.map { service.catalog.taxonomy[$0.item.skill]?.name ?? $0.item.skill } ?? ""
        )
    }

    /// The grade the ticked key points suggest.
    var suggested: Rating? {
        guard let rubric, !rubric.isEmpty else { return nil }
        return Rubric.suggestedRating(covered: rubric.filter(\.covered).count, total: rubric.count)
    }
}
