import Foundation

/// The plan as calendar events: one study block per study day (its tasks in the
/// description, its length the day's planned minutes), and the interview, each with an
/// alarm. UIDs name the day, so a re-export updates the same events in a calendar app.
public enum PlanCalendar {
    /// "HH:MM" as minutes after midnight; nil when it is not a time of day.
    public static func minute(ofDay text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }

    public static func text(ofMinute minute: Int) -> String { String(format: "%02d:%02d", minute / 60, minute % 60) }

    /// - Parameter startMinute: when study blocks begin, in minutes after local midnight.
    public static func events(_ plan: StudyPlan, timeZone: TimeZone, startMinute: Int = 18 * 60, alarmMinutes: Int = 15) -> [CalendarEvent] {
        var events: [CalendarEvent] = []
        let byDay = Dictionary(grouping: plan.tasks, by: \.date)
        for date in byDay.keys.sorted() {
            guard let day = PlanSettings.day(date), let tasks = byDay[date] else { continue }
            let minutes = tasks.reduce(0) { $0 + $1.minutes }
            let lines = tasks.map { task in
                "- \(task.text)" + (task.parts > 1 ? " (part \(task.part) of \(task.parts))" : "") + ", \(task.minutes) min [\(task.id)]"
            }
            events.append(
                CalendarEvent(
                    uid: "study-\(date)@infraprep",
                    title: "Study: \(tasks.count) task\(tasks.count == 1 ? "" : "s"), \(minutes) min (week \(plan.week(of: date) ?? tasks[0].week))",
                    description: lines.joined(separator: "\n") + "\n\nTick them with `infraprep plan done ID` or on the Today page.",
                    start: day.instant(atMinute: startMinute, in: timeZone), durationMinutes: minutes,
                    categories: ["InfraPrep", "Study"], alarmMinutesBefore: alarmMinutes
                ))
        }
        if let interview = plan.settings.interviewDate, let day = PlanSettings.day(interview) {
            events.append(
                CalendarEvent(
                    uid: "interview-\(interview)@infraprep", title: "Interview",
                    description: "The day your plan was fitted to. The day before: the seed's day-before checklist.",
                    start: day.instant(atMinute: 9 * 60, in: timeZone), durationMinutes: 60,
                    categories: ["InfraPrep", "Interview"], alarmMinutesBefore: 24 * 60
                ))
        }
        return events
    }
}
