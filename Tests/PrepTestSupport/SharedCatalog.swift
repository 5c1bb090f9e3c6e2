import PrepContent

/// The bundled content, loaded once per test process: every test app shares it instead of
/// parsing and indexing the whole bank again.
public let sharedCatalog: ContentCatalog = {
    do { return try ContentCatalog.loadBundled() } catch { fatalError("bundled content does not load: \(error)") }
}()
