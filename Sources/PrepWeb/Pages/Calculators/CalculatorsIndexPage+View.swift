import PrepCore

/// `/calculators`: the four calculators and the catalogues behind them, with sources.
struct CalculatorsIndexPage {
    let model: CalculatorsIndexPageModel

    func render() -> String {
        Layout.page(title: "Calculators", current: .calculators) {
            el("h1") { "Calculators" }
            el("p", .class("lede")) { "The arithmetic system-design and infrastructure interviews turn on, with every step shown the way you would say it aloud." }
            el("ul", .class("calc-list")) {
                for kind in CalcKind.allCases {
                    el("li") {
                        el("a", .href(SiteURL.calculator(kind.rawValue).path)) { kind.title }
                        el("span", .class("hint")) { " · " + summary(kind) }
                    }
                }
            }
            el("h2") { "GPUs" }
            el("table", .class("data")) {
                el("caption") { "Dense peak figures per chip from the vendors' datasheets; on-demand prices with the date they held." }
                el("thead") {
                    el("tr") { for head in ["GPU", "Memory", "Bandwidth", "16-bit TFLOPS", "FP8 TFLOPS", "$ / GPU-hour", "Sources"] { el("th", .init("scope", "col")) { head } } }
                }
                el("tbody") {
                    for gpu in model.gpus {
                        el("tr") {
                            el("th", .init("scope", "row")) {
                                gpu.name
                                el("br")
                                el("code") { gpu.id }
                            }
                            el("td") { "\(Spoken.fixed(gpu.memoryGiB, digits: 0)) GiB" }
                            el("td") { "\(Spoken.fixed(gpu.memoryBandwidthGBs, digits: 0)) GB/s" }
                            el("td") { (gpu.tflops["bf16"] ?? gpu.tflops["fp16"]).map { Spoken.fixed($0, digits: 1) } ?? "—" }
                            el("td") { gpu.tflops["fp8"].map { Spoken.fixed($0, digits: 1) } ?? "—" }
                            el("td") { gpu.pricePerHourUSD.map { Spoken.dollars($0) + (gpu.priceAsOf.map { " (\($0))" } ?? "") } ?? "—" }
                            el("td") {
                                safeLink(to: gpu.specURL, .init("rel", "external noopener"), text: "datasheet")
                                if let url = gpu.priceURL {
                                    " · "
                                    safeLink(to: url, .init("rel", "external noopener"), text: "price")
                                }
                            }
                        }
                    }
                }
            }
            el("h2") { "Models" }
            el("table", .class("data")) {
                el("caption") { "Shapes from each model's config.json or paper." }
                el("thead") {
                    el("tr") { for head in ["Model", "Parameters", "Layers", "Hidden", "Heads / KV heads", "Context", "Source"] { el("th", .init("scope", "col")) { head } } }
                }
                el("tbody") {
                    for model in self.model.models {
                        el("tr") {
                            el("th", .init("scope", "row")) {
                                model.name
                                el("br")
                                el("code") { model.id }
                            }
                            el("td") { Spoken.count(model.params) + (model.activeParams < model.params ? " (\(Spoken.count(model.activeParams)) active)" : "") }
                            el("td") { String(model.layers) }
                            el("td") { String(model.hiddenSize) }
                            el("td") { "\(model.attentionHeads) / \(model.kvHeads)" }
                            el("td") { Spoken.count(Double(model.context)) }
                            el("td") { safeLink(to: model.sourceURL, .init("rel", "external noopener"), text: "config") }
                        }
                    }
                }
            }
        }
    }

    private func summary(_ kind: CalcKind) -> String {
        switch kind {
        case .train: "6·N·D FLOPs, GPU-hours, days and dollars; GPUs for a deadline, tokens for a budget"
        case .memory: "weights, gradients, Adam and master weights under ZeRO or FSDP, activations, LoRA and QLoRA"
        case .infer: "weights at a precision, the KV cache with grouped-query attention, the largest batch"
        case .serve: "decode and prefill time, replicas for a load, cost per month and per million tokens"
        }
    }
}
