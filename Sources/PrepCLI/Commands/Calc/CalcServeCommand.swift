import ArgumentParser
import Foundation
import PrepContent
import PrepCore

struct CalcServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serving capacity: decode and prefill time, replicas and GPUs for a load, cost per month and per million tokens.")

    /// Accepted everywhere, so a shell alias that always passes --data-dir works with every command.
    @OptionGroup var global: GlobalOptions

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
