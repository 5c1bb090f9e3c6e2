import SnapshotTesting
import Testing

@testable import PrepWeb

/// A calculator rendered from its mocks: answered, empty and refused.
@Suite struct CalculatorPageSnapshotTests {
    @Test func answered() {
        assertSnapshot(of: CalculatorPage(model: .mock).render(), as: .html)
    }

    @Test func empty() {
        assertSnapshot(of: CalculatorPage(model: .empty).render(), as: .html)
    }

    @Test func refused() {
        assertSnapshot(of: CalculatorPage(model: .refused).render(), as: .html)
    }
}
