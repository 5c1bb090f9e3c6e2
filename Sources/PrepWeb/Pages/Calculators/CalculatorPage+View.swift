import PrepCore

/// `/calculators/KIND`: a GET form (so the URL holds the inputs and can be shared), the key
/// results, and the worked steps. calc.js recomputes as the user types by fetching this same
/// page and swapping the results.
struct CalculatorPage {
    let model: CalculatorPageModel

    private var kind: CalcKind { model.kind }
    private var error: CalcError? { model.error }

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
        let error = model.error?.field == field.name ? model.error : nil
        let value = model.fields[field.name] ?? ""
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
                case .model: select(common, value, [("", "— none: give parameters —")] + model.models.map { ($0.id, $0.name) })
                case .gpu: select(common, value, [("", "— choose —")] + model.gpus.map { ($0.id, $0.name) })
                case .precision: select(common, value, [("", "bf16 (default)")] + Precision.allCases.map { ($0.rawValue, $0.rawValue) })
                case .kvPrecision: select(common, value, [("", "bf16 (default)"), ("fp16", "fp16"), ("fp8", "fp8"), ("int8", "int8")])
                case .method: select(common, value, [("", "full (default)"), ("lora", "LoRA"), ("qlora", "QLoRA")])
                case .zero: select(common, value, [("", "none"), ("1", "ZeRO-1: optimizer states"), ("2", "ZeRO-2: + gradients"), ("3", "ZeRO-3 / FSDP: + weights")])
                default: el("input", attributes: common + [.type("text"), .value(value), .init("inputmode", "decimal"), .init("autocomplete", "off")])
                }
            }
            el("p", .class("hint"), .id("\(id)-hint")) { field.hint }
            if let error { el("p", .class("field-error"), .id("\(id)-error"), .init("role", "alert")) { CalcField.webWording("\(error.detail); \(error.fix)") } }
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
                    ": " + CalcField.webWording("\(error.detail); \(error.fix)")
                }
            } else if let outcome = model.outcome {
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
