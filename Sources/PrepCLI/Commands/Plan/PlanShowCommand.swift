import ArgumentParser
import Foundation
import Logging
import PrepApp
import PrepContent
import PrepCore
import PrepStore

struct PlanShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "The whole plan, week by week, with what is done.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var content: ContentOptions

    @Flag(name: .long, help: "Print JSON: the plan's tasks with their progress.")
    var json = false

    func run() async throws {
        let catalog = try content.catalog()
        try await withPlanService(global: global, catalog: catalog, writes: false) { service in
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
