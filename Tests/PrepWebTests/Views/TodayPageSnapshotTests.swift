import SnapshotTesting
import Testing

@testable import PrepWeb

/// Today rendered from its mocks: no app, no database.
@Suite struct TodayPageSnapshotTests {
    @Test func noPlan() {
        assertSnapshot(of: TodayPage(model: .mock).render(), as: .html)
    }

    @Test func withPlan() {
        assertSnapshot(of: TodayPage(model: .withPlan).render(), as: .html)
    }

    @Test func refusedForm() {
        assertSnapshot(of: TodayPage(model: .refusedForm).render(), as: .html)
    }
}
