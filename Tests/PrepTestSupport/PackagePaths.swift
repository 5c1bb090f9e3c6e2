import Foundation

/// Paths inside the package checkout, for tests that run the built binary.
public enum PackagePaths {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `infraprep` executable that `swift build --build-tests` produced beside the tests.
    public static var executable: URL? {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("infraprep"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("infraprep"),
            root.appendingPathComponent(".build/debug/infraprep"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
