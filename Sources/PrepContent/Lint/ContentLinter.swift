import Foundation
import PrepCore

/// Checks content folders the way the app will read them: every file alone (schema,
/// sections), then across files (unique ids, known skills, links between items).
public enum ContentLinter {
    public struct Report: Sendable {
        public var items: [ContentItem]
        public var issues: [LintIssue]
        public var filesChecked: Int
        public var errors: [LintIssue] { issues.filter { $0.severity == .error } }
    }

    /// A folder to read. `label` is how its files are named in messages (the path the
    /// person typed, or the bundle's own layout).
    public struct Folder: Sendable {
        public var url: URL
        public var label: String
        public var origin: ContentItem.Origin
        public init(url: URL, label: String, origin: ContentItem.Origin) {
            self.url = url
            self.label = label
            self.origin = origin
        }
    }

    /// Lints `folders`; ids already taken by `reserved` (the bundled items, when linting a
    /// user's folder) count as collisions.
    public static func lint(_ folders: [Folder], taxonomy: Taxonomy, reserved: [ContentItem] = []) -> Report {
        var items: [ContentItem] = []
        var issues: [LintIssue] = []
        var files = 0
        var fieldLines: [String: [String: Int]] = [:]
        var jobs: [(display: String, url: URL, origin: ContentItem.Origin)] = []
        for folder in folders {
            let (paths, listingIssue) = markdownFiles(in: folder)
            if let listingIssue { issues.append(listingIssue) }
            for relative in paths {
                jobs.append((join(folder.label, relative), folder.url.appendingPathComponent(relative), folder.origin))
            }
        }
        files = jobs.count
        // Files are independent until the cross checks, so they are read and parsed on every core.
        let results = ParallelMap.map(jobs) { job -> ParsedItem in
            guard let data = FileManager.default.contents(atPath: job.url.path), let text = String(data: data, encoding: .utf8) else {
                return ParsedItem(item: nil, issues: [LintIssue(file: job.display, line: 1, "cannot read the file as UTF-8 text")], fieldLines: [:])
            }
            return ItemParser.parse(text, file: job.display, origin: job.origin)
        }
        for (job, parsed) in zip(jobs, results) {
            issues += parsed.issues
            if let item = parsed.item {
                items.append(item)
                fieldLines[job.display] = parsed.fieldLines
            }
        }
        issues += crossChecks(items, taxonomy: taxonomy, reserved: reserved, fieldLines: fieldLines)
        issues.sort { ($0.file, $0.line, $0.message) < ($1.file, $1.line, $1.message) }
        let bad = Set(issues.filter { $0.severity == .error }.map(\.file))
        return Report(items: items.filter { !bad.contains($0.file) }, issues: issues, filesChecked: files)
    }

    static func crossChecks(_ items: [ContentItem], taxonomy: Taxonomy, reserved: [ContentItem], fieldLines: [String: [String: Int]]) -> [LintIssue] {
        var issues: [LintIssue] = []
        func line(_ item: ContentItem, _ field: String) -> Int { fieldLines[item.file]?[field] ?? 2 }
        var seen: [String: ContentItem] = [:]
        for item in reserved { seen[item.id] = item }
        let reservedIDs = Set(reserved.map(\.id))
        for item in items {
            if let first = seen[item.id] {
                let what = reservedIDs.contains(item.id) ? "a bundled item (\(first.file))" : first.file
                issues.append(LintIssue(file: item.file, line: line(item, "id"), "id '\(item.id)' is already used by \(what); ids must be unique"))
            } else {
                seen[item.id] = item
            }
            if taxonomy[item.skill] == nil {
                let names = taxonomy.skills.map(\.id)
                let suggestion = names.min { distance($0, item.skill) < distance($1, item.skill) }.map { " (did you mean '\($0)'?)" } ?? ""
                issues.append(LintIssue(file: item.file, line: line(item, "skill"), "unknown skill '\(item.skill)'\(suggestion)"))
            }
        }
        for item in items {
            for target in item.related where seen[target] == nil {
                issues.append(LintIssue(file: item.file, line: line(item, "related"), "related item '\(target)' does not exist"))
            }
            for section in item.sections + [ContentItem.Section(heading: "", markdown: item.intro, line: 1)] {
                for link in itemLinks(in: section.markdown) where seen[link.id] == nil {
                    issues.append(LintIssue(file: item.file, line: section.line + link.lineOffset, "link to item '\(link.id)' is broken: no item has that id"))
                }
            }
        }
        return issues
    }

    /// Links between items are written `[text](item:ID)`. Scanned by hand: a Regex run over
    /// every line of the bank cost more than all the rest of loading it.
    static func itemLinks(in markdown: String) -> [(id: String, lineOffset: Int)] {
        guard Lines.find("](item:", in: markdown[...]) != nil else { return [] }
        var out: [(String, Int)] = []
        for (offset, line) in Lines.of(markdown).enumerated() {
            var rest = line
            while let start = Lines.find("](item:", in: rest) {
                let tail = rest[rest.utf8.index(start, offsetBy: 7)...]
                let id = tail.prefix { $0.isLowercase || $0.isNumber || $0 == "-" }
                // The section's markdown starts on the line after its heading.
                if tail.dropFirst(id.count).first == ")", !id.isEmpty { out.append((String(id), offset + 1)) }
                rest = tail
            }
        }
        return out
    }

    static func markdownFiles(in folder: Folder) -> ([String], LintIssue?) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return ([], LintIssue(file: folder.label, line: 1, "no such folder"))
        }
        guard let enumerator = FileManager.default.enumerator(at: folder.url, includingPropertiesForKeys: nil) else { return ([], nil) }
        let base = folder.url.standardizedFileURL.path
        var paths: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "md" && url.lastPathComponent.lowercased() != "readme.md" {
            let path = url.standardizedFileURL.path
            paths.append(String(path.dropFirst(base.count).drop { $0 == "/" }))
        }
        return (paths.sorted(), nil)
    }

    public static func join(_ label: String, _ relative: String) -> String {
        label.isEmpty ? relative : (label.hasSuffix("/") ? label + relative : label + "/" + relative)
    }

    public static func distance(_ a: String, _ b: String) -> Int { Suggest.distance(a, b) }
}
