import SnapshotTesting
import Testing

@testable import PrepWeb

/// The practice page rendered from its mocks: a card's front, revealed with a rubric, and done.
@Suite struct PracticePageSnapshotTests {
    @Test func front() {
        assertSnapshot(of: PracticePage(model: .mock).render(), as: .html)
    }

    @Test func revealedWithRubric() {
        assertSnapshot(of: PracticePage(model: .revealedWithRubric).render(), as: .html)
    }

    @Test func done() {
        assertSnapshot(of: PracticePage(model: .done).render(), as: .html)
    }
}
