import ArgumentParser
import PrepCore

/// The root of the command tree. The executable's main.swift only calls `main()`.
public struct InfraPrepCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "infraprep",
        abstract: "An offline interview coach for AI-infrastructure, MLOps and AI-platform roles.",
        discussion: """
            Run `infraprep serve` and open http://127.0.0.1:8080. Data lives in a SQLite file in \
            $XDG_DATA_HOME/infraprep (or ~/.local/share/infraprep); set DATABASE_URL=postgres://… \
            to use PostgreSQL. Commands that read data accept --json.
            """,
        version: "\(AppInfo.name) \(AppInfo.version)",
        subcommands: [
            ServeCommand.self, TodayCommand.self, PlanCommand.self, PracticeCommand.self, StatsCommand.self, ReadyCommand.self, CalcCommand.self, QuestionsCommand.self,
            ShowCommand.self, SRSCommand.self, ContentCommand.self, StatusCommand.self, DatabaseCommand.self,
        ]
    )

    public init() {}
}

extension InfraPrepCommand {
    /// Parses the process arguments and runs the chosen command, exiting with its error.
    /// Spelled out because in top-level code the compiler picks ParsableCommand's
    /// synchronous `main()`, which cannot run async subcommands.
    public static func runFromCommandLine() async {
        if let problem = CommandSuggestion.problem(in: Array(CommandLine.arguments.dropFirst())) {
            exit(withError: ValidationError(problem))
        }
        do {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
