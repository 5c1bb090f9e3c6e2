import ArgumentParser
import Foundation
import PrepApp
import PrepCore
import PrepStore

struct ReadyAnswerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "Answer a checklist item (yes: I can) or a red flag (yes: this was me), or clear the answer."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var content: ContentOptions

    @Argument(help: "The item id, as `ready --checklists` lists it (e.g. ir-prometheus, rf-rambling).")
    var id: String

    @Argument(help: "yes, no or clear.")
    var answer: String

    func validate() throws {
        guard answer == "clear" || ChecklistAnswer(rawValue: answer) != nil else {
            throw ValidationError("answer '\(answer)': use yes, no or clear")
        }
    }

    func run() async throws {
        let catalog = try content.catalog()
        try await withContext(global: global, catalog: catalog, writes: true) { context in
            try await context.readiness.answer(id, ChecklistAnswer(rawValue: answer))
            print(answer == "clear" ? "Cleared: \(id)" : "Answered \(answer): \(id)")
        }
    }
}
