/// Splits a Markdown file into its YAML front matter and its body, keeping line numbers so
/// that errors in either can point at the right line of the file.
struct FrontMatter {
    var yaml: String
    /// Line of the file where the YAML starts (the line after the opening `---`).
    var yamlFirstLine: Int
    var body: [Substring]
    /// Line of the file where the body starts.
    var bodyFirstLine: Int

    static func split(_ text: String, file: String) -> Result<FrontMatter, LintIssue> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else {
            return .failure(LintIssue(file: file, line: 1, "missing front matter: the file must start with a line '---', then YAML, then '---'"))
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
            return .failure(LintIssue(file: file, line: 1, "the front matter is not closed: add a line '---' after the YAML"))
        }
        return .success(FrontMatter(
            yaml: lines[1..<close].joined(separator: "\n"),
            yamlFirstLine: 2,
            body: Array(lines[(close + 1)...]),
            bodyFirstLine: close + 2
        ))
    }
}

/// The level-2 sections of a Markdown body. Headings inside fenced code blocks are code,
/// not sections.
enum MarkdownSections {
    static func split(_ body: [Substring], firstLine: Int) -> (intro: String, sections: [ContentItemSection]) {
        var intro: [Substring] = []
        var sections: [ContentItemSection] = []
        var fence: Substring?
        for (offset, line) in body.enumerated() {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
            } else if line.hasPrefix("## ") {
                let heading = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
                sections.append(ContentItemSection(heading: heading, lines: [], line: firstLine + offset))
                continue
            }
            if sections.isEmpty { intro.append(line) } else { sections[sections.count - 1].lines.append(line) }
        }
        return (trimmedBlock(intro), sections)
    }

    static func trimmedBlock(_ lines: [Substring]) -> String {
        lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

struct ContentItemSection {
    var heading: String
    var lines: [Substring]
    var line: Int
}
