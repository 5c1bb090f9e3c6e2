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
        #expect(html.contains("<h3>Lab</h3>") && html.contains("<strong>Xid 79</strong>") && html.contains("<blockquote>"))
    }
}

/// Vectors that got through an earlier version (a review's findings), and the usual suspects.
@Suite struct UserMarkdownAttackTests {
    static let vectors = [
        "~~~\n<img src=x onerror=alert(1)>\n~~~",
        "x\n    <img src=x onerror=alert(2)>",
        "\\`<img src=x onerror=alert(3)>",
        "[a](&#106;avascript:alert(4))",
        "[a](\" onmouseover=\"alert(5))",
        "![a\" onerror=\"alert(6)](x)",
        "[a](java\tscript:alert(7))",
        "<svg onload=alert(8)>",
        "[a](JaVaScRiPt:alert(9))",
        "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMCk8L3NjcmlwdD4=)",
        "<a href=\"javascript:alert(11)\">x</a>",
        "[a](//evil.example/)",
        "<iframe src=x></iframe>",
    ]

    @Test(arguments: vectors)
    func onlyHarmlessTagsSurvive(_ markdown: String) {
        let html = MarkdownHTML.renderUserText(markdown)
        // Every tag left is a bare allowed tag or a link with a checked href.
        for tag in html.split(separator: "<").dropFirst().map({ String($0.prefix { $0 != ">" }) }) {
            let bare = tag.wholeMatch(of: #/\/?(p|br|hr|strong|em|b|i|del|s|code|pre|blockquote|ul|ol|li|a|table|thead|tbody|tr|th|td|h[1-6])/#) != nil
            let link = tag.wholeMatch(of: #/a href="(https?:|mailto:|/[^/\\]|#)[^"]*" rel="nofollow noopener"/#) != nil
            #expect(bare || link, "tag <\(tag)> survived from \(markdown.debugDescription): \(html)")
        }
    }

    @Test func safeLinksAndHeadingsAreKept() {
        let html = MarkdownHTML.renderUserText("# Lab\n\n[docs](https://kubernetes.io/docs/) and [plan](/plan) and [mail](mailto:a@b.c)")
        #expect(html.contains("<h3>Lab</h3>"), "a note's # sits under the page's headings: \(html)")
        #expect(html.contains("<a href=\"https://kubernetes.io/docs/\" rel=\"nofollow noopener\">docs</a>"))
        #expect(html.contains("<a href=\"/plan\"") && html.contains("mailto:a@b.c"))
    }
}
