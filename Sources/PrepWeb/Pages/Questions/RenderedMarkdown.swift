import Foundation
import PrepContent

/// Rendered Markdown of item sections, made on first view and kept: the bank does not
/// change while the server runs, and rendering everything at start would slow it.
final class RenderedMarkdown: Sendable {
    private let cache = NSLockedDictionary()

    func html(_ markdown: String) -> String {
        if let hit = cache[markdown] { return hit }
        let html = MarkdownHTML.render(markdown)
        cache[markdown] = html
        return html
    }
}

final class NSLockedDictionary: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: String] = [:]

    subscript(key: String) -> String? {
        get { lock.withLock { storage[key] } }
        set { lock.withLock { storage[key] = newValue } }
    }
}
