import PrepCore
import Testing

@Suite struct SearchIndexTests {
    let index = SearchIndex(documents: [
        .init(fields: [("Debug an OOMKilled training pod", 3), ("memory limits cgroup exit code 137", 1)]),
        .init(fields: [("Size the KV cache of a grouped-query model", 3), ("layers heads head dim bytes tokens memory", 1)]),
        .init(fields: [("Write PromQL for p99 latency", 3), ("histogram_quantile rate buckets", 1)]),
        .init(fields: [("Kubernetes scheduling of GPUs", 3), ("device plugin taints tolerations memory", 1)]),
    ])

    @Test func ranksTitleMatchesFirst() {
        #expect(Set(index.search("memory").map(\.document)) == [0, 1, 3])
        #expect(index.search("kv cache").first?.document == 1)
        #expect(index.search("oomkilled pod").first?.document == 0)
    }

    @Test func rareTermsOutweighCommonOnes() {
        // "memory" is in three documents, "promql" in one: the PromQL document must win.
        #expect(index.search("memory promql").first?.document == 2)
    }

    @Test func toleratesOneTypoInLongerWords() {
        #expect(index.search("kubernets").first?.document == 3)
        #expect(index.search("histogram_quantle").first?.document == 2)
        #expect(index.search("gpx").isEmpty, "short words are not corrected")
    }

    @Test func foldsInflections() {
        #expect(Set(Tokenizer.terms("Scheduling schedules scheduled schedule")) == ["schedul"])
        #expect(Set(Tokenizer.terms("cache caches cached caching")) == ["cach"])
        #expect(Tokenizer.terms("k8s GPUs H100") == ["k8s", "gpus", "h100"])
        #expect(Tokenizer.terms("2×layers — “Ärger” CAFÉ 80°C") == ["2", "layer", "ärger", "café", "80", "c"])
        #expect(index.search("toleration").first?.document == 3)
    }

    @Test func filtersBeforeRanking() {
        #expect(index.search("memory", allowed: { $0 != 0 }).map(\.document).contains(0) == false)
    }

    @Test func oneEditDistance() {
        #expect(SearchIndex.withinOneEdit(Array("cache"), Array("cahce")))
        #expect(SearchIndex.withinOneEdit(Array("cache"), Array("cach")))
        #expect(!SearchIndex.withinOneEdit(Array("cache"), Array("catch")))
    }

    @Test func correctsTyposInNonASCIIWords() {
        let index = SearchIndex(documents: [.init(fields: [("Ärger mit dem Größenwahn", 1)]), .init(fields: [("nothing here", 1)])])
        #expect(index.search("grßenwahn").first?.document == 0, "dropping ö is one edit but shortens the UTF-8 by two bytes")
        #expect(index.search("Ärger").first?.document == 0)
    }

    @Test func findsEveryTermOfALargeVocabulary() {
        // Thousands of distinct terms make the term table grow many times; none may be lost.
        let words = (0..<5000).map { "term\($0)x" }
        let index = SearchIndex(
            documents: stride(from: 0, to: words.count, by: 50).map { start in
                .init(fields: [(words[start..<(start + 50)].joined(separator: " "), 1)])
            })
        for (offset, word) in words.enumerated() where offset % 97 == 0 {
            #expect(index.search(word).map(\.document) == [offset / 50], "\(word)")
        }
    }
}

/// Issue #13, deliverable 6: search results show the words around the match, marked.
@Suite struct SearchSnippetTests {
    @Test func theFirstMatchIsShownWithItsWordsMarked() throws {
        let text = "Paged attention stores the **KV cache** in blocks, so a sequence's cache grows a block at a time and memory is not wasted."
        let parts = try #require(SearchSnippet.make(text: text, query: "kv caching"))
        #expect(parts.filter(\.marked).map(\.text) == ["KV", "cache", "cache"], "stems match: caching finds cache")
        #expect(parts.map(\.text).joined().contains("stores the KV cache in blocks"), "Markdown's marks are dropped")
        #expect(SearchSnippet.make(text: text, query: "terraform") == nil)
    }
}
