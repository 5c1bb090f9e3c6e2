import PrepApp
import PrepContent
import PrepCore

/// The question bank's browse page: filters as chosen, the matching items, counts.
struct QuestionsPageModel {
    struct Row {
        var id: String
        var title: String
        var kind: ItemKind
        var skillName: String
        var tier: Int?
        var difficulty: Int
        /// Words around the search's first match, for a text search.
        var snippet: [SearchSnippet.Part]? = nil
    }

    struct SkillOption {
        var id: String
        var name: String
        var tier: Int?
    }

    var query: ItemQuery
    var rows: [Row]
    var total: Int
    var page: Int
    var pageSize: Int
    var countsByKind: [(ItemKind, Int)]
    var skills: [SkillOption]
    /// Filter values that were not understood, by parameter, shown next to the control.
    var errors: [String: String] = [:]
    /// Practised questions among the results (cheat sheets and questions to ask are read).
    var practisable = 0

    var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }

    static func make(catalog: ContentCatalog, query: ItemQuery, page: Int, pageSize: Int = 50, errors: [String: String] = [:]) -> QuestionsPageModel {
        // A refused search lists everything; its text stays in the box to be shortened.
        var searched = query
        if errors["q"] != nil { searched.text = nil }
        let found = catalog.find(searched)
        let start = min((page - 1) * pageSize, found.count)
        let slice = found[start..<min(start + pageSize, found.count)]
        return QuestionsPageModel(
            query: query,
            rows: slice.map { item in
                Row(
                    id: item.id, title: item.title, kind: item.kind, skillName: catalog.taxonomy[item.skill]?.name ?? item.skill, tier: catalog.tier(of: item),
                    difficulty: item.difficulty,
                    snippet: searched.text.flatMap { text in
                        SearchSnippet.make(text: ([item.intro] + item.keyPoints + item.sections.map(\.markdown)).joined(separator: " "), query: text)
                    })
            },
            total: found.count, page: page, pageSize: pageSize,
            countsByKind: ItemKind.allCases.map { ($0, catalog.count(of: $0)) },
            skills: catalog.taxonomy.skills.map { SkillOption(id: $0.id, name: $0.name, tier: $0.tier ?? $0.parent.flatMap { catalog.taxonomy[$0]?.tier }) },
            errors: errors,
            practisable: found.filter { DailySession.practisedKinds.contains($0.kind) }.count
        )
    }

    /// The list's filters as query items; none when a filter was refused.
    var filterItems: [(String, String)] {
        errors.isEmpty ? PracticeFocus.questions(query).queryItems : []
    }

    /// What each result's link carries, so the question page knows the list it came from.
    var rowSuffix: String {
        filterItems.isEmpty ? "" : String(SiteURL.questions.link(query: filterItems).dropFirst(SiteURL.questions.path.count))
    }

    /// "Practise these": the list's filters as a focused practice session, when any is set.
    var practiceLink: String? {
        filterItems.isEmpty || practisable == 0 ? nil : SiteURL.practice.link(query: filterItems)
    }
}
