import PrepApp
import PrepContent
import PrepCore

struct PracticePage {
    let model: PracticePageModel

    func render() -> String {
        Layout.page(title: "Practice", current: .practice, scripts: [.practiceScript]) {
            el("h1") { "Practice" }
            progress()
            if let flash = model.flash {
                el("div", .class("flash ok practice-flash"), .init("role", "status")) {
                    el("span") { flash.text }
                    if flash.undo { undoForm(label: "Undo") }
                }
            }
            if let entry = model.entry {
                card(entry)
            } else {
                done()
            }
        }
    }

    private func progress() -> Node {
        if let focus = model.focus {
            return el("p", .class("progress focus"), .id("progress")) {
                "Practising \(focus.title): \(model.remaining) left of \(focus.size) · "
                el("a", .href(SiteURL.practice.path)) { "Back to today's practice" }
            }
        }
        return el("p", .class("progress"), .id("progress")) {
            if model.remaining > 0 {
                "\(model.remaining) left today: \(model.reviewsLeft) review\(model.reviewsLeft == 1 ? "" : "s"), \(model.newLeft) new"
            } else {
                "Nothing left for today"
            }
            " · done today: \(model.reviewsDone) review\(model.reviewsDone == 1 ? "" : "s"), \(model.newDone) new · "
            el("a", .href(SiteURL.practiceStats.path)) { "Statistics" }
            " · "
            el("a", .href(SiteURL.settings.link(fragment: "practice"))) { "Daily limits" }
        }
    }

    private func done() -> Node {
        if let focus = model.focus {
            return el("section", .class("notice done")) {
                el("h2") { "This set is done" }
                el("p") {
                    "Nothing of \(focus.title) is due or new now"
                    if let next = model.nextDue { "; its next card is due in \(next)" }
                    "."
                }
                el("p") { el("a", .href(SiteURL.practice.path)) { "Back to today's practice" } }
                undoForm(label: "Undo the last grade")
            }
        }
        return el("section", .class("notice done")) {
            el("h2") { model.canReviewEarly ? "Nothing due right now" : "All done for today" }
            if model.dueBeyondLimit > 0 {
                el("p") {
                    "\(model.dueBeyondLimit) more card\(model.dueBeyondLimit == 1 ? " is" : "s are") due beyond your daily review limit; raise the limit in Settings to see them today."
                }
            }
            if let next = model.nextDue {
                el("p", .id("next-due")) {
                    "The next card is due in \(next)"
                    if model.canReviewEarly {
                        ": it is in its learning steps. "
                        el("a", .id("review-early"), .href(SiteURL.practice.link(query: [("early", "1")]))) { "Review it now" }
                        " or come back then."
                    } else {
                        "."
                    }
                }
            } else {
                el("p") { "No cards are waiting. New questions come each day, as many as your daily limit allows." }
            }
            el("p") {
                el("a", .href(SiteURL.practiceStats.path)) { "See your statistics" }
                " or browse "
                el("a", .href(SiteURL.questions.path)) { "the question bank" }
                "."
            }
            undoForm(label: "Undo the last grade")
        }
    }

    private func card(_ entry: PracticeService.Entry) -> Node {
        let item = entry.item
        return el("article", .class("practice-card"), .data("item", item.id)) {
            el("p", .class("meta")) {
                el("span", .class("badge kind-\(item.kind.rawValue)")) { item.kind.title }
                " \(model.skillName) · difficulty \(item.difficulty) · "
                if let card = entry.card {
                    el("span", .class("state")) { card.card.state == .review ? "Review" : card.card.state.name }
                } else {
                    el("span", .class("state new")) { "New" }
                }
                " · "
                el("a", .href(SiteURL.question(item.id).path)) { "open in the bank" }
            }
            el("h2", .class("prompt-title")) { item.title }
            for part in model.promptHTML {
                if let heading = part.heading { el("h3") { heading } }
                Node.raw(part.html)
            }
            if !model.revealed { answerFirst(item) }
            revealed(item)
        }
    }

    /// Try first: answer aloud (then Space) or type it and have the key points checked.
    private func answerFirst(_ item: ContentItem) -> Node {
        el("div", .class("try"), .id("try")) {
            el("p", .class("hint")) { "Answer out loud first, as you would in the interview, then reveal." }
            el("p") {
                el("a", .class("button primary"), .id("reveal"), .href(SiteURL.practice.link(query: (model.focus?.items ?? []) + [("reveal", "1")]))) {
                    "Show answer "
                    el("kbd") { "Space" }
                }
            }
            el("details", .class("type-answer")) {
                el("summary") {
                    "Or type your answer and check it against the key points "
                    el("kbd") { "t" }
                }
                el("form", .init("method", "post"), .init("action", SiteURL.practiceCheck.path), .class("stack")) {
                    el("input", .type("hidden"), .name("item_id"), .value(item.id))
                    el("input", .type("hidden"), .name("shown_at"), .value(model.shownAt))
                    focusField()
                    el("label", .init("for", "answer")) { "Your answer" }
                    el("textarea", .id("answer"), .name("answer"), .init("rows", "8"), .init("spellcheck", "true")) { model.answer ?? "" }
                    el("button", .type("submit")) { "Check my answer" }
                    el("span", .class("hint")) {
                        " "
                        el("kbd") { "Ctrl" }
                        "+"
                        el("kbd") { "Enter" }
                    }
                }
            }
        }
    }

    private func revealed(_ item: ContentItem) -> Node {
        var attributes: [Attribute] = [.class("answer"), .id("answer-section"), .aria("label", "Answer")]
        if !model.revealed { attributes.append(.flag("hidden")) }
        // The key points and the grade bar first, the model answer under them: the card
        // fits the screen once revealed (issue #13: the key points sat screens below).
        return el(
            "section", attributes: attributes,
            children: [
                gradeForm(item),
                el("h3", .class("model-answer-title")) { "Model answer" },
                .group(
                    model.answerHTML.map { part in
                        el("section", .class("model-answer")) {
                            el("h4") { part.heading }
                            Node.raw(part.html)
                        }
                    }),
                item.kind == .behavioral && !item.keyPoints.isEmpty
                    ? el("section", .class("model-answer")) {
                        el("h4") { "What this model story shows" }
                        el("ul") { for point in item.keyPoints { el("li") { point } } }
                    } : .empty,
                item.followUps.isEmpty
                    ? .empty
                    : el("section", .class("follow-ups")) {
                        el("h3") { "Follow-up questions" }
                        el("ul") { for question in item.followUps { el("li") { question } } }
                    },
            ])
    }

    private func gradeForm(_ item: ContentItem) -> Node {
        let suggested = model.suggested
        return el("form", .init("method", "post"), .init("action", SiteURL.practiceReview.path), .class("grade-form"), .id("grade-form")) {
            el("input", .type("hidden"), .name("item_id"), .value(item.id))
            el("input", .type("hidden"), .name("client_review_id"), .value(model.clientReviewID))
            el("input", .type("hidden"), .name("shown_at"), .value(model.shownAt))
            focusField()
            if let answer = model.answer, !answer.isEmpty {
                el("section", .class("your-answer")) {
                    el("h3") { "Your answer" }
                    el("blockquote") { answer }
                }
            }
            let points = PracticeService.rubricPoints(for: item)
            if !points.isEmpty {
                el("fieldset", .class("rubric"), .id("rubric")) {
                    el("legend") { item.kind == .behavioral ? "Tick what your story had" : "Tick the key points your answer covered" }
                    el("p", .class("hint keys")) {
                        el("kbd") { "j" }
                        "/"
                        el("kbd") { "k" }
                        " move, "
                        el("kbd") { "x" }
                        " ticks, "
                        el("kbd") { "Alt" }
                        "+"
                        el("kbd") { "1-9" }
                        " ticks point N"
                    }
                    for (index, point) in points.enumerated() {
                        rubricRow(index: index, point: point, match: model.rubric.map { $0[index] })
                    }
                }
            }
            el("p", .class("suggestion"), .id("suggestion"), .init("aria-live", "polite")) {
                if let suggested, let rubric = model.rubric {
                    "Suggested grade: \(suggested.name) (\(rubric.filter(\.covered).count) of \(rubric.count) key points). Grade as you judge it."
                } else {
                    "Tick what you covered; the share suggests a grade. Grade as you judge it."
                }
            }
            el("div", .class("grades"), .id("grade-bar"), .init("role", "group"), .aria("label", "Grade")) {
                for button in model.buttons {
                    let classes = "grade \(button.rating.name.lowercased())" + (button.rating == suggested ? " suggested" : "")
                    el("button", .type("submit"), .name("rating"), .value(String(button.rating.rawValue)), .class(classes), .data("key", String(button.rating.rawValue))) {
                        el("span", .class("label")) { button.rating.name }
                        el("span", .class("interval")) { button.interval }
                        el("kbd") { String(button.rating.rawValue) }
                    }
                }
            }
        }
    }

    private func rubricRow(index: Int, point: String, match: Rubric.Match?) -> Node {
        var input: [Attribute] = [.type("checkbox"), .name("hits[]"), .value(String(index)), .id("hit-\(index)")]
        if match?.covered == true { input.append(.flag("checked")) }
        return el("div", .class("rubric-row")) {
            el("input", attributes: input)
            el("label", .init("for", "hit-\(index)")) {
                point
                if let match, !match.matched.isEmpty {
                    el("small", .class("matched")) { " matched: " + match.matched.joined(separator: ", ") }
                }
            }
        }
    }

    /// The set being practised, carried by every form so the answer stays in it.
    private func focusField() -> Node {
        guard let focus = model.focus else { return .empty }
        return el("input", .type("hidden"), .name("focus"), .value(focus.query))
    }

    private func undoForm(label: String) -> Node {
        el("form", .init("method", "post"), .init("action", SiteURL.practiceUndo.path), .class("inline"), .id("undo-form")) {
            focusField()
            el("button", .type("submit"), .class("link")) {
                "\(label) "
                el("kbd") { "U" }
            }
        }
    }
}
