import Ink

/// Markdown bodies to HTML. Links between items (`item:ID`) become links to their pages.
public enum MarkdownHTML {
    public static func render(_ markdown: String, itemPath: (String) -> String = { "/questions/\($0)" }) -> String {
        var text = markdown
        if text.contains("](item:") {
            text = text.replacing(#/\]\(item:([a-z0-9-]+)\)/#) { match in "](\(itemPath(String(match.1))))" }
        }
        return MarkdownParser().html(from: text)
    }
}
