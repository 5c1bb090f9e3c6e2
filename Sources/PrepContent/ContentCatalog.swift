import Foundation
import PrepCore

/// Everything the app teaches from, loaded once at start.
public struct ContentCatalog: Sendable {
    public let taxonomy: Taxonomy

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
    }

    /// Loads the content bundled with the package.
    public static func loadBundled() throws -> ContentCatalog {
        let root = try ContentBundle.directory
        return ContentCatalog(taxonomy: try TaxonomyLoader.load(from: root.appendingPathComponent("taxonomy.yaml")))
    }
}
