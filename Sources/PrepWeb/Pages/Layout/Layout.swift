import PrepCore

/// The shell every page shares: head, skip link, navigation, main, footer.
enum Layout {
    static func page(title: String, current: Section?, scripts: [StaticAsset] = [], @NodeBuilder content: () -> [Node]) -> String {
        document(title: title, current: current, scripts: scripts, content: content())
    }

    static func document(title: String, current: Section?, scripts: [StaticAsset] = [], content: [Node]) -> String {
        el("html", .init("lang", "en")) {
            el("head") {
                el("meta", .init("charset", "utf-8"))
                el("meta", .name("viewport"), .init("content", "width=device-width, initial-scale=1"))
                el("meta", .name("color-scheme"), .init("content", "light dark"))
                el("title") { "\(title) · \(AppInfo.name)" }
                el("link", .init("rel", "stylesheet"), .href(StaticAsset.stylesheet.url))
                el("link", .init("rel", "icon"), .type("image/svg+xml"), .href(StaticAsset.favicon.url))
                for script in scripts { el("script", .init("src", script.url), .flag("defer")) }
            }
            el("body") {
                el("a", .class("skip"), .href("#main")) { "Skip to content" }
                header(current: current)
                el("main", .id("main")) { content }
                footer()
            }
        }.renderDocument()
    }

    private static func header(current: Section?) -> Node {
        el("header", .class("top")) {
            el("a", .class("brand"), .href(SiteURL.today.path)) { AppInfo.name }
            el("nav", .aria("label", "Main")) {
                el("ul") {
                    for section in Section.allCases {
                        el("li") { navLink(section, current: current) }
                    }
                }
            }
        }
    }

    private static func navLink(_ section: Section, current: Section?) -> Node {
        var attributes: [Attribute] = [.href(section.path)]
        if section == current { attributes.append(.aria("current", "page")) }
        if !section.isAvailable {
            attributes.append(.class("planned"))
            attributes.append(.init("title", "Not built yet"))
        }
        return el("a", attributes: attributes, children: [.text(section.title)])
    }

    private static func footer() -> Node {
        el("footer", .class("site")) {
            el("p") {
                "\(AppInfo.name) \(AppInfo.version) · works offline · "
                el("a", .href(SiteURL.api(.status).path)) { "API status" }
                " · "
                el("a", .href(SiteURL.openAPI.path)) { "OpenAPI" }
            }
        }
    }
}
