import PrepCore
import Testing

@Suite struct TaxonomyTests {
    @Test func looksUpByIDAndTier() throws {
        let taxonomy = try Taxonomy(skills: [
            Skill(id: "kubernetes", name: "Kubernetes", tier: 1, postingShare: 86...86),
            Skill(id: "kubernetes-ml", name: "Kubernetes for ML", tier: 1, postingShare: nil, parent: "kubernetes"),
            Skill(id: "terraform", name: "Terraform", tier: 2, postingShare: 64...64),
        ])
        #expect(taxonomy["terraform"]?.tier == 2)
        #expect(taxonomy.skills(inTier: 1).map(\.id) == ["kubernetes", "kubernetes-ml"])
        #expect(taxonomy["nope"] == nil)
    }

    @Test func rejectsDuplicatesUnknownParentsAndBadTiers() {
        #expect(throws: PlainError.self) {
            try Taxonomy(skills: [Skill(id: "a", name: "A", tier: 1, postingShare: nil), Skill(id: "a", name: "A2", tier: 1, postingShare: nil)])
        }
        #expect(throws: PlainError.self) {
            try Taxonomy(skills: [Skill(id: "a", name: "A", tier: 1, postingShare: nil, parent: "b")])
        }
        #expect(throws: PlainError.self) {
            try Taxonomy(skills: [Skill(id: "a", name: "A", tier: 5, postingShare: nil)])
        }
    }

    @Test func tierSharesFollowTheSeed() {
        #expect(TierAllocation.share(ofTier: 1) == 0.5)
        #expect(TierAllocation.share(ofTier: 2) == 0.3)
        #expect(TierAllocation.share(ofTier: 3) == 0.2)
        #expect(TierAllocation.share(ofTier: 4) == 0)
    }
}
