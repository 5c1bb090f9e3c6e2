import Foundation
import PrepContent
import Testing

@testable import PrepApp
@testable import PrepCore
@testable import PrepStore
@testable import PrepWeb

/// Every view rendered from models whose user- and content-supplied text is hostile: no
/// script but the page's own files, no attribute broken open by a quote, and no
/// `javascript:` link, whatever the text. The escaping happens in one place
/// (`Node+Render.swift` through `HTMLEscape`); lab notes go through `HTMLAllowlist`.
@Suite struct HostileTextTests {
    /// Each of the brief's hostile strings, in one value so every field gets them all.
    static let evil = #""><script>alert(1)</script> 'single' "double" </svg><script>x</script> &amp;"#
    static let link = "javascript:alert(1)"
    static let notes = """
        # \(evil)

        \(evil) <img src=x onerror=alert(1)> [click](\(link)) [click2](JaVaScRiPt&#58;alert(1)) <a href="\(link)">a</a>

        `\(evil)`

        ```
        \(evil)
        ```
        """

    @Test func noViewLetsHostileTextThrough() throws {
        for (name, html) in try Self.pages() {
            let problems = Self.problems(in: html)
            #expect(problems.isEmpty, "\(name): \(problems.joined(separator: "\n"))")
            // The planned page takes no text at all.
            if name != "Planned" { #expect(html.contains("&amp;amp;"), "\(name): the text '&amp;' is shown as typed, not as an entity") }
        }
    }

    /// The checker itself finds what it looks for, so a pass means something.
    @Test func theCheckerCatchesEachKindOfBreak() {
        #expect(!Self.problems(in: #"<p>x</p><script>alert(1)</script>"#).isEmpty)
        #expect(!Self.problems(in: #"<input value="'single' "double"">"#).isEmpty)
        #expect(!Self.problems(in: #"<a href=" JavaScript&#58;alert(1)">x</a>"#).isEmpty)
        #expect(!Self.problems(in: #"<p>a < b</p>"#).isEmpty)
        #expect(Self.problems(in: #"<script src="/static/practice.js?v=1" defer></script><p>&lt;script&gt; &quot;</p>"#).isEmpty)
    }

    // MARK: The pages

    static func pages() throws -> [(String, String)] {
        let item = hostileItem()
        let entries = hostileEntries()
        let skill = Skill(id: evil, name: evil, tier: 1, postingShare: nil)
        let names = [evil: evil]
        var form = PlanForm(start: evil, hoursPerDay: evil, daysPerWeek: evil, interviewDate: evil, ratings: [evil: evil], replace: true)
        form.ratings[evil] = evil
        let errors = [
            "start": evil, "hours_per_day": evil, "days_per_week": evil, "interview_date": evil, "replace": evil, "skill_ratings.\(evil)": evil,
        ]
        let day = PlanService.Day(
            date: evil, tasks: entries, missed: entries, minutesPlanned: 30, week: 1, weeks: 8, doneInPlan: 1, tasksInPlan: 2,
            thisWeek: .init(week: 1, start: evil, plannedMinutes: 90, tickedMinutes: 30, practiceMinutes: 5), interviewDate: evil, daysToInterview: 3)
        let plan = StudyPlan(
            settings: PlanSettings(start: evil, interviewDate: evil), end: evil, weeks: 8, tasks: entries.map(\.task), notes: [evil], minutesByTier: [:], dropped: [])
        let weeks = [PlanProgress.Week(week: 1, start: evil, plannedMinutes: 90, tickedMinutes: 30, practiceMinutes: 5)]
        var noted = entries
        noted[0].progress = TaskProgress(taskID: evil, done: nil, movedTo: evil, notes: notes)

        let practice = PracticePageModel(
            entry: .init(item: item, card: nil), remaining: 1, reviewsLeft: 0, newLeft: 1, reviewsDone: 0, newDone: 0, dueBeyondLimit: 1, nextDue: evil,
            revealed: true, answer: evil, rubric: item.keyPoints.map { .init(keyPoint: $0, covered: true, matched: [evil], missing: [evil]) },
            buttons: Rating.allCases.map { .init(rating: $0, interval: evil) }, clientReviewID: evil, shownAt: evil, flash: .init(text: evil, undo: true),
            promptHTML: [(evil, MarkdownHTML.render(item.intro))], answerHTML: item.sections.map { ($0.heading, MarkdownHTML.render($0.markdown)) },
            skillName: evil)
        var practiceDone = practice
        practiceDone.entry = nil
        practiceDone.nextDue = nil

        let days = (0..<30).map { PracticeStats.Day(date: "\(evil)-\($0)", count: $0 % 4) }
        let stats = PracticeStats(
            timeZone: evil, reviewsPerDay: days, forecast: days, retentionBySkill: [.init(skill: evil, reviews: 4, passed: 3)], trueRetention: 0.75,
            cardsStudied: 3, reviewsTotal: 4, dueNow: 1, streakDays: 2)

        let gpu = GPUSpec(
            id: evil, name: evil, vendor: evil, memoryGiB: 80, memoryBandwidthGBs: 3350, tflops: ["bf16": 989], pricePerHourUSD: 3, priceURL: link,
            priceAsOf: evil, specURL: link)
        let model = ModelSpec(
            id: evil, name: evil, params: 8e9, layers: 32, hiddenSize: 4096, attentionHeads: 32, kvHeads: 8, headDim: 128, vocabSize: 128_256, context: 8192,
            sourceURL: link)
        let outcome = CalcOutcome(
            calculator: .train, inputs: [:], results: ["total_flops": .number(1e23), "gpu_hours": .text(evil)],
            steps: [CalcStep(evil, formula: evil, substitution: evil, result: evil, check: evil)])
        let calcFields = Dictionary(uniqueKeysWithValues: CalcKind.train.fields.map { ($0, evil) })

        let area = ReadinessReport.Area(
            id: evil, name: evil, tier: 1, score: 40, evidence: [.init(kind: evil, value: 0.4, weight: 1, detail: evil)], missing: [evil],
            next: [.init(text: evil, link: link)])
        let check = ReadinessReport.ChecklistItem(
            id: evil, checklist: ReadinessInput.readinessChecklists[0], group: evil, text: evil, answer: .yes, skills: [evil], items: [evil], recall: 0.5)
        var flag = check
        flag.checklist = ReadinessInput.redFlagChecklist
        let report = ReadinessReport(
            overall: 40, overallBasis: evil, areas: [area], interviewTypes: [area], weakest: [area], checklists: [check], redFlags: [flag], notMeasured: [evil])
        let history = (0..<3).map { ReadinessSnapshot(day: "\(evil)\($0)", overall: $0 == 1 ? nil : 30 + $0, areas: [:]) }

        var settings = SettingsPageModel(
            displayName: evil, timeZone: evil, practice: .init(newPerDay: evil, reviewsPerDay: evil, desiredRetention: evil),
            errors: ["displayName": evil, "timeZone": evil, "new_per_day": evil, "reviews_per_day": evil, "desired_retention": evil, "calendar_at": evil],
            about: [(evil, evil)], calendar: .init(existsSince: evil, hasPlan: true, at: evil, newLink: evil, revoked: true), timeZones: [evil])
        settings.saved = true

        return [
            (
                "Today without a plan",
                TodayPage(model: .init(day: nil, reviewsWaiting: 1, newWaiting: 1, streakDays: 1, form: form, errors: errors, flash: evil, skills: [skill])).render()
            ),
            ("Today with a plan", TodayPage(model: .init(day: day, reviewsWaiting: 1, newWaiting: 1, streakDays: 1, form: form, flash: evil, skills: [skill])).render()),
            (
                "Plan",
                PlanPage(model: .init(plan: plan, entries: entries, skillNames: names, form: form, errors: errors, skills: [skill], flash: evil, weeks: weeks)).render()
            ),
            ("Plan task", PlanTaskPage(model: .make(parts: noted, today: evil, itemTitles: [evil: evil], saved: true)).render()),
            ("Plan task refused", PlanTaskPage(model: .make(parts: noted, today: evil, itemTitles: [evil: evil], draft: evil, error: evil)).render()),
            ("Practice", PracticePage(model: practice).render()),
            ("Practice done", PracticePage(model: practiceDone).render()),
            ("Stats", StatsPage(model: .init(stats: stats, skillNames: names)).render()),
            (
                "Questions",
                QuestionsPage(
                    model: .init(
                        query: ItemQuery(skill: evil, text: evil), rows: [.init(id: evil, title: evil, kind: .technical, skillName: evil, tier: 1, difficulty: 1)],
                        total: 120, page: 2, pageSize: 50, countsByKind: [(.technical, 1)], skills: [.init(id: evil, name: evil, tier: 1)],
                        errors: ["kind": evil, "skill": evil, "tier": evil, "difficulty": evil])
                ).render()
            ),
            (
                "Item",
                ItemPage(
                    model: .make(item: item, skillName: evil, tier: 1, related: [.init(id: evil, title: evil)], html: { MarkdownHTML.render($0) })
                ).render()
            ),
            ("Cheat sheets", CheatSheetsPage(model: .init(sheets: [.init(id: evil, title: evil)])).render()),
            ("Calculators", CalculatorsIndexPage(model: .init(gpus: [gpu], models: [model])).render()),
            (
                "Calculator",
                CalculatorPage(model: .init(kind: .train, models: [.init(id: evil, name: evil)], gpus: [.init(id: evil, name: evil)], fields: calcFields, outcome: outcome))
                    .render()
            ),
            (
                "Calculator refused",
                CalculatorPage(
                    model: .init(kind: .train, models: [], gpus: [], fields: calcFields, error: CalcError(field: "params", problem: evil, fix: evil))
                ).render()
            ),
            ("Readiness", ReadinessPage(model: .init(report: report, history: history, itemTitles: [evil: evil], checklistTitles: [check.checklist: evil])).render()),
            ("Settings", SettingsPage(model: settings).render()),
            ("Planned", PlannedPage(model: .init(section: .labs)).render()),
            ("Error", ErrorPage(model: .init(code: 404, reason: evil, detail: evil, path: evil)).render()),
        ]
    }

    /// An item whose every text field is hostile. Its Markdown bodies are the content's own
    /// HTML (trusted, like the bundled bank), so the hostile text goes in their code.
    static func hostileItem() -> ContentItem {
        ContentItem(
            id: evil, kind: .technical, title: evil, skill: evil, difficulty: 2, tags: [evil, evil], keyPoints: [evil, evil], followUps: [evil],
            sources: [.init(title: evil, url: link), .init(title: evil, url: " JaVaScRiPt:alert(1)")], related: [evil],
            intro: "`\(evil)`", sections: [.init(heading: evil, markdown: "```\n\(evil)\n```", line: 1)])
    }

    static func hostileEntries() -> [PlanService.Entry] {
        let task = PlannedTask(
            id: evil, taskID: evil, part: 1, parts: 2, date: evil, week: 1, curriculumWeek: 1, phase: evil, kind: .handsOn, text: evil, minutes: 30,
            skills: [evil], items: [evil])
        var second = task
        second.part = 2
        return [
            .init(task: task, progress: TaskProgress(taskID: evil, done: nil, movedTo: evil, notes: evil), date: evil, done: false),
            .init(task: second, progress: nil, date: evil, done: true),
        ]
    }

    // MARK: The checks

    /// What is wrong with a page: a script that is not one of ours, a tag that does not
    /// parse (a quote or bracket broke out of its attribute or text), a `javascript:` link.
    static func problems(in html: String) -> [String] {
        var problems: [String] = []
        let scalars = Array(html.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "<" else {
                index += 1
                continue
            }
            switch parseTag(scalars, from: index) {
            case .none:
                problems.append("a '<' that starts no tag: \(context(scalars, index))")
                index += 1
            case .some(let tag):
                if tag.name.lowercased() == "script", !tag.closing {
                    let src = tag.attributes.first { $0.name == "src" }?.value ?? ""
                    if !src.hasPrefix("/static/") { problems.append("a script that is not ours: \(context(scalars, index))") }
                }
                for attribute in tag.attributes where ["href", "src", "action", "formaction"].contains(attribute.name.lowercased()) {
                    if isScriptURL(attribute.value ?? "") { problems.append("a script URL in \(attribute.name): \(context(scalars, index))") }
                }
                index = tag.end
            }
        }
        return problems
    }

    struct Tag {
        var name: String
        var closing: Bool
        var attributes: [(name: String, value: String?)]
        var end: Int
    }

    /// A tag as the renderer writes them: `<name attr attr="value">`, values double-quoted
    /// and free of `"` and `<`. Nil for anything else.
    static func parseTag(_ s: [Unicode.Scalar], from start: Int) -> Tag? {
        var i = start + 1
        if String(String.UnicodeScalarView(s[i..<min(s.count, i + 14)])) == "!DOCTYPE html>" { return Tag(name: "!doctype", closing: false, attributes: [], end: i + 14) }
        var tag = Tag(name: "", closing: false, attributes: [], end: start)
        if i < s.count, s[i] == "/" {
            tag.closing = true
            i += 1
        }
        func isNameStart(_ c: Unicode.Scalar) -> Bool { (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        func isName(_ c: Unicode.Scalar) -> Bool { isNameStart(c) || (c >= "0" && c <= "9") || c == "-" || c == "_" || c == ":" || c == "." }
        guard i < s.count, isNameStart(s[i]) else { return nil }
        while i < s.count, isName(s[i]) {
            tag.name.unicodeScalars.append(s[i])
            i += 1
        }
        while i < s.count {
            let space = s[i] == " " || s[i] == "\n" || s[i] == "\t"
            if s[i] == ">" {
                tag.end = i + 1
                return tag
            }
            if s[i] == "/", i + 1 < s.count, s[i + 1] == ">" {
                tag.end = i + 2
                return tag
            }
            guard space else { return nil }
            while i < s.count, s[i] == " " || s[i] == "\n" || s[i] == "\t" { i += 1 }
            guard i < s.count else { return nil }
            if s[i] == ">" || s[i] == "/" { continue }
            guard isNameStart(s[i]), !tag.closing else { return nil }
            var name = ""
            while i < s.count, isName(s[i]) {
                name.unicodeScalars.append(s[i])
                i += 1
            }
            var value: String?
            if i < s.count, s[i] == "=" {
                guard i + 1 < s.count, s[i + 1] == "\"" else { return nil }
                i += 2
                var text = ""
                while i < s.count, s[i] != "\"" {
                    if s[i] == "<" { return nil }
                    text.unicodeScalars.append(s[i])
                    i += 1
                }
                guard i < s.count else { return nil }
                i += 1
                value = text
            }
            tag.attributes.append((name, value))
        }
        return nil
    }

    /// Whether a browser would run the URL: entities decoded, blanks and controls dropped.
    static func isScriptURL(_ raw: String) -> Bool {
        var text = raw
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&#58;", ":"), ("&colon;", ":"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character, options: .caseInsensitive)
        }
        let compact = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7f })).lowercased()
        return compact.hasPrefix("javascript:") || compact.hasPrefix("vbscript:") || compact.hasPrefix("data:")
    }

    static func context(_ s: [Unicode.Scalar], _ index: Int) -> String {
        String(String.UnicodeScalarView(s[max(0, index - 40)..<min(s.count, index + 60)]))
    }
}
