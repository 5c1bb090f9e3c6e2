@testable import PrepCore
@testable import PrepWeb

extension CalculatorPageModel {
    static let trainFields = ["model": "llama-3-8b", "gpu": "h100-sxm", "gpus": "256", "mfu": "0.4"]

    /// The training calculator answered: key results and the worked steps.
    static let mock = CalculatorPageModel.make(
        kind: .train, catalog: CalculatorsIndexPageModel.catalog, fields: trainFields,
        outcome: try! CalcRunner.run(.train, fields: trainFields, catalog: CalculatorsIndexPageModel.catalog), error: nil)

    /// Nothing typed yet.
    static let empty = CalculatorPageModel.make(kind: .serve, catalog: CalculatorsIndexPageModel.catalog, fields: [:], outcome: nil, error: nil)

    /// A refused field: the error beside it and above the results.
    static let refused = CalculatorPageModel.make(
        kind: .memory, catalog: CalculatorsIndexPageModel.catalog, fields: ["params": "lots", "gpu": "h100-sxm", "recompute": "true"], outcome: nil,
        error: CalcError(field: "params", problem: "'lots' is not a number", fix: "write it as 7e9, 7B or 70B"))
}
