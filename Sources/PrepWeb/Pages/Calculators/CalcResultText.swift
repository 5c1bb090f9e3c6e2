import PrepCore

/// The answer's headline numbers, said as people say them.
enum CalcResultText {
    static func keyResults(_ outcome: CalcOutcome) -> [(String, String)] {
        let order: [(String, String)]
        switch outcome.calculator {
        case .train:
            order = [
                ("total_flops", "Compute"), ("gpu_hours", "GPU-hours"), ("wall_clock_days", "Wall-clock"), ("cost_usd", "Cost"),
                ("gpus_needed", "GPUs for the deadline"), ("tokens_for_budget", "Tokens the budget buys"), ("chinchilla_tokens", "Chinchilla-optimal tokens"),
            ]
        case .memory:
            order = [
                ("total_per_gpu_bytes", "Total per GPU"), ("per_gpu_bytes", "Model states per GPU"), ("activation_bytes", "Activations"),
                ("trainable_params", "Trainable parameters"), ("fits", "Fits on the GPU"),
            ]
        case .infer:
            order = [
                ("weights_bytes", "Weights"), ("kv_cache_bytes_per_token", "KV cache per token"), ("kv_cache_bytes", "KV cache for the batch"),
                ("per_gpu_bytes", "Per GPU"), ("fits", "Fits"), ("max_batch", "Largest batch"), ("gpus_needed", "GPUs needed"),
            ]
        case .serve:
            order = [
                ("qps", "Peak requests/s"), ("replicas", "Replicas"), ("gpus_needed", "GPUs"), ("request_latency_seconds", "Request latency"),
                ("decode_step_seconds", "Time per output token"), ("cost_per_month_usd", "Cost per month"),
                ("cost_per_million_tokens_usd", "Cost per million tokens"), ("meets_latency_target", "Meets the latency target"),
            ]
        }
        return order.compactMap { key, label in outcome.results[key].map { (label, text(key, $0)) } }
    }

    static func text(_ key: String, _ value: CalcValue) -> String {
        switch value {
        case let .flag(flag): return flag ? "yes" : "no"
        case let .text(text): return text
        case let .number(number):
            if key.hasSuffix("_bytes") || key.hasSuffix("_bytes_per_token") { return Spoken.bytes(number) }
            if key.hasSuffix("_usd") { return Spoken.dollars(number) }
            if key == "total_flops" { return Spoken.scientific(number) + " FLOPs" }
            if key.hasSuffix("_seconds") { return number < 1 ? Spoken.fixed(number * 1000, digits: 1) + " ms" : Spoken.fixed(number, digits: 2) + " s" }
            if key == "wall_clock_days" { return Spoken.fixed(number, digits: number < 10 ? 1 : 0) + " days" }
            return Spoken.count(number)
        }
    }
}
