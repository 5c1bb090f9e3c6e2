import ArgumentParser
import Foundation
import PrepContent
import PrepCore

struct CalcCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calc",
        abstract: "Back-of-envelope arithmetic for ML infrastructure, with the worked steps.",
        discussion: "Numbers may be written 7e9, 7B, 2T, 1.5M or 40%. `infraprep calc gpus` and `calc models` list the catalogues.",
        subcommands: [CalcTrainCommand.self, CalcMemoryCommand.self, CalcInferCommand.self, CalcServeCommand.self, CalcListCommand.self]
    )

    /// Runs a calculator on the options given and prints the steps, or JSON.
    static func run(_ kind: CalcKind, _ fields: [String: String?], json: Bool) throws {
        let catalog = try CalcCatalogLoader.bundled()
        let outcome: CalcOutcome
        do {
            outcome = try CalcRunner.run(kind, fields: fields.compactMapValues { $0 }, catalog: catalog)
        } catch let error as CalcError {
            // Field names are the option names.
            throw PlainError("--\(error.field): \(error.detail)", fix: error.fix)
        }
        if json {
            print(try JSONOutput.render(outcome))
        } else {
            print(render(outcome, terminal: .forStandardOutput()))
        }
    }

    static func render(_ outcome: CalcOutcome, terminal: Terminal) -> String {
        var out = [terminal.bold(outcome.calculator.title)]
        for (index, step) in outcome.steps.enumerated() {
            out.append("\n\(index + 1). " + terminal.bold(step.label) + ": " + step.result)
            out.append("   " + step.formula)
            out.append("   = " + step.substitution)
            if let check = step.check { out.append(terminal.dim("   ✓ " + check)) }
        }
        return out.joined(separator: "\n")
    }
}
