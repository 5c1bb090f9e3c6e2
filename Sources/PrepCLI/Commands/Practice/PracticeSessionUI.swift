import ArgumentParser
import Foundation
import Logging
import PrepApp
import PrepContent
import PrepCore
import PrepStore

/// The interactive session: one card, reveal, grade, next.
struct PracticeSessionUI {
    let terminal: Terminal
    let catalog: ContentCatalog
    /// A set to practise instead of today's session (`--skill`, `--task`, `--search`).
    var focus: PracticeFocus?

    func run(serviceAt: () async throws -> PracticeService) async throws {
        let keys = RawKeys()
        keys.start()
        defer { keys.restore() }
        say(terminal.dim("Space reveal · t type an answer · 1 Again 2 Hard 3 Good 4 Easy · u undo · q quit"))
        var early = false
        while true {
            let service = try await serviceAt()
            var session: PracticeService.Session
            if let focus {
                let (focused, title, size) = try await service.session(focus: focus)
                session = focused
                guard !session.entries.isEmpty else {
                    let next = session.nextDue.map { "; its next card is due in \(IntervalText.between(service.now, $0))" } ?? ""
                    say("\n" + terminal.green("This set is done.") + " Nothing of \(title) (\(size) questions) is due or new now\(next).")
                    return
                }
            } else {
                session = try await service.session(early: early)
            }
            early = false
            guard let entry = session.entries.first else {
                let next = session.nextDue.map { IntervalText.between(service.now, $0) }
                if session.canReviewEarly, let next {
                    say("\n" + terminal.green("Nothing due right now.") + " The next card is due in \(next): it is in its learning steps.")
                    say("Press e to review it now, any other key to stop.")
                    if keys.next() == "e" {
                        early = true
                        continue
                    }
                    return
                }
                say("\n" + terminal.green("All done for today.") + (next.map { " The next card is due in \($0)." } ?? ""))
                if session.dueBeyondLimit > 0 { say("\(session.dueBeyondLimit) more are due beyond your daily review limit (Settings on the web page).") }
                return
            }
            let reviews = session.entries.filter { !$0.isNew }.count
            say("\n" + terminal.dim("── \(session.entries.count) left: \(reviews) review\(reviews == 1 ? "" : "s"), \(session.entries.count - reviews) new ──"))
            showPrompt(entry)
            var rubric: [Rubric.Match]?
            var ticks = Set<Int>()
            var revealed = false
            let shownAt = service.now
            let scheduler = try await service.scheduler()
            loop: while true {
                guard let key = keys.next() else { return }
                switch key {
                case " " where !revealed, "\n" where !revealed:
                    revealed = true
                    showAnswer(entry, rubric: rubric, ticks: ticks, service: service, scheduler: scheduler)
                case "t" where !revealed, "T" where !revealed:
                    say(terminal.bold("Type your answer; an empty line ends it:"))
                    let answer = keys.readParagraphs()
                    rubric = service.rubric(for: entry.item, answer: answer)
                    ticks = Set(rubric?.indices.filter { rubric?[$0].covered == true } ?? [])
                    revealed = true
                    showAnswer(entry, rubric: rubric, ticks: ticks, service: service, scheduler: scheduler)
                case "p" where revealed, "P" where revealed:
                    // p then the point's number ticks or unticks it by hand.
                    let points = PracticeService.rubricPoints(for: entry.item)
                    guard let digit = keys.next(), let number = Int(String(digit)), (1...points.count).contains(number) else {
                        say(terminal.dim("p then a point's number (1-\(points.count)) ticks or unticks it."))
                        continue
                    }
                    if !ticks.insert(number - 1).inserted { ticks.remove(number - 1) }
                    showPoints(entry, rubric: rubric, ticks: ticks)
                case "1", "2", "3", "4":
                    guard revealed else {
                        say(terminal.dim("Reveal the answer first (Space)."))
                        continue
                    }
                    let rating = Rating(rawValue: Int(String(key))!)!
                    let now = try await serviceAt()
                    let outcome = try await now.grade(
                        itemID: entry.item.id, rating: rating,
                        durationMs: Int((now.now.microseconds - shownAt.microseconds) / 1000),
                        rubricHits: ticks.count, rubricTotal: PracticeService.rubricPoints(for: entry.item).count
                    )
                    say(terminal.green("\(rating.name)") + ": next review in \(IntervalText.between(now.now, outcome.card.due)).")
                    break loop
                case "u", "U":
                    if let undone = try await serviceAt().undo() {
                        say(terminal.yellow("Undone: \(undone.rating.name) on '\(catalog[undone.itemID]?.title ?? undone.itemID)'."))
                    } else {
                        say("Nothing to undo.")
                    }
                    break loop
                case "q", "Q", "\u{04}", "\u{1B}":
                    say("Stopped. Graded cards are saved.")
                    return
                default:
                    continue
                }
            }
        }
    }

    private func showPrompt(_ entry: PracticeService.Entry) {
        let item = entry.item
        let skill = catalog.taxonomy[item.skill]?.name ?? item.skill
        let state = entry.card.map { $0.card.state == .review ? "review" : $0.card.state.name.lowercased() } ?? "new"
        say(terminal.dim("\(item.kind.title) · \(skill) · difficulty \(item.difficulty) · \(state) · \(item.id)"))
        say(terminal.bold(item.title))
        if !item.intro.isEmpty { say(TerminalMarkdown.render(item.intro, terminal: terminal)) }
        for part in item.promptSections { say("\n" + terminal.bold(part.heading) + "\n" + TerminalMarkdown.render(part.markdown, terminal: terminal)) }
        say(terminal.dim("\nAnswer out loud, then Space to reveal (or t to type it)."))
    }

    private func showAnswer(_ entry: PracticeService.Entry, rubric: [Rubric.Match]?, ticks: Set<Int>, service: PracticeService, scheduler: FSRS) {
        for part in entry.item.answerSections {
            say("\n" + terminal.bold(part.heading) + "\n" + TerminalMarkdown.render(part.markdown, terminal: terminal))
        }
        if entry.item.kind == .behavioral, !entry.item.keyPoints.isEmpty {
            say("\n" + terminal.bold("What this model story shows"))
            for point in entry.item.keyPoints { say("  - \(point)") }
        }
        showPoints(entry, rubric: rubric, ticks: ticks)
        let preview = service.preview(entry, scheduler: scheduler)
        let buttons = Rating.allCases.map { rating in
            "\(rating.rawValue) \(rating.name)" + (preview[rating].map { " (\(IntervalText.between(service.now, $0.due)))" } ?? "")
        }
        say(terminal.dim("Grade: ") + buttons.joined(separator: "  ") + terminal.dim("  · u undo · q quit"))
    }

    /// The checklist with what is ticked, why each typed-answer match counted, and the grade
    /// the ticks suggest; `p N` changes a tick.
    private func showPoints(_ entry: PracticeService.Entry, rubric: [Rubric.Match]?, ticks: Set<Int>) {
        let points = PracticeService.rubricPoints(for: entry.item)
        guard !points.isEmpty else { return }
        say("\n" + terminal.bold(entry.item.kind == .behavioral ? "What your story had" : "Key points") + terminal.dim("  (p then a number ticks or unticks)"))
        for (index, point) in points.enumerated() {
            let mark = ticks.contains(index) ? terminal.green("[x]") : "[ ]"
            var why = ""
            if let match = rubric?[index] {
                if !match.matched.isEmpty { why += "matched: \(match.matched.joined(separator: ", "))" }
                if !match.ignored.isEmpty { why += (why.isEmpty ? "" : "; ") + "not counted, in the question: \(match.ignored.joined(separator: ", "))" }
                if !match.covered, entry.item.kind == .behavioral, let missing = match.missing.first { why += (why.isEmpty ? "" : "; ") + missing }
            }
            say("  \(mark) \(index + 1). \(point)" + (why.isEmpty ? "" : terminal.dim("  (\(why))")))
        }
        let suggested = Rubric.suggestedRating(covered: ticks.count, total: points.count)
        say(terminal.bold("Suggested: \(suggested.name)") + " (\(ticks.count) of \(points.count) ticked)")
    }

    private func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8))
    }
}
