import Foundation

/// Serving capacity and cost. Decoding reads every weight (and the batch's KV cache) once per
/// step, so a step is bounded by memory bandwidth; prefill does 2·N FLOPs per prompt token, so
/// it is bounded by compute. A replica serves `batch` sequences at once; Little's law turns
/// its latency into requests per second.
public enum ServingCapacity {
    public struct Input: Sendable, Equatable {
        public var model: ModelSpec
        public var gpu: GPUSpec
        public var precision: Precision
        public var kvPrecision: Precision
        /// Peak requests per second; or derived from daily users.
        public var qps: Double?
        public var dailyUsers: Double?
        public var requestsPerUser: Double
        /// Peak over average traffic.
        public var peakFactor: Double
        public var inputTokens: Int
        public var outputTokens: Int
        /// GPUs per replica; nil picks the fewest (1, 2, 4, 8) that hold the weights.
        public var tensorParallel: Int?
        /// Concurrent sequences per replica; nil picks the largest the latency target and memory allow (at most 256).
        public var batch: Int?
        /// Target time per output token (ms), e.g. 50 for 20 tokens/s per user.
        public var targetTPOTms: Double?
        public var targetTTFTms: Double?
        /// Spare capacity kept for spikes and failures.
        public var headroom: Double
        /// Share of peak bandwidth and FLOP/s reached in practice.
        public var efficiency: Double
        public var pricePerHour: Double?

        public init(model: ModelSpec, gpu: GPUSpec, precision: Precision = .bf16, kvPrecision: Precision = .bf16, qps: Double? = nil,
                    dailyUsers: Double? = nil, requestsPerUser: Double = 10, peakFactor: Double = 2, inputTokens: Int = 500, outputTokens: Int = 250,
                    tensorParallel: Int? = nil, batch: Int? = nil, targetTPOTms: Double? = nil, targetTTFTms: Double? = nil, headroom: Double = 0.3,
                    efficiency: Double = 0.7, pricePerHour: Double? = nil) {
            self.model = model
            self.gpu = gpu
            self.precision = precision
            self.kvPrecision = kvPrecision
            self.qps = qps
            self.dailyUsers = dailyUsers
            self.requestsPerUser = requestsPerUser
            self.peakFactor = peakFactor
            self.inputTokens = inputTokens
            self.outputTokens = outputTokens
            self.tensorParallel = tensorParallel
            self.batch = batch
            self.targetTPOTms = targetTPOTms
            self.targetTTFTms = targetTTFTms
            self.headroom = headroom
            self.efficiency = efficiency
            self.pricePerHour = pricePerHour
        }
    }

    public struct Result: Sendable, Equatable, Codable {
        public var qps: Double
        public var tensorParallel: Int
        public var batch: Int
        public var decodeStepSeconds: Double
        public var prefillSeconds: Double
        public var requestLatencySeconds: Double
        public var concurrency: Double
        public var requestsPerSecondPerReplica: Double
        public var outputTokensPerSecondPerReplica: Double
        public var replicas: Int
        public var gpusNeeded: Int
        public var pricePerGPUHourUSD: Double?
        public var costPerHourUSD: Double?
        public var costPerMonthUSD: Double?
        public var costPerMillionTokensUSD: Double?
        public var costPerMillionOutputTokensUSD: Double?
        public var meetsLatencyTarget: Bool
        public var steps: [CalcStep]
    }

    static let hoursPerMonth = 730.0
    static let largestAutoBatch = 256

    public static func compute(_ input: Input) throws -> Result {
        try validate(input)
        let model = input.model
        var steps: [CalcStep] = []
        let qps: Double
        if let given = input.qps {
            qps = given
        } else {
            let users = input.dailyUsers ?? 0
            let average = users * input.requestsPerUser / 86_400
            qps = average * input.peakFactor
            steps.append(CalcStep("Peak requests per second", formula: "daily users × requests per user ÷ 86 400 s × peak factor",
                                  substitution: "\(Spoken.count(users)) × \(Spoken.count(input.requestsPerUser)) ÷ 86 400 × \(Spoken.count(input.peakFactor))",
                                  result: "\(Spoken.count(qps)) requests/s", check: "Average \(Spoken.count(average)) requests/s; traffic peaks at \(Spoken.count(input.peakFactor))× the daily mean."))
        }
        let weights = model.params * input.precision.bytes
        let capacity = input.gpu.memoryBytes * 0.9
        let tp = try input.tensorParallel ?? smallestTP(weights: weights, capacity: capacity, gpu: input.gpu)
        let averageContext = Double(input.inputTokens) + Double(input.outputTokens) / 2
        let kvPerToken = Double(model.layers) * Double(model.kvElementsPerTokenPerLayer) * input.kvPrecision.bytes
        let kvPerSequence = kvPerToken * Double(input.inputTokens + input.outputTokens)
        let memoryBatch = max(0, Int(((capacity * Double(tp) - weights) / kvPerSequence).rounded(.down)))
        guard memoryBatch >= 1 else {
            throw CalcError(field: "tp", problem: "\(tp) × \(input.gpu.name) cannot hold \(Spoken.bytes(weights)) of weights and one sequence's KV cache",
                            fix: "use more tensor-parallel GPUs, a lower --precision, or a larger GPU")
        }
        let bandwidth = Double(tp) * input.gpu.bandwidthBytesPerSecond * input.efficiency
        let flops = Double(tp) * (input.gpu.peakFLOPS(computePrecision(input.precision, input.gpu)) ?? 0) * input.efficiency
        func stepTime(_ batch: Int) -> Double {
            // Each step reads the weights once and every sequence's cache; it also does
            // 2·N_active FLOPs per sequence. The slower of the two bounds it.
            let memory = (weights + Double(batch) * kvPerToken * averageContext) / bandwidth
            let compute = 2 * model.activeParams * Double(batch) / flops
            return max(memory, compute)
        }
        var batch = input.batch ?? min(memoryBatch, largestAutoBatch)
        if input.batch == nil, let target = input.targetTPOTms {
            while batch > 1 && stepTime(batch) * 1000 > target { batch -= 1 }
        }
        if batch > memoryBatch {
            throw CalcError(field: "batch", problem: "\(batch) sequences of \(input.inputTokens + input.outputTokens) tokens do not fit beside the weights on \(tp) GPU\(tp == 1 ? "" : "s")",
                            fix: "use --batch \(memoryBatch) or less, or more tensor-parallel GPUs")
        }
        let step = stepTime(batch)
        let prefill = 2 * model.activeParams * Double(input.inputTokens) / flops
        let latency = prefill + Double(input.outputTokens) * step
        // Two limits: Little's law (batch sequences in flight, each taking `latency`), and the
        // GPU's time, shared between prefills (compute-bound, one prompt at a time) and decode
        // steps (each advancing the whole batch by one token).
        let gpuTimePerRequest = prefill + Double(input.outputTokens) * step / Double(batch)
        let perReplica = min(Double(batch) / latency, 1 / gpuTimePerRequest)
        let replicas = max(1, Int((qps * (1 + input.headroom) / perReplica).rounded(.up)))
        let gpus = replicas * tp
        let price = input.pricePerHour ?? input.gpu.pricePerHourUSD
        let perHour = price.map { $0 * Double(gpus) }
        let tokensPerHour = qps * Double(input.inputTokens + input.outputTokens) * 3600
        let outputPerHour = qps * Double(input.outputTokens) * 3600
        let meets = (input.targetTPOTms.map { step * 1000 <= $0 } ?? true) && (input.targetTTFTms.map { prefill * 1000 <= $0 } ?? true)

        steps.append(CalcStep("GPUs per replica", formula: "fewest tensor-parallel GPUs whose 90 % holds the weights",
                              substitution: "\(Spoken.bytes(weights)) of \(input.precision.rawValue) weights vs \(Spoken.bytes(capacity)) per \(input.gpu.name)",
                              result: "\(tp) GPU\(tp == 1 ? "" : "s")", check: input.tensorParallel == nil ? "Chosen among 1, 2, 4 and 8 (one node)." : "As you gave."))
        steps.append(CalcStep("Decode step (one token for every sequence)", formula: "max((weights + batch × KV/token × avg context) ÷ bandwidth, 2 · N_active · batch ÷ FLOP/s)",
                              substitution: "(\(Spoken.bytes(weights)) + \(batch) × \(Spoken.bytes(kvPerToken)) × \(Int(averageContext))) ÷ \(Spoken.fixed(bandwidth / 1e12, digits: 2)) TB/s (\(tp) × \(Spoken.fixed(input.gpu.memoryBandwidthGBs, digits: 0)) GB/s × \(Spoken.percent(input.efficiency)))",
                              result: "\(Spoken.fixed(step * 1000, digits: 1)) ms per output token",
                              check: "\(Spoken.fixed(1 / step, digits: 0)) tokens/s per user; people read at about 5-10 tokens/s."))
        steps.append(CalcStep("Prefill (time to first token)", formula: "2 · N_active · input tokens ÷ FLOP/s",
                              substitution: "2 × \(Spoken.count(model.activeParams)) × \(input.inputTokens) ÷ \(Spoken.scientific(flops)) FLOP/s",
                              result: "\(Spoken.fixed(prefill * 1000, digits: 1)) ms", check: "Before queueing; chunked prefill spreads long prompts across decode steps."))
        steps.append(CalcStep("Request latency", formula: "prefill + output tokens × step",
                              substitution: "\(Spoken.fixed(prefill * 1000, digits: 1)) ms + \(input.outputTokens) × \(Spoken.fixed(step * 1000, digits: 1)) ms",
                              result: "\(Spoken.fixed(latency, digits: 2)) s",
                              check: meets ? nil : "Misses the latency target: fewer sequences per replica, more tensor parallelism, or a faster GPU."))
        steps.append(CalcStep("Requests per second per replica", formula: "min(batch ÷ latency (Little's law), 1 ÷ (prefill + output tokens × step ÷ batch) (GPU time))",
                              substitution: "min(\(batch) ÷ \(Spoken.fixed(latency, digits: 2)) s, 1 ÷ \(Spoken.fixed(gpuTimePerRequest * 1000, digits: 1)) ms)",
                              result: "\(Spoken.fixed(perReplica, digits: 2)) requests/s",
                              check: "\(batch) sequences at once: \(input.batch == nil ? "the most that fit\(input.targetTPOTms == nil ? " (at most \(largestAutoBatch))" : " within the time-per-token target")" : "as you gave")"
                                  + (1 / gpuTimePerRequest < Double(batch) / latency ? "; the GPU's time, not the batch, is the limit: prefills take turns with decode steps." : ".")))
        steps.append(CalcStep("Replicas", formula: "⌈peak QPS × (1 + headroom) ÷ per-replica QPS⌉",
                              substitution: "⌈\(Spoken.count(qps)) × \(Spoken.fixed(1 + input.headroom, digits: 2)) ÷ \(Spoken.fixed(perReplica, digits: 2))⌉",
                              result: "\(replicas) replicas, \(gpus) GPUs",
                              check: "In flight at peak (Little's law, QPS × latency): \(Spoken.count(qps * latency)) requests."))
        if let price, let perHour {
            steps.append(CalcStep("Cost", formula: "GPUs × price × 730 h/month",
                                  substitution: "\(gpus) × \(Spoken.dollars(price)) × 730", result: "\(Spoken.dollars(perHour * hoursPerMonth)) a month",
                                  check: "Sized for the peak; autoscaling down off-peak can save a third or more."))
            steps.append(CalcStep("Cost per million tokens", formula: "cost per hour ÷ tokens per hour × 10⁶",
                                  substitution: "\(Spoken.dollars(perHour)) ÷ \(Spoken.count(tokensPerHour)) × 10⁶",
                                  result: "\(Spoken.dollars(perHour / tokensPerHour * 1e6)) (\(Spoken.dollars(perHour / outputPerHour * 1e6)) per million output tokens)",
                                  check: "At peak load; at the daily average the fleet is idler and each token costs more."))
        }
        return Result(qps: qps, tensorParallel: tp, batch: batch, decodeStepSeconds: step, prefillSeconds: prefill, requestLatencySeconds: latency,
                      concurrency: qps * latency, requestsPerSecondPerReplica: perReplica, outputTokensPerSecondPerReplica: Double(batch) / step,
                      replicas: replicas, gpusNeeded: gpus, pricePerGPUHourUSD: price, costPerHourUSD: perHour, costPerMonthUSD: perHour.map { $0 * hoursPerMonth },
                      costPerMillionTokensUSD: perHour.map { $0 / tokensPerHour * 1e6 }, costPerMillionOutputTokensUSD: perHour.map { $0 / outputPerHour * 1e6 },
                      meetsLatencyTarget: meets, steps: steps)
    }

    static func validate(_ input: Input) throws {
        if let qps = input.qps {
            try CalcCheck.positive(qps, "qps", most: 1e8, unit: "requests per second")
            if input.dailyUsers != nil { throw CalcError(field: "dau", problem: "give either --qps or --dau, not both", fix: "drop one of them") }
        } else if let users = input.dailyUsers {
            try CalcCheck.positive(users, "dau", most: 1e10, unit: "daily active users")
            try CalcCheck.positive(input.requestsPerUser, "requests-per-user", most: 1e5, unit: "requests")
            try CalcCheck.positive(input.peakFactor, "peak-factor", most: 100, unit: "times the average")
        } else {
            throw CalcError(field: "qps", problem: "the load is missing", fix: "give --qps N, or --dau N with --requests-per-user")
        }
        try CalcCheck.count(input.inputTokens, "input-tokens", most: 10_000_000)
        try CalcCheck.count(input.outputTokens, "output-tokens", most: 1_000_000)
        if let tp = input.tensorParallel { try CalcCheck.count(tp, "tp", most: 1024) }
        if let batch = input.batch { try CalcCheck.count(batch, "batch", most: 100_000) }
        if let target = input.targetTPOTms { try CalcCheck.positive(target, "tpot-ms", most: 60_000, unit: "milliseconds") }
        if let target = input.targetTTFTms { try CalcCheck.positive(target, "ttft-ms", most: 600_000, unit: "milliseconds") }
        try CalcCheck.nonNegative(input.headroom, "headroom", most: 10, unit: "a fraction such as 0.3")
        try CalcCheck.fraction(input.efficiency, "efficiency")
        if let price = input.pricePerHour { try CalcCheck.nonNegative(price, "price", most: 1_000, unit: "dollars per GPU-hour") }
        guard InferenceMemory.storagePrecisions.contains(input.precision) else {
            throw CalcError(field: "precision", problem: "\(input.precision.rawValue) is a math mode, not a storage format", fix: "use bf16, fp16, fp8, int8 or int4")
        }
    }

    /// Weights are served with the fastest math the chip has for their format.
    static func computePrecision(_ storage: Precision, _ gpu: GPUSpec) -> Precision {
        switch storage {
        case .fp8 where gpu.tflops["fp8"] != nil: .fp8
        case .int8 where gpu.tflops["int8"] != nil: .int8
        default: gpu.tflops["bf16"] != nil ? .bf16 : gpu.tflops["fp16"] != nil ? .fp16 : .fp32
        }
    }

    static func smallestTP(weights: Double, capacity: Double, gpu: GPUSpec) throws -> Int {
        for tp in [1, 2, 4, 8] where weights < capacity * Double(tp) * 0.95 { return tp }
        throw CalcError(field: "tp", problem: "\(Spoken.bytes(weights)) of weights do not fit on 8 × \(gpu.name)",
                        fix: "give --tp above 8 (several nodes), quantize with --precision int4, or choose a larger GPU")
    }
}
