/// An accelerator from the catalogue (`calculators/gpus.yaml`), figures per chip.
public struct GPUSpec: Sendable, Equatable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var vendor: String
    /// Device memory as the vendor states it; HBM "80GB" is 80 GiB in practice.
    public var memoryGiB: Double
    public var memoryBandwidthGBs: Double
    /// Dense peak TFLOPS (TOPS for int8) by precision name: fp32, tf32, bf16, fp16, fp8, int8.
    public var tflops: [String: Double]
    public var interconnect: String
    public var interconnectGBs: Double?
    public var pricePerHourUSD: Double?
    public var priceSource: String?
    public var priceURL: String?
    public var priceAsOf: String?
    public var specURL: String
    public var notes: String?

    public init(
        id: String, name: String, vendor: String, memoryGiB: Double, memoryBandwidthGBs: Double, tflops: [String: Double],
        interconnect: String = "", interconnectGBs: Double? = nil, pricePerHourUSD: Double? = nil, priceSource: String? = nil,
        priceURL: String? = nil, priceAsOf: String? = nil, specURL: String = "", notes: String? = nil
    ) {
        self.id = id
        self.name = name
        self.vendor = vendor
        self.memoryGiB = memoryGiB
        self.memoryBandwidthGBs = memoryBandwidthGBs
        self.tflops = tflops
        self.interconnect = interconnect
        self.interconnectGBs = interconnectGBs
        self.pricePerHourUSD = pricePerHourUSD
        self.priceSource = priceSource
        self.priceURL = priceURL
        self.priceAsOf = priceAsOf
        self.specURL = specURL
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case id, name, vendor
        case memoryGiB = "memory_gib"
        case memoryBandwidthGBs = "memory_bandwidth_gb_s"
        case tflops, interconnect
        case interconnectGBs = "interconnect_gb_s"
        case pricePerHourUSD = "price_per_hour_usd"
        case priceSource = "price_source"
        case priceURL = "price_url"
        case priceAsOf = "price_as_of"
        case specURL = "spec_url"
        case notes
    }

    public var memoryBytes: Double { memoryGiB * 1_073_741_824 }
    public var bandwidthBytesPerSecond: Double { memoryBandwidthGBs * 1e9 }

    /// Peak FLOP/s at a precision, or nil when the chip has no such math.
    public func peakFLOPS(_ precision: Precision) -> Double? {
        tflops[precision.rawValue].map { $0 * 1e12 }
    }
}

/// A model from the catalogue (`calculators/models.yaml`).
public struct ModelSpec: Sendable, Equatable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var params: Double
    /// Parameters used per token (smaller than `params` for a mixture of experts).
    public var activeParams: Double
    public var layers: Int
    public var hiddenSize: Int
    public var attentionHeads: Int
    public var kvHeads: Int
    public var headDim: Int
    public var vocabSize: Int
    public var context: Int
    public var trainingTokens: Double?
    public var trainingGPUHours: Double?
    public var trainingGPU: String?
    /// For attention that does not cache 2 × KV heads × head dim per token and layer
    /// (DeepSeek's multi-head latent attention caches a compressed latent instead).
    public var kvCacheElementsPerTokenPerLayer: Int?
    public var sourceURL: String
    /// Where the training tokens and GPU-hours are stated.
    public var trainingSourceURL: String?
    public var notes: String?

    public init(
        id: String, name: String, params: Double, activeParams: Double? = nil, layers: Int, hiddenSize: Int, attentionHeads: Int, kvHeads: Int,
        headDim: Int, vocabSize: Int, context: Int, trainingTokens: Double? = nil, trainingGPUHours: Double? = nil, trainingGPU: String? = nil,
        kvCacheElementsPerTokenPerLayer: Int? = nil, sourceURL: String = "", trainingSourceURL: String? = nil, notes: String? = nil
    ) {
        self.id = id
        self.name = name
        self.params = params
        self.activeParams = activeParams ?? params
        self.layers = layers
        self.hiddenSize = hiddenSize
        self.attentionHeads = attentionHeads
        self.kvHeads = kvHeads
        self.headDim = headDim
        self.vocabSize = vocabSize
        self.context = context
        self.trainingTokens = trainingTokens
        self.trainingGPUHours = trainingGPUHours
        self.trainingGPU = trainingGPU
        self.kvCacheElementsPerTokenPerLayer = kvCacheElementsPerTokenPerLayer
        self.sourceURL = sourceURL
        self.trainingSourceURL = trainingSourceURL
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case id, name, params
        case activeParams = "active_params"
        case layers
        case hiddenSize = "hidden_size"
        case attentionHeads = "attention_heads"
        case kvHeads = "kv_heads"
        case headDim = "head_dim"
        case vocabSize = "vocab_size"
        case context
        case trainingTokens = "training_tokens"
        case trainingGPUHours = "training_gpu_hours"
        case trainingGPU = "training_gpu"
        case kvCacheElementsPerTokenPerLayer = "kv_cache_elements_per_token_per_layer"
        case sourceURL = "source_url"
        case trainingSourceURL = "training_source_url"
        case notes
    }

    /// Cached elements per token per layer: keys and values of every KV head, or the
    /// model's own figure.
    public var kvElementsPerTokenPerLayer: Int { kvCacheElementsPerTokenPerLayer ?? 2 * kvHeads * headDim }
}

/// Both catalogues, with lookups that suggest close ids for a typo.
public struct CalcCatalog: Sendable, Equatable {
    public var gpus: [GPUSpec]
    public var models: [ModelSpec]

    public init(gpus: [GPUSpec], models: [ModelSpec]) {
        self.gpus = gpus
        self.models = models
    }

    public func gpu(_ id: String) throws -> GPUSpec {
        let key = id.lowercased()
        if let gpu = gpus.first(where: { $0.id == key }) { return gpu }
        throw CalcError(
            field: "gpu", problem: "'\(id)' is not a GPU in the catalogue",
            fix: Self.didYouMean(key, gpus.map(\.id)))
    }

    public func model(_ id: String) throws -> ModelSpec {
        let key = id.lowercased()
        if let model = models.first(where: { $0.id == key }) { return model }
        throw CalcError(
            field: "model", problem: "'\(id)' is not a model in the catalogue",
            fix: Self.didYouMean(key, models.map(\.id)))
    }

    static func didYouMean(_ typed: String, _ ids: [String]) -> String {
        let close = Suggest.close(to: typed, among: ids)
        return close.isEmpty ? "choose one of: \(ids.joined(separator: ", "))" : "did you mean \(close.joined(separator: " or "))?"
    }
}

/// Number formats and their sizes in bytes.
public enum Precision: String, Sendable, Codable, CaseIterable {
    case fp32, tf32, bf16, fp16, fp8, int8, int4

    public var bytes: Double {
        switch self {
        case .fp32, .tf32: 4
        case .bf16, .fp16: 2
        case .fp8, .int8: 1
        case .int4: 0.5
        }
    }
}

/// A bad calculator input: which field (the CLI option and the JSON field share the name),
/// what was wrong, what to do.
public struct CalcError: UserFacingError, Equatable {
    public var field: String
    /// What was wrong, without the field's name.
    public var detail: String
    public var fix: String

    public init(field: String, problem: String, fix: String) {
        self.field = field
        self.detail = problem
        self.fix = fix
    }

    public var problem: String { "\(field): \(detail)" }
}
