import SnapshotTesting
import Testing

@testable import PrepWeb

/// One item's page rendered from its mocks: a question, a scenario and a cheat sheet.
@Suite struct ItemPageSnapshotTests {
    @Test func question() {
        assertSnapshot(of: ItemPage(model: .mock).render(), as: .html)
    }

    @Test func troubleshooting() {
        assertSnapshot(of: ItemPage(model: .troubleshooting).render(), as: .html)
    }

    @Test func cheatSheet() {
        assertSnapshot(of: ItemPage(model: .cheatSheet).render(), as: .html)
    }
}
