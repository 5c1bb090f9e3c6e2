import PrepCore

/// How each calculator field is asked for on the web form.
struct CalcField {
    enum Control { case text, model, gpu, precision, kvPrecision, method, zero, flag }

    let name: String
    let label: String
    let hint: String
    let control: Control

    static let all: [String: CalcField] = Dictionary(
        uniqueKeysWithValues: [
            CalcField(name: "model", label: "Model", hint: "A preset fills the shape; leave empty to give parameters.", control: .model),
            CalcField(name: "params", label: "Parameters", hint: "7e9, 7B or 70B; for a mixture of experts, the active ones.", control: .text),
            CalcField(name: "tokens", label: "Training tokens", hint: "2e12 or 2T. Empty with a model: the tokens it was trained on.", control: .text),
            CalcField(name: "gpu", label: "GPU", hint: "Dense peak figures from the datasheet.", control: .gpu),
            CalcField(name: "layers", label: "Layers", hint: "A shape of your own, or to change the model's.", control: .text),
            CalcField(name: "heads", label: "Attention heads", hint: "Query heads; default: the KV heads.", control: .text),
            CalcField(name: "kv-heads", label: "KV heads", hint: "Fewer than the query heads with grouped-query attention.", control: .text),
            CalcField(name: "head-dim", label: "Head dimension", hint: "Usually 128.", control: .text),
            CalcField(name: "gpus", label: "GPUs", hint: "Training together, or sharing the optimizer states.", control: .text),
            CalcField(name: "mfu", label: "MFU", hint: "Model FLOPs utilisation, 0.4 or 40%: large dense runs reach 35-50 %.", control: .text),
            CalcField(name: "precision", label: "Precision", hint: "bf16 unless you know better; fp8 needs Hopper, Ada, Blackwell or MI300.", control: .precision),
            CalcField(name: "kv-precision", label: "KV cache precision", hint: "fp8 halves the cache.", control: .kvPrecision),
            CalcField(name: "price", label: "Price per GPU-hour ($)", hint: "Empty: the catalogue's on-demand price.", control: .text),
            CalcField(name: "recompute", label: "Activation recomputation", hint: "Trades compute for memory.", control: .flag),
            CalcField(name: "days", label: "Finish within (days)", hint: "How many GPUs would that take?", control: .text),
            CalcField(name: "budget", label: "Budget ($)", hint: "How many tokens does it buy?", control: .text),
            CalcField(name: "force", label: "Allow more than 10¹⁶ tokens", hint: "Beyond any run so far.", control: .flag),
            CalcField(name: "zero", label: "Sharding", hint: "ZeRO stage; 3 is FSDP's full sharding.", control: .zero),
            CalcField(name: "method", label: "Method", hint: "Full fine-tuning or pre-training, LoRA, or QLoRA (4-bit base).", control: .method),
            CalcField(name: "lora-rank", label: "LoRA rank", hint: "16 is common; 8-64.", control: .text),
            CalcField(name: "context", label: "Sequence length (tokens)", hint: "Empty for inference: the model's context.", control: .text),
            CalcField(name: "batch", label: "Batch (sequences)", hint: "Per GPU for training; at once per replica for serving.", control: .text),
            CalcField(name: "tp", label: "Tensor-parallel GPUs", hint: "GPUs one copy of the model is split over.", control: .text),
            CalcField(name: "usable", label: "Usable memory share", hint: "0.9 leaves room for the runtime (vLLM's default).", control: .text),
            CalcField(name: "qps", label: "Peak requests per second", hint: "Or leave empty and give daily users.", control: .text),
            CalcField(name: "dau", label: "Daily active users", hint: "10M, with requests per user and a peak factor.", control: .text),
            CalcField(name: "requests-per-user", label: "Requests per user per day", hint: "Default 10.", control: .text),
            CalcField(name: "peak-factor", label: "Peak factor", hint: "Peak over average traffic; default 2.", control: .text),
            CalcField(name: "input-tokens", label: "Prompt tokens", hint: "Per request; default 500.", control: .text),
            CalcField(name: "output-tokens", label: "Output tokens", hint: "Per request; default 250.", control: .text),
            CalcField(name: "tpot-ms", label: "Target ms per output token", hint: "50 ms is 20 tokens/s per user.", control: .text),
            CalcField(name: "ttft-ms", label: "Target ms to first token", hint: "Prefill time before queueing.", control: .text),
            CalcField(name: "headroom", label: "Headroom", hint: "Spare capacity for spikes and failures; default 0.3.", control: .text),
            CalcField(name: "efficiency", label: "Efficiency", hint: "Share of peak bandwidth and FLOP/s reached; default 0.7.", control: .text),
        ].map { ($0.name, $0) })
}

extension CalcField {
    /// An error's words for the web form: the CLI's "--params" becomes the field's name on the
    /// page ("Parameters") and "give" becomes "fill in" (issue #13: web errors read like flags).
    static func webWording(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: "--") {
            out += rest[..<range.lowerBound]
            let name = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            if let field = all[String(name)] {
                out += "“\(field.label)”"
            } else {
                out += "--" + name
            }
            rest = rest[rest.index(range.upperBound, offsetBy: name.count)...]
        }
        out += rest
        return out.replacingOccurrences(of: "give “", with: "fill in “")
    }
}

/// Ready-made questions, as interviewers ask them.
struct CalcPreset {
    let title: String
    let fields: [(String, String)]

    static func presets(_ kind: CalcKind) -> [CalcPreset] {
        switch kind {
        case .train:
            [
                CalcPreset(title: "Llama 2 7B as in its paper (2 T tokens, A100s)", fields: [("model", "llama-2-7b"), ("gpu", "a100-80gb"), ("gpus", "2048"), ("mfu", "0.39")]),
                CalcPreset(title: "Llama 3.1 405B on 16,384 H100s", fields: [("model", "llama-3.1-405b"), ("gpu", "h100-sxm"), ("gpus", "16384"), ("mfu", "0.4")]),
                CalcPreset(title: "A 7 B model on 2 T tokens in 30 days", fields: [("params", "7e9"), ("tokens", "2e12"), ("gpu", "h100-sxm"), ("gpus", "256"), ("days", "30")]),
            ]
        case .memory:
            [
                CalcPreset(title: "The ZeRO paper: 7.5 B on 64 GPUs, ZeRO-3", fields: [("params", "7.5e9"), ("gpu", "a100-80gb"), ("gpus", "64"), ("zero", "3")]),
                CalcPreset(
                    title: "Full fine-tune of Llama 3 8B on 8 × A100 with FSDP",
                    fields: [("model", "llama-3-8b"), ("gpu", "a100-80gb"), ("gpus", "8"), ("zero", "3"), ("context", "4096"), ("batch", "1"), ("recompute", "true")]),
                CalcPreset(
                    title: "QLoRA of Llama 2 70B on one A100 80GB",
                    fields: [("model", "llama-2-70b"), ("gpu", "a100-80gb"), ("method", "qlora"), ("context", "2048"), ("batch", "1"), ("recompute", "true")]),
            ]
        case .infer:
            [
                CalcPreset(title: "Llama 3 8B on an L4 at 8 K context", fields: [("model", "llama-3-8b"), ("gpu", "l4"), ("context", "8192"), ("batch", "4")]),
                CalcPreset(title: "Llama 2 70B on 2 × A100 (tensor parallel)", fields: [("model", "llama-2-70b"), ("gpu", "a100-80gb"), ("tp", "2"), ("batch", "16")]),
                CalcPreset(
                    title: "Llama 3.1 405B in FP8 on 8 × H100", fields: [("model", "llama-3.1-405b"), ("gpu", "h100-sxm"), ("precision", "fp8"), ("tp", "8"), ("context", "8192")]),
            ]
        case .serve:
            [
                CalcPreset(
                    title: "A chat product: 10 M daily users on Llama 3 70B",
                    fields: [("model", "llama-3-70b"), ("gpu", "h100-sxm"), ("dau", "10M"), ("requests-per-user", "5"), ("tpot-ms", "50")]),
                CalcPreset(
                    title: "100 QPS of Llama 3 8B on L4s", fields: [("model", "llama-3-8b"), ("gpu", "l4"), ("qps", "100"), ("input-tokens", "1000"), ("output-tokens", "200")]),
                CalcPreset(title: "Mixtral 8x7B at 50 QPS on H100s in FP8", fields: [("model", "mixtral-8x7b"), ("gpu", "h100-sxm"), ("precision", "fp8"), ("qps", "50")]),
            ]
        }
    }

    func query(_ kind: CalcKind) -> String {
        SiteURL.calculator(kind.rawValue).link(query: fields)
    }
}
