import PrepCore

/// `/calculators/KIND`: a GET form (so the URL holds the inputs and can be shared), the key
/// results, and the worked steps. calc.js recomputes as the user types by fetching this same
/// page and swapping the results.
struct CalculatorPage {
    let kind: CalcKind
    let catalog: CalcCatalog
    /// As typed.
    let fields: [String: String]
    let outcome: CalcOutcome?
    let error: CalcError?

    func render() -> String {
        Layout.page(title: kind.title, current: .calculators, scripts: [.calcJS]) {
            el("nav", .class("crumbs"), .aria("label", "Breadcrumb")) { el("a", .href(SiteURL.calculators.path)) { "Calculators" } }
            el("h1") { kind.title }
            el("p", .class("presets")) {
                "Try: "
                for (index, preset) in CalcPreset.presets(kind).enumerated() {
                    if index > 0 { " · " }
                    el("a", .href(preset.query(kind))) { preset.title }
                }
            }
            form()
            results
        }
    }

    private func form() -> Node {
        el("form", .init("method", "get"), .init("action", SiteURL.calculator(kind.rawValue).path), .class("calc-form"), .id("calc-form"), .init("novalidate", nil)) {
            el("div", .class("calc-grid")) {
                for name in kind.fields { if let field = CalcField.all[name] { control(field) } }
            }
            el("button", .type("submit")) { "Calculate" }
            el("span", .class("hint")) { " Results update as you type; the address keeps your inputs, so you can share it." }
        }
    }

    private func control(_ field: CalcField) -> Node {
        let id = "f-\(field.name)"
        let error = self.error?.field == field.name ? self.error : nil
        let value = fields[field.name] ?? ""
        var describedBy = "\(id)-hint"
        if error != nil { describedBy += " \(id)-error" }
        let common: [Attribute] = [.id(id), .name(field.name), .aria("describedby", describedBy)] + (error == nil ? [] : [.aria("invalid", "true")])
        return el("div", .class(error == nil ? "field" : "field invalid")) {
            if field.control == .flag {
                el("label") {
                    el("input", attributes: common + [.type("checkbox"), .value("true")] + (["1", "true", "yes", "on"].contains(value.lowercased()) ? [.flag("checked")] : []))
                    " " + field.label
                }
            } else {
                el("label", .init("for", id)) { field.label }
                switch field.control {
                case .model: select(common, value, [("", "— none: give parameters —")] + catalog.models.map { ($0.id, $0.name) })
                case .gpu: select(common, value, [("", "— choose —")] + catalog.gpus.map { ($0.id, $0.name) })
                case .precision: select(common, value, [("", "bf16 (default)")] + Precision.allCases.map { ($0.rawValue, $0.rawValue) })
                case .kvPrecision: select(common, value, [("", "bf16 (default)"), ("fp16", "fp16"), ("fp8", "fp8"), ("int8", "int8")])
                case .method: select(common, value, [("", "full (default)"), ("lora", "LoRA"), ("qlora", "QLoRA")])
                case .zero: select(common, value, [("", "none"), ("1", "ZeRO-1: optimizer states"), ("2", "ZeRO-2: + gradients"), ("3", "ZeRO-3 / FSDP: + weights")])
                default: el("input", attributes: common + [.type("text"), .value(value), .init("inputmode", "decimal"), .init("autocomplete", "off")])
                }
            }
            el("p", .class("hint"), .id("\(id)-hint")) { field.hint }
            if let error { el("p", .class("field-error"), .id("\(id)-error"), .init("role", "alert")) { "\(error.detail); \(error.fix)" } }
        }
    }

    private func select(_ attributes: [Attribute], _ value: String, _ options: [(String, String)]) -> Node {
        el("select", attributes: attributes) {
            for (option, label) in options {
                el("option", attributes: [.value(option)] + (option == value.lowercased() ? [.flag("selected")] : [])) { label }
            }
        }
    }

    /// The part calc.js swaps in.
    var results: Node {
        el("section", .id("results"), .aria("live", "polite")) {
            if let error {
                el("p", .class("flash error"), .init("role", "alert")) {
                    el("a", .href("#f-\(error.field)")) { CalcField.all[error.field]?.label ?? error.field }
                    ": \(error.detail); \(error.fix)"
                }
            } else if let outcome {
                el("h2") { "Answer" }
                el("dl", .class("facts calc-results")) {
                    for (label, value) in CalcResultText.keyResults(outcome) {
                        el("dt") { label }
                        el("dd") { value }
                    }
                }
                el("h2") { "Worked steps" }
                el("ol", .class("calc-steps")) {
                    for step in outcome.steps {
                        el("li") {
                            el("p") {
                                el("strong") { step.label }
                                ": "
                                el("span", .class("calc-value")) { step.result }
                            }
                            el("p", .class("formula")) { el("code") { step.formula } }
                            el("p", .class("formula")) { el("code") { "= " + step.substitution } }
                            if let check = step.check { el("p", .class("hint")) { "✓ " + check } }
                        }
                    }
                }
            } else {
                el("p", .class("hint")) { "Fill in the form or pick a question above." }
            }
        }
    }
}

/// The answer's headline numbers, said as people say them.
enum CalcResultText {
    static func keyResults(_ outcome: CalcOutcome) -> [(String, String)] {
        let order: [(String, String)]
        switch outcome.calculator {
        case .train:
            order = [
                ("total_flops", "Compute"), ("gpu_hours", "GPU-hours"), ("wall_clock_days", "Wall-clock"), ("cost_usd", "Cost"),
                ("gpus_needed", "GPUs for the deadline"), ("tokens_for_budget", "Tokens the budget buys"), ("chinchilla_tokens", "Chinchilla-optimal tokens"),
            ]
        case .memory:
            order = [
                ("total_per_gpu_bytes", "Total per GPU"), ("per_gpu_bytes", "Model states per GPU"), ("activation_bytes", "Activations"),
                ("trainable_params", "Trainable parameters"), ("fits", "Fits on the GPU"),
            ]
        case .infer:
            order = [
                ("weights_bytes", "Weights"), ("kv_cache_bytes_per_token", "KV cache per token"), ("kv_cache_bytes", "KV cache for the batch"),
                ("per_gpu_bytes", "Per GPU"), ("fits", "Fits"), ("max_batch", "Largest batch"), ("gpus_needed", "GPUs needed"),
            ]
        case .serve:
            order = [
                ("qps", "Peak requests/s"), ("replicas", "Replicas"), ("gpus_needed", "GPUs"), ("request_latency_seconds", "Request latency"),
                ("decode_step_seconds", "Time per output token"), ("cost_per_month_usd", "Cost per month"),
                ("cost_per_million_tokens_usd", "Cost per million tokens"), ("meets_latency_target", "Meets the latency target"),
            ]
        }
        return order.compactMap { key, label in outcome.results[key].map { (label, text(key, $0)) } }
    }

    static func text(_ key: String, _ value: CalcValue) -> String {
        switch value {
        case let .flag(flag): return flag ? "yes" : "no"
        case let .text(text): return text
        case let .number(number):
            if key.hasSuffix("_bytes") || key.hasSuffix("_bytes_per_token") { return Spoken.bytes(number) }
            if key.hasSuffix("_usd") { return Spoken.dollars(number) }
            if key == "total_flops" { return Spoken.scientific(number) + " FLOPs" }
            if key.hasSuffix("_seconds") { return number < 1 ? Spoken.fixed(number * 1000, digits: 1) + " ms" : Spoken.fixed(number, digits: 2) + " s" }
            if key == "wall_clock_days" { return Spoken.fixed(number, digits: number < 10 ? 1 : 0) + " days" }
            return Spoken.count(number)
        }
    }
}
