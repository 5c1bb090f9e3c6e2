/// A reader for the small YAML subset the bank's front matter is written in: top-level
/// `key: value` lines whose values are plain or quoted one-line scalars, flow lists
/// (`[a, b]`), block lists of scalars, and block lists of one-level mappings (sources).
/// It returns nil for anything else, and the caller then uses Yams. Loading the bank
/// spent more time in the general YAML parser than in everything else.
enum FastFrontMatter {
    static func parse(_ lines: ArraySlice<Substring>, firstLine: Int) -> FrontMatterValue? {
        var pairs: [(key: String, keyLine: Int, value: FrontMatterValue)] = []
        var index = lines.startIndex
        func fileLine(_ i: Int) -> Int { firstLine + (i - lines.startIndex) }
        while index < lines.endIndex {
            let line = lines[index]
            if skippable(line) {
                index += 1
                continue
            }
            guard indent(of: line) == 0, let (key, rest) = keyValue(line) else { return nil }
            let keyLine = fileLine(index)
            index += 1
            if !rest.isEmpty {
                guard let value = inlineValue(rest, line: keyLine) else { return nil }
                pairs.append((key, keyLine, value))
                continue
            }
            // A block list on the following lines (or nothing: a null value).
            var items: [FrontMatterValue] = []
            var itemIndent: Int?
            while index < lines.endIndex {
                let next = lines[index]
                if skippable(next) {
                    index += 1
                    continue
                }
                let depth = indent(of: next)
                let body = next.dropFirst(depth)
                guard body.utf8.starts(with: "- ".utf8) || body.utf8.elementsEqual("-".utf8) else { break }
                if itemIndent == nil { itemIndent = depth }
                guard depth == itemIndent else { return nil }
                let itemLine = fileLine(index)
                let text = body.dropFirst(2)
                index += 1
                if let (firstKey, firstRest) = keyValue(text) {
                    // A mapping item: its other keys sit two columns further in.
                    guard let firstValue = inlineValue(firstRest, line: itemLine), !firstRest.isEmpty else { return nil }
                    var fields: [(key: String, keyLine: Int, value: FrontMatterValue)] = [(firstKey, itemLine, firstValue)]
                    while index < lines.endIndex, !skippable(lines[index]), indent(of: lines[index]) == depth + 2 {
                        let fieldLine = fileLine(index)
                        guard let (k, r) = keyValue(lines[index].dropFirst(depth + 2)), !r.isEmpty, let v = inlineValue(r, line: fieldLine) else { return nil }
                        fields.append((k, fieldLine, v))
                        index += 1
                    }
                    items.append(.map(fields, line: itemLine))
                } else {
                    guard let value = inlineValue(text, line: itemLine) else { return nil }
                    items.append(value)
                }
            }
            pairs.append((key, keyLine, itemIndent == nil ? .scalar("", line: keyLine, plain: true) : .list(items, line: items.first?.line ?? keyLine)))
        }
        return .map(pairs, line: firstLine)
    }

    private static func skippable(_ line: Substring) -> Bool {
        let body = line.utf8.drop { $0 == 0x20 }
        return body.first.map { $0 == UInt8(ascii: "#") } ?? true
    }

    private static func indent(of line: Substring) -> Int {
        line.utf8.prefix { $0 == 0x20 }.count
    }

    /// `key: rest` with a simple key; rest is empty for `key:`.
    private static func keyValue(_ line: Substring) -> (String, Substring)? {
        guard let colon = line.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let key = line[..<colon]
        guard !key.isEmpty, key.utf8.allSatisfy({ (0x61...0x7A).contains($0) || $0 == UInt8(ascii: "_") || (0x30...0x39).contains($0) }) else { return nil }
        let after = line[line.index(after: colon)...]
        if after.isEmpty { return (String(key), after) }
        guard after.utf8.first == 0x20 else { return nil }
        return (String(key), Substring(Lines.trimmed(after)))
    }

    /// A one-line value: a quoted or plain scalar, or a flow list of them.
    private static func inlineValue(_ text: Substring, line: Int) -> FrontMatterValue? {
        if text.isEmpty { return .scalar("", line: line, plain: true) }
        if text.utf8.first == UInt8(ascii: "[") {
            guard let close = text.utf8.lastIndex(of: UInt8(ascii: "]")), comment(after: text[text.utf8.index(after: close)...]) else { return nil }
            let inner = text[text.utf8.index(after: text.startIndex)..<close]
            guard let parts = splitFlow(inner) else { return nil }
            var elements: [FrontMatterValue] = []
            for part in parts {
                let trimmed = Substring(Lines.trimmed(part))
                guard let first = trimmed.utf8.first else { continue }
                guard first != UInt8(ascii: "["), first != UInt8(ascii: "{"), let value = scalar(trimmed, line: line) else { return nil }
                elements.append(value)
            }
            return .list(elements, line: line)
        }
        return scalar(text, line: line)
    }

    private static func scalar(_ text: Substring, line: Int) -> FrontMatterValue? {
        guard let first = text.utf8.first else { return .scalar("", line: line, plain: true) }
        if first == UInt8(ascii: "\"") { return doubleQuoted(text, line: line) }
        if first == UInt8(ascii: "'") { return singleQuoted(text, line: line) }
        if "{}[]&*!|>%@`,?:-#".utf8.contains(first) { return nil }
        var plain = text
        if let hash = Lines.find(" #", in: plain) { plain = plain[..<hash] }
        guard Lines.find(": ", in: plain) == nil, !plain.hasSuffix(":") else { return nil }
        return .scalar(Lines.trimmed(plain), line: line, plain: true)
    }

    private static func doubleQuoted(_ text: Substring, line: Int) -> FrontMatterValue? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        let bytes = text.utf8
        var index = bytes.index(after: bytes.startIndex)
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let rest = text[bytes.index(after: index)...]
                return comment(after: rest) ? .scalar(String(decoding: out, as: UTF8.self), line: line, plain: false) : nil
            }
            if byte == UInt8(ascii: "\\") {
                index = bytes.index(after: index)
                guard index < bytes.endIndex else { return nil }
                switch bytes[index] {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                default: return nil
                }
            } else {
                out.append(byte)
            }
            index = bytes.index(after: index)
        }
        return nil
    }

    private static func singleQuoted(_ text: Substring, line: Int) -> FrontMatterValue? {
        var out = ""
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let ch = text[index]
            if ch == "'" {
                let next = text.index(after: index)
                if next < text.endIndex, text[next] == "'" {
                    out.append("'")
                    index = text.index(after: next)
                    continue
                }
                return comment(after: text[next...]) ? .scalar(out, line: line, plain: false) : nil
            }
            out.append(ch)
            index = text.index(after: index)
        }
        return nil
    }

    /// Nothing, or a comment, after a closed value.
    private static func comment(after rest: Substring) -> Bool {
        let trimmed = rest.utf8.drop { $0 == 0x20 }
        guard let first = trimmed.first else { return true }
        return first == UInt8(ascii: "#") && rest.utf8.first == 0x20
    }

    /// Splits a flow list's inside on commas outside quotes; nil on an unclosed quote.
    private static func splitFlow(_ text: Substring) -> [Substring]? {
        var parts: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var quote: UInt8?
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ",") {
                parts.append(text[start..<index])
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        if quote != nil { return nil }
        parts.append(text[start...])
        return parts
    }
}
