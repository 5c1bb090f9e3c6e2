import PrepCore

/// The first page. Until Today is built (issue #5) it says what works now and what is coming.
struct HomePage {
    func render() -> String {
        Layout.page(title: "Today", current: .today) {
            el("h1") { "Today" }
            el("p", .class("lede")) { Section.today.summary }
            PlannedNotice(section: .today).node
            el("h2") { "What works now" }
            el("ul", .class("sections")) {
                for section in Section.allCases where section.isAvailable {
                    el("li") { el("a", .href(section.path)) { section.title }; " — "; section.summary }
                }
                el("li") { el("a", .href("/api/v1/status")) { "JSON API" }; " — the status of this server, described by "; el("a", .href("/openapi.yaml")) { "its OpenAPI document" }; "." }
            }
            el("h2") { "Coming next" }
            el("ul", .class("sections")) {
                for section in Section.allCases where !section.isAvailable && section != .today {
                    el("li") {
                        el("a", .href(section.path)) { section.title }
                        " — "
                        section.summary
                        if case let .planned(issue?) = section.availability { el("span", .class("badge")) { "issue #\(issue)" } }
                    }
                }
            }
        }
    }
}
