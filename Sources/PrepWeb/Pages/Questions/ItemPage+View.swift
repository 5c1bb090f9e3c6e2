import PrepApp
import PrepCore

/// One item: the prompt first; the answer, its key points and the follow-ups stay folded
/// until the reader asks for them, so they can try an answer first.
struct ItemPage {
    var model: ItemPageModel

    private var item: ContentItem { model.item }

    func render() -> String {
        let section: Section = item.kind == .cheatsheet ? .cheatsheets : .questions
        return Layout.page(title: item.title, current: section, scripts: item.kind == .cheatsheet ? [.printScript] : []) {
            el("nav", .class("crumbs"), .aria("label", "Breadcrumb")) {
                el("a", .href(section.path)) { section.title }
                if let list = model.list {
                    " › "
                    el("a", .href(list.link)) { list.title }
                    " (\(list.index + 1) of \(list.count))"
                } else {
                    " › \(model.skillName)"
                }
            }
            el("article", .class(item.kind == .cheatsheet ? "item sheet" : "item")) {
                el("h1") { item.title }
                el("p", .class("meta")) {
                    el("span", .class("badge kind-\(item.kind.rawValue)")) { item.kind.title }
                    " \(model.skillName)"
                    if let tier = model.tier { " · tier \(tier)" }
                    if item.kind != .cheatsheet { " · difficulty \(item.difficulty)" }
                    if !item.tags.isEmpty { " · " + item.tags.joined(separator: ", ") }
                    if item.kind == .cheatsheet {
                        el("span", .class("print-button"), .data("print", "1"), .flag("hidden")) {
                            " · "
                            el("button", .type("button"), .class("link")) { "Print (two pages)" }
                        }
                    }
                    if DailySession.practisedKinds.contains(item.kind) {
                        " · "
                        el("a", .id("practise-now"), .href(SiteURL.practice.link(query: PracticeFocus.item(item.id).queryItems))) { "Practise now" }
                    }
                }
                if let status = model.studyStatus { el("p", .class("study-status"), .id("study-status")) { status } }
                if !item.intro.isEmpty { Node.raw(model.introHTML) }
                for part in model.promptParts { sectionNode(part) }
                if item.kind.hidesAnswer {
                    el("details", .class("reveal")) {
                        el("summary") { revealLabel }
                        for part in model.answerParts { sectionNode(part) }
                        keyPoints()
                        list("Follow-up questions", item.followUps)
                    }
                } else {
                    for part in model.allParts { sectionNode(part) }
                    keyPoints()
                }
                sourcesNode()
                if let list = model.list, list.previous != nil || list.next != nil {
                    el("nav", .class("pager list-pager"), .aria("label", "In this list")) {
                        if let previous = list.previous {
                            el("a", .init("rel", "prev"), .href(SiteURL.question(previous.id).path + list.suffix)) {
                                "← \(previous.title)"
                            }
                        }
                        if let next = list.next {
                            el("a", .init("rel", "next"), .href(SiteURL.question(next.id).path + list.suffix)) {
                                "\(next.title) →"
                            }
                        }
                    }
                }
                if !model.related.isEmpty {
                    el("section", .class("related")) {
                        el("h2") { "Related" }
                        el("ul") { for link in model.related { el("li") { el("a", .href(SiteURL.question(link.id).path)) { link.title } } } }
                    }
                }
            }
        }
    }

    private var revealLabel: String {
        switch item.kind {
        case .systemDesign: "Show the reference solution (sketch your own design first)"
        case .troubleshooting: "Show the investigation and fix (say your first three commands first)"
        case .behavioral: "Show what the interviewer probes and an example answer"
        case .askInterviewer: "Show why to ask it and what to listen for"
        default: "Show the answer (answer out loud first)"
        }
    }

    private func sectionNode(_ part: ItemPageModel.Part) -> Node {
        el("section") {
            el("h2") { part.heading }
            Node.raw(part.html)
        }
    }

    private func keyPoints() -> Node {
        guard !item.keyPoints.isEmpty else { return .empty }
        return el("section", .class("key-points")) {
            el("h2") { item.kind == .cheatsheet ? "Remember" : "What a strong answer covers" }
            el("ul") { for point in item.keyPoints { el("li") { point } } }
        }
    }

    private func list(_ title: String, _ entries: [String]) -> Node {
        guard !entries.isEmpty else { return .empty }
        return el("section") {
            el("h2") { title }
            el("ul") { for entry in entries { el("li") { entry } } }
        }
    }

    private func sourcesNode() -> Node {
        guard !item.sources.isEmpty else { return .empty }
        return el("section", .class("sources")) {
            el("h2") { "Sources" }
            el("ul") {
                for source in item.sources {
                    el("li") { safeLink(to: source.url, .init("rel", "noopener noreferrer"), text: source.title) }
                }
            }
        }
    }
}
