import SnapshotTesting
import Testing

@testable import PrepWeb

/// The calculators' index rendered from its mock: the catalogues with their sources.
@Suite struct CalculatorsIndexPageSnapshotTests {
    @Test func index() {
        assertSnapshot(of: CalculatorsIndexPage(model: .mock).render(), as: .html)
    }
}
