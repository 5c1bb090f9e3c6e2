import Foundation

/// Training compute, time and cost: C ≈ 6·N·D model FLOPs, the sustained rate peak × MFU
/// (MFU counts model FLOPs only, so recomputation shows as hardware FLOPs, not as time), and the reverse questions (GPUs for a deadline, tokens for a
/// budget, the Chinchilla-optimal token count).
public enum TrainingCompute {
    public struct Input: Sendable, Equatable {
        /// Parameters that do work per token (a mixture of experts: the active ones).
        public var params: Double
        public var tokens: Double
        public var gpu: GPUSpec
        /// GPUs training together; nil: the wall clock is not worked out (issue #13: an empty
        /// count meant 1, and the headline read "Wall-clock 24208 days").
        public var gpus: Int?
        public var mfu: Double
        /// Per GPU-hour; nil uses the catalogue's price.
        public var pricePerHour: Double?
        public var precision: Precision
        public var recompute: Bool
        public var targetDays: Double?
        public var budgetUSD: Double?
        /// Allows more than `maximumTokens`.
        public var force: Bool

        public init(
            params: Double, tokens: Double, gpu: GPUSpec, gpus: Int? = 1, mfu: Double = 0.4, pricePerHour: Double? = nil,
            precision: Precision = .bf16, recompute: Bool = false, targetDays: Double? = nil, budgetUSD: Double? = nil, force: Bool = false
        ) {
            self.params = params
            self.tokens = tokens
            self.gpu = gpu
            self.gpus = gpus
            self.mfu = mfu
            self.pricePerHour = pricePerHour
            self.precision = precision
            self.recompute = recompute
            self.targetDays = targetDays
            self.budgetUSD = budgetUSD
            self.force = force
        }
    }

    public struct Result: Sendable, Equatable, Codable {
        public var flopsPerToken: Double
        public var totalFlops: Double
        public var sustainedFlopsPerGPU: Double
        public var gpuHours: Double
        /// Nil when no GPU count was given.
        public var wallClockDays: Double?
        public var pricePerGPUHourUSD: Double?
        public var costUSD: Double?
        public var chinchillaTokens: Double
        public var gpusNeeded: Int?
        public var tokensForBudget: Double?
        /// With recomputation: 8·N·D, what the GPUs actually execute.
        public var hardwareFlops: Double?
        public var steps: [CalcStep]
    }

    /// Training runs on floating-point math; int8 TOPS are an inference figure.
    static let trainingPrecisions: Set<Precision> = [.fp32, .tf32, .bf16, .fp16, .fp8]
    /// `--force` lifts the token limit to this, still finite.
    static let forcedMaximumTokens = 1e20

    /// Above this the token count is almost surely a typo (Llama 3 used 1.5 × 10¹³).
    public static let maximumTokens = 1e16
    /// Hoffmann et al. 2022 ("Chinchilla"): about 20 tokens per parameter for compute-optimal training.
    public static let chinchillaTokensPerParam = 20.0

    public static func validate(_ input: Input) throws {
        try CalcCheck.positive(input.params, "params", most: 1e14, unit: "parameters")
        try CalcCheck.positive(
            input.tokens, "tokens", most: input.force ? forcedMaximumTokens : maximumTokens, unit: "tokens",
            tooMuch: input.force ? "give at most 10²⁰" : "more than 10¹⁶ tokens is beyond any training run so far; pass --force if you mean it")
        if let gpus = input.gpus { try CalcCheck.count(gpus, "gpus", most: 1_000_000) }
        try CalcCheck.fraction(input.mfu, "mfu", least: 0.01)
        if let price = input.pricePerHour { try CalcCheck.nonNegative(price, "price", most: 1_000, unit: "dollars per GPU-hour") }
        if let days = input.targetDays { try CalcCheck.positive(days, "days", most: 3_650, unit: "days", least: 1.0 / 24) }
        if let budget = input.budgetUSD {
            try CalcCheck.positive(budget, "budget", most: 1e12, unit: "dollars")
            guard (input.pricePerHour ?? input.gpu.pricePerHourUSD ?? 0) > 0 else {
                throw CalcError(field: "budget", problem: "a budget needs a price above $0 per GPU-hour", fix: "give --price, e.g. 2.5")
            }
        }
        guard trainingPrecisions.contains(input.precision) else {
            throw CalcError(field: "precision", problem: "\(input.precision.rawValue) is not a training precision", fix: "use bf16, fp16, fp8, tf32 or fp32")
        }
        guard input.gpu.peakFLOPS(input.precision) != nil else {
            throw CalcError(
                field: "precision", problem: "\(input.gpu.name) has no \(input.precision.rawValue) math",
                fix: "choose one of: \(input.gpu.tflops.keys.sorted().joined(separator: ", "))")
        }
    }

    public static func compute(_ input: Input) throws -> Result {
        try validate(input)
        let n = input.params
        let d = input.tokens
        let perToken = 6.0 * n
        let total = perToken * d
        let peak = input.gpu.peakFLOPS(input.precision) ?? 0
        let sustained = peak * input.mfu
        let gpuHours = total / sustained / 3600
        let days = input.gpus.map { gpuHours / Double($0) / 24 }
        let price = input.pricePerHour ?? input.gpu.pricePerHourUSD
        let cost = price.map { gpuHours * $0 }
        let chinchilla = chinchillaTokensPerParam * n
        var steps: [CalcStep] = []
        let factor = "6"
        steps.append(
            CalcStep(
                "Training compute", formula: "C ≈ 6 · N · D",
                substitution: "6 × \(Spoken.count(n)) parameters × \(Spoken.count(d)) tokens",
                result: "\(Spoken.scientific(total, digits: 3)) FLOPs",
                check: "2 FLOPs per parameter per token forward and 4 backward; GPT-3 (175 B, 300 B tokens) took about 3.1 × 10²³."
            ))
        if input.recompute {
            steps.append(
                CalcStep(
                    "Hardware FLOPs with full recomputation", formula: "8 · N · D (the forward pass runs twice); HFU = MFU × 8/6",
                    substitution: "8 × \(Spoken.count(n)) × \(Spoken.count(d)); \(Spoken.percent(input.mfu)) × 8/6",
                    result: "\(Spoken.scientific(8 * n * d)) FLOPs, HFU \(Spoken.percent(input.mfu * 8 / 6))",
                    check:
                        "MFU counts model FLOPs only (PaLM, 2022), so the time below is the same; an MFU measured with recomputation on already includes its cost. Selective recomputation costs a few percent."
                ))
        }
        steps.append(
            CalcStep(
                "Sustained rate per GPU", formula: "peak × MFU",
                substitution: "\(Spoken.fixed(peak / 1e12, digits: 1)) TFLOPS (\(input.gpu.name), dense \(input.precision.rawValue)) × \(Spoken.percent(input.mfu))",
                result: "\(Spoken.fixed(sustained / 1e12, digits: 2)) TFLOPS",
                check: "Large dense runs reach 35-50 % MFU; Meta reports 38-43 % for Llama 3.1 405B on H100s."
            ))
        steps.append(
            CalcStep(
                "GPU-hours", formula: "C ÷ rate ÷ 3600 s/h",
                substitution: "\(Spoken.scientific(total, digits: 3)) ÷ \(Spoken.scientific(sustained, digits: 4)) FLOP/s ÷ 3600",
                result: "\(Spoken.count(gpuHours)) GPU-hours",
                check: "Llama 2 7B (2 T tokens) took 184 K A100-hours, Llama 3.1 405B 30.8 M H100-hours."
            ))
        if let days, let gpus = input.gpus {
            steps.append(
                CalcStep(
                    "Wall-clock time", formula: "GPU-hours ÷ GPUs ÷ 24 h/day",
                    substitution: "\(Spoken.count(gpuHours)) ÷ \(gpus) ÷ 24",
                    result: "\(Spoken.fixed(days, digits: days < 10 ? 1 : 0)) days",
                    check: days > 120 ? "Over four months: more GPUs, or fewer tokens." : "About \(Spoken.fixed(days / 7, digits: 1)) weeks, before restarts and evaluation."
                ))
        } else {
            steps.append(
                CalcStep(
                    "Wall-clock time", formula: "GPU-hours ÷ GPUs ÷ 24 h/day", substitution: "no GPU count given", result: "not worked out",
                    check: "Give the number of GPUs to see how long the run takes, or a deadline in days to see how many it needs."))
        }
        if let price, let cost {
            steps.append(
                CalcStep(
                    "Cost", formula: "GPU-hours × price per GPU-hour",
                    substitution: "\(Spoken.count(gpuHours)) × \(Spoken.dollars(price))",
                    result: Spoken.dollars(cost),
                    check: input.pricePerHour == nil
                        ? "On-demand list price\(input.gpu.priceAsOf.map { " (\($0))" } ?? ""); reserved capacity is often 30-60 % cheaper."
                        : "At the price you gave."
                ))
        }
        var gpusNeeded: Int?
        if let target = input.targetDays {
            let needed = try CalcCheck.whole((gpuHours / (target * 24)).rounded(.up), "days", what: "GPUs")
            gpusNeeded = needed
            steps.append(
                CalcStep(
                    "GPUs to finish in \(Spoken.count(target)) days", formula: "⌈GPU-hours ÷ (days × 24)⌉",
                    substitution: "⌈\(Spoken.count(gpuHours)) ÷ (\(Spoken.count(target)) × 24)⌉",
                    result: "\(needed) GPUs",
                    check: needed > 10_000 ? "More than 10 K GPUs: a frontier-lab cluster." : "Round up to whole nodes (8 GPUs each) in practice."
                ))
        }
        var budgetTokens: Double?
        if let budget = input.budgetUSD, let price {
            let tokens = budget / price * 3600 * sustained / perToken
            budgetTokens = tokens
            steps.append(
                CalcStep(
                    "Tokens a budget buys", formula: "budget ÷ price × 3600 × rate ÷ (\(factor) · N)",
                    substitution: "\(Spoken.dollars(budget)) ÷ \(Spoken.dollars(price)) × 3600 × \(Spoken.scientific(sustained)) ÷ \(Spoken.scientific(perToken))",
                    result: "\(Spoken.count(tokens)) tokens",
                    check: "That is \(Spoken.fixed(tokens / n, digits: 1)) tokens per parameter; Chinchilla-optimal is about 20."
                ))
        }
        steps.append(
            CalcStep(
                "Chinchilla-optimal tokens", formula: "D ≈ 20 · N (Hoffmann et al., 2022)",
                substitution: "20 × \(Spoken.count(n))",
                result: "\(Spoken.count(chinchilla)) tokens",
                check: "You plan \(Spoken.fixed(d / chinchilla, digits: 1))× that; models meant to be served cheaply train far past it (Llama 3 8B: 15 T tokens)."
            ))
        return Result(
            flopsPerToken: perToken, totalFlops: total, sustainedFlopsPerGPU: sustained, gpuHours: gpuHours, wallClockDays: days,
            pricePerGPUHourUSD: price, costUSD: cost, chinchillaTokens: chinchilla, gpusNeeded: gpusNeeded, tokensForBudget: budgetTokens,
            hardwareFlops: input.recompute ? 8 * n * d : nil, steps: steps)
    }

    /// The MFU a reported run implies: its FLOPs over what its GPU-hours could do at peak.
    public static func impliedMFU(params: Double, tokens: Double, gpuHours: Double, peakFLOPS: Double) -> Double {
        6 * params * tokens / (gpuHours * 3600 * peakFLOPS)
    }
}

/// Range checks with messages that name the field and the bound.
public enum CalcCheck {
    public static func positive(_ value: Double, _ field: String, most: Double, unit: String, tooMuch: String? = nil, least: Double = 0) throws {
        guard value.isFinite else { throw CalcError(field: field, problem: "'\(value)' is not a number", fix: "give a positive number of \(unit), e.g. 7e9") }
        guard value > 0 else { throw CalcError(field: field, problem: "\(Spoken.count(value)) is not positive", fix: "give a positive number of \(unit)") }
        guard value >= least else { throw CalcError(field: field, problem: "\(value) \(unit) is too small to mean anything", fix: "give at least \(Spoken.count(least))") }
        guard value <= most else {
            throw CalcError(field: field, problem: "\(Spoken.count(value)) \(unit) is implausibly large", fix: tooMuch ?? "give at most \(Spoken.count(most))")
        }
    }

    public static func nonNegative(_ value: Double, _ field: String, most: Double, unit: String) throws {
        guard value.isFinite, value >= 0 else { throw CalcError(field: field, problem: "'\(value)' is not zero or more", fix: "give \(unit), e.g. 2.5") }
        guard value <= most else { throw CalcError(field: field, problem: "\(value) \(unit) is implausibly large", fix: "give at most \(Spoken.count(most))") }
    }

    public static func count(_ value: Int, _ field: String, most: Int) throws {
        guard value >= 1 else { throw CalcError(field: field, problem: "\(value) is not a positive whole number", fix: "give 1 or more") }
        guard value <= most else { throw CalcError(field: field, problem: "\(value) is implausibly large", fix: "give at most \(most)") }
    }

    public static func fraction(_ value: Double, _ field: String, least: Double = 0) throws {
        guard value.isFinite, value > 0, value <= 1 else {
            throw CalcError(field: field, problem: "'\(value)' is not a fraction between 0 and 1", fix: "write 40 % as 0.4")
        }
        guard value >= least else {
            throw CalcError(field: field, problem: "\(value) is too small to be real", fix: "give at least \(least)")
        }
    }

    /// A count computed from the inputs, refused rather than trapping when it cannot be an Int.
    public static func whole(_ value: Double, _ field: String, what: String) throws -> Int {
        guard value.isFinite, value < 1e15 else {
            throw CalcError(field: field, problem: "the answer would need more than 10¹⁵ \(what)", fix: "check the inputs: one of them is far outside real systems")
        }
        return Int(value)
    }
}
