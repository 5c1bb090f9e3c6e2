import PrepCore

/// Cleans HTML produced from a person's Markdown: only an allowlist of tags survives, with no
/// attributes but a link's `href`, which must be http(s), mailto or a path on this site after
/// entities are decoded and blanks removed. Anything else is shown as text. This, not the
/// Markdown renderer, is what keeps a note from running script.
public enum HTMLAllowlist {
    static let allowed: Set<String> = [
        "p", "br", "hr", "strong", "em", "b", "i", "del", "s", "code", "pre", "blockquote",
        "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6",
    ]
    static let void: Set<String> = ["br", "hr"]

    /// - Parameter headingShift: levels added to headings, so a note's `#` sits under the
    ///   page's own headings (h1 + 2 = h3); capped at h6.
    public static func clean(_ html: String, headingShift: Int = 2) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            guard character == "<" else {
                out.append(character == ">" ? "&gt;" : String(character))
                index = html.index(after: index)
                continue
            }
            guard let close = html[index...].firstIndex(of: ">") else {
                out += HTMLEscape.attribute(String(html[index...]))
                break
            }
            let inner = html[html.index(after: index)..<close]
            out += tag(inner, headingShift: headingShift) ?? HTMLEscape.attribute("<" + inner + ">")
            index = html.index(after: close)
        }
        return out
    }

    /// The tag rebuilt from its name (and a safe href), or nil to show it as text.
    static func tag(_ inner: Substring, headingShift: Int) -> String? {
        var body = inner
        let closing = body.hasPrefix("/")
        if closing { body = body.dropFirst() }
        let nameEnd = body.firstIndex { !($0.isLetter || $0.isNumber) } ?? body.endIndex
        var name = body[..<nameEnd].lowercased()
        guard allowed.contains(name) else { return nil }
        if name.count == 2, name.hasPrefix("h"), let level = Int(name.dropFirst()) { name = "h\(min(6, level + headingShift))" }
        if closing { return void.contains(name) ? "" : "</\(name)>" }
        if name == "a" {
            guard let href = attribute("href", in: body[nameEnd...]), let safe = safeURL(href) else { return "<a>" }
            return "<a href=\"\(HTMLEscape.attribute(safe))\" rel=\"nofollow noopener\">"
        }
        return "<\(name)>"
    }

    /// The value of `name="…"`, `name='…'` or `name=…` in a tag's attribute text.
    static func attribute(_ name: String, in text: Substring) -> String? {
        var rest = text[...]
        while let range = rest.range(of: name + "=", options: .caseInsensitive) {
            // Only at the start of an attribute, not inside another's value.
            let before = range.lowerBound == rest.startIndex ? " " : rest[rest.index(before: range.lowerBound)]
            let value = rest[range.upperBound...]
            guard before == " " || before == "\t" || before == "\n" else {
                rest = value
                continue
            }
            if let quote = value.first, quote == "\"" || quote == "'" {
                let inside = value.dropFirst()
                return String(inside[..<(inside.firstIndex(of: quote) ?? inside.endIndex)])
            }
            return String(value.prefix { !$0.isWhitespace && $0 != "/" })
        }
        return nil
    }

    /// The URL a browser would follow, if it is one a note may link to.
    public static func safeURL(_ raw: String) -> String? {
        let decoded = decodeEntities(raw)
        let compact = String(decoded.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7f }.map(Character.init))
        guard !compact.isEmpty else { return nil }
        let lower = compact.lowercased()
        // A scheme is whatever comes before the first ':' if no '/', '?' or '#' comes first.
        if let colon = lower.firstIndex(of: ":"), !lower[..<colon].contains(where: { "/?#".contains($0) }) {
            let scheme = lower[..<colon]
            guard scheme == "http" || scheme == "https" || scheme == "mailto" else { return nil }
        } else if lower.hasPrefix("//") || lower.hasPrefix("/\\") || lower.hasPrefix("\\") {
            return nil
        }
        return decoded
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let tail = rest[rest.index(after: amp)...]
            if let semicolon = tail.prefix(12).firstIndex(of: ";") {
                let entity = tail[..<semicolon].lowercased()
                var scalar: Unicode.Scalar?
                if entity.hasPrefix("#x") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
                } else {
                    scalar = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n", "sol": "/"][entity]?.unicodeScalars.first
                }
                if let scalar {
                    out.unicodeScalars.append(scalar)
                    rest = tail[tail.index(after: semicolon)...]
                    continue
                }
            }
            out += "&"
            rest = tail
        }
        return out + rest
    }
}
