#!/usr/bin/env python3
"""Runs the Swift content benchmark (release build) and its Python peer in one go and prints
a table with ratios. Usage: python3 bench/content_bench.py [--binary .build-release/release/infraprep-bench]"""
import argparse
import json
import subprocess
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=".build-release/release/infraprep-bench")
args = parser.parse_args()
ours = json.loads(subprocess.run([args.binary], capture_output=True, text=True, check=True).stdout)
peer = json.loads(subprocess.run([sys.executable, "bench/content_peer.py"], capture_output=True, text=True, check=True).stdout)
print(f"bank: {ours['items']:.0f} items; search corpus: {ours['search_corpus_items']:.0f} items")
print("| measure | infraprep | peer (PyYAML C loader + rank_bm25) | ratio |")
print("|---|---|---|---|")
for key, label in [("load_index_median_ms", "load + index the bundled bank (median ms)"),
                   ("index_10x_ms", "index 10x the bank (ms)"),
                   ("search_median_ms", "search at 10x (median ms)"),
                   ("search_p95_ms", "search at 10x (p95 ms)")]:
    print(f"| {label} | {ours[key]:.3f} | {peer[key]:.3f} | {ours[key] / peer[key]:.2f} |")
