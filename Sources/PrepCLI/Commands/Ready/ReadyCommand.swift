import ArgumentParser
import Foundation
import PrepApp
import PrepCore
import PrepStore

struct ReadyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ready",
        abstract: "How ready you are, area by area, with the evidence behind each score.",
        subcommands: [ReadyShowCommand.self, ReadyAnswerCommand.self],
        defaultSubcommand: ReadyShowCommand.self
    )
}
