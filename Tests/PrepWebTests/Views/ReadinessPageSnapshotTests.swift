import SnapshotTesting
import Testing

@testable import PrepWeb

/// The readiness page rendered from its mocks, with and without evidence.
@Suite struct ReadinessPageSnapshotTests {
    @Test func readiness() {
        assertSnapshot(of: ReadinessPage(model: .mock).render(), as: .html)
    }

    @Test func empty() {
        assertSnapshot(of: ReadinessPage(model: .empty).render(), as: .html)
    }
}
