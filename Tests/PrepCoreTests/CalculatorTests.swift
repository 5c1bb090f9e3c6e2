import Foundation
import PrepCore
import Testing

/// Specs as the vendors publish them (dense, no sparsity), so these tests do not depend on
/// the bundled catalogue; CalcCatalogTests checks the catalogue against the same figures.
enum CalcFixtures {
    static let a100 = GPUSpec(
        id: "a100-80gb", name: "A100 80GB", vendor: "nvidia", memoryGiB: 80, memoryBandwidthGBs: 2039,
        tflops: ["fp32": 19.5, "tf32": 156, "bf16": 312, "fp16": 312, "int8": 624], pricePerHourUSD: 4)
    static let h100 = GPUSpec(
        id: "h100-sxm", name: "H100 SXM", vendor: "nvidia", memoryGiB: 80, memoryBandwidthGBs: 3350,
        tflops: ["fp32": 67, "tf32": 494.7, "bf16": 989.4, "fp16": 989.4, "fp8": 1978.9], pricePerHourUSD: 6)
    static let llama2With7B = ModelSpec(
        id: "llama-2-7b", name: "Llama 2 7B", params: 6.74e9, layers: 32, hiddenSize: 4096, attentionHeads: 32, kvHeads: 32,
        headDim: 128, vocabSize: 32000, context: 4096)
    static let llama2With70B = ModelSpec(
        id: "llama-2-70b", name: "Llama 2 70B", params: 68.98e9, layers: 80, hiddenSize: 8192, attentionHeads: 64, kvHeads: 8,
        headDim: 128, vocabSize: 32000, context: 4096)
    static let llama3With8B = ModelSpec(
        id: "llama-3-8b", name: "Llama 3 8B", params: 8.03e9, layers: 32, hiddenSize: 4096, attentionHeads: 32, kvHeads: 8,
        headDim: 128, vocabSize: 128_256, context: 8192)
    static let deepseekV3 = ModelSpec(
        id: "deepseek-v3", name: "DeepSeek-V3", params: 671e9, activeParams: 37e9, layers: 61, hiddenSize: 7168, attentionHeads: 128,
        kvHeads: 128, headDim: 128, vocabSize: 129_280, context: 131_072, kvCacheElementsPerTokenPerLayer: 576)
    static let catalog = CalcCatalog(gpus: [a100, h100], models: [llama2With7B, llama2With70B, llama3With8B, deepseekV3])
}

@Suite struct TrainingComputeTests {
    /// Llama 3.1 405B: "3.8 × 10²⁵ FLOPs" on 15.6 T tokens (Llama 3 paper, arXiv 2407.21783, §3.1
    /// and Table 1 of the model card). 6·N·D gives it to within 1 %.
    @Test func reproducesTheLlama31FlopBudget() throws {
        let result = try TrainingCompute.compute(.init(params: 405e9, tokens: 15.6e12, gpu: CalcFixtures.h100, gpus: 16_384))
        #expect(abs(result.totalFlops / 3.8e25 - 1) < 0.01)
        #expect(result.steps[0].result == "3.791 × 10²⁵ FLOPs", "enough digits to redo the next steps by hand")
    }

    /// Llama 2 (arXiv 2307.09288, Table 2): 184,320 / 368,640 / 1,720,320 A100-80GB hours for
    /// 7B / 13B / 70B on 2.0 T tokens. Those hours imply an MFU of 38-43 % at the A100's dense
    /// 312 TFLOPS; one MFU of 40 % predicts each within 10 % (the spread is each run's own
    /// efficiency, which no single default can know).
    @Test func reproducesLlama2GPUHoursAtTheMFUTheyImply() throws {
        for (params, hours) in [(6.74e9, 184_320.0), (13.0e9, 368_640.0), (68.98e9, 1_720_320.0)] {
            let implied = TrainingCompute.impliedMFU(params: params, tokens: 2e12, gpuHours: hours, peakFLOPS: 312e12)
            #expect((0.37...0.44).contains(implied), "implied MFU \(implied) for \(params)")
            let result = try TrainingCompute.compute(.init(params: params, tokens: 2e12, gpu: CalcFixtures.a100, mfu: 0.40))
            #expect(abs(result.gpuHours / hours - 1) < 0.10, "\(result.gpuHours) against \(hours)")
            let exact = try TrainingCompute.compute(.init(params: params, tokens: 2e12, gpu: CalcFixtures.a100, mfu: implied))
            #expect(abs(exact.gpuHours / hours - 1) < 1e-9)
        }
    }

    /// Llama 3.1 model card: 30.84 M H100-80GB hours for 405B. The paper reports 38-43 % MFU
    /// while training, but the card's hours include restarts and evaluation (466 interruptions
    /// in 54 days), so they imply about 35 %; at 40 % the estimate is within 15 %.
    @Test func llama31HoursAreWithinTheOverheadOfItsReportedMFU() throws {
        let implied = TrainingCompute.impliedMFU(params: 405e9, tokens: 15.6e12, gpuHours: 30.84e6, peakFLOPS: 989.4e12)
        #expect((0.32...0.40).contains(implied))
        let result = try TrainingCompute.compute(.init(params: 405e9, tokens: 15.6e12, gpu: CalcFixtures.h100, gpus: 16_384, mfu: 0.40))
        #expect(abs(result.gpuHours / 30.84e6 - 1) < 0.15)
        #expect((50...80).contains(result.wallClockDays ?? 0), "the paper's pre-training took about two months")
    }

    @Test func answersTheReverseQuestions() throws {
        let result = try TrainingCompute.compute(
            .init(
                params: 7e9, tokens: 2e12, gpu: CalcFixtures.a100, gpus: 64, mfu: 0.4, pricePerHour: 2.5,
                targetDays: 30, budgetUSD: 100_000))
        // 6 × 7e9 × 2e12 = 8.4e22 FLOPs; at 124.8 TFLOPS that is 186,966 GPU-hours.
        let hours: Double = 8.4e22 / 124.8e12 / 3600
        #expect(abs(result.gpuHours - hours) < 1e-6)
        #expect(result.gpusNeeded == Int((result.gpuHours / 720).rounded(.up)))
        let bought: Double = 100_000.0 / 2.5 * 3600 * 124.8e12 / 42e9
        #expect(abs((result.tokensForBudget ?? 0) - bought) < 1)
        #expect(result.chinchillaTokens == 140e9)
        #expect(result.costUSD == result.gpuHours * 2.5)
        // MFU counts model FLOPs (PaLM, 2022): recomputation shows as hardware FLOPs, not as time.
        let plain = try TrainingCompute.compute(.init(params: 7e9, tokens: 2e12, gpu: CalcFixtures.a100))
        let recompute = try TrainingCompute.compute(.init(params: 7e9, tokens: 2e12, gpu: CalcFixtures.a100, recompute: true))
        let hardware: Double = 8 * 7e9 * 2e12
        #expect(recompute.totalFlops == plain.totalFlops && recompute.gpuHours == plain.gpuHours && recompute.hardwareFlops == hardware)
    }

    @Test func refusesAbsurdInputsNamingTheField() {
        func message(_ input: TrainingCompute.Input) -> String {
            do {
                _ = try TrainingCompute.compute(input)
                return ""
            } catch { return "\(error)" }
        }
        #expect(message(.init(params: 7e9, tokens: 2e12, gpu: CalcFixtures.a100, mfu: 1.5)).hasPrefix("mfu: '1.5' is not a fraction"))
        #expect(message(.init(params: .nan, tokens: 2e12, gpu: CalcFixtures.a100)).hasPrefix("params: 'nan' is not a number"))
        #expect(message(.init(params: -7e9, tokens: 2e12, gpu: CalcFixtures.a100)).hasPrefix("params:"))
        #expect(message(.init(params: 7e9, tokens: 2e17, gpu: CalcFixtures.a100)).contains("--force"))
        #expect(message(.init(params: 7e9, tokens: 2e17, gpu: CalcFixtures.a100, force: true)) == "")
        #expect(message(.init(params: 7e9, tokens: 2e12, gpu: CalcFixtures.a100, gpus: 0)).hasPrefix("gpus:"))
        #expect(message(.init(params: 7e9, tokens: 2e12, gpu: CalcFixtures.a100, precision: .fp8)).hasPrefix("precision: A100 80GB has no fp8 math"))
    }

    @Test func suggestsCloseCatalogueNames() {
        let catalog = CalcCatalog(gpus: [CalcFixtures.a100, CalcFixtures.h100], models: [CalcFixtures.llama2With7B])
        #expect(throws: CalcError.self) { try catalog.gpu("h100") }
        do { _ = try catalog.gpu("h100") } catch { #expect("\(error)" == "gpu: 'h100' is not a GPU in the catalogue; did you mean h100-sxm?") }
        do { _ = try catalog.model("llama2-7b") } catch { #expect("\(error)".contains("did you mean llama-2-7b?")) }
        #expect((try? catalog.gpu("H100-SXM"))?.id == "h100-sxm", "ids are case-insensitive")
    }
}

@Suite struct TrainingMemoryTests {
    /// ZeRO (Rajbhandari et al., arXiv 1910.02054, Figure 1): 7.5 B parameters with mixed-precision
    /// Adam (K = 12) on 64 GPUs: 120 GB baseline, 31.4 GB with P_os, 16.6 GB with P_os+g, 1.9 GB with
    /// P_os+g+p (decimal GB, as the paper uses).
    @Test func reproducesTheZeROPapersExample() throws {
        for (stage, expected) in [(0, 120.0), (1, 31.4), (2, 16.6), (3, 1.9)] {
            let result = try TrainingMemory.compute(.init(params: 7.5e9, gpu: CalcFixtures.a100, gpus: 64, zero: stage))
            #expect(abs(result.perGPUBytes / 1e9 - expected) < 0.05, "stage \(stage): \(result.perGPUBytes / 1e9) GB")
            #expect(result.activationBytes == 0 && result.totalPerGPUBytes == result.perGPUBytes)
        }
        let split = try TrainingMemory.compute(.init(params: 7.5e9, gpu: CalcFixtures.a100, gpus: 64, zero: 1))
        #expect(split.weightsBytes == 15e9 && split.gradientsBytes == 15e9)
        #expect(abs(split.optimizerBytes - 60e9 / 64) < 1 && abs(split.masterWeightsBytes - 30e9 / 64) < 1)
        #expect((try TrainingMemory.compute(.init(params: 7.5e9, gpu: CalcFixtures.a100))).fits == false, "120 GB does not fit in 80 GiB")
    }

    @Test func activationsFollowSequenceBatchAndRecomputation() throws {
        let plain = try TrainingMemory.compute(.init(params: 6.74e9, model: CalcFixtures.llama2With7B, gpu: CalcFixtures.a100, sequenceLength: 4096, batch: 1))
        // 32 layers × 34 × 4096 × 1 × 4096 bytes + 4 × 4096 × 32000 logits.
        let layers: Double = 32 * 34 * 4096 * 4096
        let logits: Double = 4 * 4096 * 32000
        #expect(plain.activationBytes == layers + logits)
        let recomputed = try TrainingMemory.compute(
            .init(params: 6.74e9, model: CalcFixtures.llama2With7B, gpu: CalcFixtures.a100, sequenceLength: 4096, batch: 1, recompute: true))
        #expect(recomputed.activationBytes < plain.activationBytes / 5)
        #expect(plain.totalPerGPUBytes == plain.perGPUBytes + plain.activationBytes)
        #expect(throws: CalcError.self) { try TrainingMemory.compute(.init(params: 6.74e9, model: CalcFixtures.llama2With7B, gpu: CalcFixtures.a100, sequenceLength: 4096)) }
    }

    @Test func loraAndQLoRAShrinkTheStates() throws {
        let lora = try TrainingMemory.compute(.init(params: 6.74e9, model: CalcFixtures.llama2With7B, gpu: CalcFixtures.a100, method: .lora, loraRank: 16))
        // q, k, v, o adapters on 32 layers: 32 × 16 × (2 × 8192 + 2 × 8192) = 16.8 M parameters.
        let adapters: Double = 32 * 16 * 4 * 8192
        #expect(lora.trainableParams == adapters)
        #expect(lora.fits == true && lora.perGPUBytes < 14e9)
        let qlora = try TrainingMemory.compute(.init(params: 68.98e9, model: CalcFixtures.llama2With70B, gpu: CalcFixtures.a100, method: .qlora))
        #expect(qlora.fits == true, "a 70 B model fine-tunes in 4-bit on one 80 GB GPU, as QLoRA showed for 65 B on 48 GB")
        #expect(throws: CalcError.self) { try TrainingMemory.compute(.init(params: 6.74e9, gpu: CalcFixtures.a100, method: .lora)) }
    }
}

@Suite struct InferenceMemoryTests {
    /// NVIDIA's "Mastering LLM Techniques: Inference Optimization" (2023): the KV cache of Llama 2
    /// 7B in 16-bit at batch 1 and 4,096 tokens is about 2 GB (2 × 32 × 4096 × 2 × 4096 bytes).
    @Test func kvCacheOfAMultiHeadModel() throws {
        let result = try InferenceMemory.compute(.init(model: CalcFixtures.llama2With7B, gpu: CalcFixtures.a100, batch: 1, context: 4096))
        let cache: Double = 2 * 32 * 4096 * 2 * 4096
        #expect(result.kvCacheBytes == cache)
        #expect(abs(result.weightsBytes - 13.48e9) < 1e6)
    }

    /// Grouped-query attention: Llama 3 8B keeps 8 KV heads of 128, so 2 × 32 × 8 × 128 × 2 =
    /// 131,072 bytes (128 KiB) per token, a quarter of a 32-KV-head model; Llama 2 70B 320 KiB.
    @Test func groupedQueryAttentionShrinksTheCache() throws {
        let llama3 = try InferenceMemory.compute(.init(model: CalcFixtures.llama3With8B, gpu: CalcFixtures.a100))
        #expect(llama3.kvCacheBytesPerToken == 131_072)
        let seventy = try InferenceMemory.compute(.init(model: CalcFixtures.llama2With70B, gpu: CalcFixtures.a100, tensorParallel: 2))
        #expect(seventy.kvCacheBytesPerToken == 327_680)
        #expect(seventy.steps[1].check?.contains("8 KV heads for 64 query heads") == true)
        // DeepSeek-V3 caches a 576-element latent per layer: 61 × 576 × 2 bytes.
        let deepseek = try InferenceMemory.compute(.init(model: CalcFixtures.deepseekV3, gpu: CalcFixtures.h100, precision: .fp8, tensorParallel: 8))
        #expect(deepseek.kvCacheBytesPerToken == 61 * 576 * 2)
    }

    @Test func largestBatchAndTensorParallelSplit() throws {
        let alone = try InferenceMemory.compute(.init(model: CalcFixtures.llama2With70B, gpu: CalcFixtures.a100))
        #expect(alone.fits == false && alone.maxBatch == 0 && alone.gpusNeeded == 2)
        let pair = try InferenceMemory.compute(.init(model: CalcFixtures.llama2With70B, gpu: CalcFixtures.a100, batch: 8, tensorParallel: 2))
        let memory: Double = 80 * 1_073_741_824 * 0.9 * 2
        let room: Double = memory - 68.98e9 * 2
        let perSequence: Double = 327_680 * 4096
        #expect(pair.maxBatch == Int(room / perSequence))
        let split: Double = (68.98e9 * 2 + 8 * perSequence) / 2
        #expect(pair.perGPUBytes == split)
        let int4 = try InferenceMemory.compute(.init(model: CalcFixtures.llama2With70B, gpu: CalcFixtures.a100, precision: .int4))
        #expect(int4.weightsBytes == 68.98e9 / 2 && int4.fits == true)
        #expect(throws: CalcError.self) { try InferenceMemory.compute(.init(model: CalcFixtures.llama2With7B, gpu: CalcFixtures.a100, precision: .tf32)) }
    }
}

@Suite struct ServingCapacityTests {
    @Test func decodeIsBoundByBandwidthAndReplicasScaleWithLoad() throws {
        let one = try ServingCapacity.compute(.init(model: CalcFixtures.llama2With7B, gpu: CalcFixtures.a100, qps: 10, inputTokens: 500, outputTokens: 200, batch: 1))
        // Batch 1: the step reads 13.5 GB of weights and a little cache at 70 % of 2,039 GB/s;
        // as users see it, prefills of other requests take turns with it.
        let cache: Double = 524_288.0 * 600
        let expectedStep: Double = (13.48e9 + cache) / (2039e9 * 0.7)
        let rawStep: Double = Double(one.batch) / one.outputTokensPerSecondPerReplica
        #expect(abs(rawStep - expectedStep) < 1e-12)
        #expect(one.decodeStepSeconds >= rawStep)
        #expect(one.tensorParallel == 1)
        #expect(abs(one.requestLatencySeconds - (one.prefillSeconds + 200 * one.decodeStepSeconds)) < 1e-12)
        #expect(abs(one.concurrency - 10 * one.requestLatencySeconds) < 1e-9, "Little's law")
        let busier = try ServingCapacity.compute(.init(model: CalcFixtures.llama2With7B, gpu: CalcFixtures.a100, qps: 100, inputTokens: 500, outputTokens: 200, batch: 1))
        #expect(busier.replicas >= 9 * one.replicas)
        let batched = try ServingCapacity.compute(.init(model: CalcFixtures.llama2With7B, gpu: CalcFixtures.a100, qps: 100, inputTokens: 500, outputTokens: 200, batch: 32))
        #expect(batched.replicas * 10 < busier.replicas, "batching shares each weight read across sequences")
        let monthly: Double = Double(batched.gpusNeeded) * 4 * 730
        #expect(batched.costPerMonthUSD == monthly)
    }

    @Test func dailyUsersBecomePeakQPSAndTargetsLimitTheBatch() throws {
        let result = try ServingCapacity.compute(
            .init(
                model: CalcFixtures.llama2With70B, gpu: CalcFixtures.h100, dailyUsers: 10e6, requestsPerUser: 5, peakFactor: 3,
                targetTPOTms: 40))
        let peak: Double = 10e6 * 5 / 86_400 * 3
        #expect(abs(result.qps - peak) < 1e-9)
        #expect(result.tensorParallel >= 2, "138 GB of 16-bit weights need at least two 80 GB GPUs")
        let pinned = try ServingCapacity.compute(
            .init(
                model: CalcFixtures.llama2With70B, gpu: CalcFixtures.h100, dailyUsers: 10e6, requestsPerUser: 5, peakFactor: 3,
                tensorParallel: 2, targetTPOTms: 40))
        #expect(result.gpusNeeded <= pinned.gpusNeeded, "the automatic split needs no more GPUs than TP 2")
        #expect(result.decodeStepSeconds * 1000 <= 40 && result.meetsLatencyTarget)
        // A replica cannot admit requests faster than it can run their prefills, nor faster
        // than its decode steps can finish them.
        let rawStep: Double = Double(result.batch) / result.outputTokensPerSecondPerReplica
        let perRequest: Double = result.prefillSeconds + 250 * rawStep / Double(result.batch)
        #expect(result.requestsPerSecondPerReplica <= 1 / perRequest + 1e-9)
        #expect(result.requestsPerSecondPerReplica <= Double(result.batch) / (result.prefillSeconds + 250 * rawStep) + 1e-9)
        #expect(abs(result.requestLatencySeconds - (result.prefillSeconds + 250 * result.decodeStepSeconds)) < 1e-9)
        #expect(throws: CalcError.self) { try ServingCapacity.compute(.init(model: CalcFixtures.llama2With7B, gpu: CalcFixtures.a100)) }
        #expect(throws: CalcError.self) { try ServingCapacity.compute(.init(model: CalcFixtures.llama2With7B, gpu: CalcFixtures.a100, qps: 1, batch: 100_000)) }
    }
}

@Suite struct SpokenNumberTests {
    @Test func saysNumbersAsPeopleDo() {
        #expect(Spoken.count(7e9) == "7.0 B" && Spoken.count(2e12) == "2.0 T" && Spoken.count(1.8e6) == "1.8 M")
        #expect(Spoken.dollars(3.7e6) == "$3.7 M" && Spoken.dollars(2.5) == "$2.50")
        #expect(Spoken.scientific(8.4e22) == "8.4 × 10²²" && Spoken.scientific(9.96e22) == "1.0 × 10²³")
        #expect(Spoken.bytes(13.48e9) == "13.5 GB" && Spoken.bytes(131_072) == "131.1 KB")
        #expect(Spoken.count(64) == "64" && Spoken.percent(0.4) == "40 %")
    }
}

/// Inputs far outside real systems are refused with the field's name; none may trap.
@Suite struct CalcRobustnessTests {
    let catalog = CalcCatalog(
        gpus: [CalcFixtures.a100, CalcFixtures.h100], models: [CalcFixtures.llama2With7B, CalcFixtures.llama2With70B, CalcFixtures.llama3With8B, CalcFixtures.deepseekV3])

    func error(_ kind: CalcKind, _ fields: [String: String]) -> String? {
        do {
            _ = try CalcRunner.run(kind, fields: fields, catalog: catalog)
            return nil
        } catch { return "\(error)" }
    }

    @Test func extremeInputsAreRefusedNotCrashed() {
        #expect(error(.train, ["params": "1e14", "tokens": "1e300", "force": "true", "gpu": "a100-80gb"])?.hasPrefix("tokens:") == true)
        #expect(error(.train, ["params": "7e9", "tokens": "2e12", "mfu": "1e-300", "days": "1", "gpu": "a100-80gb"])?.hasPrefix("mfu:") == true)
        #expect(error(.train, ["params": "7e9", "tokens": "2e12", "days": "1e-16", "gpu": "a100-80gb"])?.hasPrefix("days:") == true)
        #expect(error(.train, ["params": "7e9", "tokens": "2e12", "gpu": "a100-80gb", "precision": "int8"])?.hasPrefix("precision:") == true)
        #expect(error(.train, ["params": "7e9", "tokens": "2e12", "gpu": "a100-80gb", "price": "0", "budget": "1000"])?.hasPrefix("budget:") == true)
        #expect(error(.infer, ["model": "llama-2-7b", "gpu": "a100-80gb", "usable": "1e-20"])?.hasPrefix("usable:") == true)
        #expect(error(.infer, ["model": "llama-2-7b", "gpu": "a100-80gb", "batch": "1e12"])?.hasPrefix("batch:") == true)
        #expect(error(.serve, ["model": "llama-2-7b", "gpu": "a100-80gb", "qps": "1e8", "efficiency": "1e-14"])?.hasPrefix("efficiency:") == true)
        #expect(error(.serve, ["model": "llama-2-7b", "gpu": "a100-80gb", "qps": "5", "kv-precision": "int4"])?.hasPrefix("kv-precision:") == true)
        #expect(error(.serve, ["model": "llama-2-7b", "gpu": "a100-80gb", "qps": "5", "input-tokens": "1e6"])?.hasPrefix("input-tokens:") == true)
        #expect(error(.memory, ["model": "deepseek-v3", "gpu": "h100-sxm", "method": "lora"])?.hasPrefix("method:") == true)
        #expect(error(.serve, ["model": "llama-2-7b", "gpu": "a100-80gb", "qps": "1e8"]) == nil, "a huge but finite load is answered")
        #expect(Spoken.scientific(.infinity) == "∞" && CalcNumber.parse("7b") == 7e9 && CalcNumber.parse("10m") == 1e7)
    }

    /// A latent KV cache is one head, copied to every tensor-parallel GPU; grouped-query heads
    /// split only as far as there are KV heads.
    @Test func kvCacheIsNotSplitBeyondItsHeads() throws {
        let deepseek = try InferenceMemory.compute(.init(model: CalcFixtures.deepseekV3, gpu: CalcFixtures.h100, precision: .fp8, batch: 1, context: 32768, tensorParallel: 8))
        #expect(deepseek.perGPUBytes == 671e9 / 8 + Double(61 * 576 * 2 * 32768))
        let llama = try InferenceMemory.compute(.init(model: CalcFixtures.llama3With8B, gpu: CalcFixtures.a100, batch: 1, context: 8192, tensorParallel: 16))
        #expect(llama.perGPUBytes == 8.03e9 * 2 / 16 + 131_072.0 * 8192 / 8, "8 KV heads: split 8 ways, copied twice")
    }

    /// LoRA on grouped-query attention: Llama 3 8B at rank 16 adapts 13,631,488 parameters
    /// (32 layers × 16 × (2 × (4096 + 4096) + 2 × (4096 + 1024))).
    @Test func loraCountsGroupedQueryProjections() throws {
        let lora = try TrainingMemory.compute(.init(params: 8.03e9, model: CalcFixtures.llama3With8B, gpu: CalcFixtures.a100, method: .lora, loraRank: 16))
        #expect(lora.trainableParams == 13_631_488)
        let qlora = try TrainingMemory.compute(.init(params: 8.03e9, model: CalcFixtures.llama3With8B, gpu: CalcFixtures.a100, method: .qlora, loraRank: 16))
        // 2 × 128,256 × 4096 embedding parameters stay 16-bit: about 2.1 GB of the frozen weights.
        let embeddings: Double = 2 * 128_256 * 4096
        let frozen: Double = (8.03e9 - embeddings) * (4.127 / 8) + embeddings * 2
        #expect(abs(qlora.weightsBytes - (frozen + 2 * 13_631_488)) < 1)
    }
}

/// Issue #13, bug 7: the memory calculators refused to answer without a GPU, "32k" was read as
/// 32,000, a context past the model's was refused outright, and an empty GPU count in the
/// training calculator meant 1 (the headline read "Wall-clock 24208 days").
@Suite struct CalculatorAnswersTests {
    let catalog = CalcFixtures.catalog

    @Test func theMemoryCalculatorsAnswerWithoutAGPU() throws {
        let infer = try CalcRunner.run(.infer, fields: ["model": "llama-3-8b", "context": "8192"], catalog: catalog)
        #expect(infer.results["weights_bytes"] != nil && infer.results["kv_cache_bytes"] != nil)
        #expect(infer.results["fits"] == nil && infer.results["max_batch"] == nil, "no fit without a GPU")
        #expect(infer.steps.contains { $0.check == "No GPU given: the fit and the largest batch are not checked." })
        let memory = try CalcRunner.run(.memory, fields: ["params": "7e9", "zero": "3", "gpus": "8"], catalog: catalog)
        #expect(memory.results["total_per_gpu_bytes"] != nil && memory.results["fits"] == nil)
        #expect(memory.steps.last?.result.hasPrefix("not checked") == true)
    }

    @Test func contextsCountInPowersOfTwoAndMaySayWhenTheyPassTheModels() throws {
        let k = try CalcRunner.run(.infer, fields: ["model": "llama-3-8b", "gpu": "a100-80gb", "context": "32k"], catalog: catalog)
        #expect(k.inputs["context"] == .number(32_768))
        #expect(k.steps.first?.result == "32,768 tokens" && k.steps.first?.formula.contains("1,024") == true)
        let exact = try CalcRunner.run(.infer, fields: ["model": "llama-3-8b", "gpu": "a100-80gb", "context": "32000"], catalog: catalog)
        #expect(exact.inputs["context"] == .number(32_000))
        #expect {
            try CalcRunner.run(.infer, fields: ["model": "llama-3-8b", "context": "32q"], catalog: catalog)
        } throws: { error in
            "\(error)".contains("'32q' is not a number of tokens") && "\(error)".contains("32k (32,768)")
        }
        let long = try CalcRunner.run(.infer, fields: ["model": "llama-2-7b", "gpu": "a100-80gb", "context": "100000"], catalog: catalog)
        #expect(long.steps.contains { $0.result.hasPrefix("beyond") && $0.check?.contains("4096") == true }, "answered, with a warning")
    }

    @Test func aShapeOfOneOwnIsAnswered() throws {
        // Llama 3 8B's shape given by hand gives Llama 3 8B's KV cache: 2 × 32 × 8 × 128 × 2 bytes.
        let own = try CalcRunner.run(
            .infer, fields: ["params": "8e9", "layers": "32", "heads": "32", "kv-heads": "8", "head-dim": "128", "context": "8k"], catalog: catalog)
        #expect(own.results["kv_cache_bytes_per_token"] == .number(131_072))
        let changed = try CalcRunner.run(.infer, fields: ["model": "llama-3-8b", "kv-heads": "32"], catalog: catalog)
        #expect(changed.results["kv_cache_bytes_per_token"] == .number(524_288), "full multi-head: 4× the cache")
        #expect(throws: CalcError.self) { try CalcRunner.run(.infer, fields: ["params": "8e9", "layers": "32"], catalog: catalog) }
    }

    @Test func noGPUCountNoWallClock() throws {
        let outcome = try CalcRunner.run(.train, fields: ["params": "7e9", "tokens": "2e12", "gpu": "a100-80gb"], catalog: catalog)
        #expect(outcome.results["wall_clock_days"] == nil && outcome.results["gpu_hours"] != nil)
        #expect(outcome.steps.contains { $0.label == "Wall-clock time" && $0.result == "not worked out" })
        let given = try CalcRunner.run(.train, fields: ["params": "7e9", "tokens": "2e12", "gpu": "a100-80gb", "gpus": "1024"], catalog: catalog)
        #expect(given.results["wall_clock_days"] != nil)
    }

    /// Redoing the worked steps from the numbers they show gives the answer (within 0.5 %).
    @Test func theWorkedStepsCanBeRedoneByHand() throws {
        let outcome = try CalcRunner.run(.train, fields: ["params": "7e9", "tokens": "2e12", "gpu": "a100-80gb", "mfu": "0.4"], catalog: catalog)
        let flops = try #require(outcome.steps.first { $0.label == "Training compute" }?.result)
        let rate = try #require(outcome.steps.first { $0.label == "Sustained rate per GPU" }?.result)
        func leading(_ text: String) -> Double { Double(text.prefix { $0.isNumber || $0 == "." }) ?? 0 }
        let shownFlops = leading(flops) * 1e22  // "8.400 × 10²² FLOPs"
        let shownRate = leading(rate) * 1e12
        guard case .number(let hours)? = outcome.results["gpu_hours"] else {
            Issue.record("no GPU-hours")
            return
        }
        #expect(abs(shownFlops / shownRate / 3600 / hours - 1) < 0.005, "\(flops), \(rate) → \(hours)")
    }
}
