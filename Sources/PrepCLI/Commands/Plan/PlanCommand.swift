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
        subcommands: [
            PlanInitCommand.self, PlanShowCommand.self, PlanDoneCommand.self, PlanMoveCommand.self, PlanCatchUpCommand.self, PlanNoteCommand.self, PlanICSCommand.self,
            PlanFeedCommand.self,
        ]
    )
}
/// Opens the database like the server and hands a plan service to `body`.
func withPlanService(global: GlobalOptions, catalog: ContentCatalog, writes: Bool, _ body: (PlanService) async throws -> Void) async throws {
    try await withContext(global: global, catalog: catalog, writes: writes) { try await body($0.plans) }
}
