import ArgumentParser
import Foundation
import Logging
import PrepApp
import PrepContent
import PrepCore
import PrepStore

struct TodayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "today", abstract: "Today's planned tasks, missed ones, and the practice waiting.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var content: ContentOptions

    @Flag(name: .long, help: "Print JSON: {date, tasks, missed, minutes_planned, week, weeks, done_in_plan, tasks_in_plan, practice}.")
    var json = false

    struct Report: Codable {
        /// Null until a plan exists (`plan init`).
        var day: PlanService.Day?
        var practice: Practice
        struct Practice: Codable {
            var reviews: Int
            var new: Int
        }
    }

    func run() async throws {
        let catalog = try content.catalog()
        try await withContext(global: global, catalog: catalog, writes: false) { context in
            let summary = try await context.todayService.summary()
            let day = summary.day
            let reviews = summary.reviewsWaiting
            if json {
                print(try JSONOutput.render(Report(day: day, practice: .init(reviews: reviews, new: summary.newWaiting))))
                return
            }
            let terminal = Terminal.forStandardOutput()
            if let day {
                printDay(day, terminal: terminal)
            } else {
                print(terminal.bold("Today") + "\n  No study plan yet: `infraprep plan init --start YYYY-MM-DD` lays the 8-week plan onto your calendar.")
            }
            print(
                "Practice: \(reviews) review\(reviews == 1 ? "" : "s") and \(summary.newWaiting) new question\(summary.newWaiting == 1 ? "" : "s") waiting (`infraprep practice`)."
            )
        }
    }

    func printDay(_ day: PlanService.Day, terminal: Terminal) {
        print(
            terminal.bold("Today, \(day.date)") + terminal.dim(day.week.map { " · week \($0) of \(day.weeks)" } ?? "")
                + terminal.dim(" · \(day.doneInPlan)/\(day.tasksInPlan) tasks done"))
        if let days = day.daysToInterview, let date = day.interviewDate {
            print(terminal.yellow(days == 0 ? "  Interview today." : "  Interview in \(days) day\(days == 1 ? "" : "s") (\(date))."))
        }
        if let week = day.thisWeek {
            print(terminal.dim("  This week: \(week.doneMinutes) of \(week.plannedMinutes) planned minutes (\(week.tickedMinutes) ticked, \(week.practiceMinutes) practice)"))
        }
        if day.tasks.isEmpty { print("  No planned tasks today.") }
        for entry in day.tasks {
            print("  \(entry.done ? terminal.green("[x]") : "[ ]") \(entry.task.minutes) min  \(entry.task.text)" + terminal.dim("  \(entry.task.id)"))
        }
        if !day.missed.isEmpty {
            print(terminal.yellow("Missed (\(day.missed.count)):"))
            for entry in day.missed.prefix(5) { print("  [ ] \(entry.date) \(entry.task.text)" + terminal.dim("  \(entry.task.id)")) }
            if day.missed.count > 5 { print(terminal.dim("  … and \(day.missed.count - 5) more (`infraprep plan show`)")) }
        }
    }
}
