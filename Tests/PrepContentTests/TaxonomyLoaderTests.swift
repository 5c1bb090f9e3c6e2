import PrepContent
import PrepCore
import Testing

@Suite struct TaxonomyLoaderTests {
    @Test func bundledTaxonomyCarriesTheSeedRanking() throws {
        let taxonomy = try ContentCatalog.loadBundled().taxonomy
        // Tiers and posting shares from the seed's ranking of 42 job postings.
        let expected: [(String, Int, ClosedRange<Int>)] = [
            ("cloud", 1, 90...90), ("kubernetes", 1, 86...86), ("python", 1, 81...81), ("docker", 1, 79...79),
            ("terraform", 2, 64...64), ("ml-frameworks", 2, 52...69), ("cicd", 2, 60...60),
            ("model-serving", 3, 29...45), ("mlops", 3, 36...43), ("monitoring", 3, 36...43),
            ("distributed-training", 4, 19...31), ("gpu", 4, 19...29), ("vector-databases", 4, 19...19), ("feature-stores", 4, 24...24),
        ]
        for (id, tier, share) in expected {
            let skill = try #require(taxonomy[id], "missing skill \(id)")
            #expect(skill.tier == tier, "\(id)")
            #expect(skill.postingShare == share, "\(id)")
            #expect(!skill.aliases.isEmpty, "\(id) has no aliases")
        }
        #expect(taxonomy["kubernetes-ml"]?.parent == "kubernetes")
    }

    @Test func reportsTheLineOfBrokenYAML() {
        let text = "skills:\n  - id: a\n    name: A\n   tier: [1\n"
        #expect {
            try TaxonomyLoader.parse(text, file: "taxonomy.yaml")
        } throws: { error in
            guard let error = error as? ContentError else { return false }
            return error.file == "taxonomy.yaml" && error.line != nil && error.description.hasPrefix("taxonomy.yaml:")
        }
    }

    @Test func namesAMissingField() {
        #expect {
            try TaxonomyLoader.parse("skills:\n  - id: a\n    tier: 1\n", file: "t.yaml")
        } throws: { error in
            (error as? ContentError)?.problem.contains("missing field 'skills[0].name'") == true
        }
    }

    @Test func rejectsAnInvertedShareRange() {
        #expect {
            try TaxonomyLoader.parse("skills:\n  - id: a\n    name: A\n    posting_share: [60, 40]\n", file: "t.yaml")
        } throws: { error in
            guard let error = error as? ContentError else { return false }
            return error.line == 2 && error.problem.contains("posting_share")
        }
    }
}
