import ArgumentParser
import Foundation
import PrepContent
import PrepCore

struct CalcListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The GPU and model catalogues with their sources.", aliases: ["gpus", "models"])

    /// Accepted everywhere, so a shell alias that always passes --data-dir works with every command.
    @OptionGroup var global: GlobalOptions

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
