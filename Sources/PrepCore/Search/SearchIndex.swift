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
    private var vocabulary = TermTable()
    /// Postings per term id of `vocabulary`.
    private var postings: [[Posting]] = []
    private var lengths: [Double] = []
    private var averageLength = 1.0
    /// Term ids bucketed by UTF-8 length, so typo expansion only looks at near lengths.
    private var vocabularyByLength: [[Int32]] = []

    public var count: Int { lengths.count }

    public init(documents: [Document]) {
        self.init(documents) { $0 }
    }

    /// Indexes `sources`, making each one's document on the core that counts its terms.
    public init<Source: Sendable>(_ sources: [Source], document: @escaping @Sendable (Source) -> Document) {
        // Term counting is independent per document, so it runs on every core; merging the
        // counts into postings lists is the only sequential part.
        let counted = ParallelMap.map(sources) { source -> (terms: TermTable, frequencies: [Double], length: Double) in
            let document = document(source)
            var terms = TermTable(capacity: 512)
            var frequencies: [Double] = []
            var length = 0.0
            for field in document.fields {
                var scanner = TermScanner(field.text)
                while scanner.next() {
                    let (id, inserted) = terms.insert(scanner.bytes, count: scanner.count)
                    if inserted { frequencies.append(field.weight) } else { frequencies[id] += field.weight }
                    length += field.weight
                }
            }
            return (terms, frequencies, length)
        }
        lengths.reserveCapacity(sources.count)
        for (index, document) in counted.enumerated() {
            lengths.append(document.length)
            for local in 0..<document.terms.count {
                let id = vocabulary.insert(local, of: document.terms)
                if id == postings.count { postings.append([]) }
                postings[id].append(Posting(document: Int32(index), frequency: Float(document.frequencies[local])))
            }
        }
        averageLength = lengths.isEmpty ? 1 : max(1, lengths.reduce(0, +) / Double(lengths.count))
        for id in 0..<vocabulary.count {
            let length = vocabulary.length(of: id)
            while vocabularyByLength.count <= length { vocabularyByLength.append([]) }
            vocabularyByLength[length].append(Int32(id))
        }
    }

    /// Documents matching any query term, best first. `allowed` filters before ranking.
    public func search(_ query: String, limit: Int = 50, allowed: ((Int) -> Bool)? = nil) -> [Hit] {
        guard !lengths.isEmpty else { return [] }
        var ids = Set<Int>()
        for term in Set(Tokenizer.terms(query)) {
            if let id = vocabulary.find(term) {
                ids.insert(id)
            } else {
                for correction in corrections(of: term) { vocabulary.find(correction).map { _ = ids.insert($0) } }
            }
        }
        guard !ids.isEmpty else { return [] }
        var scores = [Double](repeating: 0, count: lengths.count)
        var touched: [Int] = []
        let n = Double(lengths.count)
        for id in ids.sorted() {
            let list = postings[id]
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
        // One edit changes the UTF-8 length by at most one scalar's width (4 bytes).
        let bytes = term.utf8.count
        let slack = bytes == chars.count ? 1 : 4
        var out: [String] = []
        for length in max(0, bytes - slack)...(bytes + slack) where length < vocabularyByLength.count {
            for id in vocabularyByLength[length] {
                let candidate = vocabulary.string(of: Int(id))
                if Self.withinOneEdit(chars, Array(candidate)) { out.append(candidate) }
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
        var i = 0
        var j = 0
        var skipped = false
        while i < short.count, j < long.count {
            if short[i] == long[j] {
                i += 1
                j += 1
            } else {
                if skipped { return false }
                skipped = true
                j += 1
            }
        }
        return true
    }
}
