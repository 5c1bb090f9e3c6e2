import Foundation

/// BM25F full-text search over documents with weighted fields, with a small typo
/// tolerance: a query term that appears in no document matches terms one edit away.
public struct SearchIndex: Sendable {
    public struct Document: Sendable {
        public struct Field: Sendable {
            public var text: String
            public var weight: Double
        }
        /// Weighted fields; a term in a field of weight 3 counts as three occurrences.
        public var fields: [Field]
        public init(fields: [(text: String, weight: Double)]) {
            self.fields = fields.map { Field(text: $0.text, weight: $0.weight) }
        }
    }

    public struct Hit: Sendable, Equatable {
        public var document: Int
        public var score: Double
    }

    private struct Posting: Sendable {
        var document: Int32
        var frequency: Float
    }

    // BM25 constants as commonly tuned (Robertson & Zaragoza 2009).
    private let k1 = 1.2
    private let b = 0.75
    private var postings: [String: [Posting]] = [:]
    private var lengths: [Double] = []
    private var averageLength = 1.0
    /// Vocabulary bucketed by term length, so typo expansion only looks at near lengths.
    private var vocabularyByLength: [Int: [String]] = [:]

    public var count: Int { lengths.count }

    public init(documents: [Document]) {
        // Term counting is independent per document, so it runs on every core; merging the
        // counts into postings lists is the only sequential part.
        let counted = ParallelMap.map(documents) { document -> (frequencies: [String: Double], length: Double) in
            var frequencies: [String: Double] = [:]
            var length = 0.0
            for field in document.fields {
                for term in Tokenizer.terms(field.text) {
                    frequencies[term, default: 0] += field.weight
                    length += field.weight
                }
            }
            return (frequencies, length)
        }
        lengths.reserveCapacity(documents.count)
        for (index, document) in counted.enumerated() {
            lengths.append(document.length)
            for (term, frequency) in document.frequencies {
                postings[term, default: []].append(Posting(document: Int32(index), frequency: Float(frequency)))
            }
        }
        averageLength = lengths.isEmpty ? 1 : max(1, lengths.reduce(0, +) / Double(lengths.count))
        for term in postings.keys { vocabularyByLength[term.count, default: []].append(term) }
    }

    /// Documents matching any query term, best first. `allowed` filters before ranking.
    public func search(_ query: String, limit: Int = 50, allowed: ((Int) -> Bool)? = nil) -> [Hit] {
        var terms = Array(Set(Tokenizer.terms(query)))
        guard !terms.isEmpty, !lengths.isEmpty else { return [] }
        terms = terms.flatMap { postings[$0] != nil ? [$0] : corrections(of: $0) }
        var scores = [Double](repeating: 0, count: lengths.count)
        var touched: [Int] = []
        let n = Double(lengths.count)
        for term in terms {
            guard let list = postings[term] else { continue }
            let df = Double(list.count)
            let idf = log(1 + (n - df + 0.5) / (df + 0.5))
            for posting in list {
                let doc = Int(posting.document)
                let tf = Double(posting.frequency)
                let norm = tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths[doc] / averageLength))
                if scores[doc] == 0 { touched.append(doc) }
                scores[doc] += idf * norm
            }
        }
        var hits = touched.lazy.filter { allowed?($0) ?? true }.map { Hit(document: $0, score: scores[$0]) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document }
        if hits.count > limit { hits.removeSubrange(limit...) }
        return hits
    }

    /// Vocabulary terms one edit (insert, delete, substitute, swap) from `term`, for terms of
    /// at least 4 characters; shorter terms are too ambiguous to correct.
    public func corrections(of term: String) -> [String] {
        guard term.count >= 4 else { return [] }
        let chars = Array(term)
        var out: [String] = []
        for length in (chars.count - 1)...(chars.count + 1) {
            for candidate in vocabularyByLength[length] ?? [] where Self.withinOneEdit(chars, Array(candidate)) {
                out.append(candidate)
            }
        }
        return out
    }

    public static func withinOneEdit(_ a: [Character], _ b: [Character]) -> Bool {
        if a == b { return true }
        if a.count == b.count {
            let diffs = a.indices.filter { a[$0] != b[$0] }
            if diffs.count == 1 { return true }
            if diffs.count == 2, diffs[1] == diffs[0] + 1, a[diffs[0]] == b[diffs[1]], a[diffs[1]] == b[diffs[0]] { return true }
            return false
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count - short.count == 1 else { return false }
        var i = 0, j = 0, skipped = false
        while i < short.count, j < long.count {
            if short[i] == long[j] { i += 1; j += 1 } else {
                if skipped { return false }
                skipped = true
                j += 1
            }
        }
        return true
    }
}
