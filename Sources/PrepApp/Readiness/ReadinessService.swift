import FluentKit
import Foundation
import PrepContent
import PrepCore
import PrepStore

/// Readiness as the page, the API and `infraprep ready` share it: the evidence gathered from
/// practice, the plan and the checklists, scored by `Readiness`, and kept once a day for
/// the chart of readiness over time.
public struct ReadinessService: PersonService {
    public let context: ServiceContext

    public init(_ context: ServiceContext) {
        self.context = context
    }

    public enum Failure: UserFacingError, Equatable {
        case unknownItem(String, suggestions: [String])

        public var problem: String {
            switch self {
            case let .unknownItem(id, _): "no readiness checklist item or red flag has the id '\(id)'"
            }
        }
        public var fix: String {
            switch self {
            case let .unknownItem(_, suggestions):
                suggestions.isEmpty ? "`infraprep ready --json` lists the ids" : "did you mean \(suggestions.joined(separator: ", "))?"
            }
        }
    }

    /// The checklists readiness reads: interview-ready, ready-if and the red flags.
    public var checklists: [Checklist] {
        context.catalog.checklists.filter { ReadinessInput.readinessChecklists.contains($0.id) || $0.id == ReadinessInput.redFlagChecklist }
    }

    public func input() async throws -> ReadinessInput {
        let catalog = context.catalog
        let questions = catalog.items.filter { DailySession.practisedKinds.contains($0.kind) }
            .map { ReadinessInput.Question(itemID: $0.id, skill: $0.skill, kind: $0.kind, title: $0.title) }
        let scheduler = try await context.practice.scheduler()
        var memory: [String: ReadinessInput.Memory] = [:]
        for stored in try await PracticeStore.allCards(userID: userID, on: db) where catalog[stored.itemID] != nil {
            memory[stored.itemID] = .init(recall: scheduler.recall(of: stored.card, at: context.now), reviews: stored.reps, lapses: stored.lapses)
        }
        let retention = try await PracticeStore.skillCounts(userID: userID, before: nil, on: db)
        var plan: [ReadinessInput.PlanWork]?
        var ratings: [String: Int] = [:]
        do {
            let (studyPlan, entries) = try await context.plans.entries()
            ratings = studyPlan.settings.skillRatings
            let today = context.today
            var order: [String] = []
            var byTask: [String: [PlanService.Entry]] = [:]
            for entry in entries {
                if byTask[entry.task.taskID] == nil { order.append(entry.task.taskID) }
                byTask[entry.task.taskID, default: []].append(entry)
            }
            plan = order.compactMap { id in
                guard let parts = byTask[id], let first = parts.first else { return nil }
                let last = parts.compactMap { PlanSettings.day($0.date)?.number }.max() ?? .max
                return .init(
                    taskID: id, text: first.task.text, kind: first.task.kind, skills: first.task.skills, items: first.task.items,
                    minutes: parts.reduce(0) { $0 + $1.task.minutes }, minutesDone: parts.filter(\.done).reduce(0) { $0 + $1.task.minutes },
                    due: last <= today.number)
            }
        } catch PlanService.Failure.noPlan {}
        let answers = try await ReadinessStore.answers(userID: userID, on: db)
        var input = ReadinessInput(
            taxonomy: catalog.taxonomy, questions: questions, memory: memory, retention: retention, plan: plan,
            checklists: checklists, answers: answers)
        input.selfRatings = ratings
        return input
    }

    /// Today's report; it also becomes today's point on the readiness chart.
    public func report() async throws -> ReadinessReport {
        try await reportAndHistory().report
    }

    /// Today's report and the chart's points, today's included. The day's point is written
    /// only when it changed, so looking at the page again is a read, not a write.
    public func reportAndHistory() async throws -> (report: ReadinessReport, history: [ReadinessSnapshot]) {
        let report = Readiness.report(try await input())
        var scores: [String: Int] = [:]
        for area in report.areas { if let score = area.score { scores[area.id] = score } }
        for type in report.interviewTypes { if let score = type.score { scores["type:" + type.id] = score } }
        let snapshot = ReadinessSnapshot(day: context.today.text, overall: report.overall, areas: scores)
        var history = try await history()
        if history.last(where: { $0.day == snapshot.day }) != snapshot {
            try await ReadinessStore.saveSnapshot(snapshot, userID: userID, now: context.now, on: db)
            history.removeAll { $0.day == snapshot.day }
            history.append(snapshot)
            history.sort { $0.day < $1.day }
        }
        return (report, history)
    }

    public func history() async throws -> [ReadinessSnapshot] {
        try await ReadinessStore.snapshots(userID: userID, on: db)
    }

    /// Records (or with nil clears) the answer to a checklist item or red flag.
    public func answer(_ itemID: String, _ answer: ChecklistAnswer?) async throws {
        let ids = checklists.flatMap(\.allItems).map(\.id)
        guard ids.contains(itemID) else {
            throw Failure.unknownItem(itemID, suggestions: Suggest.close(to: itemID, among: ids))
        }
        try await ReadinessStore.setAnswer(answer, itemID: itemID, userID: userID, now: context.now, on: db)
    }
}
