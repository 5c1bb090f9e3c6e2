/// RFC 5545 content lines (§3.1) collected as bytes: each `NAME:value` folded at 75 octets
/// and ended with CRLF.
struct ContentLines {
    private(set) var bytes: [UInt8] = []

    static let maxOctets = 75

    /// A property whose value is already in its final form (not TEXT, or escaped by the caller).
    mutating func add(_ name: String, _ value: String) {
        append(folding: Array(name.utf8) + [UInt8(ascii: ":")] + Array(value.utf8))
    }

    /// A TEXT property, escaped per §3.3.11.
    mutating func add(_ name: String, text value: String) {
        add(name, Self.escapeText(value))
    }

    /// Writes `line` as physical lines of at most 75 octets, CRLF after each; every line after
    /// the first starts with one space (§3.1). A break falls only before the first byte of a
    /// UTF-8 sequence, never inside a multi-byte character.
    private mutating func append(folding line: [UInt8]) {
        var start = 0
        var budget = Self.maxOctets
        while line.count - start > budget {
            var end = start + budget
            while end > start, line[end] & 0xC0 == 0x80 { end -= 1 }  // back off a continuation byte
            if end == start { end = start + budget }  // not UTF-8 (a Swift String always is)
            bytes.append(contentsOf: line[start..<end])
            bytes.append(contentsOf: [0x0D, 0x0A, 0x20])
            start = end
            budget = Self.maxOctets - 1
        }
        bytes.append(contentsOf: line[start...])
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    /// TEXT escaping (§3.3.11): backslash, semicolon and comma get a backslash; a line break
    /// (CRLF, LF or a lone CR) becomes `\n`. Other control characters, which TEXT may not
    /// hold, are dropped; a tab is kept.
    static func escapeText(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\\": out.append(contentsOf: #"\\"#.unicodeScalars)
            case ";": out.append(contentsOf: #"\;"#.unicodeScalars)
            case ",": out.append(contentsOf: #"\,"#.unicodeScalars)
            case "\r": out.append(contentsOf: #"\n"#.unicodeScalars)
            case "\n": if !afterCR { out.append(contentsOf: #"\n"#.unicodeScalars) }
            default: if !isControl(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// `text` less control characters (tab included), for values that are not TEXT.
    static func dropControls(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !isControl($0) && $0 != "\t" }))
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\t" && ControlCharacters.isASCIIControl(scalar)
    }
}
