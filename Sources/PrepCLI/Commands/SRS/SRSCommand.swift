import ArgumentParser
import Foundation
import PrepCore

struct SRSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "srs",
        abstract: "The spaced-repetition scheduler (FSRS-6) on its own.",
        subcommands: [SRSReplayCommand.self]
    )
}
