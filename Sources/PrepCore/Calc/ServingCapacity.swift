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

        public init(
            model: ModelSpec, gpu: GPUSpec, precision: Precision = .bf16, kvPrecision: Precision = .bf16, qps: Double? = nil,
            dailyUsers: Double? = nil, requestsPerUser: Double = 10, peakFactor: Double = 2, inputTokens: Int = 500, outputTokens: Int = 250,
            tensorParallel: Int? = nil, batch: Int? = nil, targetTPOTms: Double? = nil, targetTTFTms: Double? = nil, headroom: Double = 0.3,
            efficiency: Double = 0.7, pricePerHour: Double? = nil
        ) {
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

    /// One way to deploy: GPUs per replica and sequences per replica, and what follows.
    struct Plan {
        var tp: Int
        var batch: Int
        var memoryBatch: Int
        var step: Double
        var prefill: Double
        /// Requests per second a replica can take at most.
        var capacity: Double
        var replicas: Int
        /// Share of each replica's time spent on prefills at peak load.
        var prefillShare: Double
        /// A decode step as users see it: prefills take turns with decode steps.
        var effectiveStep: Double
        var latency: Double
        var gpus: Int { tp * replicas }
    }

    struct Shape {
        var weights: Double
        var kvPerToken: Double
        var averageContext: Double
        var sequenceTokens: Double
    }

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
            steps.append(
                CalcStep(
                    "Peak requests per second", formula: "daily users × requests per user ÷ 86 400 s × peak factor",
                    substitution: "\(Spoken.count(users)) × \(Spoken.count(input.requestsPerUser)) ÷ 86 400 × \(Spoken.count(input.peakFactor))",
                    result: "\(Spoken.significant(qps)) requests/s",
                    check: "Average \(Spoken.significant(average)) requests/s; traffic peaks at \(Spoken.count(input.peakFactor))× the daily mean."))
        }
        let shape = Shape(
            weights: model.params * input.precision.bytes,
            kvPerToken: Double(model.layers) * Double(model.kvElementsPerTokenPerLayer) * input.kvPrecision.bytes,
            averageContext: Double(input.inputTokens) + Double(input.outputTokens) / 2,
            sequenceTokens: Double(input.inputTokens + input.outputTokens))
        let plan: Plan
        if let tp = input.tensorParallel {
            guard let found = try self.plan(input, shape: shape, qps: qps, tp: tp) else {
                throw CalcError(
                    field: "tp", problem: "\(tp) × \(input.gpu.name) cannot hold \(Spoken.bytes(shape.weights)) of weights and one sequence's KV cache",
                    fix: "use more tensor-parallel GPUs, a lower --precision, or a larger GPU")
            }
            plan = found
        } else {
            // Every single-node split that fits; the one needing the fewest GPUs in all wins.
            let options = try [1, 2, 4, 8].compactMap { try self.plan(input, shape: shape, qps: qps, tp: $0) }
                .filter { plan in input.batch.map { $0 <= plan.memoryBatch } ?? true }
            guard let best = options.min(by: { ($0.gpus, $0.tp) < ($1.gpus, $1.tp) }) else {
                throw CalcError(
                    field: "tp", problem: "\(Spoken.bytes(shape.weights)) of weights and a sequence's KV cache do not fit on 8 × \(input.gpu.name)",
                    fix: "give --tp above 8 (several nodes), quantize with --precision int4, or choose a larger GPU")
            }
            plan = best
        }
        if let batch = input.batch, batch > plan.memoryBatch {
            throw CalcError(
                field: "batch", problem: "\(batch) sequences of \(Int(shape.sequenceTokens)) tokens do not fit beside the weights on \(plan.tp) GPU\(plan.tp == 1 ? "" : "s")",
                fix: "use --batch \(plan.memoryBatch) or less, or more tensor-parallel GPUs")
        }
        let tp = plan.tp
        let batch = plan.batch
        let bandwidth = Double(tp) * input.gpu.bandwidthBytesPerSecond * input.efficiency
        let flops = Double(tp) * (input.gpu.peakFLOPS(computePrecision(input.precision, input.gpu)) ?? 0) * input.efficiency
        let price = input.pricePerHour ?? input.gpu.pricePerHourUSD
        let perHour = price.map { $0 * Double(plan.gpus) }
        let tokensPerHour = qps * shape.sequenceTokens * 3600
        let outputPerHour = qps * Double(input.outputTokens) * 3600
        let meets = (input.targetTPOTms.map { plan.effectiveStep * 1000 <= $0 } ?? true) && (input.targetTTFTms.map { plan.prefill * 1000 <= $0 } ?? true)
        let shards = InferenceMemory.kvShards(model, tensorParallel: tp)

        steps.append(
            CalcStep(
                "GPUs per replica", formula: input.tensorParallel == nil ? "of 1, 2, 4 and 8 GPUs, the split that needs the fewest GPUs in all" : "as given",
                substitution:
                    "\(Spoken.bytes(shape.weights)) of \(input.precision.rawValue) weights over \(Spoken.bytes(input.gpu.memoryBytes * usableShare)) usable per \(input.gpu.name) (\(Spoken.percent(usableShare)))",
                result: "\(tp) GPU\(tp == 1 ? "" : "s")",
                check: input.tensorParallel == nil
                    ? "More GPUs per replica leave more room for the KV cache, so larger batches; the search weighs that against the GPUs spent." : nil))
        steps.append(
            CalcStep(
                "Decode step (one token for every sequence)", formula: "max((weights + batch × KV/token × avg context) ÷ bandwidth, 2 · N_active · batch ÷ FLOP/s)",
                substitution:
                    "(\(Spoken.bytes(shape.weights)) + \(batch) × \(Spoken.bytes(shape.kvPerToken)) × \(Int(shape.averageContext))\(tp / shards > 1 ? " × \(tp / shards) copies" : "")) ÷ \(Spoken.significant(bandwidth / 1e12)) TB/s (\(tp) × \(Spoken.fixed(input.gpu.memoryBandwidthGBs, digits: 0)) GB/s × \(Spoken.percent(input.efficiency)))",
                result: "\(Spoken.duration(plan.step)) per step",
                check:
                    "Every step reads all weights\(model.activeParams < model.params ? " (a mixture of experts at a large batch touches nearly every expert)" : ""): batching shares that read across sequences."
            ))
        steps.append(
            CalcStep(
                "Prefill (time to first token)", formula: "2 · N_active · input tokens ÷ FLOP/s",
                substitution: "2 × \(Spoken.count(model.activeParams)) × \(input.inputTokens) ÷ \(Spoken.scientific(flops)) FLOP/s",
                result: Spoken.duration(plan.prefill), check: "Before queueing; attention adds more for very long prompts, and chunked prefill spreads them across decode steps."))
        steps.append(
            CalcStep(
                "Time per output token at peak", formula: "step ÷ (1 − share of time spent on prefills)",
                substitution: "\(Spoken.duration(plan.step)) ÷ (1 − \(Spoken.percent((plan.prefillShare * 1000).rounded() / 1000)))",
                result: "\(Spoken.duration(plan.effectiveStep))",
                check: "\(Spoken.significant(1 / plan.effectiveStep)) tokens/s per user; people read at about 5-10 tokens/s."))
        steps.append(
            CalcStep(
                "Request latency", formula: "prefill + output tokens × time per token",
                substitution: "\(Spoken.duration(plan.prefill)) + \(input.outputTokens) × \(Spoken.duration(plan.effectiveStep))",
                result: Spoken.duration(plan.latency),
                check: meets ? nil : "Misses the latency target: fewer sequences per replica, more tensor parallelism, or a faster GPU."))
        let gpuTime = plan.prefill + Double(input.outputTokens) * plan.step / Double(batch)
        steps.append(
            CalcStep(
                "Requests per second per replica", formula: "min(batch ÷ latency (Little's law), 1 ÷ (prefill + output tokens × step ÷ batch) (GPU time))",
                substitution: "min(\(batch) ÷ \(Spoken.duration(plan.prefill + Double(input.outputTokens) * plan.step)), 1 ÷ \(Spoken.duration(gpuTime)))",
                result: "\(Spoken.significant(plan.capacity)) requests/s",
                check:
                    "\(batch) sequences at once: \(input.batch == nil ? "the most that fit\(input.targetTPOTms == nil ? " (at most \(largestAutoBatch))" : " within the time-per-token target")" : "as you gave")"
                    + (1 / gpuTime < Double(batch) / (plan.prefill + Double(input.outputTokens) * plan.step)
                        ? "; the GPU's time, not the batch, is the limit: prefills take turns with decode steps." : ".")))
        steps.append(
            CalcStep(
                "Replicas", formula: "⌈peak QPS × (1 + headroom) ÷ per-replica QPS⌉",
                substitution: "⌈\(Spoken.significant(qps)) × \(Spoken.fixed(1 + input.headroom, digits: 2)) ÷ \(Spoken.significant(plan.capacity))⌉",
                result: "\(plan.replicas) replicas, \(plan.gpus) GPUs",
                check: "In flight at peak (Little's law, QPS × latency): \(Spoken.significant(qps * plan.latency)) requests."))
        if let price, let perHour {
            steps.append(
                CalcStep(
                    "Cost", formula: "GPUs × price × 730 h/month",
                    substitution: "\(plan.gpus) × \(Spoken.dollars(price)) × 730", result: "\(Spoken.dollars(perHour * hoursPerMonth)) a month",
                    check: "Sized for the peak; autoscaling down off-peak can save a third or more."))
            steps.append(
                CalcStep(
                    "Cost per million tokens", formula: "cost per hour ÷ tokens per hour × 10⁶",
                    substitution: "\(Spoken.dollars(perHour)) ÷ \(Spoken.count(tokensPerHour)) × 10⁶",
                    result: "\(Spoken.dollars(perHour / tokensPerHour * 1e6)) (\(Spoken.dollars(perHour / outputPerHour * 1e6)) per million output tokens)",
                    check: "At peak load; at the daily average the fleet is idler and each token costs more."))
        }
        return Result(
            qps: qps, tensorParallel: tp, batch: batch, decodeStepSeconds: plan.effectiveStep, prefillSeconds: plan.prefill, requestLatencySeconds: plan.latency,
            concurrency: qps * plan.latency, requestsPerSecondPerReplica: plan.capacity, outputTokensPerSecondPerReplica: Double(batch) / plan.step,
            replicas: plan.replicas, gpusNeeded: plan.gpus, pricePerGPUHourUSD: price, costPerHourUSD: perHour, costPerMonthUSD: perHour.map { $0 * hoursPerMonth },
            costPerMillionTokensUSD: perHour.map { $0 / tokensPerHour * 1e6 }, costPerMillionOutputTokensUSD: perHour.map { $0 / outputPerHour * 1e6 },
            meetsLatencyTarget: meets, steps: steps)
    }

    /// Share of GPU memory the weights and cache may use (vLLM's default gpu_memory_utilization).
    static let usableShare = 0.9

    /// The deployment with `tp` GPUs per replica, or nil when one sequence does not fit.
    static func plan(_ input: Input, shape: Shape, qps: Double, tp: Int) throws -> Plan? {
        let model = input.model
        let capacity = input.gpu.memoryBytes * usableShare
        let shards = Double(InferenceMemory.kvShards(model, tensorParallel: tp))
        let room = capacity - shape.weights / Double(tp)
        guard room > 0 else { return nil }
        let memoryBatch = try CalcCheck.whole((room / (shape.kvPerToken * shape.sequenceTokens / shards)).rounded(.down), "tp", what: "sequences")
        guard memoryBatch >= 1 else { return nil }
        let perGPUBandwidth = input.gpu.bandwidthBytesPerSecond * input.efficiency
        let flops = Double(tp) * (input.gpu.peakFLOPS(computePrecision(input.precision, input.gpu)) ?? 0) * input.efficiency
        let prefill = 2 * model.activeParams * Double(input.inputTokens) / flops
        let output = Double(input.outputTokens)
        func evaluate(_ batch: Int) throws -> Plan {
            // Each GPU reads its share of the weights and of the batch's cache per step; it
            // also does its share of 2·N_active FLOPs per sequence. The slower bounds the step.
            let memory = (shape.weights / Double(tp) + Double(batch) * shape.kvPerToken * shape.averageContext / shards) / perGPUBandwidth
            let step = max(memory, 2 * model.activeParams * Double(batch) / flops)
            let capacityPerReplica = min(Double(batch) / (prefill + output * step), 1 / (prefill + output * step / Double(batch)))
            let replicas = max(1, try CalcCheck.whole((qps * (1 + input.headroom) / capacityPerReplica).rounded(.up), "qps", what: "replicas"))
            let load = qps / Double(replicas)
            let share = min(0.95, load * prefill)
            let effective = step / (1 - share)
            return Plan(
                tp: tp, batch: batch, memoryBatch: memoryBatch, step: step, prefill: prefill, capacity: capacityPerReplica, replicas: replicas,
                prefillShare: share, effectiveStep: effective, latency: prefill + output * effective)
        }
        var batch = min(input.batch ?? min(memoryBatch, largestAutoBatch), memoryBatch)
        var plan = try evaluate(batch)
        if input.batch == nil, let target = input.targetTPOTms {
            while batch > 1, plan.effectiveStep * 1000 > target {
                batch = max(1, Int(Double(batch) * 0.9))
                plan = try evaluate(batch)
            }
        }
        if let given = input.batch, given > memoryBatch { plan.batch = given }
        return plan
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
        try CalcCheck.fraction(input.efficiency, "efficiency", least: 0.05)
        try InferenceMemory.checkContext(input.inputTokens + input.outputTokens, input.model, field: "input-tokens")
        try InferenceMemory.checkKVPrecision(input.kvPrecision)
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
}
