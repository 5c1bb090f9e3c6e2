import Foundation
import PrepCore

/// Everything the app teaches from, loaded and indexed once at start.
public struct ContentCatalog: Sendable {
    public let taxonomy: Taxonomy
    /// The 8-week plan and the seed's checklists.
    public let curriculum: Curriculum
    public let checklists: [Checklist]
    /// Items in a stable order: by kind, then skill ranking, then id.
    public let items: [ContentItem]
    private let byID: [String: Int]
    private let index: SearchIndex

    public init(taxonomy: Taxonomy, items: [ContentItem], curriculum: Curriculum = Curriculum(phases: []), checklists: [Checklist] = []) {
        self.taxonomy = taxonomy
        self.curriculum = curriculum
        self.checklists = checklists
        let rank = Dictionary(uniqueKeysWithValues: taxonomy.skills.enumerated().map { ($1.id, $0) })
        let kinds = Dictionary(uniqueKeysWithValues: ItemKind.allCases.enumerated().map { ($1, $0) })
        let sorted = items.sorted {
            (kinds[$0.kind] ?? 0, rank[$0.skill] ?? .max, $0.id) < (kinds[$1.kind] ?? 0, rank[$1.skill] ?? .max, $1.id)
        }
        self.items = sorted
        byID = Dictionary(sorted.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        index = SearchIndex(sorted) { item in
            SearchIndex.Document(fields: [
                (item.title, 3), (item.tags.joined(separator: " "), 2), (item.keyPoints.joined(separator: "\n"), 2),
                (taxonomy[item.skill]?.name ?? item.skill, 1), (item.bodyText, 1),
            ])
        }
    }

    public subscript(id: String) -> ContentItem? { byID[id].map { items[$0] } }

    /// Items matching every given filter; with a query, ranked by relevance (BM25F).
    public func find(_ query: ItemQuery) -> [ContentItem] {
        let matches: (ContentItem) -> Bool = { item in
            (query.kind == nil || item.kind == query.kind)
                && (query.skill == nil || item.skill == query.skill || taxonomy[item.skill]?.parent == query.skill)
                && (query.tier == nil || tier(of: item) == query.tier)
                && (query.difficulty == nil || item.difficulty == query.difficulty)
        }
        let text = query.text?.trimmingCharacters(in: .whitespaces) ?? ""
        if text.isEmpty { return items.filter(matches) }
        return index.search(text, limit: items.count, allowed: { matches(items[$0]) }).map { items[$0.document] }
    }

    /// The tier of an item's skill, inherited from its parent skill when it has none.
    public func tier(of item: ContentItem) -> Int? {
        guard let skill = taxonomy[item.skill] else { return nil }
        return skill.tier ?? skill.parent.flatMap { taxonomy[$0]?.tier }
    }

    public func count(of kind: ItemKind) -> Int { items.lazy.filter { $0.kind == kind }.count }
}

extension ContentCatalog {
    /// Loads the bundled content and any user folders (`--content-dir`). Any error in the
    /// content stops the load with every problem listed, so nothing half-read is served.
    public static func load(userDirectories: [String] = []) throws -> ContentCatalog {
        try load(root: ContentBundle.directory, userDirectories: userDirectories)
    }

    public static func loadBundled() throws -> ContentCatalog { try load(userDirectories: []) }

    public static func load(root: URL, userDirectories: [String]) throws -> ContentCatalog {
        let taxonomy = try TaxonomyLoader.load(from: root.appendingPathComponent("taxonomy.yaml"))
        // The curriculum files are read while the items are parsed; their links are checked after.
        let curriculumFiles = CurriculumFiles(root: root)
        let bundled = ContentLinter.lint([.init(url: root.appendingPathComponent("items"), label: "items", origin: .bundled)], taxonomy: taxonomy)
        guard bundled.errors.isEmpty else { throw ContentLoadError(issues: bundled.errors, folders: ["the bundled content"]) }
        var items = bundled.items
        if !userDirectories.isEmpty {
            let folders = userDirectories.map { ContentLinter.Folder(url: URL(fileURLWithPath: $0), label: $0, origin: .user(directory: $0)) }
            let user = ContentLinter.lint(folders, taxonomy: taxonomy, reserved: bundled.items)
            guard user.errors.isEmpty else { throw ContentLoadError(issues: user.errors, folders: userDirectories) }
            items += user.items
        }
        let curriculum = CurriculumLint.load(root: root, label: "", items: items, taxonomy: taxonomy, preloaded: curriculumFiles.loaded)
        let errors = curriculum.issues.filter { $0.severity == .error }
        guard errors.isEmpty, let plan = curriculum.plan, let checklists = curriculum.checklists else {
            throw ContentLoadError(issues: errors, folders: ["the bundled content"])
        }
        return ContentCatalog(taxonomy: taxonomy, items: items, curriculum: plan, checklists: checklists)
    }
}

/// Content that cannot be loaded; lists the first problems and says how to see them all.
public struct ContentLoadError: UserFacingError {
    public let issues: [LintIssue]
    public let folders: [String]

    public var problem: String {
        let shown = issues.prefix(5).map(\.description).joined(separator: "; ")
        let more = issues.count > 5 ? " (and \(issues.count - 5) more)" : ""
        return "\(issues.count) error\(issues.count == 1 ? "" : "s") in content: \(shown)\(more)"
    }

    public var fix: String {
        "run `infraprep content lint \(folders.joined(separator: " "))` for the full list, fix the files, then start again"
    }
}
