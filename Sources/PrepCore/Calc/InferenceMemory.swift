import Foundation

/// Memory to serve a model: weights at a precision plus the KV cache,
/// 2 × layers × KV heads × head dim × bytes per token (grouped-query attention keeps it
/// small), split over tensor-parallel GPUs; and the largest batch that fits.
public enum InferenceMemory {
    public struct Input: Sendable, Equatable {
        public var model: ModelSpec
        /// Nil: weights and KV cache are worked out, the fit and the largest batch are not.
        public var gpu: GPUSpec?
        public var precision: Precision
        public var kvPrecision: Precision
        public var batch: Int
        /// Tokens per sequence (prompt and output); nil uses the model's context.
        public var context: Int?
        public var tensorParallel: Int
        /// Share of GPU memory the weights and cache may use; the rest is the runtime,
        /// activations and fragmentation (vLLM's default gpu_memory_utilization is 0.9).
        public var usable: Double

        public init(
            model: ModelSpec, gpu: GPUSpec?, precision: Precision = .bf16, kvPrecision: Precision = .bf16, batch: Int = 1,
            context: Int? = nil, tensorParallel: Int = 1, usable: Double = 0.9
        ) {
            self.model = model
            self.gpu = gpu
            self.precision = precision
            self.kvPrecision = kvPrecision
            self.batch = batch
            self.context = context
            self.tensorParallel = tensorParallel
            self.usable = usable
        }
    }

    public struct Result: Sendable, Equatable, Codable {
        public var weightsBytes: Double
        public var kvCacheBytesPerToken: Double
        public var kvCacheBytes: Double
        public var perGPUBytes: Double
        /// The fit, the largest batch and the GPUs needed are nil when no GPU was given.
        public var gpuMemoryBytes: Double?
        public var fits: Bool?
        /// Sequences of this length that fit beside the weights (0: the weights alone do not fit).
        public var maxBatch: Int?
        /// GPUs the weights and cache need at this batch, at the usable share of memory.
        public var gpusNeeded: Int?
        public var context: Int
        public var steps: [CalcStep]
    }

    static let storagePrecisions: Set<Precision> = [.fp32, .bf16, .fp16, .fp8, .int8, .int4]

    public static func validate(_ input: Input) throws {
        guard storagePrecisions.contains(input.precision) else {
            throw CalcError(field: "precision", problem: "\(input.precision.rawValue) is a math mode, not a storage format", fix: "use fp32, bf16, fp16, fp8, int8 or int4")
        }
        try checkKVPrecision(input.kvPrecision)
        try CalcCheck.count(input.batch, "batch", most: 1_000_000)
        if let context = input.context {
            try CalcCheck.count(context, "context", most: 10_000_000)
        }
        try CalcCheck.count(input.tensorParallel, "tp", most: 1024)
        try CalcCheck.fraction(input.usable, "usable", least: 0.1)
    }

    static func checkContext(_ tokens: Int, _ model: ModelSpec, field: String) throws {
        guard tokens <= model.context else {
            throw CalcError(
                field: field, problem: "\(tokens) tokens is more than \(model.name)'s context of \(model.context)",
                fix: "give at most \(model.context) tokens per sequence")
        }
    }

    /// The GPUs the KV cache is split over. Grouped-query attention shards whole KV heads, so
    /// beyond `kv_heads` GPUs the heads are copied; a latent cache (DeepSeek's MLA) is one head,
    /// copied to every GPU.
    public static func kvShards(_ model: ModelSpec, tensorParallel: Int) -> Int {
        model.kvCacheElementsPerTokenPerLayer == nil ? max(1, min(tensorParallel, model.kvHeads)) : 1
    }

    static let kvPrecisions: Set<Precision> = [.fp32, .bf16, .fp16, .fp8, .int8]

    static func checkKVPrecision(_ precision: Precision) throws {
        guard kvPrecisions.contains(precision) else {
            throw CalcError(field: "kv-precision", problem: "\(precision.rawValue) is not a KV-cache format", fix: "use bf16, fp16, fp8 or int8")
        }
    }

    public static func compute(_ input: Input) throws -> Result {
        try validate(input)
        let model = input.model
        let tp = Double(input.tensorParallel)
        let context = input.context ?? model.context
        let weights = model.params * input.precision.bytes
        let perToken = Double(model.layers) * Double(model.kvElementsPerTokenPerLayer) * input.kvPrecision.bytes
        let perSequence = perToken * Double(context)
        let cache = perSequence * Double(input.batch)
        let shards = Double(kvShards(model, tensorParallel: input.tensorParallel))
        let perGPU = weights / tp + cache / shards
        var fits: Bool?
        var maxBatch: Int?
        var needed: Int?
        if let gpu = input.gpu {
            let capacity = gpu.memoryBytes * input.usable
            fits = perGPU <= capacity
            let room = capacity - weights / tp
            maxBatch = room > 0 ? try CalcCheck.whole((room / (perSequence / shards)).rounded(.down), "batch", what: "sequences") : 0
            // The fewest GPUs (a power of two, up to 1,024) whose share fits.
            needed =
                [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024].first { n in
                    weights / Double(n) + cache / Double(kvShards(model, tensorParallel: n)) <= capacity
                } ?? 0
        }
        var steps: [CalcStep] = []
        if context > model.context {
            steps.append(
                CalcStep(
                    "Context", formula: "tokens per sequence ≤ the model's native context", substitution: "\(context) > \(model.context)",
                    result: "beyond \(model.name)'s native context",
                    check:
                        "Worked out as asked, but the model was trained for \(model.context) tokens: past it, quality falls unless RoPE scaling (YaRN, NTK) or a long-context variant is used."
                ))
        }
        steps.append(
            CalcStep(
                "Weights", formula: "N × bytes per parameter",
                substitution: "\(Spoken.count(model.params)) × \(Spoken.count(input.precision.bytes)) (\(input.precision.rawValue))",
                result: Spoken.bytes(weights),
                check: model.activeParams < model.params
                    ? "Every expert stays in memory, though only \(Spoken.count(model.activeParams)) parameters work per token."
                    : "A 7 B model is about 14 GB in 16-bit, 3.5 GB in 4-bit."))
        let perTokenFormula =
            model.kvCacheElementsPerTokenPerLayer == nil
            ? "2 × layers × KV heads × head dim × bytes"
            : "layers × \(model.kvElementsPerTokenPerLayer) cached elements × bytes (compressed latent attention)"
        let perTokenNumbers =
            model.kvCacheElementsPerTokenPerLayer == nil
            ? "2 × \(model.layers) × \(model.kvHeads) × \(model.headDim) × \(Spoken.count(input.kvPrecision.bytes))"
            : "\(model.layers) × \(model.kvElementsPerTokenPerLayer) × \(Spoken.count(input.kvPrecision.bytes))"
        steps.append(
            CalcStep(
                "KV cache per token", formula: perTokenFormula, substitution: perTokenNumbers, result: Spoken.bytes(perToken),
                check: model.kvHeads < model.attentionHeads
                    ? "Grouped-query attention: \(model.kvHeads) KV heads for \(model.attentionHeads) query heads, \(model.attentionHeads / max(model.kvHeads, 1))× smaller than full multi-head."
                    : nil))
        steps.append(
            CalcStep(
                "KV cache for the batch", formula: "per token × context × batch",
                substitution: "\(Spoken.bytes(perToken)) × \(context) × \(input.batch)", result: Spoken.bytes(cache), check: nil))
        let kvFormula =
            model.kvCacheElementsPerTokenPerLayer == nil
            ? (input.tensorParallel > model.kvHeads
                ? "KV cache ÷ \(model.kvHeads) (only \(model.kvHeads) KV heads to split; the rest are copies)" : "KV cache ÷ tensor-parallel GPUs")
            : "the whole KV cache (a latent cache is one head, copied to every GPU)"
        let capacityText = input.gpu.map { "\(Spoken.percent(input.usable)) of \(Spoken.bytes($0.memoryBytes))" }
        steps.append(
            CalcStep(
                "Per GPU", formula: "weights ÷ tensor-parallel GPUs + " + kvFormula,
                substitution: "\(Spoken.bytes(weights)) ÷ \(input.tensorParallel) + \(Spoken.bytes(cache)) ÷ \(Int(shards))",
                result: Spoken.bytes(perGPU),
                check: input.gpu == nil
                    ? "No GPU given: the fit and the largest batch are not checked."
                    : fits == true
                        ? "Fits in \(capacityText ?? "")."
                        : (needed ?? 0) > 0
                            ? "Over \(capacityText ?? ""): \(needed ?? 0) GPUs are needed."
                            : "Does not fit even on 1,024 GPUs: shrink the batch or the context."))
        if let gpu = input.gpu, let maxBatch {
            let capacity = gpu.memoryBytes * input.usable
            steps.append(
                CalcStep(
                    "Largest batch", formula: "⌊(usable memory − weights ÷ GPUs) ÷ KV cache per sequence per GPU⌋",
                    substitution: "(\(Spoken.bytes(capacity)) − \(Spoken.bytes(weights / tp))) ÷ (\(Spoken.bytes(perSequence)) ÷ \(Int(shards)))",
                    result: "\(maxBatch) sequences of \(context) tokens",
                    check: maxBatch == 0
                        ? "The weights alone do not fit: add tensor-parallel GPUs or quantize."
                        : "Paged attention (vLLM) allocates by the block, so real batches of shorter sequences are larger."))
        }
        return Result(
            weightsBytes: weights, kvCacheBytesPerToken: perToken, kvCacheBytes: cache, perGPUBytes: perGPU, gpuMemoryBytes: input.gpu?.memoryBytes,
            fits: fits, maxBatch: maxBatch, gpusNeeded: needed, context: context, steps: steps)
    }
}
