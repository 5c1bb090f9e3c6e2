@testable import PrepCore
@testable import PrepWeb

extension CalculatorsIndexPageModel {
    static let h100 = GPUSpec(
        id: "h100-sxm", name: "NVIDIA H100 SXM", vendor: "NVIDIA", memoryGiB: 80, memoryBandwidthGBs: 3350, tflops: ["bf16": 989.4, "fp8": 1978.9],
        interconnect: "NVLink 4", interconnectGBs: 900, pricePerHourUSD: 3.0, priceSource: "on-demand list price",
        priceURL: "https://lambda.ai/service/gpu-cloud", priceAsOf: "2026-01", specURL: "https://www.nvidia.com/en-us/data-center/h100/")
    static let l4 = GPUSpec(
        id: "l4", name: "NVIDIA L4", vendor: "NVIDIA", memoryGiB: 24, memoryBandwidthGBs: 300, tflops: ["fp16": 121], specURL: "https://www.nvidia.com/en-us/data-center/l4/")
    static let llama = ModelSpec(
        id: "llama-3-8b", name: "Llama 3 8B", params: 8.03e9, layers: 32, hiddenSize: 4096, attentionHeads: 32, kvHeads: 8, headDim: 128, vocabSize: 128_256,
        context: 8192, trainingTokens: 15e12, sourceURL: "https://huggingface.co/meta-llama/Meta-Llama-3-8B/blob/main/config.json")
    static let mixtral = ModelSpec(
        id: "mixtral-8x7b", name: "Mixtral 8x7B", params: 46.7e9, activeParams: 12.9e9, layers: 32, hiddenSize: 4096, attentionHeads: 32, kvHeads: 8, headDim: 128,
        vocabSize: 32000, context: 32768, sourceURL: "https://huggingface.co/mistralai/Mixtral-8x7B-v0.1/blob/main/config.json")
    static let catalog = CalcCatalog(gpus: [h100, l4], models: [llama, mixtral])

    static let mock = CalculatorsIndexPageModel(gpus: catalog.gpus, models: catalog.models)
}
