/// A few words around the first place a search matched, with the matching words marked, for
/// the result list (issue #13: results showed titles only, so why one matched was a guess).
public enum SearchSnippet {
    public struct Part: Sendable, Equatable {
        public var text: String
        public var marked: Bool
    }

    /// - Parameters:
    ///   - text: plain text (Markdown's marks are dropped here).
    ///   - query: the search as typed.
    public static func make(text: String, query: String, before: Int = 60, after: Int = 110) -> [Part]? {
        let wanted = Set(Tokenizer.terms(query))
        guard !wanted.isEmpty else { return nil }
        let plain = String(text.map { "*`#>|_".contains($0) ? " " : $0 == "\n" ? " " : $0 })
        // Words with their ranges, and whether each folds to a searched term.
        var words: [(range: Range<String.Index>, hit: Bool)] = []
        var start: String.Index?
        for index in plain.indices {
            let inWord = plain[index].isLetter || plain[index].isNumber
            if inWord, start == nil { start = index }
            if !inWord, let from = start {
                words.append((from..<index, Tokenizer.terms(String(plain[from..<index])).contains(where: wanted.contains)))
                start = nil
            }
        }
        if let from = start { words.append((from..<plain.endIndex, Tokenizer.terms(String(plain[from...])).contains(where: wanted.contains))) }
        guard let first = words.firstIndex(where: \.hit) else { return nil }
        var low = first
        while low > 0, plain.distance(from: words[low - 1].range.lowerBound, to: words[first].range.lowerBound) <= before { low -= 1 }
        var high = first
        while high < words.count - 1, plain.distance(from: words[first].range.lowerBound, to: words[high + 1].range.upperBound) <= after { high += 1 }
        var parts: [Part] = low > 0 ? [Part(text: "… ", marked: false)] : []
        var cursor = words[low].range.lowerBound
        for word in words[low...high] {
            if word.hit {
                if cursor < word.range.lowerBound { parts.append(Part(text: String(plain[cursor..<word.range.lowerBound]), marked: false)) }
                parts.append(Part(text: String(plain[word.range]), marked: true))
                cursor = word.range.upperBound
            }
        }
        let end = words[high].range.upperBound
        if cursor < end { parts.append(Part(text: String(plain[cursor..<end]), marked: false)) }
        if high < words.count - 1 { parts.append(Part(text: " …", marked: false)) }
        // Runs of spaces left by dropped marks read as one.
        return parts.map { Part(text: collapse($0.text), marked: $0.marked) }
    }

    static func collapse(_ text: String) -> String {
        var out = ""
        var space = false
        for character in text {
            if character == " " {
                if !space { out.append(" ") }
                space = true
            } else {
                out.append(character)
                space = false
            }
        }
        return out
    }
}
