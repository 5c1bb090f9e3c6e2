import Foundation
import PrepCore
import Yams

/// Reads `calculators/gpus.yaml` and `calculators/models.yaml` and checks every entry, so a
/// bad figure is reported with its file and field instead of skewing a calculation.
public enum CalcCatalogLoader {
    public static func bundled() throws -> CalcCatalog {
        try load(root: ContentBundle.directory.appendingPathComponent("calculators"))
    }

    public static func load(root: URL) throws -> CalcCatalog {
        let gpus = try decode(GPUFile.self, root.appendingPathComponent("gpus.yaml"), label: "calculators/gpus.yaml").gpus
        let models = try decode(ModelFile.self, root.appendingPathComponent("models.yaml"), label: "calculators/models.yaml").models
        if let first = check(gpus: gpus, models: models).first { throw first }
        return CalcCatalog(gpus: gpus, models: models)
    }

    struct GPUFile: Decodable { var gpus: [GPUSpec] }
    struct ModelFile: Decodable { var models: [ModelSpec] }

    static func decode<T: Decodable>(_ type: T.Type, _ url: URL, label: String) throws -> T {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ContentError(file: label, line: nil, problem: "cannot read the file", fix: "restore it from the repository")
        }
        do {
            return try YAMLDecoder().decode(T.self, from: text)
        } catch let error as DecodingError {
            throw ContentError(file: label, line: nil, problem: describe(error), fix: "see the field list at the top of the file")
        } catch {
            throw ContentError(file: label, line: nil, problem: "not valid YAML: \(error)", fix: "fix the syntax near the reported line")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case let .keyNotFound(key, context): return "\(path(context.codingPath + [key])) is missing"
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "cannot be read"
        }
    }

    /// Every entry's figures in range and its sources present.
    public static func check(gpus: [GPUSpec], models: [ModelSpec]) -> [ContentError] {
        var problems: [ContentError] = []
        func fail(_ file: String, _ id: String, _ field: String, _ problem: String) {
            problems.append(ContentError(file: "calculators/\(file)", line: nil, problem: "\(id).\(field): \(problem)", fix: "correct the figure against its source"))
        }
        var seen = Set<String>()
        for gpu in gpus {
            if !seen.insert(gpu.id).inserted { fail("gpus.yaml", gpu.id, "id", "used twice") }
            if gpu.id.range(of: #"^[a-z0-9][a-z0-9.-]*$"#, options: .regularExpression) == nil {
                fail("gpus.yaml", gpu.id, "id", "use lowercase letters, digits, dots and hyphens")
            }
            if !(gpu.memoryGiB > 0 && gpu.memoryGiB < 10_000) { fail("gpus.yaml", gpu.id, "memory_gib", "\(gpu.memoryGiB) is out of range") }
            if !(gpu.memoryBandwidthGBs > 0 && gpu.memoryBandwidthGBs < 100_000) { fail("gpus.yaml", gpu.id, "memory_bandwidth_gb_s", "\(gpu.memoryBandwidthGBs) is out of range") }
            if gpu.tflops["bf16"] == nil && gpu.tflops["fp16"] == nil { fail("gpus.yaml", gpu.id, "tflops", "needs bf16 or fp16") }
            for (name, value) in gpu.tflops.sorted(by: { $0.key < $1.key }) {
                if Precision(rawValue: name) == nil { fail("gpus.yaml", gpu.id, "tflops.\(name)", "not a precision (fp32, tf32, bf16, fp16, fp8, int8, int4)") }
                if !(value > 0 && value < 100_000) { fail("gpus.yaml", gpu.id, "tflops.\(name)", "\(value) is out of range") }
            }
            if !gpu.specURL.hasPrefix("https://") { fail("gpus.yaml", gpu.id, "spec_url", "every figure needs its source (an https URL)") }
            if let price = gpu.pricePerHourUSD {
                if !(price > 0 && price < 1_000) { fail("gpus.yaml", gpu.id, "price_per_hour_usd", "\(price) is out of range") }
                if gpu.priceSource == nil || gpu.priceURL == nil || gpu.priceAsOf == nil {
                    fail("gpus.yaml", gpu.id, "price_source", "a price needs price_source, price_url and price_as_of")
                }
            }
        }
        seen = []
        for model in models {
            if !seen.insert(model.id).inserted { fail("models.yaml", model.id, "id", "used twice") }
            if !(model.params > 1e6 && model.params < 1e14) { fail("models.yaml", model.id, "params", "\(model.params) is out of range") }
            if !(model.activeParams > 0 && model.activeParams <= model.params) { fail("models.yaml", model.id, "active_params", "must be positive and at most params") }
            if model.layers < 1 || model.hiddenSize < 1 || model.headDim < 1 || model.vocabSize < 1 || model.context < 1 {
                fail("models.yaml", model.id, "layers", "shape figures must be positive")
            }
            if model.kvHeads < 1 || model.attentionHeads % model.kvHeads != 0 { fail("models.yaml", model.id, "kv_heads", "must divide attention_heads (\(model.attentionHeads))") }
            if !model.sourceURL.hasPrefix("https://") { fail("models.yaml", model.id, "source_url", "every figure needs its source (an https URL)") }
            if model.trainingGPUHours != nil && model.trainingSourceURL == nil { fail("models.yaml", model.id, "training_source_url", "training figures need their source") }
        }
        return problems
    }
}
