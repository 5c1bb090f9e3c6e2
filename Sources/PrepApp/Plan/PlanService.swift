import FluentKit
import Foundation
import PrepContent
import PrepCore
import PrepStore

/// A person's plan with their progress, for one day: what the Today view, the plan
/// commands and (later) the plan pages share.
public struct PlanService: PersonService {
    public let context: ServiceContext

    public init(_ context: ServiceContext) {
        self.context = context
    }

    public struct Entry: Sendable, Codable, Equatable {
        public var task: PlannedTask
        public var progress: TaskProgress?
        /// The day the task is to be done: moved, or as planned.
        public var date: String
        public var done: Bool
    }

    public struct Day: Sendable, Codable, Equatable {
        public var date: String
        /// Today's tasks, then earlier ones not done (missed), each with its progress.
        public var tasks: [Entry]
        public var missed: [Entry]
        public var minutesPlanned: Int
        public var week: Int?
        public var weeks: Int
        public var doneInPlan: Int
        public var tasksInPlan: Int
        /// This week of the plan: minutes planned against done (ticked tasks and practice).
        public var thisWeek: PlanProgress.Week?
        /// The interview the plan was fitted to, while it is ahead (today included).
        public var interviewDate: String?
        public var daysToInterview: Int?
    }

    public enum Failure: UserFacingError, Equatable {
        case noPlan
        case unknownTask(String, suggestions: [String])
        case badDate(String)
        case moveIntoPast(String, today: String)
        case moveAfterPlan(String, last: String)
        case notesTooLong(Int)
        case notesControlCharacter(String)

        public var problem: String {
            switch self {
            case .noPlan: "there is no study plan yet"
            case let .unknownTask(id, _): "no planned task has the id '\(id)'"
            case let .badDate(text): "moved_to: '\(text)' is not a date"
            case let .moveIntoPast(text, today): "moved_to: \(text) is before today (\(today))"
            case let .moveAfterPlan(text, last): "moved_to: \(text) is after the plan's last day (\(last))"
            case let .notesTooLong(count): "notes: \(count) characters is more than the \(PlanService.notesLimit) a task's notes may hold"
            case let .notesControlCharacter(control): "notes: the control character \(control) cannot be stored"
            }
        }
        public var fix: String {
            switch self {
            case .noPlan: "create one with `infraprep plan init --start YYYY-MM-DD`"
            case let .unknownTask(_, suggestions): suggestions.isEmpty ? "`infraprep plan show` lists the task ids" : "did you mean \(suggestions.joined(separator: ", "))?"
            case .badDate: "write the day as YYYY-MM-DD"
            case .moveIntoPast: "move a task to today or a later day"
            case .moveAfterPlan: "move it to a day before the interview, or re-plan with a later interview date"
            case .notesTooLong: "keep long logs in a file and note where it is"
            case .notesControlCharacter: "remove it (pasted terminal output can carry one); line breaks and tabs are fine"
            }
        }
    }

    public func plan() async throws -> StudyPlan? {
        guard let settings = try await PlanStore.settings(userID: userID, on: db) else { return nil }
        return try context.environment.plans.plan(for: settings, catalog: catalog)
    }

    public func entries() async throws -> (StudyPlan, [Entry]) {
        guard let plan = try await plan() else { throw Failure.noPlan }
        return (plan, try await entries(of: plan))
    }

    /// The plan's tasks with the person's progress on each.
    public func entries(of plan: StudyPlan) async throws -> [Entry] {
        let progress = try await PlanStore.progress(userID: userID, on: db)
        return plan.tasks.map { task in
            var task = task
            var state = progress[task.id]
            // Lab notes live on the first part; every part shows them.
            if task.part > 1, let notes = progress[task.taskID]?.notes {
                state = TaskProgress(taskID: task.id, done: state?.done, movedTo: state?.movedTo, notes: notes)
            }
            // A moved task belongs to the week of its new day (issue #13, bug 5: the calendar
            // said "week 1" for a task moved into week 3).
            if let moved = state?.movedTo { task.week = plan.week(of: moved) ?? task.week }
            return Entry(task: task, progress: state, date: state?.movedTo ?? task.date, done: state?.done != nil)
        }
    }

    /// What the page says after a move: where the task went, and whether that day now holds
    /// more than the daily hours (a move could put 300 minutes on a 2.5-hour day unsaid).
    public static func moveMessage(taskID: String, to date: String, entries: [Entry], plan: StudyPlan) -> String? {
        guard let entry = entries.first(where: { $0.task.id == taskID }) else { return nil }
        let name = entry.task.parts > 1 ? "\(entry.task.text) (part \(entry.task.part) of \(entry.task.parts))" : entry.task.text
        let day = PlanSettings.day(date).map { "\($0.weekdayName) \(date)" } ?? date
        var text = entry.date == entry.task.date && entry.progress?.movedTo == nil ? "“\(name)” is back on its planned day, \(day)." : "Moved “\(name)” to \(day)."
        let minutes = entries.filter { $0.date == date && !$0.done }.reduce(0) { $0 + $1.task.minutes }
        let budget = Int((plan.settings.hoursPerDay * 60).rounded())
        if minutes > budget {
            text +=
                " That day now has \(minutes) minutes to do, more than your \(PlanBuilder.formatHours(plan.settings.hoursPerDay)) a day: move something off it, or plan a long day."
        }
        return text
    }

    public func day() async throws -> Day {
        guard let plan = try await plan() else { throw Failure.noPlan }
        return try await day(of: plan)
    }

    /// The plan (nil when there is none) and today in it, reading the plan once.
    public func today() async throws -> (plan: StudyPlan?, day: Day?) {
        guard let plan = try await plan() else { return (nil, nil) }
        return (plan, try await day(of: plan))
    }

    /// Today in a plan already read (Today reads it once for the day and the practice queue).
    public func day(of plan: StudyPlan) async throws -> Day {
        let entries = try await entries(of: plan)
        let today = LocalDay(now, in: timeZone)
        let todays = entries.filter { $0.date == today.text }
        let missed = Self.missed(entries, today: today)
        let start = PlanSettings.day(plan.settings.start)?.number ?? today.number
        let week = today.number >= start ? (today.number - start) / 7 + 1 : nil
        let current = week.flatMap { $0 <= plan.weeks ? $0 : nil }
        var thisWeek: PlanProgress.Week?
        if let current { thisWeek = try await progress(ofWeek: current, plan, entries) }
        let interview = plan.settings.interviewDate.flatMap { text in PlanSettings.day(text).map { (text, $0.number - today.number) } }.flatMap { $0.1 >= 0 ? $0 : nil }
        return Day(
            date: today.text, tasks: todays, missed: missed, minutesPlanned: todays.reduce(0) { $0 + $1.task.minutes },
            week: current, weeks: plan.weeks,
            doneInPlan: entries.filter(\.done).count, tasksInPlan: entries.count, thisWeek: thisWeek,
            interviewDate: interview?.0, daysToInterview: interview?.1)
    }

    /// The planned task with this id, or an error naming close ids.
    public func entry(_ taskID: String) async throws -> Entry {
        try Self.find(taskID, in: try await entries().1)
    }

    public static func find(_ taskID: String, in entries: [Entry]) throws -> Entry {
        guard let entry = entries.first(where: { $0.task.id == taskID }) else {
            throw Failure.unknownTask(taskID, suggestions: Suggest.close(to: taskID, among: entries.map(\.task.id)))
        }
        return entry
    }

    /// Every part of a task (a split task has several), in order.
    public func parts(of taskID: String) async throws -> [Entry] {
        let entries = try await entries().1
        let named = try Self.find(taskID, in: entries)
        return entries.filter { $0.task.taskID == named.task.taskID }
    }

    /// Ticks (or unticks) a planned task by its id (`fnd-k8s-course`, or `fnd-k8s-course#2` for a part).
    public func setDone(_ taskID: String, done: Bool) async throws -> Entry {
        var entry = try await entry(taskID)
        try await PlanStore.setDone(done ? now : nil, taskID: taskID, userID: userID, on: db)
        entry.done = done
        entry.progress = TaskProgress(taskID: taskID, done: done ? now : nil, movedTo: entry.progress?.movedTo, notes: entry.progress?.notes)
        return entry
    }

    /// The day a move would store (nil: back on the planned day), or the reason it is refused.
    public func checkMove(_ entry: Entry, to date: String?, plan: StudyPlan) throws -> String? {
        guard let text = date?.trimmingCharacters(in: .whitespaces) else { return nil }
        guard let day = PlanSettings.day(text) else { throw Failure.badDate(text) }
        if text == entry.task.date { return nil }
        let today = LocalDay(now, in: timeZone)
        if day.number < today.number { throw Failure.moveIntoPast(text, today: today.text) }
        // No later than the day before the interview, or the plan's last day.
        let last = Self.lastDay(of: plan)
        if let last, day.number > max(last.number, today.number) { throw Failure.moveAfterPlan(text, last: max(last, today).text) }
        return text
    }

    public static func checkNotes(_ notes: String?) throws -> String? {
        let text = notes.map { $0.replacingOccurrences(of: "\r\n", with: "\n") }.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        if let text, text.count > notesLimit { throw Failure.notesTooLong(text.count) }
        if let text, let control = ControlCharacters.first(in: text) { throw Failure.notesControlCharacter(control) }
        return text
    }

    /// Shows a task on another day from today on; its planned day (or nil) puts it back.
    public func move(_ taskID: String, to date: String?) async throws -> Entry {
        let (plan, entries) = try await entries()
        var entry = try Self.find(taskID, in: entries)
        let target = try checkMove(entry, to: date, plan: plan)
        try await PlanStore.setMovedTo(target, taskID: taskID, userID: userID, on: db)
        entry.date = target ?? entry.task.date
        entry.progress = TaskProgress(taskID: taskID, done: entry.progress?.done, movedTo: target, notes: entry.progress?.notes)
        return entry
    }

    public static let notesLimit = 20_000

    /// Lab notes belong to the task, not to one part of it: they are stored on the first part.
    public func setNotes(_ taskID: String, notes: String?) async throws -> Entry {
        let first = try await parts(of: taskID)[0]
        let text = try Self.checkNotes(notes)
        try await PlanStore.setNotes(text, taskID: first.task.id, userID: userID, on: db)
        var entry = first
        entry.progress = TaskProgress(taskID: first.task.id, done: first.progress?.done, movedTo: first.progress?.movedTo, notes: text)
        return entry
    }

    /// Planned against done, week by week.
    public func weeks() async throws -> [PlanProgress.Week] {
        let (plan, entries) = try await entries()
        return try await weeks(plan, entries)
    }

    /// The same from a plan already read, so a page that has it does not rebuild it.
    public func weeks(_ plan: StudyPlan, _ entries: [Entry]) async throws -> [PlanProgress.Week] {
        try await weeks(plan, entries, practiceSince: PlanSettings.day(plan.settings.start)?.start(in: timeZone) ?? now)
    }

    /// One week's planned and done minutes, reading only that week's practice answers.
    func progress(ofWeek number: Int, _ plan: StudyPlan, _ entries: [Entry]) async throws -> PlanProgress.Week? {
        guard let start = PlanSettings.day(plan.settings.start) else { return nil }
        let weekStart = LocalDay(number: start.number + (number - 1) * 7).start(in: timeZone)
        return try await weeks(plan, entries, practiceSince: weekStart).first { $0.week == number }
    }

    /// Weeks with every tick, and practice answered since `since` (weeks before it show none).
    private func weeks(_ plan: StudyPlan, _ entries: [Entry], practiceSince since: Instant) async throws -> [PlanProgress.Week] {
        let ticks = entries.compactMap { entry in entry.progress?.done.map { (at: $0, minutes: entry.task.minutes) } }
        return PlanProgress.weeks(plan: plan, ticks: ticks, practicePerDay: try await answerTimePerDay(since: since), timeZone: timeZone)
    }

    func answerTimePerDay(since: Instant) async throws -> [Int: Int] {
        try await PracticeStore.answerTimePerDay(
            userID: userID, since: since, capMilliseconds: PlanProgress.answerCapMilliseconds, offsets: ZoneOffsets(from: since, to: now, in: timeZone), on: db)
    }

    /// The plan as an iCalendar file with the person's moves applied, and its event count.
    public func calendar(startMinute: Int, refreshHours: Int? = nil) async throws -> (text: String, events: Int) {
        var (plan, entries) = try await entries()
        plan.tasks = entries.enumerated().map { index, entry in
            var task = entry.task
            task.date = entry.date
            return (index, task)
        }.sorted { ($0.1.date, $0.0) < ($1.1.date, $1.0) }.map(\.1)
        let events = PlanCalendar.events(plan, timeZone: timeZone, startMinute: startMinute)
        return (ICalendar.render(name: "InfraPrep study plan", timeZone: timeZone.identifier, events: events, stamp: now, refreshHours: refreshHours), events.count)
    }

    /// The skills of the plan's tasks this week (by the day each task is to be done), which
    /// narrow the new questions of the day; nil outside the plan.
    public static func focusSkills(of plan: StudyPlan, today: LocalDay) -> Set<String>? {
        guard let start = PlanSettings.day(plan.settings.start), today.number >= start.number else { return nil }
        let weekStart = start.number + (today.number - start.number) / 7 * 7
        // Planned days, not moved ones: moving a task must not reshuffle today's questions.
        let skills = plan.tasks.filter { task in
            guard let day = PlanSettings.day(task.date) else { return false }
            return day.number >= weekStart && day.number < weekStart + 7
        }.flatMap(\.skills)
        return skills.isEmpty ? nil : Set(skills)
    }
}

extension PlanService {
    /// Where catching up would put each task: the missed ones first, then the rest not done,
    /// packed onto the study days from today within the daily hours, up to the day before the
    /// interview (without one, as far past the plan's end as it takes). Only tasks whose day
    /// changes are listed.
    public func catchUpMoves() async throws -> [CatchUp.Move] {
        let (plan, entries) = try await entries()
        let today = LocalDay(now, in: timeZone)
        func number(_ entry: Entry) -> Int { PlanSettings.day(entry.date)?.number ?? .max }
        let open = entries.enumerated().filter { !$0.element.done }
        let missed = open.filter { number($0.element) < today.number }
        guard !missed.isEmpty, let start = PlanSettings.day(plan.settings.start) else { return [] }
        // In the plan's order: by day, then as the plan lists them (parts stay in sequence).
        let ordered = { (list: [(offset: Int, element: Entry)]) in list.sorted { (number($0.element), $0.offset) < (number($1.element), $1.offset) }.map(\.element) }
        let queue = ordered(missed) + ordered(open.filter { number($0.element) >= today.number })
        // An interview is a deadline; a plan's own end is not: without an interview the
        // re-flow may run past it rather than pile the rest onto its last day.
        let last =
            plan.settings.interviewDate == nil
            ? PlanSettings.day(plan.end).map { LocalDay(number: max($0.number, today.number) + 365) } ?? today
            : Self.lastDay(of: plan) ?? today
        let days = (today.number...max(today.number, last.number))
            .filter { PlanBuilder.isStudyDay($0, start: start, settings: plan.settings) }.map(LocalDay.init(number:))
        return CatchUp.plan(
            queue: queue.map { CatchUp.Task(id: $0.task.id, minutes: $0.task.minutes, date: $0.date) },
            days: days.isEmpty ? [today] : days, budget: Int((plan.settings.hoursPerDay * 60).rounded()))
    }

    /// Makes the moves `catchUpMoves` lists, in one transaction; ticks and notes stay.
    public func catchUp() async throws -> [CatchUp.Move] {
        let moves = try await catchUpMoves()
        try await PlanStore.moveAll(moves.map { ($0.taskID, $0.to) }, userID: userID, on: db)
        return moves
    }

    /// The last day tasks may be done: the day before the interview, or the plan's last day.
    static func lastDay(of plan: StudyPlan) -> LocalDay? {
        plan.settings.interviewDate.flatMap(PlanSettings.day).map { LocalDay(number: $0.number - 1) } ?? PlanSettings.day(plan.end)
    }

    /// Tasks not done whose day has passed, as Today, catching up and the bulk tick count them.
    public static func missed(_ entries: [Entry], today: LocalDay) -> [Entry] {
        entries.filter { !$0.done && (PlanSettings.day($0.date)?.number ?? .max) < today.number }
    }

    /// Ticks every missed task at once (catching up by declaring them done).
    public func markMissedDone() async throws -> Int {
        let missed = Self.missed(try await entries().1, today: LocalDay(now, in: timeZone))
        try await PlanStore.setDoneAll(missed.map(\.task.id), at: now, userID: userID, on: db)
        return missed.count
    }
}
