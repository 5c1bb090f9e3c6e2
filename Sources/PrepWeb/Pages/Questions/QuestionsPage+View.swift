import Foundation
import PrepCore

struct QuestionsPage {
    let model: QuestionsPageModel

    func render() -> String {
        Layout.page(title: "Questions", current: .questions) {
            el("h1") { "Questions" }
            el("p", .class("lede")) {
                let total = model.countsByKind.reduce(0) { $0 + $1.1 }
                "\(total) items: " + model.countsByKind.filter { $0.1 > 0 }.map { "\($0.1) \($0.0.title.lowercased())" }.joined(separator: ", ") + "."
            }
            filterForm()
            results()
        }
    }

    private func filterForm() -> Node {
        el("form", .init("method", "get"), .init("action", SiteURL.questions.path), .class("filters"), .init("role", "search")) {
            el("div", .class(model.errors["q"] == nil ? "field grow" : "field grow invalid")) {
                el("label", .init("for", "q")) { "Search" }
                el(
                    "input", .id("q"), .name("q"), .type("search"), .value(model.query.text ?? ""), .init("maxlength", String(ItemQuery.maxTextCharacters)),
                    .init("placeholder", "e.g. KV cache, OOMKilled, PromQL rate"))
                if let error = model.errors["q"] { el("p", .class("field-error"), .init("role", "alert")) { error } }
            }
            select("kind", label: "Kind", selected: model.query.kind?.rawValue, options: ItemKind.allCases.map { ($0.rawValue, $0.title) })
            select("skill", label: "Skill", selected: model.query.skill, options: model.skills.map { ($0.id, $0.name) })
            select("tier", label: "Tier", selected: model.query.tier.map(String.init), options: (1...4).map { (String($0), "Tier \($0)") })
            select(
                "difficulty", label: "Difficulty", selected: model.query.difficulty.map(String.init), options: [("1", "1 · warm-up"), ("2", "2 · core"), ("3", "3 · deep dive")])
            el("div", .class("actions")) {
                el("button", .type("submit")) { "Filter" }
                el("a", .href(SiteURL.questions.path)) { "Reset" }
            }
        }
    }

    private func select(_ name: String, label: String, selected: String?, options: [(String, String)]) -> Node {
        let error = model.errors[name]
        return el("div", .class(error == nil ? "field" : "field invalid")) {
            el("label", .init("for", name)) { label }
            el("select", .id(name), .name(name)) {
                el("option", .value("")) { "Any" }
                for (value, text) in options {
                    if value == selected { el("option", .value(value), .flag("selected")) { text } } else { el("option", .value(value)) { text } }
                }
            }
            if let error { el("p", .class("field-error"), .init("role", "alert")) { error } }
        }
    }

    private func results() -> Node {
        el("section", .aria("label", "Results")) {
            el("p", .class("count"), .init("role", "status")) {
                let what = model.total == 1 ? "1 item" : "\(model.total) items"
                if let text = model.query.text, !text.isEmpty, model.errors["q"] == nil { "\(what) for “\(text)”, most relevant first" } else { what }
                if let link = model.practiceLink {
                    " · "
                    el("a", .id("practise-these"), .href(link)) { "Practise these \(model.practisable)" }
                }
            }
            if model.rows.isEmpty {
                el("p") { "Nothing matches. Try fewer filters or other words." }
            }
            el("ol", .class("items"), .init("start", String((model.page - 1) * model.pageSize + 1))) {
                for row in model.rows {
                    el("li") {
                        el("a", .href(SiteURL.question(row.id).path + model.rowSuffix)) { row.title }
                        if let snippet = row.snippet {
                            el("p", .class("snippet")) {
                                for part in snippet {
                                    if part.marked { el("mark") { part.text } } else { part.text }
                                }
                            }
                        }
                        el("p", .class("meta")) {
                            el("span", .class("badge kind-\(row.kind.rawValue)")) { row.kind.title }
                            " \(row.skillName)"
                            if let tier = row.tier { " · tier \(tier)" }
                            " · difficulty \(row.difficulty)"
                        }
                    }
                }
            }
            if model.pageCount > 1 { pager() }
        }
    }

    private func pager() -> Node {
        el("nav", .class("pager"), .aria("label", "Pages")) {
            for page in 1...model.pageCount {
                if page == model.page {
                    el("span", .aria("current", "page")) { String(page) }
                } else {
                    el("a", .href(QuestionsURL.list(model.query, page: page))) { String(page) }
                }
            }
        }
    }
}

/// Builds list URLs from a query, so links and the form agree on parameter names.
enum QuestionsURL {
    static func list(_ query: ItemQuery, page: Int = 1) -> String {
        var parts: [(String, String)] = []
        func add(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            parts.append((name, value))
        }
        add("q", query.text)
        add("kind", query.kind?.rawValue)
        add("skill", query.skill)
        add("tier", query.tier.map(String.init))
        add("difficulty", query.difficulty.map(String.init))
        if page > 1 { add("page", String(page)) }
        return SiteURL.questions.link(query: parts)
    }
}
