import SnapshotTesting
import Testing

@testable import PrepWeb

/// The cheat sheets list rendered from its mock.
@Suite struct CheatSheetsPageSnapshotTests {
    @Test func list() {
        assertSnapshot(of: CheatSheetsPage(model: .mock).render(), as: .html)
    }
}
