import SnapshotTesting
import Testing

@testable import PrepWeb

/// The plan page rendered from its mocks.
@Suite struct PlanPageSnapshotTests {
    @Test func plan() {
        assertSnapshot(of: PlanPage(model: .mock).render(), as: .html)
    }

    @Test func noPlan() {
        assertSnapshot(of: PlanPage(model: .noPlan).render(), as: .html)
    }

    @Test func refusedChange() {
        assertSnapshot(of: PlanPage(model: .refusedChange).render(), as: .html)
    }
}
