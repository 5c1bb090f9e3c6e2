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

/// Options every calculator shares.
struct CalcCommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A model from `calc models`, e.g. llama-2-7b.", valueName: "id"))
    var model: String?

    @Option(name: .long, help: ArgumentHelp("A GPU from `calc gpus`, e.g. h100-sxm.", valueName: "id"))
    var gpu: String?

    @Flag(name: .long, help: "Print JSON: {calculator, inputs, …results with units in their keys, steps}.")
    var json = false
}

struct CalcTrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "train", abstract: "Training FLOPs (6·N·D), GPU-hours, days and cost; GPUs for a deadline, tokens for a budget.")

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

struct CalcMemoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory", abstract: "Training memory per GPU: weights, gradients, Adam, master weights under ZeRO/FSDP, activations, LoRA/QLoRA.")

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

struct CalcInferCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infer", abstract: "Inference memory: weights at a precision plus the KV cache; the largest batch; tensor-parallel split.")

    @OptionGroup var common: CalcCommonOptions
    @Option(help: ArgumentHelp("Weights: fp32, bf16, fp16, fp8, int8 or int4 (default bf16).", valueName: "p")) var precision: String?
    @Option(name: .customLong("kv-precision"), help: ArgumentHelp("KV cache: bf16, fp16, fp8 or int8 (default bf16).", valueName: "p")) var kvPrecision: String?
    @Option(help: ArgumentHelp("Sequences at once (default 1).", valueName: "n")) var batch: String?
    @Option(help: ArgumentHelp("Tokens per sequence (default: the model's context).", valueName: "tokens")) var context: String?
    @Option(help: ArgumentHelp("Tensor-parallel GPUs (default 1).", valueName: "n")) var tp: String?
    @Option(help: ArgumentHelp("Share of GPU memory for weights and cache (default 0.9).", valueName: "x")) var usable: String?

    func run() async throws {
        try CalcCommand.run(
            .infer,
            [
                "model": common.model, "gpu": common.gpu, "precision": precision, "kv-precision": kvPrecision, "batch": batch,
                "context": context, "tp": tp, "usable": usable,
            ], json: common.json)
    }
}

struct CalcServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serving capacity: decode and prefill time, replicas and GPUs for a load, cost per month and per million tokens.")

    @OptionGroup var common: CalcCommonOptions
    @Option(help: ArgumentHelp("Peak requests per second.", valueName: "n")) var qps: String?
    @Option(help: ArgumentHelp("Daily active users (instead of --qps).", valueName: "n")) var dau: String?
    @Option(name: .customLong("requests-per-user"), help: ArgumentHelp("Requests per user per day (default 10).", valueName: "n")) var requestsPerUser: String?
    @Option(name: .customLong("peak-factor"), help: ArgumentHelp("Peak over average traffic (default 2).", valueName: "x")) var peakFactor: String?
    @Option(name: .customLong("input-tokens"), help: ArgumentHelp("Prompt tokens per request (default 500).", valueName: "n")) var inputTokens: String?
    @Option(name: .customLong("output-tokens"), help: ArgumentHelp("Output tokens per request (default 250).", valueName: "n")) var outputTokens: String?
    @Option(help: ArgumentHelp("Weights precision (default bf16).", valueName: "p")) var precision: String?
    @Option(name: .customLong("kv-precision"), help: ArgumentHelp("KV cache precision (default bf16).", valueName: "p")) var kvPrecision: String?
    @Option(help: ArgumentHelp("GPUs per replica (default: the fewest that hold the weights).", valueName: "n")) var tp: String?
    @Option(help: ArgumentHelp("Sequences per replica (default: the most that fit, at most 256).", valueName: "n")) var batch: String?
    @Option(name: .customLong("tpot-ms"), help: ArgumentHelp("Target time per output token in ms.", valueName: "ms")) var tpotMs: String?
    @Option(name: .customLong("ttft-ms"), help: ArgumentHelp("Target time to first token in ms.", valueName: "ms")) var ttftMs: String?
    @Option(help: ArgumentHelp("Spare capacity (default 0.3).", valueName: "x")) var headroom: String?
    @Option(help: ArgumentHelp("Share of peak bandwidth and FLOP/s reached (default 0.7).", valueName: "x")) var efficiency: String?
    @Option(help: ArgumentHelp("Dollars per GPU-hour (default: the catalogue's).", valueName: "usd")) var price: String?

    func run() async throws {
        try CalcCommand.run(
            .serve,
            [
                "model": common.model, "gpu": common.gpu, "qps": qps, "dau": dau, "requests-per-user": requestsPerUser,
                "peak-factor": peakFactor, "input-tokens": inputTokens, "output-tokens": outputTokens, "precision": precision,
                "kv-precision": kvPrecision, "tp": tp, "batch": batch, "tpot-ms": tpotMs, "ttft-ms": ttftMs, "headroom": headroom,
                "efficiency": efficiency, "price": price,
            ], json: common.json)
    }
}

struct CalcListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The GPU and model catalogues with their sources.", aliases: ["gpus", "models"])

    @Flag(help: "Print JSON: {gpus, models}.") var json = false

    struct Document: Encodable {
        var gpus: [GPUSpec]
        var models: [ModelSpec]
    }

    func run() async throws {
        let catalog = try CalcCatalogLoader.bundled()
        if json {
            print(try JSONOutput.render(Document(gpus: catalog.gpus, models: catalog.models)))
            return
        }
        let terminal = Terminal.forStandardOutput()
        print(terminal.bold("GPUs") + terminal.dim("  (dense TFLOPS; $ per GPU-hour on demand)"))
        for gpu in catalog.gpus {
            let bf16 = gpu.tflops["bf16"] ?? gpu.tflops["fp16"] ?? 0
            let price = gpu.pricePerHourUSD.map { Spoken.dollars($0) + (gpu.priceAsOf.map { " (\($0))" } ?? "") } ?? "—"
            print(
                "  \(gpu.id.padding(toLength: 10, withPad: " ", startingAt: 0))  \(Spoken.fixed(gpu.memoryGiB, digits: 0)) GiB  \(Spoken.fixed(gpu.memoryBandwidthGBs, digits: 0)) GB/s  \(Spoken.fixed(bf16, digits: 0)) TFLOPS 16-bit  \(price)"
            )
        }
        print(terminal.bold("\nModels"))
        for model in catalog.models {
            let active = model.activeParams < model.params ? " (\(Spoken.count(model.activeParams)) active)" : ""
            print(
                "  \(model.id.padding(toLength: 15, withPad: " ", startingAt: 0))  \(Spoken.count(model.params))\(active)  \(model.layers) layers  \(model.attentionHeads)/\(model.kvHeads) heads/KV  \(model.context) context"
            )
        }
    }
}
