import ArgumentParser
import Foundation
import PrepContent
import PrepCore

extension ContentCommand {
    struct Lint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lint content folders (default: the bundled content); errors read file:line: message.",
            discussion: """
                A folder with a taxonomy.yaml at its top is a complete content root (like the bundled one: \
                items under items/); any other folder is checked as your own items, whose ids must not \
                collide with the bundled ones. Exit code 1 when there is any error.
                """
        )

        /// Accepted everywhere, so a shell alias that always passes --data-dir works with every command.
        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("Folders to lint.", valueName: "dir"))
        var directories: [String] = []

        @Flag(name: .long, help: "Print JSON (shape in docs/CLI.md).")
        var json = false

        func run() async throws {
            let report = try makeReport()
            if json {
                print(try JSONOutput.render(report))
            } else {
                let terminal = Terminal.forStandardOutput()
                for issue in report.issues { print(issue.severity == .error ? terminal.red(issue.description) : terminal.yellow(issue.description)) }
                let summary =
                    "\(report.filesChecked) files checked: \(report.errors) error\(report.errors == 1 ? "" : "s"), \(report.warnings) warning\(report.warnings == 1 ? "" : "s")"
                print(report.errors == 0 ? terminal.green(summary) : terminal.bold(summary))
            }
            if report.errors > 0 { throw ExitCode.failure }
        }

        func makeReport() throws -> ContentLint.Summary {
            try ContentLint.run(directories: directories)
        }
    }
}
