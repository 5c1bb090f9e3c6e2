import Foundation

/// The four calculators behind one set of named fields, shared by the CLI (`--tokens 2e12`),
/// the web form and its shareable URL (`?tokens=2e12`) and the API. Field names are the CLI
/// option names without dashes in front.
public enum CalcKind: String, Sendable, Codable, CaseIterable {
    case train, memory, infer, serve

    public var title: String {
        switch self {
        case .train: "Training compute, time and cost"
        case .memory: "Training memory per GPU"
        case .infer: "Inference memory and KV cache"
        case .serve: "Serving capacity and cost"
        }
    }

    /// The fields each calculator reads, in the order forms show them.
    public var fields: [String] {
        switch self {
        case .train: ["model", "params", "tokens", "gpu", "gpus", "mfu", "precision", "price", "recompute", "days", "budget", "force"]
        case .memory: ["model", "params", "gpu", "gpus", "zero", "method", "lora-rank", "context", "batch", "recompute"]
        case .infer: ["model", "params", "layers", "heads", "kv-heads", "head-dim", "gpu", "precision", "kv-precision", "batch", "context", "tp", "usable"]
        case .serve:
            [
                "model", "gpu", "precision", "kv-precision", "qps", "dau", "requests-per-user", "peak-factor", "input-tokens", "output-tokens",
                "tp", "batch", "tpot-ms", "ttft-ms", "headroom", "efficiency", "price",
            ]
        }
    }
}

/// A value as resolved for the answer: what was given or the default used.
public enum CalcValue: Sendable, Equatable, Encodable {
    case number(Double)
    case text(String)
    case flag(Bool)

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .number(value): try container.encode(value)
        case let .text(value): try container.encode(value)
        case let .flag(value): try container.encode(value)
        }
    }
}

/// A calculation's answer: the inputs as resolved, the results (each key names its unit),
/// and the worked steps.
public struct CalcOutcome: Sendable, Encodable {
    public var calculator: CalcKind
    public var inputs: [String: CalcValue]
    public var results: [String: CalcValue]
    public var steps: [CalcStep]

    enum Keys: String, CodingKey { case calculator, inputs, steps }
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Results sit at the top level beside `calculator`, `inputs` and `steps`, so
    /// `jq .gpu_hours` finds them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(calculator, forKey: Key(stringValue: "calculator"))
        try container.encode(inputs, forKey: Key(stringValue: "inputs"))
        for (key, value) in results { try container.encode(value, forKey: Key(stringValue: key)) }
        try container.encode(steps, forKey: Key(stringValue: "steps"))
    }
}

public enum CalcRunner {
    public static func run(_ kind: CalcKind, fields raw: [String: String], catalog: CalcCatalog) throws -> CalcOutcome {
        let fields = raw.mapValues { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.value.isEmpty }
        if let unknown = fields.keys.sorted().first(where: { !kind.fields.contains($0) }) {
            throw CalcError(field: unknown, problem: "is not an input of the \(kind.rawValue) calculator", fix: "its inputs are: \(kind.fields.joined(separator: ", "))")
        }
        var reader = FieldReader(fields: fields, catalog: catalog)
        switch kind {
        case .train: return try train(&reader)
        case .memory: return try memory(&reader)
        case .infer: return try infer(&reader)
        case .serve: return try serve(&reader)
        }
    }

    static func train(_ r: inout FieldReader) throws -> CalcOutcome {
        let model = try r.model()
        let params = try r.number("params") ?? model?.activeParams
        guard let params else { throw CalcError(field: "params", problem: "missing", fix: "give --params (e.g. 7e9) or --model (e.g. llama-2-7b)") }
        guard let tokens = try r.number("tokens") ?? model?.trainingTokens else {
            throw CalcError(field: "tokens", problem: "missing", fix: "give --tokens, e.g. 2e12 (2 T)")
        }
        let gpu = try r.gpu()
        let input = TrainingCompute.Input(
            params: params, tokens: tokens, gpu: gpu, gpus: try r.int("gpus"), mfu: try r.number("mfu") ?? 0.4,
            pricePerHour: try r.number("price"), precision: try r.precision("precision") ?? .bf16,
            recompute: try r.flag("recompute"), targetDays: try r.number("days"), budgetUSD: try r.number("budget"),
            force: try r.flag("force"))
        let result = try TrainingCompute.compute(input)
        var inputs = r.resolved
        inputs["params"] = .number(params)
        inputs["tokens"] = .number(tokens)
        inputs["gpus"] = input.gpus.map { .number(Double($0)) }
        inputs["mfu"] = .number(input.mfu)
        inputs["precision"] = .text(input.precision.rawValue)
        inputs["recompute"] = .flag(input.recompute)
        if let price = result.pricePerGPUHourUSD { inputs["price"] = .number(price) }
        var results: [String: CalcValue] = [
            "flops_per_token": .number(result.flopsPerToken), "total_flops": .number(result.totalFlops),
            "sustained_flops_per_gpu": .number(result.sustainedFlopsPerGPU), "gpu_hours": .number(result.gpuHours),
            "chinchilla_tokens": .number(result.chinchillaTokens),
        ]
        results["wall_clock_days"] = result.wallClockDays.map(CalcValue.number)
        results["price_per_gpu_hour_usd"] = result.pricePerGPUHourUSD.map(CalcValue.number)
        results["cost_usd"] = result.costUSD.map(CalcValue.number)
        results["gpus_needed"] = result.gpusNeeded.map { .number(Double($0)) }
        results["tokens_for_budget"] = result.tokensForBudget.map(CalcValue.number)
        results["hardware_flops"] = result.hardwareFlops.map(CalcValue.number)
        return CalcOutcome(calculator: .train, inputs: inputs, results: results, steps: result.steps)
    }

    static func memory(_ r: inout FieldReader) throws -> CalcOutcome {
        let model = try r.model()
        guard let params = try r.number("params") ?? model?.params else {
            throw CalcError(field: "params", problem: "missing", fix: "give --params (e.g. 7e9) or --model (e.g. llama-2-7b)")
        }
        let methodText = r.text("method") ?? "full"
        guard let method = TrainingMemory.Method(rawValue: methodText.lowercased()) else {
            throw CalcError(field: "method", problem: "'\(methodText)' is not a method", fix: "use full, lora or qlora")
        }
        let input = TrainingMemory.Input(
            params: params, model: model, gpu: try r.optionalGPU(), gpus: try r.int("gpus") ?? 1, zero: try r.zero(), method: method,
            loraRank: try r.int("lora-rank") ?? 16, sequenceLength: try r.tokens("context"), batch: try r.int("batch"),
            recompute: try r.flag("recompute"))
        let result = try TrainingMemory.compute(input)
        var inputs = r.resolved
        inputs["params"] = .number(params)
        inputs["gpus"] = .number(Double(input.gpus))
        inputs["zero"] = .number(Double(input.zero))
        inputs["method"] = .text(method.rawValue)
        if method != .full { inputs["lora_rank"] = .number(Double(input.loraRank)) }
        inputs["recompute"] = .flag(input.recompute)
        var results: [String: CalcValue] = [
            "trainable_params": .number(result.trainableParams), "weights_bytes": .number(result.weightsBytes),
            "gradients_bytes": .number(result.gradientsBytes), "optimizer_bytes": .number(result.optimizerBytes),
            "master_weights_bytes": .number(result.masterWeightsBytes), "per_gpu_bytes": .number(result.perGPUBytes),
            "activation_bytes": .number(result.activationBytes), "total_per_gpu_bytes": .number(result.totalPerGPUBytes),
        ]
        results["gpu_memory_bytes"] = result.gpuMemoryBytes.map(CalcValue.number)
        results["fits"] = result.fits.map(CalcValue.flag)
        return CalcOutcome(calculator: .memory, inputs: inputs, results: results, steps: r.notes + result.steps)
    }

    static func infer(_ r: inout FieldReader) throws -> CalcOutcome {
        let model = try r.shapedModel()
        if model.id == "custom", r.text("context") == nil {
            throw CalcError(field: "context", problem: "missing", fix: "give the tokens per sequence for a model not in the catalogue, e.g. 8192 or 8k")
        }
        let input = InferenceMemory.Input(
            model: model, gpu: try r.optionalGPU(), precision: try r.precision("precision") ?? .bf16,
            kvPrecision: try r.precision("kv-precision") ?? .bf16, batch: try r.int("batch") ?? 1,
            context: try r.tokens("context"), tensorParallel: try r.int("tp") ?? 1, usable: try r.number("usable") ?? 0.9)
        let result = try InferenceMemory.compute(input)
        var inputs = r.resolved
        inputs["precision"] = .text(input.precision.rawValue)
        inputs["kv_precision"] = .text(input.kvPrecision.rawValue)
        inputs["batch"] = .number(Double(input.batch))
        inputs["context"] = .number(Double(result.context))
        inputs["tp"] = .number(Double(input.tensorParallel))
        inputs["usable"] = .number(input.usable)
        var results: [String: CalcValue] = [
            "weights_bytes": .number(result.weightsBytes), "kv_cache_bytes_per_token": .number(result.kvCacheBytesPerToken),
            "kv_cache_bytes": .number(result.kvCacheBytes), "per_gpu_bytes": .number(result.perGPUBytes),
        ]
        results["gpu_memory_bytes"] = result.gpuMemoryBytes.map(CalcValue.number)
        results["fits"] = result.fits.map(CalcValue.flag)
        results["max_batch"] = result.maxBatch.map { .number(Double($0)) }
        results["gpus_needed"] = result.gpusNeeded.map { .number(Double($0)) }
        return CalcOutcome(calculator: .infer, inputs: inputs, results: results, steps: r.notes + result.steps)
    }

    static func serve(_ r: inout FieldReader) throws -> CalcOutcome {
        guard let model = try r.model() else { throw CalcError(field: "model", problem: "missing", fix: "give --model, e.g. llama-3-70b") }
        let input = ServingCapacity.Input(
            model: model, gpu: try r.gpu(), precision: try r.precision("precision") ?? .bf16, kvPrecision: try r.precision("kv-precision") ?? .bf16,
            qps: try r.number("qps"), dailyUsers: try r.number("dau"), requestsPerUser: try r.number("requests-per-user") ?? 10,
            peakFactor: try r.number("peak-factor") ?? 2, inputTokens: try r.tokens("input-tokens") ?? 500, outputTokens: try r.tokens("output-tokens") ?? 250,
            tensorParallel: try r.int("tp"), batch: try r.int("batch"), targetTPOTms: try r.number("tpot-ms"), targetTTFTms: try r.number("ttft-ms"),
            headroom: try r.number("headroom") ?? 0.3, efficiency: try r.number("efficiency") ?? 0.7, pricePerHour: try r.number("price"))
        let result = try ServingCapacity.compute(input)
        var inputs = r.resolved
        inputs["precision"] = .text(input.precision.rawValue)
        inputs["kv_precision"] = .text(input.kvPrecision.rawValue)
        inputs["input_tokens"] = .number(Double(input.inputTokens))
        inputs["output_tokens"] = .number(Double(input.outputTokens))
        inputs["headroom"] = .number(input.headroom)
        inputs["efficiency"] = .number(input.efficiency)
        inputs["tp"] = .number(Double(result.tensorParallel))
        inputs["batch"] = .number(Double(result.batch))
        if let price = result.pricePerGPUHourUSD { inputs["price"] = .number(price) }
        if input.qps == nil {
            inputs["requests_per_user"] = .number(input.requestsPerUser)
            inputs["peak_factor"] = .number(input.peakFactor)
        }
        var results: [String: CalcValue] = [
            "qps": .number(result.qps), "tp": .number(Double(result.tensorParallel)), "batch": .number(Double(result.batch)),
            "decode_step_seconds": .number(result.decodeStepSeconds), "prefill_seconds": .number(result.prefillSeconds),
            "request_latency_seconds": .number(result.requestLatencySeconds), "concurrency": .number(result.concurrency),
            "requests_per_second_per_replica": .number(result.requestsPerSecondPerReplica),
            "output_tokens_per_second_per_replica": .number(result.outputTokensPerSecondPerReplica),
            "replicas": .number(Double(result.replicas)), "gpus_needed": .number(Double(result.gpusNeeded)), "meets_latency_target": .flag(result.meetsLatencyTarget),
        ]
        results["price_per_gpu_hour_usd"] = result.pricePerGPUHourUSD.map(CalcValue.number)
        results["cost_per_hour_usd"] = result.costPerHourUSD.map(CalcValue.number)
        results["cost_per_month_usd"] = result.costPerMonthUSD.map(CalcValue.number)
        results["cost_per_million_tokens_usd"] = result.costPerMillionTokensUSD.map(CalcValue.number)
        results["cost_per_million_output_tokens_usd"] = result.costPerMillionOutputTokensUSD.map(CalcValue.number)
        return CalcOutcome(calculator: .serve, inputs: inputs, results: results, steps: r.notes + result.steps)
    }
}

/// Reads named fields as numbers (7e9, 7B, 2T, 1.5M, 40%), flags and catalogue entries,
/// recording what it resolved.
struct FieldReader {
    let fields: [String: String]
    let catalog: CalcCatalog
    var resolved: [String: CalcValue] = [:]
    /// What the reader decided that the answer should say (1k tokens = 1,024), as steps.
    var notes: [CalcStep] = []

    init(fields: [String: String], catalog: CalcCatalog) {
        self.fields = fields
        self.catalog = catalog
    }

    func text(_ name: String) -> String? { fields[name] }

    mutating func number(_ name: String) throws -> Double? {
        guard let text = fields[name] else { return nil }
        guard let value = CalcNumber.parse(text) else {
            throw CalcError(field: name, problem: "'\(text)' is not a number", fix: "write it like 7e9, 7B, 2.5 or 40%")
        }
        resolved[name.replacingOccurrences(of: "-", with: "_")] = .number(value)
        return value
    }

    mutating func int(_ name: String) throws -> Int? {
        guard let value = try number(name) else { return nil }
        guard abs(value) < 1e12 else { throw CalcError(field: name, problem: "\(fields[name] ?? "") is implausibly large", fix: "give a number below 10¹²") }
        guard value == value.rounded() else { throw CalcError(field: name, problem: "'\(fields[name] ?? "")' is not a whole number", fix: "give a whole number such as 8") }
        return Int(value)
    }

    /// A token count: "32k" is 32,768, as context lengths count (1k = 1,024), and the answer says so.
    mutating func tokens(_ name: String) throws -> Int? {
        guard let text = fields[name] else { return nil }
        let body = text.trimmingCharacters(in: .whitespaces)
        if let last = body.last, "kK".contains(last), let thousands = Double(body.dropLast().trimmingCharacters(in: .whitespaces)), thousands > 0 {
            let value = thousands * 1024
            guard value == value.rounded(), value < 1e12 else {
                throw CalcError(field: name, problem: "'\(text)' is not a whole number of tokens", fix: "give the count, such as 32k or 32768")
            }
            resolved[name.replacingOccurrences(of: "-", with: "_")] = .number(value)
            notes.append(
                CalcStep(
                    "Tokens", formula: "1k tokens = 1,024 (context lengths count in powers of two)",
                    substitution: "\(text) = \(Spoken.fixed(thousands, digits: thousands == thousands.rounded() ? 0 : 1)) × 1,024",
                    result: "\(Spoken.grouped(Int(value))) tokens", check: "Write the exact count (e.g. 32000) if you mean thousands."))
            return Int(value)
        }
        guard CalcNumber.parse(body) != nil else {
            throw CalcError(field: name, problem: "'\(text)' is not a number of tokens", fix: "write it like 8192, 32k (32,768) or 128k")
        }
        return try int(name)
    }

    mutating func flag(_ name: String) throws -> Bool {
        guard let text = fields[name]?.lowercased() else { return false }
        switch text {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw CalcError(field: name, problem: "'\(text)' is not yes or no", fix: "use true or false")
        }
    }

    mutating func precision(_ name: String) throws -> Precision? {
        guard let text = fields[name] else { return nil }
        guard let precision = Precision(rawValue: text.lowercased()) else {
            throw CalcError(field: name, problem: "'\(text)' is not a precision", fix: "use one of: \(Precision.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return precision
    }

    mutating func zero(_ name: String = "zero") throws -> Int {
        guard let text = fields[name]?.lowercased() else { return 0 }
        if text == "fsdp" {
            resolved["zero"] = .number(3)
            return 3
        }
        return try int(name) ?? 0
    }

    mutating func model() throws -> ModelSpec? {
        guard let id = fields["model"] else { return nil }
        let model = try catalog.model(id)
        resolved["model"] = .text(model.id)
        return model
    }

    /// A catalogue model, with any of its shape replaced by the fields given, or a model made
    /// of those fields alone (issue #13: a model not in the catalogue could not be asked about).
    mutating func shapedModel() throws -> ModelSpec {
        let base = try model()
        let params = try number("params")
        let layers = try int("layers")
        let heads = try int("heads")
        let kvHeads = try int("kv-heads")
        let headDim = try int("head-dim")
        for (name, value) in [("layers", layers), ("heads", heads), ("kv-heads", kvHeads), ("head-dim", headDim)] {
            if let value { try CalcCheck.count(value, name, most: 100_000) }
        }
        if let base {
            guard params != nil || layers != nil || heads != nil || kvHeads != nil || headDim != nil else { return base }
            var shaped = base
            shaped.name = base.name + " (shape changed)"
            shaped.params = params ?? base.params
            shaped.activeParams = params ?? base.activeParams
            shaped.layers = layers ?? base.layers
            shaped.attentionHeads = heads ?? base.attentionHeads
            shaped.kvHeads = kvHeads ?? base.kvHeads
            shaped.headDim = headDim ?? base.headDim
            if kvHeads != nil || headDim != nil { shaped.kvCacheElementsPerTokenPerLayer = nil }
            return shaped
        }
        guard let params, let layers, let kvHeads, let headDim else {
            throw CalcError(
                field: "model", problem: "missing",
                fix: "give --model (e.g. llama-3-8b), or the shape: --params, --layers, --kv-heads and --head-dim (the KV cache needs it)")
        }
        let attention = heads ?? kvHeads
        return ModelSpec(
            id: "custom", name: "the model given", params: params, layers: layers, hiddenSize: attention * headDim, attentionHeads: attention,
            kvHeads: kvHeads, headDim: headDim, vocabSize: 32_000, context: 10_000_000)
    }

    /// The GPU when one is given; the memory calculators work without one.
    mutating func optionalGPU() throws -> GPUSpec? {
        fields["gpu"] == nil ? nil : try gpu()
    }

    mutating func gpu() throws -> GPUSpec {
        guard let id = fields["gpu"] else {
            throw CalcError(field: "gpu", problem: "missing", fix: "give --gpu, one of: \(catalog.gpus.map(\.id).joined(separator: ", "))")
        }
        let gpu = try catalog.gpu(id)
        resolved["gpu"] = .text(gpu.id)
        return gpu
    }
}

/// Numbers as people type them: 7e9, 7B, 2T, 1.5M, 70K, 40%, 1,000.
public enum CalcNumber {
    public static func parse(_ text: String) -> Double? {
        var body = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
        var factor = 1.0
        if body.hasSuffix("%") {
            factor = 0.01
            body.removeLast()
        } else if let last = body.last, let scale = ["k": 1e3, "m": 1e6, "b": 1e9, "g": 1e9, "t": 1e12][last.lowercased()], body.count > 1 {
            factor = scale
            body.removeLast()
        }
        body = body.trimmingCharacters(in: .whitespaces)
        guard !body.isEmpty, body.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }), let value = Double(body), value.isFinite else { return nil }
        return value * factor
    }
}
