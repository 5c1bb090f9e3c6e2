/// Splits text into search terms: lowercase runs of letters and digits, with a light
/// English suffix folding so that "schedules", "scheduling" and "scheduled" meet.
///
/// Works on the UTF-8 bytes with an ASCII fast path (`TermScanner`), so indexing the bank,
/// which tokenizes every word of every answer, makes a `String` per distinct word only.
public enum Tokenizer {
    public static func terms(_ text: String) -> [String] {
        var scanner = TermScanner(text)
        var out: [String] = []
        while scanner.next() { out.append(scanner.term) }
        return out
    }

    /// The scalar starting at a non-ASCII lead byte and its width; nil for malformed bytes
    /// (which cannot occur in a Swift `String`, but the width still moves the cursor on).
    static func decode(_ bytes: [UInt8], at i: Int) -> (Unicode.Scalar?, Int) {
        let lead = UInt32(bytes[i])
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard width > 1, i + width <= bytes.count else { return (nil, 1) }
        var value = lead & (0x7F >> UInt32(width))
        for k in 1..<width { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (Unicode.Scalar(value), width)
    }

    /// How many leading bytes of `word` remain after folding: common inflections are
    /// stripped from words long enough that the stem stays meaningful, then a final "e",
    /// so "schedule", "schedules", "scheduled" and "scheduling" all meet. Short tokens
    /// (k8s, gpu, hpa, nccl) are kept whole.
    static func foldedLength(_ word: [UInt8], count: Int) -> Int {
        var end = count
        guard end > 4, isLetter(word[end - 1]) else { return end }
        let s = UInt8(ascii: "s")
        let e = UInt8(ascii: "e")
        let last = word[end - 1]
        let second = word[end - 2]
        let third = word[end - 3]
        if last == UInt8(ascii: "g"), second == UInt8(ascii: "n"), third == UInt8(ascii: "i"), end >= 7 {
            end -= 3
        } else if last == UInt8(ascii: "d"), second == e, end >= 6 {
            end -= 2
        } else if last == s, second == e, end >= 5 {
            // "-es" goes whole after s, x, z, ch and sh ("classes", "boxes"); otherwise only "s".
            let before = third
            let sibilant =
                before == s || before == UInt8(ascii: "x") || before == UInt8(ascii: "z")
                || (before == UInt8(ascii: "h") && (word[end - 4] == UInt8(ascii: "c") || word[end - 4] == s))
            end -= sibilant ? 2 : 1
        } else if last == s, second != s, second != UInt8(ascii: "u"), second != UInt8(ascii: "i") {
            end -= 1
        }
        if end >= 5, word[end - 1] == e { end -= 1 }
        return end
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || byte >= 0x80 }
}
