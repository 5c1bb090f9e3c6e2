import PrepApp
import PrepCore
import PrepStore

/// `/readiness`: the honest view. Every score shows the evidence it came from; areas with
/// nothing done say so instead of showing a number.
struct ReadinessPage {
    let model: ReadinessPageModel

    private var report: ReadinessReport { model.report }
    private var history: [ReadinessSnapshot] { model.history }

    func render() -> String {
        Layout.page(title: "Readiness", current: .readiness) {
            el("h1") { "Readiness" }
            el("p", .class("lede")) {
                if let overall = report.overall {
                    el("strong", .class("big-score")) { "\(overall)" }
                    " of 100 overall. "
                } else {
                    "No readiness score yet: nothing has been practised, ticked or answered. "
                }
                report.overallBasis
            }
            // The summary and the next steps first; the chart and the evidence follow.
            weakest()
            overTime()
            el("h2") { "Interview types" }
            areaTable(report.interviewTypes, caption: "Score per interview type, with its evidence")
            el("h2") { "Skill areas" }
            areaTable(report.areas, caption: "Score per skill area, with its evidence")
            el("h2", .id("checklists")) { "Checklists" }
            el("p", .class("hint")) {
                "Your own answers, beside the measured recall of the questions each item links to. A tick counts 20 % of an area's score at most; what you recall counts more."
            }
            for id in ReadinessInput.readinessChecklists {
                let items = report.checklists.filter { $0.checklist == id }
                if !items.isEmpty {
                    el("h3") { model.checklistTitle(id) + " (\(items.filter { $0.answer == .yes }.count) of \(items.count))" }
                    checklist(items, yes: "Yes, I can", no: "Not yet")
                }
            }
            el("h2", .id("red-flags")) { "Red-flag self-audit" }
            let present = report.redFlags.filter { $0.answer == .yes }.count
            let audited = report.redFlags.filter { $0.answer != nil }.count
            el("p", .class("hint")) {
                "After each mock or real interview, ask yourself honestly. \(audited) of \(report.redFlags.count) checked"
                present > 0 ? "; \(present) showed up: work on those first." : "."
            }
            checklist(report.redFlags, yes: "This was me", no: "Not me")
            el("h2") { "Not measured yet" }
            el("ul", .class("notes")) { for line in report.notMeasured { el("li") { line } } }
        }
    }

    private func overTime() -> Node {
        el("section") {
            el("h2") { "Readiness over time" }
            if history.count < 2 {
                el("p", .class("hint")) {
                    "A point is kept for each day you open this page or run "
                    el("code") { "infraprep ready" }
                    "; the chart appears from the second day."
                }
            } else {
                let points = history.suffix(60).map { (label: String($0.day.dropFirst(5)), value: $0.overall) }
                SVGChart.line(
                    points, title: "Overall readiness by day",
                    description: "Overall readiness score (0 to 100) on each day it was measured, from \(history.first?.day ?? "") to \(history.last?.day ?? ""), "
                        + "with the target of \(ReadinessProjection.target)"
                        + (model.projection.map { " and the trend carried to the interview, about \($0.projected)" } ?? "") + ".",
                    target: ReadinessProjection.target,
                    projection: model.projection.map { (label: String($0.interviewDay.text.dropFirst(5)), value: $0.projected) })
                if let projection = model.projection { el("p", .id("projection")) { projection.sentence } }
                el("details", .class("numbers")) {
                    el("summary") { "The numbers" }
                    el("table", .class("data")) {
                        el("thead") {
                            el("tr") {
                                el("th") { "Day" }
                                el("th") { "Overall" }
                            }
                        }
                        el("tbody") {
                            for point in history.suffix(60) {
                                el("tr") {
                                    el("td") { point.day }
                                    el("td") { point.overall.map(String.init) ?? "no evidence" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private func weakest() -> Node {
        el("section", .class("weakest")) {
            el("h2") { "Work on these next" }
            el("ol", .class("weakest-list")) {
                for area in report.weakest {
                    el("li") {
                        el("strong") { area.name }
                        " · "
                        score(area.score)
                        el("ul") {
                            for step in area.next { el("li") { safeLink(to: step.link, text: step.text) } }
                            if model.practisableSkills.contains(area.id) {
                                el("li") {
                                    el("a", .class("practise-area"), .href(SiteURL.practice.link(query: PracticeFocus.questions(ItemQuery(skill: area.id)).queryItems))) {
                                        "Practise \(area.name) now: its due and new questions together"
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private func score(_ value: Int?) -> Node {
        if let value { return el("span", .class("score")) { "\(value) / 100" } }
        return el("span", .class("score none")) { "no evidence yet" }
    }

    private func areaTable(_ areas: [ReadinessReport.Area], caption: String) -> Node {
        el("table", .class("data readiness")) {
            el("caption") { caption }
            el("thead") {
                el("tr") {
                    el("th", .init("scope", "col")) { "Area" }
                    el("th", .init("scope", "col")) { "Score" }
                    el("th", .init("scope", "col")) { "Evidence" }
                }
            }
            el("tbody") {
                for area in areas {
                    el("tr", .id("area-\(area.id)")) {
                        el("th", .init("scope", "row")) {
                            area.name
                            if let tier = area.tier { el("span", .class("hint")) { " · tier \(tier)" } }
                        }
                        el("td") {
                            score(area.score)
                            if let value = area.score {
                                el("span", .class("meter"), .aria("hidden", "true")) { el("span", .init("style", "width: \(value)%")) }
                            }
                        }
                        el("td") {
                            el("ul", .class("evidence")) {
                                for evidence in area.evidence {
                                    el("li") {
                                        el("span", .class("badge")) { "\(evidence.kind) · \(Int((evidence.weight * 100).rounded())) %" }
                                        " \(evidence.detail)"
                                    }
                                }
                                for line in area.missing { el("li", .class("hint")) { line } }
                            }
                        }
                    }
                }
            }
        }
    }

    private func checklist(_ items: [ReadinessReport.ChecklistItem], yes: String, no: String) -> Node {
        el("ul", .class("checklist")) {
            for item in items {
                el("li", .id(item.id), .class("check \(item.answer?.rawValue ?? "open")")) {
                    el("span", .class("check-text")) {
                        if let group = item.group {
                            el("span", .class("badge")) { group }
                            " "
                        }
                        item.text
                    }
                    if let recall = item.recall {
                        el("span", .class("hint")) { " · its questions: you would recall about \(Int((recall * 100).rounded())) %" }
                    }
                    if let first = item.items.first, let title = model.itemTitles[first] {
                        el("span", .class("hint")) {
                            " · "
                            el("a", .href(SiteURL.question(first).path)) { title }
                        }
                    }
                    el("form", .init("method", "post"), .init("action", SiteURL.readinessAnswers.path), .class("inline answer")) {
                        el("input", .type("hidden"), .name("item_id"), .value(item.id))
                        for (value, label) in [("yes", yes), ("no", no)] {
                            let chosen = item.answer?.rawValue == value
                            el(
                                "button",
                                attributes: [
                                    .type("submit"), .name("answer"), .value(chosen ? "clear" : value), .class(chosen ? "small chosen" : "small"),
                                    .aria("pressed", chosen ? "true" : "false"), .aria("label", "\(label): \(item.text)"),
                                ]
                            ) { label }
                        }
                    }
                }
            }
        }
    }
}
