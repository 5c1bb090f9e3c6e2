#!/usr/bin/env python3
"""The practice due queue on SQLite at scale, beside the same query in Python's sqlite3.

    swift build -c release --product infraprep-bench --scratch-path .build-release
    python3 bench/due_queue_bench.py --binary .build-release/release/infraprep-bench

`infraprep-bench --due-queue --keep` fills a SQLite database through the app's own
migrations with two users of 100,000 cards and 1,000,000 review rows each, then times
the app's due-queue query (PracticeStore.dueItemIDs: cards due now, oldest first, 101 rows)
and today's review counts through Fluent/SQLKit. The peer runs the same SQL on the same
file with Python's built-in sqlite3 module (no ORM, no thread hop), so the ratio shows
what the app's stack adds to SQLite itself. The target (issue #4) is the app's median
under 5 ms.
"""
import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import time


def timed(runs, body):
    body()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        body()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True, help="infraprep-bench, built with -c release")
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    args = parser.parse_args()

    run = subprocess.run([args.binary, "--due-queue", "--keep", "--cards", str(args.cards), "--reviews", str(args.reviews)],
                         capture_output=True, text=True, check=True)
    report = json.loads(run.stdout.strip().splitlines()[-1])
    path = report["database"]
    try:
        db = sqlite3.connect(path)
        user = db.execute("SELECT id FROM users WHERE username = 'local'").fetchone()[0]
        now, day_start = report["now_us"], report["day_start_us"]
        due = timed(50, lambda: db.execute(
            "SELECT item_id FROM srs_cards WHERE user_id = ? AND due_us <= ? ORDER BY due_us LIMIT 101", (user, now)).fetchall())
        today = timed(50, lambda: db.execute(
            "SELECT item_id, prev_state FROM srs_reviews WHERE user_id = ? AND reviewed_us >= ?", (user, day_start)).fetchall())
        plan = db.execute("EXPLAIN QUERY PLAN SELECT item_id FROM srs_cards WHERE user_id = ? AND due_us <= ? ORDER BY due_us LIMIT 101",
                          (user, now)).fetchall()
        db.close()
    finally:
        shutil.rmtree(os.path.dirname(path), ignore_errors=True)

    print(f"{args.cards:,} cards and {args.reviews:,} review rows per user, 2 users; {report['due_now']:,} cards due now; "
          f"filled in {report['fill_seconds']:.0f} s")
    print("query plan:", "; ".join(row[-1] for row in plan))
    print("| measure | infraprep (Fluent/SQLKit) | peer (python3 sqlite3) | ratio | target |")
    print("|---|---|---|---|---|")
    print(f"| due queue, median | {report['due_queue_median_ms']:.2f} ms | {due[0]:.2f} ms | "
          f"{report['due_queue_median_ms'] / due[0]:.2f} | < 5 ms {'✔' if report['due_queue_median_ms'] < 5 else '✘'} |")
    print(f"| due queue, p95 | {report['due_queue_p95_ms']:.2f} ms | {due[1]:.2f} ms | {report['due_queue_p95_ms'] / due[1]:.2f} | |")
    print(f"| today's counts, median | {report['today_counts_median_ms']:.2f} ms | {today[0]:.2f} ms | "
          f"{report['today_counts_median_ms'] / today[0]:.2f} | |")


if __name__ == "__main__":
    main()
