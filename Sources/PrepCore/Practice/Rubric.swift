/// Grading help: which of an item's key points an answer covers, by words, with the
/// taxonomy's aliases counted as the same word (k8s = Kubernetes, TF = Terraform).
public enum Rubric {
    public struct Match: Sendable, Equatable, Codable {
        public var keyPoint: String
        public var covered: Bool
        /// The key point's words found in the answer, as the key point writes them.
        public var matched: [String]
        public var missing: [String]
        /// Words of the point that the question already uses, which do not count.
        public var ignored: [String]

        public init(keyPoint: String, covered: Bool, matched: [String], missing: [String], ignored: [String] = []) {
            self.keyPoint = keyPoint
            self.covered = covered
            self.matched = matched
            self.missing = missing
            self.ignored = ignored
        }
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

    /// Words that carry no content in a key point: English function words and the
    /// boilerplate of explanations (issue #13, bug 4: "against" and "data" counted as matches).
    static let stopwords: Set<String> = [
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "is", "are", "be", "it", "its",
        "that", "this", "as", "at", "from", "not", "no", "but", "if", "when", "than", "then", "so", "can", "do",
        "doe", "how", "what", "which", "why", "per", "each", "every", "into", "use", "using", "via", "vs", "you",
        "your", "they", "their", "there", "was", "were", "has", "have", "had", "will", "would", "should", "must",
        "also", "only", "more", "most", "less", "about", "over", "under", "between", "before", "after", "e", "g", "i",
        "against", "data", "all", "any", "both", "other", "same", "such", "some", "many", "much", "few", "one", "two",
        "out", "up", "down", "off", "through", "while", "where", "who", "whom", "these", "those", "them", "we", "our",
        "us", "my", "me", "he", "she", "his", "her", "been", "being", "does", "did", "done", "may", "might", "could",
        "just", "very", "too", "not", "instead", "rather", "within", "without", "because", "since", "until", "again",
        "once", "here", "etc", "ie", "eg", "way", "thing", "make", "get", "set", "need", "take", "keep", "first", "new",
        "own", "even", "still", "yet", "often", "usually", "never", "always", "e.g", "i.e",
        // The parts of names and addresses that say nothing by themselves (nvidia.com/gpu).
        "com", "org", "io", "net", "www", "http", "https",
    ]

    /// A key point counts as covered when at least half of what it names (and at least two of
    /// its words and numbers when it names two or more) appears in the answer. Words the
    /// question itself uses do not count: repeating the question is not answering it. Numbers
    /// match within 5 % ("403" answers "400"; "1.7K" answers "1,736").
    public static func match(answer: String, keyPoints: [String], question: String = "", synonyms: Synonyms = Synonyms(groups: [])) -> [Match] {
        func keys(_ text: String) -> Set<String> {
            var out = Set<String>()
            for term in Tokenizer.terms(text) {
                for variant in variants(term) { out.insert(synonyms.key(variant)) }
            }
            return out
        }
        let answerKeys = keys(answer)
        let questionKeys = keys(question)
        let answerNumbers = AnswerNumbers.extract(answer)
        return keyPoints.map { point in
            let numbers = AnswerNumbers.extract(point)
            // Figures ("400", "1.7K", "80GB") are matched as numbers below, not as words.
            let all = contentWords(point).filter { $0.term.first?.isNumber != true }
            // The question's own words are given, not recalled; a point made only of them keeps them.
            let own = all.filter { !questionKeys.contains(synonyms.key($0.term)) }
            let words = own.isEmpty ? all : own
            var matched: [String] = []
            var missing: [String] = []
            for word in words {
                if variants(word.term).contains(where: { answerKeys.contains(synonyms.key($0)) }) { matched.append(word.text) } else { missing.append(word.text) }
            }
            for number in numbers {
                if let hit = answerNumbers.first(where: { AnswerNumbers.close($0.value, number.value) }) {
                    matched.append(hit.text == number.text ? number.text : "\(hit.text) ≈ \(number.text)")
                } else {
                    missing.append(number.text)
                }
            }
            let count = words.count + numbers.count
            let needed = count >= 2 ? max(2, (count + 1) / 2) : count
            return Match(
                keyPoint: point, covered: count > 0 && matched.count >= needed, matched: matched, missing: missing,
                ignored: own.isEmpty ? [] : all.filter { word in !own.contains { $0.term == word.term } }.map(\.text))
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
