import Foundation
import PrepCore
import Yams

/// Reads one content file into a `ContentItem`, reporting every problem it can find in
/// that file alone with its line. Checks that need the other files (unique ids, links,
/// known skills) are the linter's.
public struct ParsedItem: Sendable {
    public var item: ContentItem?
    public var issues: [LintIssue]
    /// File lines of front-matter fields, for issues found later by the linter.
    public var fieldLines: [String: Int]
}

public enum ItemParser {
    static let knownFields: Set<String> = [
        "id", "kind", "title", "skill", "difficulty", "tags", "key_points", "follow_ups", "sources", "related", "scenario",
    ]
    /// Lowercase letters and digits in runs separated by single hyphens.
    static func isKebabCase(_ id: String) -> Bool {
        !id.isEmpty && !id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--")
            && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    public static func parse(_ text: String, file: String, origin: ContentItem.Origin = .bundled) -> ParsedItem {
        var issues: [LintIssue] = []
        let front: FrontMatter
        switch FrontMatter.split(text, file: file) {
        case let .success(value): front = value
        case let .failure(issue): return ParsedItem(item: nil, issues: [issue], fieldLines: [:])
        }

        let root: FrontMatterValue
        if let fast = FastFrontMatter.parse(front.yamlLines, firstLine: front.yamlFirstLine) {
            root = fast
        } else {
            do {
                // The basic resolver: no regex per scalar; fields are read as the type they need.
                guard let node = try Yams.compose(yaml: front.yaml, .basic) else {
                    return ParsedItem(item: nil, issues: [LintIssue(file: file, line: 1, "the front matter is empty")], fieldLines: [:])
                }
                root = .from(node, firstLine: front.yamlFirstLine)
            } catch {
                let line = (YAMLErrorLine.line(of: error) ?? 1) + front.yamlFirstLine - 1
                return ParsedItem(item: nil, issues: [LintIssue(file: file, line: line, "invalid YAML in the front matter: \(YAMLErrorLine.summary(of: error))")], fieldLines: [:])
            }
        }
        guard case let .map(mapping, _) = root else {
            return ParsedItem(item: nil, issues: [LintIssue(file: file, line: front.yamlFirstLine, "the front matter must be a mapping of fields (key: value)")], fieldLines: [:])
        }

        var fields: [String: FrontMatterValue] = [:]
        var lines: [String: Int] = [:]
        for (name, line, value) in mapping {
            if fields[name] != nil { issues.append(LintIssue(file: file, line: line, "field '\(name)' is given twice")) }
            fields[name] = value
            lines[name] = line
            if !knownFields.contains(name) {
                issues.append(LintIssue(file: file, line: line, .warning, "unknown field '\(name)' is ignored (known: \(knownFields.sorted().joined(separator: ", ")))"))
            }
        }
        let top = front.yamlFirstLine
        func error(_ field: String, _ message: String, at node: FrontMatterValue? = nil) {
            issues.append(LintIssue(file: file, line: node?.line ?? lines[field] ?? top, message))
        }
        func string(_ field: String) -> String? {
            guard let node = fields[field] else {
                error(field, "missing required field '\(field)'")
                return nil
            }
            guard let value = node.string, !Lines.isBlank(value[...]) else {
                error(field, "field '\(field)' must be a non-empty text")
                return nil
            }
            return value
        }
        func list(_ field: String, required: Bool) -> [(String, FrontMatterValue)] {
            guard let node = fields[field] else {
                if required { error(field, "missing required field '\(field)' (a list)") }
                return []
            }
            if node.isNull { return [] }
            guard let sequence = node.list else {
                error(field, "field '\(field)' must be a list")
                return []
            }
            var out: [(String, FrontMatterValue)] = []
            for element in sequence {
                guard let text = element.string, !Lines.isBlank(text[...]) else {
                    error(field, "every entry of '\(field)' must be a non-empty text", at: element)
                    continue
                }
                out.append((text, element))
            }
            return out
        }

        let id = string("id")
        if let id, !isKebabCase(id) {
            error("id", "id '\(id)' must be kebab-case: lowercase letters and digits separated by single '-'")
        }
        let expectedName = file.split(separator: "/").last.map(String.init) ?? file
        if let id, expectedName != "\(id).md" {
            error("id", "id '\(id)' does not match the file name '\(expectedName)'; name the file '\(id).md'")
        }
        var kind: ItemKind?
        if let raw = string("kind") {
            kind = ItemKind(rawValue: raw)
            if kind == nil { error("kind", "unknown kind '\(raw)'; use one of \(ItemKind.allCases.map(\.rawValue).joined(separator: ", "))") }
        }
        let title = string("title")
        let skill = string("skill")
        var difficulty: Int?
        if let node = fields["difficulty"] {
            if let value = node.int, (1...3).contains(value) {
                difficulty = value
            } else {
                error("difficulty", "difficulty must be 1, 2 or 3 (got '\(node.string ?? "a list")')")
            }
        } else {
            error("difficulty", "missing required field 'difficulty' (1, 2 or 3)")
        }
        let tags = list("tags", required: false).map(\.0)
        let keyPoints = list("key_points", required: true).map(\.0)
        let followUps = list("follow_ups", required: true).map(\.0)
        let related = list("related", required: false).map(\.0)
        let sources = parseSources(fields["sources"], required: kind.map(requiresSources) ?? false, error: error)

        var scenario: BehavioralScenario?
        if kind == .behavioral {
            if let raw = string("scenario") {
                scenario = BehavioralScenario(rawValue: raw)
                if scenario == nil {
                    error("scenario", "unknown scenario '\(raw)'; use one of \(BehavioralScenario.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
        }

        if let kind {
            if keyPoints.count < kind.minimumKeyPoints {
                error("key_points", "a \(kind.rawValue) item needs at least \(kind.minimumKeyPoints) key points (has \(keyPoints.count))")
            }
            if followUps.count < kind.minimumFollowUps {
                error("follow_ups", "a \(kind.rawValue) item needs at least \(kind.minimumFollowUps) follow-ups (has \(followUps.count))")
            }
        }

        let body = MarkdownSections.split(front.body, firstLine: front.bodyFirstLine)
        if let kind { issues += SectionRules.check(kind: kind, sections: body.sections, file: file, bodyLine: front.bodyFirstLine) }

        guard issues.allSatisfy({ $0.severity == .warning }), let id, let kind, let title, let skill, let difficulty else {
            return ParsedItem(item: nil, issues: issues, fieldLines: lines)
        }
        let item = ContentItem(
            id: id, kind: kind, title: title, skill: skill, difficulty: difficulty, tags: tags,
            keyPoints: keyPoints, followUps: followUps, sources: sources, related: related, scenario: scenario,
            intro: body.intro,
            sections: body.sections.map { .init(heading: $0.heading, markdown: MarkdownSections.trimmedBlock($0.lines), line: $0.line) },
            file: file, origin: origin
        )
        return ParsedItem(item: item, issues: issues, fieldLines: lines)
    }

    /// Items that state facts and figures must say where they come from.
    static func requiresSources(_ kind: ItemKind) -> Bool {
        switch kind {
        case .technical, .systemDesign, .troubleshooting, .cheatsheet: true
        case .behavioral, .askInterviewer: false
        }
    }

    private static func parseSources(_ node: FrontMatterValue?, required: Bool, error: (String, String, FrontMatterValue?) -> Void) -> [ContentItem.Source] {
        guard let node, !node.isNull else {
            if required { error("sources", "missing field 'sources': list where the figures and claims come from (title and url)", nil) }
            return []
        }
        guard let sequence = node.list else {
            error("sources", "field 'sources' must be a list of {title, url}", nil)
            return []
        }
        if sequence.isEmpty, required { error("sources", "field 'sources' is empty; cite at least one source", nil) }
        var out: [ContentItem.Source] = []
        for entry in sequence {
            guard let title = entry["title"]?.string, !title.isEmpty else {
                error("sources", "a source needs a 'title'", entry)
                continue
            }
            guard let url = entry["url"]?.string, url.hasPrefix("https://") || url.hasPrefix("http://") else {
                error("sources", "source '\(title)' needs a 'url' starting with https:// or http://", entry)
                continue
            }
            out.append(.init(title: title, url: url))
        }
        return out
    }
}
