import ArgumentParser
import Foundation
import Logging
import PrepCore
import PrepStore

struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Migrate or revert the database schema.",
        subcommands: [Migrate.self, Revert.self]
    )
}
