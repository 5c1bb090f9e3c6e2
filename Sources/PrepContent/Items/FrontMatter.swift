/// Splits a Markdown file into its YAML front matter and its body, keeping line numbers so
/// that errors in either can point at the right line of the file.
///
/// Lines are found on UTF-8 bytes: the whole bank is split at every start, and doing it
/// by `Character` cost more than parsing the YAML.
struct FrontMatter {
    var yamlLines: ArraySlice<Substring>
    var yaml: String { yamlLines.joined(separator: "\n") }
    /// Line of the file where the YAML starts (the line after the opening `---`).
    var yamlFirstLine: Int
    var body: [Substring]
    /// Line of the file where the body starts.
    var bodyFirstLine: Int

    static func split(_ text: String, file: String) -> Result<FrontMatter, LintIssue> {
        let lines = Lines.of(text)
        guard let first = lines.first, Lines.isFence(first) else {
            return .failure(LintIssue(file: file, line: 1, "missing front matter: the file must start with a line '---', then YAML, then '---'"))
        }
        guard let close = lines.dropFirst().firstIndex(where: Lines.isFence) else {
            return .failure(LintIssue(file: file, line: 1, "the front matter is not closed: add a line '---' after the YAML"))
        }
        return .success(
            FrontMatter(
                yamlLines: lines[1..<close],
                yamlFirstLine: 2,
                body: Array(lines[(close + 1)...]),
                bodyFirstLine: close + 2
            ))
    }
}

enum Lines {
    /// The lines of `text` without their `\n` or `\r\n`.
    static func of(_ text: String) -> [Substring] {
        var out: [Substring] = []
        let utf8 = text.utf8
        let found: Void? = utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0
            for i in 0..<bytes.count where bytes[i] == UInt8(ascii: "\n") {
                let end = i > start && bytes[i - 1] == UInt8(ascii: "\r") ? i - 1 : i
                out.append(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
                start = i + 1
            }
            out.append(text[utf8.index(utf8.startIndex, offsetBy: start)...])
        }
        if found != nil { return out }
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "\n") {
                var end = index
                if end != start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") { end = utf8.index(before: end) }
                out.append(text[start..<end])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        out.append(text[start..<utf8.endIndex])
        return out
    }

    static func isFence(_ line: Substring) -> Bool {
        var bytes = line.utf8[...]
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        return bytes.elementsEqual("---".utf8)
    }

    static func isBlank(_ line: Substring) -> Bool {
        line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// `text` without spaces and tabs at either end.
    static func trimmed(_ text: Substring) -> String {
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard let first = text.utf8.firstIndex(where: { !blank($0) }), let last = text.utf8.lastIndex(where: { !blank($0) }) else { return "" }
        return String(text[first...last])
    }

    /// Where `needle` first starts in `text`, compared as UTF-8 bytes (Foundation's
    /// `contains`/`range(of:)` bridge to CFString, which showed up at the top of the loading profile).
    static func find(_ needle: StaticString, in text: Substring) -> Substring.Index? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        let bytes = text.utf8
        let offset: Int?? = bytes.withContiguousStorageIfAvailable { stored in
            guard stored.count >= pattern.count else { return nil }
            outer: for i in 0...(stored.count - pattern.count) where stored[i] == pattern[0] {
                for k in 1..<pattern.count where stored[i + k] != pattern[k] { continue outer }
                return i
            }
            return nil
        }
        if let offset { return offset.map { bytes.index(bytes.startIndex, offsetBy: $0) } }
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == pattern[0], bytes[index...].starts(with: pattern) { return index }
            index = bytes.index(after: index)
        }
        return nil
    }

    static func hasPrefix(_ line: Substring, _ prefix: String) -> Bool {
        line.utf8.starts(with: prefix.utf8)
    }
}

/// The level-2 sections of a Markdown body. Headings inside fenced code blocks are code,
/// not sections.
enum MarkdownSections {
    static func split(_ body: [Substring], firstLine: Int) -> (intro: String, sections: [ContentItemSection]) {
        var intro: [Substring] = []
        var sections: [ContentItemSection] = []
        var fence: UInt8?
        for (offset, line) in body.enumerated() {
            let trimmed = line.utf8.drop { $0 == 0x20 }
            if let open = fence {
                if trimmed.starts(with: [open, open, open]) { fence = nil }
            } else if trimmed.starts(with: "```".utf8) || trimmed.starts(with: "~~~".utf8) {
                fence = trimmed.first
            } else if Lines.hasPrefix(line, "## ") {
                let heading = Lines.trimmed(line.dropFirst(3))
                sections.append(ContentItemSection(heading: heading, lines: [], line: firstLine + offset))
                continue
            }
            if sections.isEmpty { intro.append(line) } else { sections[sections.count - 1].lines.append(line) }
        }
        return (trimmedBlock(intro), sections)
    }

    /// The lines joined, without blank lines at either end.
    static func trimmedBlock(_ lines: [Substring]) -> String {
        guard let first = lines.firstIndex(where: { !Lines.isBlank($0) }), let last = lines.lastIndex(where: { !Lines.isBlank($0) }) else { return "" }
        var block = lines[first...last].joined(separator: "\n")
        while block.last == " " || block.last == "\t" { block.removeLast() }
        return block
    }
}

struct ContentItemSection {
    var heading: String
    var lines: [Substring]
    var line: Int
    var isEmpty: Bool { lines.allSatisfy(Lines.isBlank) }
}
