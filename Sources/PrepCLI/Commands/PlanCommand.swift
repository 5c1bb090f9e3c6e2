import ArgumentParser
import Foundation
import Logging
import PrepApp
import PrepContent
import PrepCore
import PrepStore

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "The 8-week study plan on your calendar.",
        subcommands: [PlanInitCommand.self, PlanShowCommand.self, PlanDoneCommand.self, PlanMoveCommand.self, PlanNoteCommand.self, PlanICSCommand.self, PlanFeedCommand.self]
    )
}

/// Opens the database like the server and hands a plan service to `body`.
func withPlanService(global: GlobalOptions, catalog: ContentCatalog, _ body: (PlanService) async throws -> Void) async throws {
    try await withContext(global: global, catalog: catalog) { try await body($0.plans) }
}

struct PlanInitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Lay the curriculum onto dates from a start day, fitted to an interview date if given."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var content: ContentOptions

    @Option(name: .long, help: ArgumentHelp("First day of study (YYYY-MM-DD); a day in the past is allowed.", valueName: "date"))
    var start: String

    @Option(name: .long, help: ArgumentHelp("Study hours a day, 0.5 to 12 (default 2.5).", valueName: "hours"))
    var hoursPerDay: Double = 2.5

    @Option(name: .long, help: ArgumentHelp("Study days a week, 1 to 7 (default 6).", valueName: "days"))
    var daysPerWeek: Int = 6

    @Option(name: .long, help: ArgumentHelp("Interview date (YYYY-MM-DD): the plan is fitted to end the day before.", valueName: "date"))
    var interviewDate: String?

    @Option(name: .customLong("rate"), help: ArgumentHelp("A self-rating SKILL=1..5 (1 weak); repeat for several. Weak skills get more time.", valueName: "skill=n"))
    var ratings: [String] = []

    @Flag(name: .long, help: "Replace an existing plan (ticked tasks that still exist keep their progress).")
    var force = false

    @Flag(name: .long, help: "Print the plan as JSON.")
    var json = false

    func settings() throws -> PlanSettings {
        var parsed: [String: Int] = [:]
        for rating in ratings {
            let parts = rating.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = Int(parts[1]) else { throw ValidationError("--rate \(rating): write SKILL=N, e.g. --rate kubernetes=2") }
            parsed[String(parts[0])] = value
        }
        return PlanSettings(start: start, hoursPerDay: hoursPerDay, daysPerWeek: daysPerWeek, interviewDate: interviewDate, skillRatings: parsed)
    }

    func run() async throws {
        let catalog = try content.catalog()
        let settings = try settings()
        let errors = settings.validate(taxonomy: catalog.taxonomy)
        if let first = errors.sorted(by: { $0.key < $1.key }).first {
            let option = "--" + first.key.replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: "skill-ratings.", with: "rate ")
            throw ValidationError("\(option): \(first.value)")
        }
        let plan = try PlanBuilder.build(curriculum: catalog.curriculum, taxonomy: catalog.taxonomy, settings: settings)
        try await withPlanService(global: global, catalog: catalog) { service in
            try await PlanStore.save(settings, userID: service.userID, replace: force, now: service.now, on: service.db)
        }
        if json {
            print(try JSONOutput.render(plan))
            return
        }
        let terminal = Terminal.forStandardOutput()
        print(terminal.bold("Plan: \(plan.tasks.count) tasks from \(plan.settings.start) to \(plan.end) (\(plan.weeks) weeks)"))
        for note in plan.notes { print("  - \(note)") }
        let today = LocalDay(Instant(date: Date()), in: .current)
        let missed = plan.tasks.filter { (PlanSettings.day($0.date)?.number ?? 0) < today.number }.count
        if missed > 0 { print(terminal.yellow("  \(missed) tasks fall before today; `infraprep today` lists them as missed.")) }
        print("Next: `infraprep today` for today's tasks, `infraprep plan show` for the whole plan.")
    }
}

struct PlanShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "The whole plan, week by week, with what is done.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var content: ContentOptions

    @Flag(name: .long, help: "Print JSON: the plan's tasks with their progress.")
    var json = false

    func run() async throws {
        let catalog = try content.catalog()
        try await withPlanService(global: global, catalog: catalog) { service in
            let (plan, entries) = try await service.entries()
            if json {
                print(try JSONOutput.render(entries))
                return
            }
            let terminal = Terminal.forStandardOutput()
            print(terminal.bold("\(plan.settings.start) to \(plan.end), \(plan.weeks) weeks") + terminal.dim(" · \(entries.filter(\.done).count) of \(entries.count) done"))
            for (week, tasks) in Dictionary(grouping: entries, by: \.task.week).sorted(by: { $0.key < $1.key }) {
                let done = tasks.filter(\.done).count
                print("\n" + terminal.bold("Week \(week)") + terminal.dim(" · \(done)/\(tasks.count) done · \(tasks.reduce(0) { $0 + $1.task.minutes }) min"))
                for entry in tasks {
                    let mark = entry.done ? terminal.green("[x]") : "[ ]"
                    let part = entry.task.parts > 1 ? " (part \(entry.task.part)/\(entry.task.parts))" : ""
                    print("  \(mark) \(entry.date) \(entry.task.minutes) min  \(entry.task.text)\(part)" + terminal.dim("  \(entry.task.id)"))
                }
            }
        }
    }
}

struct PlanDoneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "done", abstract: "Tick a planned task (its id as `plan show` and `today` list it).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var content: ContentOptions

    @Argument(help: "The task id, e.g. fnd-k8s-course or fnd-k8s-course#2 for a later part.")
    var id: String

    @Flag(name: .long, help: "Untick it instead.")
    var undo = false

    func run() async throws {
        let catalog = try content.catalog()
        try await withPlanService(global: global, catalog: catalog) { service in
            let entry = try await service.setDone(id, done: !undo)
            print("\(undo ? "Not done" : "Done"): \(entry.task.text) (\(entry.task.id))")
        }
    }
}

struct PlanMoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move", abstract: "Move a task (a missed one, say) to today or a later day.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var content: ContentOptions

    @Argument(help: "The task id, as `plan show` and `today` list it.")
    var id: String

    @Option(name: .long, help: ArgumentHelp("The day to do it (YYYY-MM-DD), or `today`.", valueName: "date"))
    var to: String?

    @Flag(name: .long, help: "Put it back on its planned day.")
    var back = false

    func validate() throws {
        if to == nil, !back { throw ValidationError("give --to YYYY-MM-DD (or --to today), or --back to return the task to its planned day") }
        if to != nil, back { throw ValidationError("--to and --back cannot be used together") }
    }

    func run() async throws {
        let catalog = try content.catalog()
        try await withPlanService(global: global, catalog: catalog) { service in
            let target = to == "today" ? service.context.today.text : to
            let entry: PlanService.Entry
            do {
                entry = try await service.move(id, to: target)
            } catch let failure as PlanService.Failure {
                // The web and API name the field moved_to; here it is the --to option.
                switch failure {
                case .badDate, .moveIntoPast, .moveAfterPlan:
                    throw PlainError("--to" + failure.problem.dropFirst("moved_to".count), fix: failure.fix)
                default: throw failure
                }
            }
            print("\(entry.task.text) (\(entry.task.id)): \(entry.date == entry.task.date ? "on its planned day, \(entry.date)" : "moved to \(entry.date)")")
        }
    }
}

struct PlanNoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Show or write a task's lab notes (Markdown): the commands you ran, the configs that worked."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var content: ContentOptions

    @Argument(help: "The task id, as `plan show` lists it.")
    var id: String

    @Option(name: .long, help: ArgumentHelp("Replace the notes with this text.", valueName: "markdown"))
    var text: String?

    @Option(name: .long, help: ArgumentHelp("Replace the notes with this file's contents; - reads standard input.", valueName: "file"))
    var file: String?

    @Flag(name: .long, help: "Append --text or --file to the notes instead of replacing them.")
    var append = false

    @Flag(name: .long, help: "Delete the notes.")
    var clear = false

    func validate() throws {
        if text != nil, file != nil { throw ValidationError("--text and --file cannot be used together") }
        if clear, text != nil || file != nil { throw ValidationError("--clear cannot be used with --text or --file") }
        if append, text == nil, file == nil { throw ValidationError("--append needs --text or --file") }
    }

    func input() throws -> String? {
        if let text { return text }
        guard let file else { return nil }
        if file == "-" { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
        do {
            return try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw PlainError("--file \(file): cannot read it as UTF-8 text (\(error.localizedDescription))", fix: "check the path, or pass - to read standard input")
        }
    }

    func run() async throws {
        let catalog = try content.catalog()
        let new = try input()
        try await withPlanService(global: global, catalog: catalog) { service in
            let first = try await service.parts(of: id)[0]
            let current = first.progress?.notes
            guard new != nil || clear else {
                print(current ?? "No notes for \(first.task.text) yet: `infraprep plan note \(first.task.taskID) --text \"…\"` or `--file notes.md`.")
                return
            }
            let combined = clear ? nil : (append ? [current, new].compactMap { $0 }.joined(separator: "\n\n") : new)
            let entry = try await service.setNotes(id, notes: combined)
            print(entry.progress?.notes == nil ? "Notes cleared: \(entry.task.text)" : "Notes saved: \(entry.task.text) (\(entry.progress?.notes?.count ?? 0) characters)")
        }
    }
}

struct PlanICSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics",
        abstract: "Write the plan as an iCalendar file: a study block per study day and the interview, with alarms."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var content: ContentOptions

    @Option(name: .long, help: ArgumentHelp("The file to write; - for standard output.", valueName: "file"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("Local time study blocks start (HH:MM, default 18:00).", valueName: "time"))
    var at: String = "18:00"

    func startMinute() throws -> Int {
        guard let minute = PlanCalendar.minute(ofDay: at) else { throw ValidationError("--at \(at): write a time of day as HH:MM, e.g. 07:30") }
        return minute
    }

    func validate() throws { _ = try startMinute() }

    func run() async throws {
        let catalog = try content.catalog()
        let minute = try startMinute()
        try await withPlanService(global: global, catalog: catalog) { service in
            let (text, events) = try await service.calendar(startMinute: minute)
            if out == "-" {
                FileHandle.standardOutput.write(Data(text.utf8))
            } else {
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
                } catch {
                    throw PlainError("--out \(out): cannot write the file (\(error.localizedDescription))", fix: "check the folder exists and is writable")
                }
                print("Wrote \(events) events to \(out).")
            }
        }
    }
}

struct PlanFeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Make (or replace, or revoke) the private link calendar apps subscribe to."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var content: ContentOptions

    @Option(name: .long, help: ArgumentHelp("Local time study blocks start (HH:MM, default 18:00).", valueName: "time"))
    var at: String = "18:00"

    @Option(name: .long, help: ArgumentHelp("Where calendar apps reach `infraprep serve` (default http://127.0.0.1:8080).", valueName: "url"))
    var baseURL: String = "http://127.0.0.1:8080"

    @Flag(name: .long, help: "Revoke the link instead: calendars using it get nothing more.")
    var revoke = false

    func validate() throws {
        if PlanCalendar.minute(ofDay: at) == nil { throw ValidationError("--at \(at): write a time of day as HH:MM, e.g. 07:30") }
        guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw ValidationError("--base-url \(baseURL): give the address the server is reached at, e.g. https://prep.example.org")
        }
    }

    func run() async throws {
        let catalog = try content.catalog()
        try await withContext(global: global, catalog: catalog) { service in
            if revoke {
                let existed = try await CalendarFeedStore.revoke(userID: service.userID, on: service.db)
                print(existed ? "Revoked: calendars subscribed to the old link get nothing more." : "There was no subscription link to revoke.")
                return
            }
            let made = try await CalendarFeedService.create(service, startMinute: PlanCalendar.minute(ofDay: at) ?? 18 * 60)
            print(CalendarFeedService.url(base: baseURL, token: made.token))
            FileHandle.standardError.write(Data("Subscribe to this link in your calendar app; it is shown only once. Any earlier link stopped working.\n".utf8))
        }
    }
}

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
        try await withContext(global: global, catalog: catalog) { context in
            let practice = context.practice
            let service = context.plans
            var day: PlanService.Day?
            do { day = try await service.day() } catch PlanService.Failure.noPlan { day = nil }
            let session = try await practice.session()
            let reviews = session.entries.filter { !$0.isNew }.count
            if json {
                print(try JSONOutput.render(Report(day: day, practice: .init(reviews: reviews, new: session.entries.count - reviews))))
                return
            }
            let terminal = Terminal.forStandardOutput()
            if let day {
                printDay(day, terminal: terminal)
            } else {
                print(terminal.bold("Today") + "\n  No study plan yet: `infraprep plan init --start YYYY-MM-DD` lays the 8-week plan onto your calendar.")
            }
            print(
                "Practice: \(reviews) review\(reviews == 1 ? "" : "s") and \(session.entries.count - reviews) new question\(session.entries.count - reviews == 1 ? "" : "s") waiting (`infraprep practice`)."
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
