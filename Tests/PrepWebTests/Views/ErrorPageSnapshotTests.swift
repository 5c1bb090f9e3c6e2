import SnapshotTesting
import Testing

@testable import PrepWeb

/// The HTML error pages.
@Suite struct ErrorPageSnapshotTests {
    @Test func notFound() {
        assertSnapshot(of: ErrorPage(model: .mock).render(), as: .html)
    }

    @Test func serverError() {
        assertSnapshot(of: ErrorPage(model: .serverError).render(), as: .html)
    }
}
