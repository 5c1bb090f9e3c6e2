import ArgumentParser
import Foundation
import Logging
import PrepApp
import PrepContent
import PrepCore
import PrepStore

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
        try await withPlanService(global: global, catalog: catalog, writes: true) { service in
            let entry = try await service.setDone(id, done: !undo)
            print("\(undo ? "Not done" : "Done"): \(entry.task.text) (\(entry.task.id))")
        }
    }
}
