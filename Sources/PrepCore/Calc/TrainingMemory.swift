import Foundation

/// Memory per GPU for training with Adam in mixed precision: 16-bit weights and gradients,
/// fp32 Adam moments and master weights (16 bytes per parameter, the ZeRO paper's 2 + 2 + 12),
/// sharded by ZeRO stage or FSDP; activations by sequence length and micro-batch
/// (Korthikanti et al., 2022); LoRA and QLoRA as options.
public enum TrainingMemory {
    public enum Method: String, Sendable, Codable, CaseIterable {
        case full, lora, qlora
    }

    public struct Input: Sendable, Equatable {
        public var params: Double
        /// Layers, hidden size, heads, vocabulary: needed for activations and LoRA.
        public var model: ModelSpec?
        /// Nil: the memory is worked out and the fit is not checked (nothing else depends on it).
        public var gpu: GPUSpec?
        /// Data-parallel GPUs the states are sharded over.
        public var gpus: Int
        /// 0 (none), 1, 2 or 3 (3 is also FSDP's full sharding).
        public var zero: Int
        public var method: Method
        public var loraRank: Int
        public var sequenceLength: Int?
        /// Sequences per GPU per step (the micro-batch).
        public var batch: Int?
        public var recompute: Bool

        public init(
            params: Double, model: ModelSpec? = nil, gpu: GPUSpec?, gpus: Int = 1, zero: Int = 0, method: Method = .full, loraRank: Int = 16,
            sequenceLength: Int? = nil, batch: Int? = nil, recompute: Bool = false
        ) {
            self.params = params
            self.model = model
            self.gpu = gpu
            self.gpus = gpus
            self.zero = zero
            self.method = method
            self.loraRank = loraRank
            self.sequenceLength = sequenceLength
            self.batch = batch
            self.recompute = recompute
        }
    }

    public struct Result: Sendable, Equatable, Codable {
        public var trainableParams: Double
        public var weightsBytes: Double
        public var gradientsBytes: Double
        public var optimizerBytes: Double
        public var masterWeightsBytes: Double
        /// Model states per GPU after sharding: weights, gradients, optimizer, master weights.
        public var perGPUBytes: Double
        /// 0 when no sequence length and batch are given.
        public var activationBytes: Double
        public var totalPerGPUBytes: Double
        /// Nil when no GPU was given.
        public var gpuMemoryBytes: Double?
        /// Nil when no GPU was given.
        public var fits: Bool?
        public var steps: [CalcStep]
    }

    /// Bytes per NF4 parameter with double quantization (Dettmers et al., 2023: 4 bits plus
    /// about 0.127 bits of quantization constants).
    static let nf4Bytes = (4.0 + 0.127) / 8

    public static func validate(_ input: Input) throws {
        try CalcCheck.positive(input.params, "params", most: 1e14, unit: "parameters")
        try CalcCheck.count(input.gpus, "gpus", most: 1_000_000)
        guard (0...3).contains(input.zero) else {
            throw CalcError(field: "zero", problem: "stage \(input.zero) does not exist", fix: "use 0 (none), 1, 2 or 3 (3 is FSDP's full sharding)")
        }
        if input.method != .full {
            guard let model = input.model else { throw CalcError(field: "model", problem: "LoRA needs the model's shape", fix: "give --model, e.g. --model llama-2-7b") }
            guard model.kvCacheElementsPerTokenPerLayer == nil else {
                throw CalcError(
                    field: "method", problem: "\(model.name)'s latent attention has other projections than q, k, v and o",
                    fix: "LoRA sizes are modelled for standard and grouped-query attention only")
            }
            try CalcCheck.count(input.loraRank, "lora-rank", most: 4096)
            if input.zero > 0 {
                throw CalcError(field: "zero", problem: "sharding adapters with ZeRO is not modelled", fix: "drop --zero for LoRA and QLoRA (their states are small)")
            }
        }
        if (input.sequenceLength == nil) != (input.batch == nil) {
            throw CalcError(
                field: input.batch == nil ? "batch" : "context", problem: "activations need both the sequence length and the batch",
                fix: "give --context and --batch together, or neither")
        }
        if let s = input.sequenceLength { try CalcCheck.count(s, "context", most: 10_000_000) }
        if let b = input.batch { try CalcCheck.count(b, "batch", most: 1_000_000) }
        if input.sequenceLength != nil, input.model == nil {
            throw CalcError(field: "model", problem: "activations need the model's layers and hidden size", fix: "give --model, or leave out --context and --batch")
        }
    }

    public static func compute(_ input: Input) throws -> Result {
        try validate(input)
        let n = input.params
        let shards = Double(input.gpus)
        var steps: [CalcStep] = []
        var trainable = n
        var weights = 2 * n
        var gradients = 2 * n
        var optimizer = 8 * n
        var master = 4 * n
        switch input.method {
        case .full:
            steps.append(
                CalcStep(
                    "Model states, unsharded", formula: "(2 + 2 + 8 + 4) bytes × N",
                    substitution: "16 × \(Spoken.count(n)) (bf16 weights and gradients, fp32 Adam moments and master weights)",
                    result: Spoken.bytes(16 * n),
                    check: "The ZeRO paper's example: 7.5 B parameters need 120 GB before sharding."))
        case .lora, .qlora:
            guard let model = input.model else { throw CalcError(field: "model", problem: "LoRA needs the model's shape", fix: "give --model") }
            let h = Double(model.hiddenSize)
            let q = Double(model.attentionHeads * model.headDim)
            let kv = Double(model.kvHeads * model.headDim)
            // Adapters on the four attention projections: q is h → heads·d, o is heads·d → h,
            // k and v are h → kv_heads·d. Each adds r × (d_in + d_out) parameters.
            trainable = Double(model.layers) * Double(input.loraRank) * (2 * (h + q) + 2 * (h + kv))
            // QLoRA quantizes the transformer blocks; bitsandbytes leaves the input and output
            // embeddings (untied: 2 × vocabulary × hidden) in 16-bit.
            let embeddings = min(n, 2 * Double(model.vocabSize) * h)
            let frozen = input.method == .qlora ? (n - embeddings) * nf4Bytes + embeddings * 2 : n * 2
            weights = frozen + 2 * trainable
            gradients = 2 * trainable
            optimizer = 8 * trainable
            master = 4 * trainable
            steps.append(
                CalcStep(
                    "Trainable adapter parameters", formula: "layers × r × (2·(h + heads·d) + 2·(h + kv_heads·d))",
                    substitution: "\(model.layers) × \(input.loraRank) × (2 × (\(model.hiddenSize) + \(Int(q))) + 2 × (\(model.hiddenSize) + \(Int(kv))))",
                    result: "\(Spoken.count(trainable)) parameters",
                    check: "\(Spoken.percent(trainable / n)) of the model: LoRA on the q, k, v and o projections."))
            steps.append(
                CalcStep(
                    "Frozen weights", formula: input.method == .qlora ? "(N − embeddings) × 4.127 bits (NF4, double quantization) + embeddings × 2 bytes" : "N × 2 bytes (bf16)",
                    substitution: input.method == .qlora ? "\(Spoken.count(n - embeddings)) × 0.516 + \(Spoken.count(embeddings)) × 2" : "\(Spoken.count(n)) × 2",
                    result: Spoken.bytes(frozen),
                    check: input.method == .qlora ? "QLoRA (Dettmers et al., 2023) fine-tunes a 65 B model on one 48 GB GPU." : nil))
            steps.append(
                CalcStep(
                    "Adapter states", formula: "16 bytes × adapter parameters", substitution: "16 × \(Spoken.count(trainable))",
                    result: Spoken.bytes(16 * trainable), check: nil))
        }
        if input.zero >= 1 {
            optimizer /= shards
            master /= shards
        }
        if input.zero >= 2 { gradients /= shards }
        if input.zero >= 3 { weights /= shards }
        let perGPU = weights + gradients + optimizer + master
        if input.method == .full {
            let formula: String
            switch input.zero {
            case 0: formula = "16 · N (no sharding)"
            case 1: formula = "(2 + 2) · N + 12 · N ÷ GPUs (ZeRO-1: optimizer states and master weights sharded)"
            case 2: formula = "2 · N + 14 · N ÷ GPUs (ZeRO-2: gradients sharded too)"
            default: formula = "16 · N ÷ GPUs (ZeRO-3 / FSDP: weights sharded too)"
            }
            steps.append(
                CalcStep(
                    "Model states per GPU", formula: formula,
                    substitution: input.zero == 0 ? "16 × \(Spoken.count(n))" : "sharded over \(input.gpus) GPUs",
                    result: Spoken.bytes(perGPU),
                    check: input.zero == 3 ? "Weights are gathered layer by layer for compute, so add working space for the largest layer." : nil))
        }
        var activations = 0.0
        if let s = input.sequenceLength, let b = input.batch, let model = input.model {
            let sbh = Double(s) * Double(b) * Double(model.hiddenSize)
            let perLayer = sbh * 34
            let logits = Double(s) * Double(b) * Double(model.vocabSize) * 4
            activations = input.recompute ? Double(model.layers) * 2 * sbh + perLayer + logits : Double(model.layers) * perLayer + logits
            steps.append(
                CalcStep(
                    "Activations", formula: input.recompute ? "L · 2·s·b·h + 34·s·b·h + 4·s·b·V (full recomputation keeps each layer's input)" : "L · 34·s·b·h + 4·s·b·V",
                    substitution: "\(model.layers) layers, s = \(s), b = \(b), h = \(model.hiddenSize), V = \(model.vocabSize)",
                    result: Spoken.bytes(activations),
                    check: "34·s·b·h bytes per layer is Korthikanti et al. (2022) with attention that does not store the s² scores (FlashAttention); the fp32 logits are 4·s·b·V."
                ))
        }
        let total = perGPU + activations
        var fits: Bool?
        if let gpu = input.gpu {
            let fitsGPU = total <= gpu.memoryBytes
            fits = fitsGPU
            steps.append(
                CalcStep(
                    "Fits on \(gpu.name)?", formula: "states + activations ≤ GPU memory",
                    substitution:
                        "\(Spoken.bytes(perGPU)) + \(Spoken.bytes(activations)) vs \(Spoken.bytes(gpu.memoryBytes))",
                    result: fitsGPU ? "fits, \(Spoken.bytes(gpu.memoryBytes - total)) to spare" : "does not fit: \(Spoken.bytes(total - gpu.memoryBytes)) over",
                    check: fitsGPU
                        ? "Leave 10-20 % for the CUDA context, fragmentation and communication buffers."
                        : input.method == .full && input.zero < 3
                            ? "Try a higher ZeRO stage, more GPUs, activation recomputation or LoRA." : "Shard over more GPUs, shorten sequences, or use recomputation."
                ))
        } else {
            steps.append(
                CalcStep(
                    "Fits on a GPU?", formula: "states + activations ≤ GPU memory", substitution: "no GPU given",
                    result: "not checked: \(Spoken.bytes(total)) per GPU",
                    check: "Give a GPU to check the fit; nothing above depends on it."))
        }
        return Result(
            trainableParams: trainable, weightsBytes: weights, gradientsBytes: gradients, optimizerBytes: optimizer, masterWeightsBytes: master,
            perGPUBytes: perGPU, activationBytes: activations, totalPerGPUBytes: total, gpuMemoryBytes: input.gpu?.memoryBytes, fits: fits, steps: steps)
    }
}
