import Testing

@testable import PrepWeb

@Suite struct NodeRenderTests {
    @Test func escapesTextAndAttributes() {
        let node = el("a", .href("/q?a=1&b=\"2\"")) { "<script>alert('x')</script> & more" }
        #expect(node.render() == #"<a href="/q?a=1&amp;b=&quot;2&quot;">&lt;script&gt;alert('x')&lt;/script&gt; &amp; more</a>"#)
    }

    @Test func rendersVoidAndBooleanAttributes() {
        #expect(el("input", .name("q"), .flag("required")).render() == #"<input name="q" required>"#)
    }

    @Test func buildsConditionalsAndLoops() {
        let items = ["a", "b"]
        let show = false
        let node = el("ul") {
            for item in items { el("li") { item } }
            if show { el("li") { "hidden" } }
        }
        #expect(node.render() == "<ul><li>a</li><li>b</li></ul>")
    }
}
