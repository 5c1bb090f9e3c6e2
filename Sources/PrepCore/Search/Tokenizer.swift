/// Splits text into search terms: lowercase runs of letters and digits, with a light
/// English suffix folding so that "schedules", "scheduling" and "scheduled" meet.
///
/// Works on UTF-8 bytes with an ASCII fast path: indexing the bank tokenizes every word of
/// every answer, and per-character `String` work made that the slowest part of start-up.
public enum Tokenizer {
    public static func terms(_ text: String) -> [String] {
        var out: [String] = []
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32)
        func flush() {
            if !buffer.isEmpty {
                out.append(fold(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x41...0x5A: buffer.append(UInt8(value) | 0x20)
                case 0x61...0x7A, 0x30...0x39: buffer.append(UInt8(value))
                default: flush()
                }
            } else if scalar.properties.isAlphabetic {
                buffer.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    /// Strips common inflections from words long enough that the stem stays meaningful,
    /// then a final "e", so "schedule", "schedules", "scheduled" and "scheduling" all meet.
    /// Short tokens (k8s, gpu, hpa, nccl) are kept whole.
    static func fold(_ word: [UInt8]) -> String {
        var end = word.count
        guard end > 4, let last = word.last, isLetter(last) else { return String(decoding: word, as: UTF8.self) }
        func ends(_ suffix: StaticString) -> Bool {
            let n = suffix.utf8CodeUnitCount
            guard end >= n else { return false }
            let bytes = UnsafeBufferPointer(start: suffix.utf8Start, count: n)
            for i in 0..<n where word[end - n + i] != bytes[i] { return false }
            return true
        }
        if ends("ing"), end >= 7 {
            end -= 3
        } else if ends("ed"), end >= 6 {
            end -= 2
        } else if ends("es"), end >= 5 {
            end -= 2
            if !(ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) { end += 1 }
        } else if ends("s"), !ends("ss"), !ends("us"), !ends("is") {
            end -= 1
        }
        if end >= 5, word[end - 1] == UInt8(ascii: "e") { end -= 1 }
        return String(decoding: word[0..<end], as: UTF8.self)
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || byte >= 0x80 }
}
