import ArgumentParser
import Foundation
import PrepContent
import PrepCore

struct CalcTrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "train", abstract: "Training FLOPs (6·N·D), GPU-hours, days and cost; GPUs for a deadline, tokens for a budget.")

    /// Accepted everywhere, so a shell alias that always passes --data-dir works with every command.
    @OptionGroup var global: GlobalOptions

    @OptionGroup var common: CalcCommonOptions
    @Option(help: ArgumentHelp("Parameters, e.g. 7e9 (default: the model's active parameters).", valueName: "n")) var params: String?
    @Option(help: ArgumentHelp("Training tokens, e.g. 2e12 (default: the model's, where published).", valueName: "n")) var tokens: String?
    @Option(help: ArgumentHelp("GPUs training together (default 1).", valueName: "n")) var gpus: String?
    @Option(help: ArgumentHelp("Model FLOPs utilisation, 0-1 (default 0.4: large dense runs reach 35-50 %).", valueName: "x")) var mfu: String?
    @Option(help: ArgumentHelp("Math precision (default bf16).", valueName: "p")) var precision: String?
    @Option(help: ArgumentHelp("Dollars per GPU-hour (default: the catalogue's on-demand price).", valueName: "usd")) var price: String?
    @Flag(help: "Count activation recomputation (8·N·D instead of 6·N·D).") var recompute = false
    @Option(help: ArgumentHelp("Finish within this many days: how many GPUs?", valueName: "days")) var days: String?
    @Option(help: ArgumentHelp("A budget in dollars: how many tokens does it buy?", valueName: "usd")) var budget: String?
    @Flag(help: "Allow more than 10^16 tokens.") var force = false

    func run() async throws {
        try CalcCommand.run(
            .train,
            [
                "model": common.model, "gpu": common.gpu, "params": params, "tokens": tokens, "gpus": gpus, "mfu": mfu,
                "precision": precision, "price": price, "recompute": recompute ? "true" : nil, "days": days, "budget": budget,
                "force": force ? "true" : nil,
            ], json: common.json)
    }
}
