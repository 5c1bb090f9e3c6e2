import SnapshotTesting
import Testing

@testable import PrepWeb

/// The practice statistics rendered from their mocks, charts included.
@Suite struct StatsPageSnapshotTests {
    @Test func stats() {
        assertSnapshot(of: StatsPage(model: .mock).render(), as: .html)
    }

    @Test func empty() {
        assertSnapshot(of: StatsPage(model: .empty).render(), as: .html)
    }
}
