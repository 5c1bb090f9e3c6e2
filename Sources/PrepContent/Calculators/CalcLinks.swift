import Foundation
import PrepCore

/// Links from answers to a calculator pre-filled with their numbers
/// (`[text](/calculators/serve?model=…)`): each must open a calculation that runs, so a
/// renamed GPU or a typo in a figure is caught by `content lint`, not by a reader.
public enum CalcLinks {
    public struct Link: Sendable, Equatable {
        public var kind: CalcKind
        public var fields: [String: String]
        public var lineOffset: Int
    }

    public static func links(in markdown: String) -> [Link] {
        guard markdown.contains("](/calculators/") else { return [] }
        var out: [Link] = []
        for (offset, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for match in line.matches(of: #/\]\(/calculators/([a-z]+)\?([^)\s]*)\)/#) {
                guard let kind = CalcKind(rawValue: String(match.1)) else { continue }
                var fields: [String: String] = [:]
                for pair in match.2.split(separator: "&") {
                    let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
                    if parts.count == 2 { fields[parts[0]] = parts[1] }
                }
                out.append(Link(kind: kind, fields: fields, lineOffset: offset + 1))
            }
        }
        return out
    }

    /// Issues for the links that do not run.
    public static func check(_ items: [ContentItem], catalog: CalcCatalog) -> [LintIssue] {
        var issues: [LintIssue] = []
        for item in items {
            for section in item.sections + [ContentItem.Section(heading: "", markdown: item.intro, line: 1)] {
                for link in links(in: section.markdown) {
                    do {
                        _ = try CalcRunner.run(link.kind, fields: link.fields, catalog: catalog)
                    } catch {
                        issues.append(LintIssue(file: item.file, line: section.line + link.lineOffset, "calculator link does not run: \(error)"))
                    }
                }
            }
        }
        return issues
    }
}
