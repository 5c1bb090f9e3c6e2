import SnapshotTesting
import Testing

@testable import PrepWeb

/// A plan task's page rendered from its mocks, lab notes included.
@Suite struct PlanTaskPageSnapshotTests {
    @Test func task() {
        assertSnapshot(of: PlanTaskPage(model: .mock).render(), as: .html)
    }

    @Test func withNotes() {
        assertSnapshot(of: PlanTaskPage(model: .withNotes).render(), as: .html)
    }

    @Test func refusedNotes() {
        assertSnapshot(of: PlanTaskPage(model: .refusedNotes).render(), as: .html)
    }
}
