import PrepContent
import PrepCore
import Vapor

/// `GET /api/v1/questions`, `GET /api/v1/questions/{id}`, `GET /api/v1/skills`.
enum QuestionsAPI {
    struct Summary: Content {
        var id: String
        var kind: String
        var title: String
        var skill: String
        var tier: Int?
        var difficulty: Int
        var tags: [String]
    }

    struct Page: Content {
        var total: Int
        var limit: Int
        var offset: Int
        var items: [Summary]
    }

    struct Detail: Content {
        struct Section: Content {
            var heading: String
            var markdown: String
            /// Shown with the prompt; the others are the answer.
            var prompt: Bool
        }
        var id: String
        var kind: String
        var title: String
        var skill: String
        var tier: Int?
        var difficulty: Int
        var tags: [String]
        var keyPoints: [String]
        var followUps: [String]
        var sources: [ContentItem.Source]
        var related: [String]
        var scenario: String?
        var intro: String
        var sections: [Section]
        var origin: String
    }

    struct SkillInfo: Content {
        var id: String
        var name: String
        var tier: Int?
        var postingShare: [Int]?
        var parent: String?
        var aliases: [String]
        var items: Int
    }

    static func list(_ req: Request) async throws -> Page {
        let catalog = req.prep.catalog
        let filters = QuestionsController.Filters(req, catalog: catalog)
        var errors = filters.errors
        errors["page"] = nil
        func whole(_ name: String, default value: Int, range: ClosedRange<Int>, message: String) -> Int {
            guard let raw = req.query[String.self, at: name] else { return value }
            guard let number = Int(raw), range.contains(number) else {
                errors[name] = message
                return value
            }
            return number
        }
        let limit = whole("limit", default: 50, range: 1...500, message: "limit must be a whole number from 1 to 500.")
        let offset = whole("offset", default: 0, range: 0...Int.max, message: "offset must be a whole number, 0 or more.")
        guard errors.isEmpty else { throw ValidationFailure(fields: errors, detail: "Some query parameters are invalid; see errors.") }
        let found = catalog.find(filters.query)
        let slice = found.dropFirst(offset).prefix(limit)
        return Page(total: found.count, limit: limit, offset: offset, items: slice.map { summary($0, catalog) })
    }

    static func show(_ req: Request) async throws -> Detail {
        let item = try QuestionsController.item(req)
        let catalog = req.prep.catalog
        return Detail(
            id: item.id, kind: item.kind.rawValue, title: item.title, skill: item.skill, tier: catalog.tier(of: item),
            difficulty: item.difficulty, tags: item.tags, keyPoints: item.keyPoints, followUps: item.followUps,
            sources: item.sources, related: item.related, scenario: item.scenario?.rawValue, intro: item.intro,
            sections: item.sections.map { .init(heading: $0.heading, markdown: $0.markdown, prompt: item.kind.promptSections.contains($0.heading)) },
            origin: item.origin == .bundled ? "bundled" : "user"
        )
    }

    static func skills(_ req: Request) async throws -> [SkillInfo] {
        let catalog = req.prep.catalog
        return catalog.taxonomy.skills.map { skill in
            SkillInfo(
                id: skill.id, name: skill.name, tier: skill.tier,
                postingShare: skill.postingShare.map { [$0.lowerBound, $0.upperBound] }, parent: skill.parent,
                aliases: skill.aliases, items: catalog.items.lazy.filter { $0.skill == skill.id }.count
            )
        }
    }

    static func summary(_ item: ContentItem, _ catalog: ContentCatalog) -> Summary {
        Summary(id: item.id, kind: item.kind.rawValue, title: item.title, skill: item.skill, tier: catalog.tier(of: item), difficulty: item.difficulty, tags: item.tags)
    }
}

extension ContentItem.Source: Content {}
