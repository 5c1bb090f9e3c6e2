import Foundation
import PrepContent
import PrepCore
import Yams

// Measures loading + indexing of the bundled bank, and search at ten times its size.
// Prints one JSON object; bench/content_bench.py runs it beside the Python peer.

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

let arguments = CommandLine.arguments
func option(_ name: String) -> String? { arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil } }
// `--fsrs-replay FILE`: the scheduler alone over a review stream (bench/fsrs_bench.py).
if let file = option("--fsrs-replay") {
    try FSRSBench.run(path: file)
    exit(0)
}
// `--due-queue`: the due queue on SQLite with 100,000 cards and 1,000,000 review rows (bench/due_queue_bench.py).
if arguments.contains("--due-queue") {
    try await DueQueueBench.run(
        cards: Int(option("--cards") ?? "") ?? 100_000, reviews: Int(option("--reviews") ?? "") ?? 1_000_000,
        keep: arguments.contains("--keep"))
    exit(0)
}
var catalog = try ContentCatalog.loadBundled()
// `--load-only`: one load and nothing else, for profilers (valgrind --tool=callgrind).
if CommandLine.arguments.contains("--load-only") { exit(0) }
// `--loads`: twenty loads and nothing else, for `perf record`.
if CommandLine.arguments.contains("--loads") {
    for _ in 0..<20 { catalog = try ContentCatalog.loadBundled() }
    exit(0)
}
// `--phases`: where loading spends its time.
if CommandLine.arguments.contains("--phases") {
    let root = try ContentBundle.directory
    let taxonomy = catalog.taxonomy
    var texts: [(String, String)] = []
    let readMs = try milliseconds {
        let enumerator = FileManager.default.enumerator(at: root.appendingPathComponent("items"), includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where url.pathExtension == "md" {
            texts.append((url.lastPathComponent, try String(contentsOf: url, encoding: .utf8)))
        }
    }
    var parsed: [ContentItem] = []
    let parseMs = milliseconds { parsed = texts.compactMap { ItemParser.parse($0.1, file: $0.0).item } }
    let lintMs = milliseconds { _ = ContentLinter.lint([.init(url: root.appendingPathComponent("items"), label: "items", origin: .bundled)], taxonomy: taxonomy) }
    let curriculumMs = milliseconds { _ = CurriculumLint.load(root: root, label: "", items: parsed, taxonomy: taxonomy) }
    let indexMs = milliseconds { _ = ContentCatalog(taxonomy: taxonomy, items: parsed) }
    let tokenMs = milliseconds { for item in parsed { _ = Tokenizer.terms(item.bodyText) } }
    let yamls = texts.map { text -> String in
        let parts = text.1.components(separatedBy: "\n---\n")
        return String(parts[0].dropFirst(4))
    }
    let composeMs = try milliseconds { for yaml in yamls { _ = try Yams.compose(yaml: yaml, .basic) } }
    print("compose \(composeMs)")
    let bundleMs = try milliseconds { _ = try ContentBundle.directory }
    let taxMs = try milliseconds { _ = try TaxonomyLoader.load(from: root.appendingPathComponent("taxonomy.yaml")) }
    let curMs = milliseconds { _ = CurriculumFiles(root: root).loaded }
    let fullMs = try milliseconds { _ = try ContentCatalog.load(root: root, userDirectories: []) }
    print("bundle \(bundleMs) taxonomy \(taxMs) curriculum-files \(curMs) full \(fullMs)")
    print("read \(readMs) parse \(parseMs) lint(all) \(lintMs) curriculum \(curriculumMs) catalog+index \(indexMs) tokenize \(tokenMs)")
    exit(0)
}
let runs = 15
var loadTimes: [Double] = []
for _ in 0..<runs {
    loadTimes.append(try milliseconds { catalog = try ContentCatalog.loadBundled() })
}

// Ten copies of every item, each copy's body shifted by a word so copies are not identical.
var big: [ContentItem] = []
for copy in 0..<10 {
    for var item in catalog.items {
        item.id += "-copy\(copy)"
        item.intro += " variant\(copy)"
        big.append(item)
    }
}
var bigCatalog = ContentCatalog(taxonomy: catalog.taxonomy, items: big)
let indexTime = milliseconds { bigCatalog = ContentCatalog(taxonomy: catalog.taxonomy, items: big) }

let queries = [
    "kv cache memory", "oomkilled pod", "promql histogram quantile", "terraform state locking", "nccl timeout",
    "gpu scheduling taints", "vllm continuous batching", "fsdp zero memory", "feature store point in time", "hnsw recall",
    "canary rollout model", "docker layer cache", "mig time slicing", "slo burn rate alert", "python asyncio gil",
    "kubernets operator", "speculative decoding", "spot instances checkpoint", "mlflow registry alias", "cost per million tokens",
]
var searchTimes: [Double] = []
var hits = 0
for _ in 0..<20 {
    for query in queries {
        searchTimes.append(milliseconds { hits += bigCatalog.find(ItemQuery(text: query)).count })
    }
}

let report: [String: Double] = [
    "items": Double(catalog.items.count),
    "load_index_median_ms": median(loadTimes),
    "search_corpus_items": Double(big.count),
    "index_10x_ms": indexTime,
    "search_median_ms": median(searchTimes),
    "search_p95_ms": percentile(searchTimes, 0.95),
    "hits": Double(hits),
]
let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
print(String(decoding: data, as: UTF8.self))
