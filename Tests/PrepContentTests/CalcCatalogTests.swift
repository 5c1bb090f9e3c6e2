import Foundation
import PrepContent
import PrepCore
import Testing

@Suite struct CalcCatalogTests {
    static let catalog = try! CalcCatalogLoader.bundled()

    @Test func holdsTheGPUsAndModelsTheIssueNames() throws {
        let gpus = Set(Self.catalog.gpus.map(\.id))
        let models = Set(Self.catalog.models.map(\.id))
        #expect(gpus.isSuperset(of: ["a100-40gb", "a100-80gb", "h100-sxm", "h100-pcie", "h200", "b200", "l4", "t4", "a10g", "l40s", "mi300x", "tpu-v5e", "tpu-v5p"]))
        #expect(
            models.isSuperset(of: [
                "llama-2-7b", "llama-2-13b", "llama-2-70b", "llama-3-8b", "llama-3-70b", "llama-3.1-8b", "llama-3.1-70b",
                "llama-3.1-405b", "mistral-7b", "mixtral-8x7b", "deepseek-v3",
            ]))
    }

    /// Dense figures from the vendors' datasheets (NVIDIA A100 and H100, AMD MI300X).
    @Test func carriesDatasheetFigures() throws {
        let a100 = try Self.catalog.gpu("a100-80gb")
        let h100 = try Self.catalog.gpu("h100-sxm")
        let mi300x = try Self.catalog.gpu("mi300x")
        #expect(a100.tflops["bf16"] == 312 && a100.memoryBandwidthGBs == 2039 && a100.tflops["fp8"] == nil)
        #expect(h100.tflops["bf16"] == 989.4 && h100.tflops["fp8"] == 1978.9 && h100.memoryBandwidthGBs == 3350)
        #expect(mi300x.tflops["bf16"] == 1307.4 && mi300x.memoryGiB == 192)
        #expect(Self.catalog.gpus.allSatisfy { $0.specURL.hasPrefix("https://") })
    }

    /// Llama 2 (arXiv 2307.09288): 70B uses grouped-query attention with 8 KV heads; the paper's
    /// GPU-hours for 7B imply about 39 % MFU on the A100's 312 TFLOPS.
    @Test func modelShapesAndTrainingFigures() throws {
        let seventy = try Self.catalog.model("llama-2-70b")
        let seven = try Self.catalog.model("llama-2-7b")
        #expect(seventy.kvHeads == 8 && seventy.layers == 80 && seventy.hiddenSize == 8192)
        #expect(seven.trainingGPUHours == 184_320 && seven.trainingTokens == 2e12 && seven.trainingGPU == "a100-80gb")
        let implied = TrainingCompute.impliedMFU(
            params: seven.params, tokens: seven.trainingTokens!, gpuHours: seven.trainingGPUHours!,
            peakFLOPS: try Self.catalog.gpu("a100-80gb").peakFLOPS(.bf16)!)
        #expect((0.38...0.40).contains(implied))
        let deepseek = try Self.catalog.model("deepseek-v3")
        #expect(deepseek.kvElementsPerTokenPerLayer == 576 && deepseek.activeParams == 37e9)
        let mixtral = try Self.catalog.model("mixtral-8x7b")
        #expect(mixtral.activeParams < mixtral.params / 3)
    }

    @Test func checksEveryEntry() {
        var gpu = CalcFixtures.a100
        gpu.specURL = ""
        gpu.tflops["fp6"] = 1
        var model = CalcFixtures.llama2
        model.kvHeads = 5
        let problems = CalcCatalogLoader.check(gpus: [gpu, gpu], models: [model]).map(\.description)
        #expect(problems.contains { $0.contains("a100-80gb.id: used twice") })
        #expect(problems.contains { $0.contains("a100-80gb.spec_url") })
        #expect(problems.contains { $0.contains("tflops.fp6: not a precision") })
        #expect(problems.contains { $0.contains("kv_heads: must divide attention_heads (32)") })
    }

    @Test func reportsTheFieldOfABadFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "gpus:\n  - id: x\n    name: X\n".write(to: folder.appendingPathComponent("gpus.yaml"), atomically: true, encoding: .utf8)
        try "models: []\n".write(to: folder.appendingPathComponent("models.yaml"), atomically: true, encoding: .utf8)
        do {
            _ = try CalcCatalogLoader.load(root: folder)
            Issue.record("a GPU without figures was accepted")
        } catch {
            #expect("\(error)".contains("calculators/gpus.yaml") && "\(error)".contains("gpus[0].vendor is missing"), "\(error)")
        }
    }
}

enum CalcFixtures {
    static let a100 = GPUSpec(
        id: "a100-80gb", name: "A100 80GB", vendor: "nvidia", memoryGiB: 80, memoryBandwidthGBs: 2039,
        tflops: ["bf16": 312], specURL: "https://example.org/a100")
    static let llama2 = ModelSpec(
        id: "llama-2-7b", name: "Llama 2 7B", params: 6.74e9, layers: 32, hiddenSize: 4096, attentionHeads: 32, kvHeads: 32,
        headDim: 128, vocabSize: 32000, context: 4096, sourceURL: "https://example.org/llama")
}

@Suite struct CalcLinkTests {
    @Test func answersLinkToCalculationsThatRun() throws {
        let catalog = try ContentCatalog.load(userDirectories: [])
        let links = catalog.items.flatMap { item in (item.sections.map(\.markdown) + [item.intro]).flatMap(CalcLinks.links) }
        #expect(links.count >= 5 && Set(links.map(\.kind)).count == 4, "every calculator is linked from an answer")
        #expect(CalcLinks.check(catalog.items, catalog: CalcCatalogTests.catalog).isEmpty)
    }

    @Test func aBrokenLinkIsReportedWithItsLine() {
        let markdown = "Intro line\nSee [the numbers](/calculators/train?params=7e9&tokens=2e12&gpu=h100) for more."
        let links = CalcLinks.links(in: markdown)
        #expect(links.count == 1 && links[0].kind == .train && links[0].lineOffset == 2)
        #expect(links.first?.fields == ["params": "7e9", "tokens": "2e12", "gpu": "h100"])
        do {
            _ = try CalcRunner.run(links[0].kind, fields: links[0].fields, catalog: CalcCatalogTests.catalog)
            Issue.record("h100 is ambiguous and should not run")
        } catch {
            #expect("\(error)".contains("did you mean h100-sxm"))
        }
    }
}
