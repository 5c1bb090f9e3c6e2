import SnapshotTesting
import Testing

@testable import PrepWeb

/// The question bank's list rendered from its mocks.
@Suite struct QuestionsPageSnapshotTests {
    @Test func search() {
        assertSnapshot(of: QuestionsPage(model: .mock).render(), as: .html)
    }

    @Test func refusedFilters() {
        assertSnapshot(of: QuestionsPage(model: .refused).render(), as: .html)
    }
}
