import SnapshotTesting
import Testing

@testable import PrepWeb

/// The settings page rendered from its mocks.
@Suite struct SettingsPageSnapshotTests {
    @Test func saved() {
        assertSnapshot(of: SettingsPage(model: .mock).render(), as: .html)
    }

    @Test func refused() {
        assertSnapshot(of: SettingsPage(model: .refused).render(), as: .html)
    }
}
