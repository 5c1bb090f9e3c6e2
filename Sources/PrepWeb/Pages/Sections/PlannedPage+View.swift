import PrepCore

/// The page of a section that is not built yet. It says so plainly and shows nothing fake.
struct PlannedPage {
    let model: PlannedPageModel

    func render() -> String {
        let section = model.section
        return Layout.page(title: section.title, current: section) {
            el("h1") { section.title }
            el("p", .class("lede")) { section.summary }
            PlannedNotice(section: section).node
        }
    }
}

struct PlannedNotice {
    let section: Section

    var node: Node {
        el("div", .class("notice"), .init("role", "status")) {
            el("strong") { "Not built yet." }
            " "
            if case let .planned(issue?) = section.availability {
                "This area is planned in issue #\(issue); until it lands, this page has nothing to show, and nothing on it is simulated."
            } else {
                "This area is planned but not scheduled yet; until it lands, this page has nothing to show, and nothing on it is simulated."
            }
        }
    }
}
