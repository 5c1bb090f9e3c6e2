import ArgumentParser
import Foundation
import PrepContent
import PrepCore

struct ContentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "content",
        abstract: "Check content folders.",
        subcommands: [Lint.self]
    )
}
