import ArgumentParser
import Foundation
import PrepContent
import PrepCore

struct CalcMemoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory", abstract: "Training memory per GPU: weights, gradients, Adam, master weights under ZeRO/FSDP, activations, LoRA/QLoRA.")

    /// Accepted everywhere, so a shell alias that always passes --data-dir works with every command.
    @OptionGroup var global: GlobalOptions

    @OptionGroup var common: CalcCommonOptions
    @Option(help: ArgumentHelp("Parameters, e.g. 7e9 (default: the model's).", valueName: "n")) var params: String?
    @Option(help: ArgumentHelp("Data-parallel GPUs the states are sharded over (default 1).", valueName: "n")) var gpus: String?
    @Option(help: ArgumentHelp("ZeRO stage 0-3, or fsdp (= 3).", valueName: "stage")) var zero: String?
    @Option(help: ArgumentHelp("full, lora or qlora (default full).", valueName: "m")) var method: String?
    @Option(name: .customLong("lora-rank"), help: ArgumentHelp("LoRA rank (default 16).", valueName: "r")) var loraRank: String?
    @Option(help: ArgumentHelp("Sequence length for activations.", valueName: "tokens")) var context: String?
    @Option(help: ArgumentHelp("Sequences per GPU per step, for activations.", valueName: "n")) var batch: String?
    @Flag(help: "Full activation recomputation (keeps only each layer's input).") var recompute = false

    func run() async throws {
        try CalcCommand.run(
            .memory,
            [
                "model": common.model, "gpu": common.gpu, "params": params, "gpus": gpus, "zero": zero, "method": method,
                "lora-rank": loraRank, "context": context, "batch": batch, "recompute": recompute ? "true" : nil,
            ], json: common.json)
    }
}
