/// Splits text into search terms: lowercase runs of letters and digits, with a light
/// English suffix folding so that "schedules", "scheduling" and "scheduled" meet.
public enum Tokenizer {
    public static func terms(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else if !current.isEmpty {
                out.append(fold(current))
                current = ""
            }
        }
        if !current.isEmpty { out.append(fold(current)) }
        return out
    }

    /// Strips common inflections from words long enough that the stem stays meaningful,
    /// then a final "e", so "schedule", "schedules", "scheduled" and "scheduling" all meet.
    /// Short tokens (k8s, gpu, hpa, nccl) are kept whole.
    static func fold(_ word: String) -> String {
        guard word.count > 4, word.last?.isLetter == true else { return word }
        var stem = Substring(word)
        if stem.hasSuffix("ing"), stem.count >= 7 {
            stem = stem.dropLast(3)
        } else if stem.hasSuffix("ed"), stem.count >= 6 {
            stem = stem.dropLast(2)
        } else if stem.hasSuffix("es"), ["s", "x", "z", "ch", "sh"].contains(where: { stem.dropLast(2).hasSuffix($0) }) {
            stem = stem.dropLast(2)
        } else if stem.hasSuffix("s"), !stem.hasSuffix("ss"), !stem.hasSuffix("us"), !stem.hasSuffix("is") {
            stem = stem.dropLast()
        }
        if stem.count >= 5, stem.hasSuffix("e") { stem = stem.dropLast() }
        return String(stem)
    }
}
