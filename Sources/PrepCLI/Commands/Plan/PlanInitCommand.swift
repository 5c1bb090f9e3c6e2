import ArgumentParser
import Foundation
import Logging
import PrepApp
import PrepContent
import PrepCore
import PrepStore

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
        try await withPlanService(global: global, catalog: catalog, writes: true) { service in
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
