import PrepContent
import PrepCore
import PrepStore

/// A set of questions to practise now, like Anki's custom study (issue #13): the question
/// list's filters (a skill, a search…), a plan task's questions, or one question.
public enum PracticeFocus: Sendable, Equatable {
    case questions(ItemQuery)
    /// A plan task's questions; a task that names none drills its skills' questions.
    case task(String)
    case item(String)

    /// The focus as query items, the same names the question list and the API use.
    public var queryItems: [(String, String)] {
        switch self {
        case .questions(let query):
            [("q", query.text), ("kind", query.kind?.rawValue), ("skill", query.skill), ("tier", query.tier.map(String.init)), ("difficulty", query.difficulty.map(String.init))]
                .compactMap { name, value in value.map { (name, $0) } }
        case .task(let id): [("task", id)]
        case .item(let id): [("item", id)]
        }
    }

    /// A focus read from query items (`value(name)`), nil when none is named. `filters` reads
    /// the question list's filters, which the web layer already knows how to check.
    public static func read(_ value: (String) -> String?, filters: () throws -> ItemQuery) throws -> PracticeFocus? {
        if let task = value("task") { return .task(task) }
        if let item = value("item") { return .item(item) }
        guard ["q", "kind", "skill", "tier", "difficulty"].contains(where: { value($0) != nil }) else { return nil }
        return .questions(try filters())
    }
}

extension PracticeService {
    /// What a focus names: its title and its practised questions, in the list's order.
    public func resolve(_ focus: PracticeFocus) async throws -> (title: String, itemIDs: [String]) {
        let practised = { (item: ContentItem) in DailySession.practisedKinds.contains(item.kind) }
        switch focus {
        case .questions(let query):
            return (Self.title(of: query, catalog: catalog), catalog.find(query).filter(practised).map(\.id))
        case .item(let id):
            guard let item = catalog[id] else { throw GradeError.unknownItem(id) }
            guard practised(item) else { throw GradeError.notPractised(id, item.kind) }
            return ("“\(item.title)”", [id])
        case .task(let id):
            let parts = try await context.plans.parts(of: id)
            let task = parts[0].task
            var ids = task.items.filter { catalog[$0].map(practised) ?? false }
            if ids.isEmpty {
                let skills = Set(task.skills)
                ids = catalog.items.filter { skills.contains($0.skill) && practised($0) }.map(\.id)
            }
            return ("the plan task “\(task.text)”", ids)
        }
    }

    /// The focus's session: its cards due now, then its questions never studied, whatever the
    /// daily limits (asking is the point); it ends when none is left. Learning steps come back
    /// when due, as in the daily session.
    public func session(focus: PracticeFocus) async throws -> (session: Session, title: String, size: Int) {
        let (title, ids) = try await resolve(focus)
        let set = Set(ids)
        let settings = try await PracticeStore.settings(userID: userID, on: db)
        let done = try await PracticeStore.today(userID: userID, since: today.start(in: timeZone), on: db)
        let cards = try await PracticeStore.cards(userID: userID, itemIDs: ids, on: db)
        let due = ids.filter { cards[$0].map { $0.card.due <= now } ?? false }.sorted { cards[$0]!.card.due < cards[$1]!.card.due }
        let new = ids.filter { cards[$0] == nil }
        let entries =
            due.compactMap { id in catalog[id].map { Entry(item: $0, card: cards[id], isNew: false) } }
            + new.compactMap { id in catalog[id].map { Entry(item: $0, card: nil, isNew: true) } }
        let nextDue = entries.isEmpty ? cards.values.map(\.card.due).filter { $0 > now }.min() : nil
        let session = Session(
            date: today, entries: entries, settings: settings, reviewsDone: done.reviews, newDone: done.newItemIDs.count,
            dueBeyondLimit: 0, nextDue: nextDue)
        return (session, title, set.count)
    }

    public static func title(of query: ItemQuery, catalog: ContentCatalog) -> String {
        var parts: [String] = []
        if let skill = query.skill { parts.append(catalog.taxonomy[skill]?.name ?? skill) }
        if let kind = query.kind { parts.append(kind.title.lowercased()) }
        var title = parts.isEmpty ? "questions" : parts.joined(separator: " ") + " questions"
        if let tier = query.tier { title += " of tier \(tier)" }
        if let difficulty = query.difficulty { title += " of difficulty \(difficulty)" }
        if let text = query.text { title += " matching “\(text)”" }
        return title.prefix(1).uppercased() + title.dropFirst()
    }
}
