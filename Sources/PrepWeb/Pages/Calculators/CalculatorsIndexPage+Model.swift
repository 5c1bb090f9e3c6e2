import PrepCore

/// Everything `/calculators` shows, built by `CalculatorsController`: the catalogues the
/// calculators use, with their sources.
struct CalculatorsIndexPageModel: Sendable, Equatable {
    var gpus: [GPUSpec]
    var models: [ModelSpec]
}
