import Foundation

/// Turns the record of what a person has done into a readiness report.
///
/// An area's score is a weighted mean of the ingredients that exist for it:
/// - memory (weight 0.5): the share of the area's questions the person would recall today:
///   FSRS retrievability of each studied card, 0 for a question never studied;
/// - plan (0.3): the share of the area's planned minutes ticked done;
/// - checklist (0.2): the share of the area's interview-ready and ready-if items answered "yes".
/// Weights of the ingredients present are scaled to add up to 1. No score is given unless at
/// least one ingredient shows activity.
public enum Readiness {
    static let weights: [String: Double] = ["memory": 0.5, "plan": 0.3, "checklist": 0.2]
    /// A studied card below this recall is one to review.
    static let fragileRecall = 0.8

    /// How much an area needs work: (100 − score) × tier weight × self-rating weight.
    static func need(_ area: ReadinessReport.Area, _ input: ReadinessInput) -> Double {
        let gap = Double(100 - (area.score ?? 0))
        let tier = [1: 1.5, 2: 1.25, 3: 1.0][area.tier ?? 0] ?? 0.8
        let rating = [1: 1.5, 2: 1.25, 4: 0.8, 5: 0.6][input.selfRatings[area.id] ?? 3] ?? 1.0
        return gap * tier * rating
    }

    public static func report(_ input: ReadinessInput) -> ReadinessReport {
        let readiness = input.checklists.filter { ReadinessInput.readinessChecklists.contains($0.id) }
        let flags = input.checklists.first { $0.id == ReadinessInput.redFlagChecklist }
        let checklistItems = readiness.flatMap { list in list.groups.flatMap { group in group.items.map { item(input, $0, list: list.id, group: group.title) } } }
        let redFlags = flags.map { list in list.groups.flatMap { group in group.items.map { item(input, $0, list: list.id, group: group.title) } } } ?? []

        var areas: [ReadinessReport.Area] = []
        for skill in input.taxonomy.skills where skill.parent == nil {
            // A child skill (Kubernetes for ML under Kubernetes) counts toward its parent's area.
            func inArea(_ id: String) -> Bool { id == skill.id || input.taxonomy[id]?.parent == skill.id }
            let questions = input.questions.filter { inArea($0.skill) }
            let tasks = input.plan?.filter { $0.skills.contains(where: inArea) }
            let listed = checklistItems.filter { $0.skills.contains(where: inArea) }
            guard !questions.isEmpty || !(tasks ?? []).isEmpty || !listed.isEmpty else { continue }
            let counts = input.retention.filter { inArea($0.skill) }
            let retention =
                counts.isEmpty ? nil : PracticeStats.SkillRetention(skill: skill.id, reviews: counts.reduce(0) { $0 + $1.reviews }, passed: counts.reduce(0) { $0 + $1.passed })
            areas.append(
                area(
                    id: skill.id, name: skill.name, tier: skill.tier, input: input, questions: questions, tasks: tasks,
                    listed: listed, retention: retention, missing: [], questionLink: "/questions?skill=\(skill.id)"))
        }

        let types = interviewTypes(input, checklistItems: checklistItems)
        let scored = types.compactMap(\.score)
        let overall = scored.isEmpty ? nil : Int((Double(types.map { $0.score ?? 0 }.reduce(0, +)) / Double(types.count)).rounded())
        // What to work on next: the gap in the evidence, weighed by how much the tier matters
        // and by the person's own rating (issue #13: a skill rated 1 of 5 comes before one
        // rated 4 with the same evidence).
        let weakest = areas.sorted { (-need($0, input), $0.name) < (-need($1, input), $1.name) }.prefix(3)
        return ReadinessReport(
            overall: overall,
            overallBasis: "The mean of the \(types.count) interview types' scores; a type with no evidence yet counts as 0.",
            areas: areas.sorted { ($0.tier ?? 9, $0.name) < ($1.tier ?? 9, $1.name) },
            interviewTypes: types, weakest: Array(weakest), checklists: checklistItems, redFlags: redFlags,
            notMeasured: [
                "Mock interview scores: the mock interview room is not built yet.",
                "STAR story coverage: the story workshop is not built yet.",
                "Labs passed: the lab simulator is not built yet; ticked hands-on plan tasks count instead.",
            ]
        )
    }

    static func item(_ input: ReadinessInput, _ item: Checklist.Item, list: String, group: String?) -> ReadinessReport.ChecklistItem {
        let linked = item.items.filter { id in input.questions.contains { $0.itemID == id } }
        let recall = linked.isEmpty ? nil : linked.reduce(0.0) { $0 + (input.memory[$1]?.recall ?? 0) } / Double(linked.count)
        return .init(id: item.id, checklist: list, group: group, text: item.text, answer: input.answers[item.id], skills: item.skills, items: item.items, recall: recall)
    }

    static func interviewTypes(_ input: ReadinessInput, checklistItems: [ReadinessReport.ChecklistItem]) -> [ReadinessReport.Area] {
        let kinds: [(ItemKind, String, [String])] = [
            (.technical, "Technical", ["Technical"]),
            (.systemDesign, "System design", []),
            (.troubleshooting, "Hands-on and troubleshooting", []),
            (.behavioral, "Behavioral", ["Behavioral"]),
        ]
        return kinds.map { kind, name, groups in
            let questions = input.questions.filter { $0.kind == kind }
            let ids = Set(questions.map(\.itemID))
            let tasks = input.plan?.filter { task in
                task.items.contains { ids.contains($0) } || (kind == .troubleshooting && task.kind == .handsOn) || (kind == .behavioral && task.kind == .behavioral)
            }
            let listed = checklistItems.filter { item in
                item.items.contains { ids.contains($0) } || (item.group.map { groups.contains($0) } ?? false)
            }
            var missing = ["Mock interview scores (not built yet)."]
            if kind == .behavioral { missing.append("STAR story coverage (the story workshop is not built yet).") }
            if kind == .troubleshooting { missing.append("Labs passed (the lab simulator is not built yet).") }
            return area(
                id: kind.rawValue, name: name, tier: nil, input: input, questions: questions, tasks: tasks, listed: listed,
                retention: nil, missing: missing, questionLink: "/questions?kind=\(kind.rawValue)")
        }
    }

    static func area(
        id: String, name: String, tier: Int?, input: ReadinessInput, questions: [ReadinessInput.Question], tasks: [ReadinessInput.PlanWork]?,
        listed: [ReadinessReport.ChecklistItem], retention: PracticeStats.SkillRetention?, missing: [String], questionLink: String
    ) -> ReadinessReport.Area {
        var parts: [(kind: String, value: Double, detail: String, active: Bool)] = []
        var missing = missing
        if !questions.isEmpty {
            let studied = questions.filter { input.memory[$0.itemID] != nil }
            let recall = questions.reduce(0.0) { $0 + (input.memory[$1.itemID]?.recall ?? 0) } / Double(questions.count)
            var detail =
                "\(studied.count) of \(questions.count) questions studied; you would recall about \(percent(recall)) of all \(questions.count) today (FSRS retrievability, unstudied counted as 0)"
            if let retention, let rate = retention.retention {
                detail += "; \(retention.passed) of \(retention.reviews) reviews passed (\(percent(rate)) true retention)"
            }
            parts.append(("memory", recall, detail + ".", !studied.isEmpty))
        }
        if let tasks, !tasks.isEmpty {
            let planned = tasks.reduce(0) { $0 + $1.minutes }
            let done = tasks.reduce(0) { $0 + min($1.minutesDone, $1.minutes) }
            let handsOn = tasks.filter { $0.kind == .handsOn || $0.kind == .build }
            var detail = "\(tasks.filter(\.done).count) of \(tasks.count) plan tasks done (\(done) of \(planned) planned minutes)"
            if !handsOn.isEmpty { detail += "; hands-on \(handsOn.filter(\.done).count) of \(handsOn.count)" }
            parts.append(("plan", planned > 0 ? Double(done) / Double(planned) : 0, detail + ".", done > 0))
        } else if tasks == nil {
            missing.append("Plan progress: there is no study plan yet.")
        }
        if !listed.isEmpty {
            let yes = listed.filter { $0.answer == .yes }.count
            let answered = listed.filter { $0.answer != nil }.count
            parts.append(("checklist", Double(yes) / Double(listed.count), "\(yes) of \(listed.count) checklist items ticked as things you can do (self-assessed).", answered > 0))
        }
        let total = parts.reduce(0.0) { $0 + (weights[$1.kind] ?? 0) }
        let evidence = parts.map { ReadinessReport.Evidence(kind: $0.kind, value: $0.value, weight: (weights[$0.kind] ?? 0) / total, detail: $0.detail) }
        let active = parts.contains { $0.active }
        let score = active ? Int((100 * evidence.reduce(0.0) { $0 + $1.value * $1.weight }).rounded()) : nil
        return ReadinessReport.Area(
            id: id, name: name, tier: tier, score: score, evidence: evidence, missing: missing,
            next: nextSteps(name: name, input: input, questions: questions, tasks: tasks, listed: listed, questionLink: questionLink))
    }

    /// What would raise the area most, in order: questions never studied, fragile cards,
    /// plan tasks that are due, then checklist items not yet ticked. At most three.
    static func nextSteps(
        name: String, input: ReadinessInput, questions: [ReadinessInput.Question], tasks: [ReadinessInput.PlanWork]?,
        listed: [ReadinessReport.ChecklistItem], questionLink: String
    ) -> [ReadinessReport.NextStep] {
        var steps: [ReadinessReport.NextStep] = []
        let unstudied = questions.filter { input.memory[$0.itemID] == nil }
        if !unstudied.isEmpty {
            steps.append(
                .init(
                    text: "Study the \(unstudied.count) \(name) question\(unstudied.count == 1 ? "" : "s") you have not practised, starting with “\(unstudied[0].title)”.",
                    link: questionLink))
        }
        let fragile = questions.filter { (input.memory[$0.itemID]?.recall ?? 1) < fragileRecall }
        if !fragile.isEmpty {
            steps.append(
                .init(
                    text: "Review \(fragile.count) \(name) card\(fragile.count == 1 ? "" : "s") you are likely to forget (recall under \(percent(fragileRecall))).",
                    link: "/practice"))
        }
        if let tasks {
            let open = tasks.filter { !$0.done }
            if let late = open.first(where: \.due) {
                steps.append(.init(text: "Catch up on the plan: \(late.text).", link: "/plan/tasks/\(late.taskID)"))
            } else if let next = open.first {
                steps.append(.init(text: "Next in your plan: \(next.text).", link: "/plan/tasks/\(next.taskID)"))
            }
        }
        if let item = listed.first(where: { $0.answer != .yes }) {
            steps.append(.init(text: "Check yourself: \(item.text).", link: "/readiness#\(item.id)"))
        }
        return Array(steps.prefix(3))
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded())) %" }
}
