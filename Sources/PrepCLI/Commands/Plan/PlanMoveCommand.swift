import ArgumentParser
import Foundation
import Logging
import PrepApp
import PrepContent
import PrepCore
import PrepStore

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
        try await withPlanService(global: global, catalog: catalog, writes: true) { service in
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
            let (plan, entries) = try await service.entries()
            print(PlanService.moveMessage(taskID: entry.task.id, to: entry.date, entries: entries, plan: plan) ?? "\(entry.task.id): moved to \(entry.date)")
        }
    }
}
