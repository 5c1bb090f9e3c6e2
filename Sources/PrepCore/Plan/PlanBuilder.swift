/// A task of the curriculum placed on a day. A task longer than a day's time is split into
/// parts on consecutive study days.
public struct PlannedTask: Sendable, Equatable, Codable, Identifiable {
    /// The task id, with `#2`, `#3`… for later parts of a split task.
    public var id: String
    public var taskID: String
    public var part: Int
    public var parts: Int
    public var date: String
    /// Week of the plan, 1 for the week starting on the start day.
    public var week: Int
    /// The curriculum week the task belongs to (1-8).
    public var curriculumWeek: Int
    public var phase: String
    public var kind: Curriculum.Task.Kind
    public var text: String
    public var minutes: Int
    public var skills: [String]
    /// Question-bank items the task drills.
    public var items: [String]
}

/// The curriculum laid onto dates.
public struct StudyPlan: Sendable, Equatable, Codable {
    public var settings: PlanSettings
    public var end: String
    public var weeks: Int
    public var tasks: [PlannedTask]
    /// What was scaled, merged, dropped or stretched to fit, in plain words.
    public var notes: [String]
    /// Planned minutes per tier ("1", "2", "3"; "other" for behavioral and interview craft).
    public var minutesByTier: [String: Int]
    /// Tasks of the curriculum left out to fit before the interview.
    public var dropped: [String]
}

/// Lays the curriculum onto a calendar: time by tier (50/30/20 of the tiered work), more time
/// for skills rated weak, study days from the start, and the whole plan fitted before the
/// interview when there is one (shortened, then the lowest-priority tasks dropped; or spread
/// thinner when there is more time than work).
public enum PlanBuilder {
    struct Unit {
        var taskID: String
        var curriculumWeek: Int
        var phase: String
        var kind: Curriculum.Task.Kind
        var text: String
        var minutes: Double
        var skills: [String]
        var items: [String]
        var tier: Int?
        var order: Int
    }

    /// Multipliers for a self-rating of 1…5: a weak skill gets up to 30 % more time.
    static let ratingFactor: [Int: Double] = [1: 1.3, 2: 1.15, 3: 1.0, 4: 0.85, 5: 0.7]
    /// Parts shorter than this are not worth starting at the end of a day.
    static let minimumPart = 15.0
    /// Shortening stops here; beyond it, whole tasks are dropped instead.
    static let shortestScale = 0.6

    public static func build(curriculum: Curriculum, taxonomy: Taxonomy, settings: PlanSettings) throws -> StudyPlan {
        let errors = settings.validate(taxonomy: taxonomy)
        guard errors.isEmpty, let start = PlanSettings.day(settings.start) else {
            throw PlainError(
                "invalid plan settings: " + errors.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: " "),
                fix: "fix the values named above")
        }
        var notes: [String] = []
        var units = self.units(curriculum, taxonomy: taxonomy)
        allocateByTier(&units, notes: &notes)
        weightByRatings(&units, ratings: settings.skillRatings, taxonomy: taxonomy, notes: &notes)

        let daily = settings.hoursPerDay * 60
        var capacityPerDay = daily
        var dropped: [String] = []
        if let interviewText = settings.interviewDate, let interview = PlanSettings.day(interviewText) {
            let studyDays = (start.number..<interview.number).filter { isStudyDay($0, start: start, settings: settings) }.count
            let capacity = Double(studyDays) * daily
            let total = units.reduce(0) { $0 + $1.minutes }
            if total > capacity {
                fit(&units, capacity: capacity, total: total, dropped: &dropped, notes: &notes)
            } else if total < capacity * 0.8 {
                capacityPerDay = max(30, (total / Double(max(studyDays, 1))).rounded(.up))
                notes.append(
                    "Stretched to the interview on \(interviewText): about \(Int(capacityPerDay)) minutes of planned work a day instead of \(Int(daily)); use the rest for practice and mocks."
                )
            }
        }
        let tasks = lay(units, start: start, settings: settings, capacityPerDay: capacityPerDay)
        let end = tasks.last.flatMap { PlanSettings.day($0.date) } ?? start
        let weeks = (end.number - start.number) / 7 + 1
        if settings.interviewDate == nil, weeks != 8 {
            notes.append("At \(formatHours(settings.hoursPerDay)) a day, \(settings.daysPerWeek) days a week, the curriculum takes \(weeks) weeks instead of 8.")
        }
        var byTier: [String: Int] = [:]
        for task in tasks {
            let best = task.skills.compactMap { tier(of: $0, taxonomy) }.min()
            byTier[best.map(String.init) ?? "other", default: 0] += task.minutes
        }
        return StudyPlan(settings: settings, end: end.text, weeks: weeks, tasks: tasks, notes: notes, minutesByTier: byTier, dropped: dropped)
    }

    static func tier(of skill: String, _ taxonomy: Taxonomy) -> Int? {
        guard let entry = taxonomy[skill] else { return nil }
        return entry.tier ?? entry.parent.flatMap { taxonomy[$0]?.tier }
    }

    static func units(_ curriculum: Curriculum, taxonomy: Taxonomy) -> [Unit] {
        var out: [Unit] = []
        for phase in curriculum.phases {
            let weeks = phase.weeks.isEmpty ? [1] : phase.weeks
            let tasks = phase.topics.flatMap { topic in topic.tasks.map { (topic, $0) } }
            // The phase's tasks are spread evenly over its weeks, in curriculum order.
            for (index, (topic, task)) in tasks.enumerated() {
                let week = weeks[min(weeks.count - 1, index * weeks.count / max(tasks.count, 1))]
                out.append(
                    Unit(
                        taskID: task.id, curriculumWeek: week, phase: phase.id, kind: task.kind, text: task.text,
                        minutes: Double(task.minutes), skills: topic.skills, items: task.items,
                        tier: topic.skills.compactMap { tier(of: $0, taxonomy) }.min(), order: out.count))
            }
            for project in phase.weekendProjects {
                let skills = Array(Set(phase.topics.flatMap(\.skills))).sorted()
                out.append(
                    Unit(
                        taskID: project.id, curriculumWeek: project.week, phase: phase.id, kind: project.kind, text: project.title,
                        minutes: Double(project.minutes), skills: skills, items: project.items,
                        tier: skills.compactMap { tier(of: $0, taxonomy) }.min(), order: out.count))
            }
        }
        // Weekend projects close their week: keep curriculum-week order, then the original order.
        return out.sorted { ($0.curriculumWeek, $0.order) < ($1.curriculumWeek, $1.order) }
    }

    /// Scales each tier's tasks so tiers 1, 2 and 3 get 50, 30 and 20 % of the tiered time.
    static func allocateByTier(_ units: inout [Unit], notes: inout [String]) {
        var minutes: [Int: Double] = [:]
        for unit in units { if let tier = unit.tier, tier <= 3 { minutes[tier, default: 0] += unit.minutes } }
        let total = minutes.values.reduce(0, +)
        guard total > 0 else { return }
        for tier in 1...3 where (minutes[tier] ?? 0) > 0 {
            let factor = TierAllocation.share(ofTier: tier) * total / minutes[tier]!
            for index in units.indices where units[index].tier == tier { units[index].minutes *= factor }
        }
        notes.append("Time by tier follows the seed's priority: tier 1 skills 50 %, tier 2 30 %, tier 3 20 % of the tiered work.")
    }

    static func weightByRatings(_ units: inout [Unit], ratings: [String: Int], taxonomy: Taxonomy, notes: inout [String]) {
        guard !ratings.isEmpty else { return }
        for index in units.indices {
            let factors = units[index].skills.compactMap { ratings[$0].flatMap { ratingFactor[$0] } }
            if !factors.isEmpty { units[index].minutes *= factors.reduce(0, +) / Double(factors.count) }
        }
        let weak = ratings.filter { $0.value <= 2 }.keys.sorted().map { taxonomy[$0]?.name ?? $0 }
        if !weak.isEmpty { notes.append("More time for the skills you rated weak: \(weak.joined(separator: ", ")).") }
    }

    /// Shortens every task (not below 60 %), then drops the lowest-priority tasks until the
    /// work fits before the interview. Mocks and reviews of the last phase are kept.
    static func fit(_ units: inout [Unit], capacity: Double, total: Double, dropped: inout [String], notes: inout [String]) {
        let scale = max(shortestScale, capacity / total)
        for index in units.indices { units[index].minutes *= scale }
        notes.append("Compressed to fit before the interview: every task shortened to \(Int((scale * 100).rounded())) % of its time.")
        var remaining = units.reduce(0) { $0 + $1.minutes }
        // Lowest priority first: tier 3, then tier 2…; theory before hands-on; the last week last.
        let order = units.indices.filter { units[$0].kind != .mock }.sorted { a, b in
            let ua = units[a]
            let ub = units[b]
            let ka = (-(ua.tier ?? 0), ua.kind == .theory ? 0 : 1, -ua.curriculumWeek)
            let kb = (-(ub.tier ?? 0), ub.kind == .theory ? 0 : 1, -ub.curriculumWeek)
            return ka < kb
        }
        var drop = Set<Int>()
        for index in order where remaining > capacity {
            drop.insert(index)
            remaining -= units[index].minutes
            dropped.append(units[index].taskID)
        }
        if !drop.isEmpty {
            notes.append("Dropped \(drop.count) task\(drop.count == 1 ? "" : "s") of the lowest priority to fit: \(dropped.joined(separator: ", ")).")
            units = units.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
        }
    }

    public static func isStudyDay(_ day: Int, start: LocalDay, settings: PlanSettings) -> Bool {
        (day - start.number) % 7 < settings.daysPerWeek
    }

    static func lay(_ units: [Unit], start: LocalDay, settings: PlanSettings, capacityPerDay: Double) -> [PlannedTask] {
        var out: [PlannedTask] = []
        var day = start.number
        var left = capacityPerDay
        func nextStudyDay() {
            repeat { day += 1 } while !isStudyDay(day, start: start, settings: settings)
            left = capacityPerDay
        }
        if !isStudyDay(day, start: start, settings: settings) { nextStudyDay() }
        for unit in units {
            var remaining = unit.minutes.rounded()
            var parts: [(day: Int, minutes: Int)] = []
            while remaining > 0 {
                if left < min(minimumPart, remaining) { nextStudyDay() }
                let take = min(remaining, left)
                parts.append((day, Int(take)))
                remaining -= take
                left -= take
            }
            for (index, part) in parts.enumerated() {
                out.append(
                    PlannedTask(
                        id: index == 0 ? unit.taskID : "\(unit.taskID)#\(index + 1)", taskID: unit.taskID, part: index + 1, parts: parts.count,
                        date: LocalDay(number: part.day).text, week: (part.day - start.number) / 7 + 1, curriculumWeek: unit.curriculumWeek,
                        phase: unit.phase, kind: unit.kind, text: unit.text, minutes: part.minutes, skills: unit.skills, items: unit.items
                    ))
            }
        }
        return out
    }

    public static func formatHours(_ hours: Double) -> String {
        hours == hours.rounded() ? "\(Int(hours)) h" : "\(hours) h"
    }
}
