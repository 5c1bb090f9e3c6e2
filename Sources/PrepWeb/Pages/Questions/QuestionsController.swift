import PrepApp
import PrepContent
import PrepCore
import PrepStore
import Vapor

enum QuestionsController {
    /// Query parameters of the list page and the list API, with errors by parameter.
    struct Filters {
        var query = ItemQuery()
        var page = 1
        var errors: [String: String] = [:]

        init(_ req: Request, catalog: ContentCatalog) {
            self.init({ name in (try? req.query.get(String.self, at: name)) }, catalog: catalog)
        }

        /// The filters read through `raw` (a query item's value by name), as the practice
        /// page and its forms read a focus on the same names.
        init(_ raw: (String) -> String?, catalog: ContentCatalog) {
            func text(_ name: String) -> String? {
                let value = raw(name)?.trimmingCharacters(in: .whitespaces)
                return value?.isEmpty == false ? value : nil
            }
            query.text = text("q")
            if let search = query.text, let problem = ItemQuery.textProblem(search) {
                errors["q"] = "Too long: \(problem)."
            }
            if let raw = text("kind") {
                query.kind = ItemKind(rawValue: raw)
                if query.kind == nil { errors["kind"] = "Unknown kind '\(raw)'; use one of \(ItemKind.allCases.map(\.rawValue).joined(separator: ", "))." }
            }
            if let raw = text("skill") {
                if catalog.taxonomy[raw] != nil {
                    query.skill = raw
                } else {
                    let close = Suggest.close(to: raw, among: catalog.taxonomy.skills.map(\.id), limit: 2)
                    errors["skill"] = "Unknown skill '\(raw)'" + (close.isEmpty ? "." : "; did you mean \(close.joined(separator: " or "))?")
                }
            }
            if let raw = text("tier") {
                if let tier = Int(raw), (1...4).contains(tier) { query.tier = tier } else { errors["tier"] = "Tier must be 1, 2, 3 or 4." }
            }
            if let raw = text("difficulty") {
                if let value = Int(raw), (1...3).contains(value) { query.difficulty = value } else { errors["difficulty"] = "Difficulty must be 1, 2 or 3." }
            }
            if let raw = text("page") {
                if let value = Int(raw), value >= 1 { page = value } else { errors["page"] = "Page must be a whole number from 1." }
            }
        }
    }

    static func list(_ req: Request) async throws -> Response {
        let catalog = req.prep.catalog
        let filters = Filters(req, catalog: catalog)
        let model = QuestionsPageModel.make(catalog: catalog, query: filters.query, page: filters.page, errors: filters.errors)
        return HTMLResponse.page(QuestionsPage(model: model).render(), status: filters.errors.isEmpty ? .ok : .badRequest)
    }

    static func show(_ req: Request) async throws -> Response {
        let item = try item(req)
        let filters = Filters(req, catalog: req.prep.catalog)
        let focus = filters.errors.isEmpty ? PracticeFocus.questions(filters.query).queryItems : []
        guard DailySession.practisedKinds.contains(item.kind) else {
            // Read, not practised: the bank is fixed for the life of the process, so one drawing serves everyone.
            return try await req.cachedPage(for: nil, address: focus.isEmpty ? req.url.path : req.url.string) { _ in
                var page = page(for: item, req: req)
                page.model.list = position(of: item, focus: focus, query: filters.query, req: req)
                return HTMLResponse.page(page.render())
            }
        }
        // A question shows where the person stands with it: kept per person, under their revision and day.
        let context = try await req.context()
        return try await req.cachedPage(for: context) { _ in
            var page = page(for: item, req: req)
            page.model.studyStatus = try await status(of: item, context: context)
            page.model.list = position(of: item, focus: focus, query: filters.query, req: req)
            return HTMLResponse.page(page.render())
        }
    }

    /// "New: not practised yet", or the card's state, reviews and next due day.
    static func status(of item: ContentItem, context: ServiceContext) async throws -> String {
        guard let stored = try await PracticeStore.cards(userID: context.userID, itemIDs: [item.id], on: context.db)[item.id] else {
            return "Not practised yet"
        }
        let card = stored.card
        let due = LocalDay(card.due, in: context.timeZone)
        let when = card.due <= context.now ? "due now" : due.number == context.today.number ? "due later today" : "next due \(due.weekdayName) \(due.text)"
        let state = card.state == .review ? "In review" : card.state.name
        return "\(state) · \(stored.reps) review\(stored.reps == 1 ? "" : "s")\(stored.lapses > 0 ? ", \(stored.lapses) forgotten" : "") · \(when)"
    }

    /// The filtered list the page was opened from, when its address carries one.
    static func position(of item: ContentItem, focus: [(String, String)], query: ItemQuery, req: Request) -> ItemPageModel.ListPosition? {
        guard !focus.isEmpty else { return nil }
        let catalog = req.prep.catalog
        let list = catalog.find(query)
        guard let index = list.firstIndex(where: { $0.id == item.id }) else { return nil }
        func link(_ at: Int) -> ItemPageModel.Link? {
            list.indices.contains(at) ? ItemPageModel.Link(id: list[at].id, title: list[at].title) : nil
        }
        let listLink = SiteURL.questions.link(query: focus)
        return ItemPageModel.ListPosition(
            title: PracticeService.title(of: query, catalog: catalog), link: listLink, suffix: String(listLink.dropFirst(SiteURL.questions.path.count)),
            index: index, count: list.count, previous: link(index - 1), next: link(index + 1))
    }

    static func item(_ req: Request) throws -> ContentItem {
        let id = req.parameters.get("id") ?? ""
        guard let item = req.prep.catalog[id] else {
            throw Abort(.notFound, reason: "No item has the id '\(id)'. The Questions page lists them all.")
        }
        return item
    }

    static func page(for item: ContentItem, req: Request) -> ItemPage {
        let catalog = req.prep.catalog
        let markdown = req.prep.markdown
        let model = ItemPageModel.make(
            item: item, skillName: catalog.taxonomy[item.skill]?.name ?? item.skill, tier: catalog.tier(of: item),
            related: item.related.compactMap { id in catalog[id].map { ItemPageModel.Link(id: id, title: $0.title) } },
            html: { markdown.html($0) }
        )
        return ItemPage(model: model)
    }
}
