#!/usr/bin/env python3
"""Python peer for the content benchmark: the same files, front matter parsed with PyYAML's
C loader, tokens from a regex, BM25 from the rank_bm25 package (PyPI); search over ten
copies of the bank. Prints one JSON object like infraprep-bench."""
import glob
import json
import os
import re
import statistics
import sys
import time

import yaml
from rank_bm25 import BM25Okapi

ROOT = sys.argv[1] if len(sys.argv) > 1 else "Sources/PrepContent/Resources/Content"
TOKEN = re.compile(r"[a-z0-9]+")
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load():
    docs = []
    yaml.load(open(os.path.join(ROOT, "taxonomy.yaml")).read(), Loader=Loader)
    yaml.load(open(os.path.join(ROOT, "curriculum/plan.yaml")).read(), Loader=Loader)
    yaml.load(open(os.path.join(ROOT, "curriculum/checklists.yaml")).read(), Loader=Loader)
    for path in sorted(glob.glob(os.path.join(ROOT, "items/**/*.md"), recursive=True)):
        text = open(path, encoding="utf-8").read()
        _, front, body = text.split("---\n", 2)
        meta = yaml.load(front, Loader=Loader)
        fields = (meta["title"] + " ") * 3 + (" ".join(meta.get("tags") or []) + " ") * 2 + (" ".join(meta.get("key_points") or []) + " ") * 2 + body
        docs.append(TOKEN.findall(fields.lower()))
    return docs


def ms(start):
    return (time.perf_counter() - start) * 1000


times = []
for _ in range(15):
    t = time.perf_counter()
    docs = load()
    BM25Okapi(docs)
    times.append(ms(t))

big = [doc + [f"variant{copy}"] for copy in range(10) for doc in docs]
t = time.perf_counter()
index = BM25Okapi(big)
index_ms = ms(t)
queries = [
    "kv cache memory", "oomkilled pod", "promql histogram quantile", "terraform state locking", "nccl timeout",
    "gpu scheduling taints", "vllm continuous batching", "fsdp zero memory", "feature store point in time", "hnsw recall",
    "canary rollout model", "docker layer cache", "mig time slicing", "slo burn rate alert", "python asyncio gil",
    "kubernets operator", "speculative decoding", "spot instances checkpoint", "mlflow registry alias", "cost per million tokens",
]
search = []
for _ in range(3):
    for q in queries:
        t = time.perf_counter()
        scores = index.get_scores(TOKEN.findall(q.lower()))
        sorted(range(len(scores)), key=lambda i: -scores[i])
        search.append(ms(t))
search.sort()
print(json.dumps({
    "items": len(docs), "load_index_median_ms": statistics.median(times), "search_corpus_items": len(big),
    "index_10x_ms": index_ms, "search_median_ms": statistics.median(search), "search_p95_ms": search[int(len(search) * 0.95)],
}, sort_keys=True))
