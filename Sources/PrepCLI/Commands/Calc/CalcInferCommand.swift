import ArgumentParser
import Foundation
import PrepContent
import PrepCore

struct CalcInferCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infer", abstract: "Inference memory: weights at a precision plus the KV cache; the largest batch; tensor-parallel split.")

    /// Accepted everywhere, so a shell alias that always passes --data-dir works with every command.
    @OptionGroup var global: GlobalOptions

    @OptionGroup var common: CalcCommonOptions
    @Option(help: ArgumentHelp("Weights: fp32, bf16, fp16, fp8, int8 or int4 (default bf16).", valueName: "p")) var precision: String?
    @Option(name: .customLong("kv-precision"), help: ArgumentHelp("KV cache: bf16, fp16, fp8 or int8 (default bf16).", valueName: "p")) var kvPrecision: String?
    @Option(help: ArgumentHelp("Sequences at once (default 1).", valueName: "n")) var batch: String?
    @Option(help: ArgumentHelp("Tokens per sequence; 32k is 32,768 (default: the model's context).", valueName: "tokens")) var context: String?
    @Option(help: ArgumentHelp("Parameters of a model not in the catalogue (with --layers, --kv-heads, --head-dim).", valueName: "n")) var params: String?
    @Option(help: ArgumentHelp("Layers, for a shape of your own or to change the model's.", valueName: "n")) var layers: String?
    @Option(help: ArgumentHelp("Attention (query) heads.", valueName: "n")) var heads: String?
    @Option(name: .customLong("kv-heads"), help: ArgumentHelp("KV heads (fewer than the query heads with grouped-query attention).", valueName: "n")) var kvHeads: String?
    @Option(name: .customLong("head-dim"), help: ArgumentHelp("Head dimension (usually 128).", valueName: "n")) var headDim: String?
    @Option(help: ArgumentHelp("Tensor-parallel GPUs (default 1).", valueName: "n")) var tp: String?
    @Option(help: ArgumentHelp("Share of GPU memory for weights and cache (default 0.9).", valueName: "x")) var usable: String?

    func run() async throws {
        try CalcCommand.run(
            .infer,
            [
                "model": common.model, "gpu": common.gpu, "precision": precision, "kv-precision": kvPrecision, "batch": batch,
                "context": context, "tp": tp, "usable": usable, "params": params, "layers": layers, "heads": heads, "kv-heads": kvHeads,
                "head-dim": headDim,
            ], json: common.json)
    }
}
