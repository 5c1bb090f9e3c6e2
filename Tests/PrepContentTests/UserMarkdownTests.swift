import PrepContent
import Testing

@Suite struct UserMarkdownTests {
    @Test func rawHTMLIsShownAsText() {
        let html = MarkdownHTML.renderUserText("Ran it <script>alert(1)</script> and <img src=x onerror=alert(2)>")
        #expect(!html.contains("<script") && !html.contains("<img"))
        #expect(html.contains("&lt;script"))
    }

    @Test func codeKeepsItsAngleBracketsVisible() {
        let html = MarkdownHTML.renderUserText("Use `kubectl get <pod>`:\n\n```\necho <b>\n```\n")
        #expect(html.contains("<code>kubectl get &lt;pod&gt;</code>"), "got \(html)")
        #expect(html.contains("echo &lt;b&gt;"), "got \(html)")
        #expect(!html.contains("&amp;lt;"), "no double escaping: \(html)")
    }

    @Test func scriptLinksAreBlocked() {
        let html = MarkdownHTML.renderUserText("[click](javascript:alert(1)) and [docs](https://kubernetes.io/docs/)")
        #expect(!html.contains("href=\"javascript:"))
        #expect(html.contains("href=\"https://kubernetes.io/docs/\""))
    }

    @Test func markdownStillRenders() {
        let html = MarkdownHTML.renderUserText("# Lab\n\n- `nvidia-smi` showed **Xid 79**\n\n> a quote")
        #expect(html.contains("<h1>Lab</h1>") && html.contains("<strong>Xid 79</strong>") && html.contains("<blockquote>"))
    }
}
