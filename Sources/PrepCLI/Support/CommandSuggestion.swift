import ArgumentParser
import PrepCore

/// "did you mean practice?" for a mistyped command, found before ArgumentParser reads the
/// arguments: it reported `infraprep pratice --data-dir x` as "Unknown option '--data-dir'",
/// blaming the one part that was right (issue #13, bug 10).
struct CommandSuggestion {
    var name: String
    var aliases: [String]
    var hasDefault: Bool
    var subcommands: [CommandSuggestion]

    init(_ command: any ParsableCommand.Type) {
        let configuration = command.configuration
        name = command._commandName
        aliases = configuration.aliases
        hasDefault = configuration.defaultSubcommand != nil
        subcommands = configuration.subcommands.map { CommandSuggestion($0) }
    }

    /// The problem with the command words of `arguments` (without the program name), or nil.
    static func problem(in arguments: [String]) -> String? {
        CommandSuggestion(InfraPrepCommand.self).problem(in: arguments, path: ["infraprep"])
    }

    private func problem(in arguments: [String], path: [String]) -> String? {
        // Options, and the arguments of a command without subcommands, are the parser's to judge.
        guard let argument = arguments.first, !subcommands.isEmpty, !argument.hasPrefix("-"), argument != "help" else { return nil }
        if let next = subcommands.first(where: { $0.name == argument || $0.aliases.contains(argument) }) {
            return next.problem(in: Array(arguments.dropFirst()), path: path + [argument])
        }
        if hasDefault { return nil }
        let close = Suggest.close(to: argument, among: subcommands.map(\.name), limit: 2)
        let guess = close.isEmpty ? "" : "; did you mean \(close.joined(separator: " or "))?"
        let parent = path.joined(separator: " ")
        return "'\(argument)' is not a command of \(parent)\(guess) (`\(parent) --help` lists them)"
    }
}
