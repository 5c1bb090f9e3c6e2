/// Grading help: which of an item's key points an answer covers, by words, with the
/// taxonomy's aliases counted as the same word (k8s = Kubernetes, TF = Terraform).
public enum Rubric {
    public struct Match: Sendable, Equatable, Codable {
        public var keyPoint: String
        public var covered: Bool
        /// The key point's words found in the answer, as the key point writes them.
        public var matched: [String]
        public var missing: [String]
    }

    /// Groups of words that mean the same thing in an answer.
    public struct Synonyms: Sendable {
        private var groupOf: [String: Int] = [:]

        public init(groups: [[String]]) {
            for (index, group) in groups.enumerated() {
                for word in group {
                    let terms = Tokenizer.terms(word)
                    // Only one-word spellings: "Amazon EKS" is not a word an answer uses for EKS alone.
                    if terms.count == 1, groupOf[terms[0]] == nil { groupOf[terms[0]] = index }
                }
            }
        }

        /// The skills' names and aliases, one group per skill.
        public init(taxonomy: Taxonomy) {
            self.init(groups: taxonomy.skills.map { [$0.name] + $0.aliases })
        }

        func key(_ term: String) -> String { groupOf[term].map { "#\($0)" } ?? term }
    }

    /// Words that carry no content in a key point.
    static let stopwords: Set<String> = [
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "is", "are", "be", "it", "its",
        "that", "this", "as", "at", "from", "not", "no", "but", "if", "when", "than", "then", "so", "can", "do",
        "doe", "how", "what", "which", "why", "per", "each", "every", "into", "use", "using", "via", "vs", "you",
        "your", "they", "their", "there", "was", "were", "has", "have", "had", "will", "would", "should", "must",
        "also", "only", "more", "most", "less", "about", "over", "under", "between", "before", "after", "e", "g", "i",
    ]

    /// A key point counts as covered when at least half of its content words (and at least
    /// two of them when it has two or more) appear in the answer.
    public static func match(answer: String, keyPoints: [String], synonyms: Synonyms = Synonyms(groups: [])) -> [Match] {
        var answerKeys = Set<String>()
        for term in Tokenizer.terms(answer) {
            for variant in variants(term) { answerKeys.insert(synonyms.key(variant)) }
        }
        return keyPoints.map { point in
            let words = contentWords(point)
            var matched: [String] = []
            var missing: [String] = []
            for word in words {
                if variants(word.term).contains(where: { answerKeys.contains(synonyms.key($0)) }) { matched.append(word.text) } else { missing.append(word.text) }
            }
            let needed = words.count >= 2 ? max(2, (words.count + 1) / 2) : words.count
            return Match(keyPoint: point, covered: !words.isEmpty && matched.count >= needed, matched: matched, missing: missing)
        }
    }

    /// The distinct content words of a key point: each as written, and as the term it folds to.
    static func contentWords(_ point: String) -> [(text: String, term: String)] {
        var seen = Set<String>()
        var out: [(String, String)] = []
        for word in point.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            // One character (the "s" of "GPU's", the "0" of "0.09") says nothing about coverage.
            for term in Tokenizer.terms(String(word)) where term.count > 1 && !stopwords.contains(term) && seen.insert(term).inserted {
                out.append((String(word), term))
            }
        }
        return out
    }

    /// Plural and singular of short words (GPUs/GPU, pods/pod) that the tokenizer keeps whole.
    static func variants(_ term: String) -> [String] {
        if term.hasSuffix("s"), term.count >= 3 { return [term, String(term.dropLast())] }
        return [term, term + "s"]
    }

    /// The grade the ticked share suggests: under 40 % Again, under 70 % Hard, otherwise
    /// Good. Easy is never suggested: it stretches the interval most, so it is the
    /// person's own call.
    public static func suggestedRating(covered: Int, total: Int) -> Rating {
        guard total > 0 else { return .good }
        let share = Double(covered) / Double(total)
        if share < 0.4 { return .again }
        if share < 0.7 { return .hard }
        return .good
    }
}
