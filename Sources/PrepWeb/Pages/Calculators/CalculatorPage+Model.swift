import PrepCore

/// Everything one calculator's page shows, built by `CalculatorsController`: the inputs as
/// typed, and the outcome or the refused field.
struct CalculatorPageModel: Sendable {
    /// A choice of a select: the value sent and the name shown.
    struct Option: Sendable, Equatable {
        var id: String
        var name: String
    }

    var kind: CalcKind
    /// The catalogue's models and GPUs, for the presets' selects.
    var models: [Option]
    var gpus: [Option]
    /// As typed.
    var fields: [String: String]
    var outcome: CalcOutcome?
    var error: CalcError?

    static func make(kind: CalcKind, catalog: CalcCatalog, fields: [String: String], outcome: CalcOutcome?, error: CalcError?) -> CalculatorPageModel {
        CalculatorPageModel(
            kind: kind, models: catalog.models.map { Option(id: $0.id, name: $0.name) }, gpus: catalog.gpus.map { Option(id: $0.id, name: $0.name) },
            fields: fields, outcome: outcome, error: error)
    }
}
