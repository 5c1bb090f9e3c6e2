import SnapshotTesting
import Testing

@testable import PrepWeb

/// The page of a section that is not built yet.
@Suite struct PlannedPageSnapshotTests {
    @Test func planned() {
        assertSnapshot(of: PlannedPage(model: .mock).render(), as: .html)
    }
}
