#!/usr/bin/env python3
"""One million FSRS-6 reviews through three implementations, the same review stream for each.

    python3 bench/fsrs_bench.py --binary .build-release/release/infraprep --reviews 1000000

Generates seeded random reviews (default parameters, fuzzing off; 10 per card, cards
interleaved in blocks of 100, each card in time order) into a temporary JSON-lines file of
{"card":"c1","rating":3,"time":"2026-01-02T03:04:05+00:00"}, then times:
  a) the reference, `fsrs` Scheduler(enable_fuzzing=False).review_card, in-process; the lines
     are parsed in chunks outside the timed loop;
  b) `fsrs_rs_python` (Rust), in-process, same chunks: a memory-state-only peer, see rs_replay;
  c) `infraprep srs replay --input FILE > /dev/null`: wall time of the whole process, so it
     includes start-up, JSON parsing, ISO 8601 parsing and writing every output line; and, when
     `infraprep-bench --fsrs-replay FILE` beside it answers with {"reviews":N,"seconds":S},
     that in-process figure too (skipped otherwise).
Correctness: the replay of the first --check lines must match the reference (stability and
difficulty within 1e-9 relative, due within 1 s); mismatches are printed and the exit status is 1.
Ratio to reference = reviews/s divided by the reference's reviews/s (above 1 is faster).
"""
import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from importlib.metadata import version
from itertools import islice

import fsrs_rs_python
from fsrs import Card, Rating, Scheduler

BLOCK = 100  # cards interleaved at a time: the first 2,000 lines hold 200 whole card histories
CHUNK = 50_000  # lines parsed at a time, outside the timed loops


def write_reviews(path, reviews, per_card, seed):
    rng = random.Random(seed)
    start = int(datetime(2026, 1, 1, tzinfo=timezone.utc).timestamp())
    low, high = math.log(30), math.log(180 * 86400)  # gaps log-uniform from 30 s to 180 days
    cards = reviews // per_card
    with open(path, "w") as f:
        for first in range(0, cards, BLOCK):
            ids = range(first, min(first + BLOCK, cards))
            clocks = {i: start + rng.randrange(365 * 86400) for i in ids}
            for _ in range(per_card):
                lines = []
                for i in ids:
                    when = datetime.fromtimestamp(clocks[i], timezone.utc).isoformat()
                    rating = rng.choices((1, 2, 3, 4), (15, 15, 55, 15))[0]
                    lines.append(f'{{"card":"c{i}","rating":{rating},"time":"{when}"}}\n')
                    clocks[i] += int(math.exp(rng.uniform(low, high)))
                f.writelines(lines)
    return cards * per_card


def parse(lines):
    return [(o["card"], Rating(o["rating"]), datetime.fromisoformat(o["time"])) for o in map(json.loads, lines)]


def parsed_chunks(path):
    """Lists of (card, Rating, datetime), CHUNK lines at a time."""
    with open(path) as f:
        while chunk := list(islice(f, CHUNK)):
            yield parse(chunk)


def reference_replay(scheduler, cards, rows):
    """The reference over rows; `cards` (card id -> Card) carries state between chunks."""
    for card_id, rating, when in rows:
        card = cards.get(card_id)
        if card is None:
            card = Card(card_id=0, due=when)  # an explicit id: Card() without one sleeps 1 ms
        cards[card_id], _ = scheduler.review_card(card, rating, review_datetime=when)


RS_NAMES = (None, "again", "hard", "good", "easy")


def rs_replay(model, cards, rows):
    """fsrs-rs's intended use for a review stream: per card keep (MemoryState | None, last review
    time); for each review compute elapsed whole days like the reference ((now - last).days, 0 for
    a new card), call next_states(memory, 0.9, days) -- which computes all four outcomes (stability,
    difficulty and a fractional interval, in f32) with same-day reviews on the short-term formula --
    and keep the rated outcome's memory. It has no learning/relearning steps, card states or due
    dates, so it does less than (a) and (c) and its numbers are f32, not comparable at 1e-9."""
    for card_id, rating, when in rows:
        memory, last = cards.get(card_id, (None, None))
        days = (when - last).days if last is not None else 0
        state = getattr(model.next_states(memory, 0.9, days), RS_NAMES[rating])
        cards[card_id] = (state.memory, when)


def check_sample(binary, path, count):
    """Mismatches between our replay and the reference on the first `count` lines."""
    with open(path) as f:
        head = "".join(islice(f, count))
    scheduler, cards, expected = Scheduler(enable_fuzzing=False), {}, []
    for row in parse(head.splitlines()):
        reference_replay(scheduler, cards, [row])
        expected.append(cards[row[0]])
    run = subprocess.run([binary, "srs", "replay"], input=head, capture_output=True, text=True)
    lines = run.stdout.splitlines()
    problems = [] if run.returncode == 0 else [f"exit status {run.returncode}: {run.stderr.strip()[:300]}"]
    if len(lines) != len(expected):
        problems.append(f"{len(expected)} reviews in, {len(lines)} lines out")
    close = lambda a, b: isinstance(b, (int, float)) and abs(a - b) <= 1e-9 * max(abs(a), abs(b))
    for n, (card, line) in enumerate(zip(expected, lines), 1):
        try:
            got = json.loads(line)
            due_off = abs((datetime.fromisoformat(got["due"]) - card.due).total_seconds())
        except (ValueError, KeyError, TypeError):
            got, due_off = {}, math.inf
        if not (close(card.stability, got.get("stability")) and close(card.difficulty, got.get("difficulty")) and due_off <= 1):
            problems.append(f"line {n}: expected stability {card.stability!r}, difficulty {card.difficulty!r}, "
                            f"due {card.due.isoformat()}; got {line}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=".build-release/release/infraprep")
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--per-card", type=int, default=10)
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--check", type=int, default=2000, help="lines of our replay compared with the reference")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="fsrs-bench-") as work:
        path = os.path.join(work, "reviews.jsonl")
        total = write_reviews(path, args.reviews, args.per_card, args.seed)
        print(f"{total:,} reviews of {total // args.per_card:,} cards ({os.path.getsize(path) / 1e6:.0f} MB of JSON lines), seed {args.seed}",
              file=sys.stderr)

        scheduler, model = Scheduler(enable_fuzzing=False), fsrs_rs_python.FSRS(fsrs_rs_python.DEFAULT_PARAMETERS)
        ref_cards, rs_cards, ref_seconds, rs_seconds = {}, {}, 0.0, 0.0
        for rows in parsed_chunks(path):
            began = time.perf_counter()
            reference_replay(scheduler, ref_cards, rows)
            ref_seconds += time.perf_counter() - began
            began = time.perf_counter()
            rs_replay(model, rs_cards, rows)
            rs_seconds += time.perf_counter() - began
        del ref_cards, rs_cards

        results = [(f"reference `fsrs` {version('fsrs')} (Python, in-process)", total, ref_seconds),
                   (f"`fsrs_rs_python` {version('fsrs-rs-python')} (Rust; memory state only, in-process)", total, rs_seconds)]
        began = time.perf_counter()
        run = subprocess.run([args.binary, "srs", "replay", "--input", path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        seconds = time.perf_counter() - began
        if run.returncode != 0:
            sys.exit(f"{args.binary} srs replay failed with status {run.returncode}: {run.stderr.strip()[:500]}")
        results.append(("`infraprep srs replay` (process wall time: start, JSON in, JSON out to /dev/null)", total, seconds))

        bench = os.path.join(os.path.dirname(args.binary), "infraprep-bench")
        try:
            run = subprocess.run([bench, "--fsrs-replay", path], capture_output=True, text=True, timeout=600)
            report = json.loads(run.stdout) if run.returncode == 0 else {}
            if not isinstance(report, dict) or report.get("reviews") != total or "seconds" not in report:
                raise ValueError(f"status {run.returncode}, no {{\"reviews\": {total}, \"seconds\": ...}} in its output")
            results.append(("`infraprep-bench --fsrs-replay` (in-process)", total, float(report["seconds"])))
        except (OSError, ValueError, subprocess.TimeoutExpired) as error:
            print(f"skipped {bench} --fsrs-replay: {error}", file=sys.stderr)

        problems = check_sample(args.binary, path, args.check)

    print("| implementation | reviews | seconds | reviews/s | ratio to reference |")
    print("|---|---|---|---|---|")
    for name, reviews, seconds in results:
        print(f"| {name} | {reviews:,} | {seconds:.2f} | {reviews / seconds:,.0f} | {ref_seconds / seconds:.2f} |")
    print(f"\ncorrectness, first {args.check:,} lines of our replay against the reference: "
          + ("all match" if not problems else f"{len(problems)} mismatches"))
    for line in problems[:20]:
        print("  " + line)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
