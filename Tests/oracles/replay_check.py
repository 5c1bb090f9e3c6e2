#!/usr/bin/env python3
"""Checks `infraprep srs replay` against the reference scheduler (`fsrs` 6.3.2, fuzzing off) on a fresh batch.

    python3 Tests/oracles/replay_check.py --binary .build/debug/infraprep [--count 2000] [--seed S]

Makes `count` random review sequences with fsrs_vectors.py's generator (random scheduler
configurations included), runs each configuration's sequences through one `srs replay` process
(cards interleaved, settings passed as --desired-retention/--parameters/--learning-steps/
--relearning-steps/--maximum-interval) and compares every output line with the reference:
state, step, stability and difficulty within 1e-9 relative, due and last_review exact to the
microsecond. Prints "replay check: N reviews, M mismatches" and exits 1 on any mismatch.
Without --seed a new seed is drawn and printed, so a failure can be repeated.
"""
import argparse
import json
import random
import shlex
import subprocess
import sys
from datetime import datetime

from fsrs_vectors import from_us, generate_batch, make_configs, to_us


def replay_args(config):
    steps = lambda seconds: ",".join(str(s) for s in seconds)
    return ["srs", "replay", "--desired-retention", repr(config["desired_retention"]),
            "--parameters", ",".join(repr(w) for w in config["parameters"]),
            "--learning-steps", steps(config["learning_steps"]), "--relearning-steps", steps(config["relearning_steps"]),
            "--maximum-interval", str(config["maximum_interval"])]


def close(a, b):
    return isinstance(b, (int, float)) and abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def compare(card, line):
    """The differing fields of one output line, as 'field: expected ..., got ...' strings."""
    try:
        got = json.loads(line)
        got_due, got_last = to_us(datetime.fromisoformat(got["due"])), to_us(datetime.fromisoformat(got["last_review"]))
    except (ValueError, KeyError, TypeError) as error:
        return [f"unreadable output {line!r} ({error})"]
    checks = [("state", card.state.name, got.get("state"), card.state.name == got.get("state")),
              ("step", card.step, got.get("step"), card.step == got.get("step")),
              ("stability", card.stability, got.get("stability"), close(card.stability, got.get("stability"))),
              ("difficulty", card.difficulty, got.get("difficulty"), close(card.difficulty, got.get("difficulty"))),
              ("due", card.due.isoformat(), got["due"], to_us(card.due) == got_due),
              ("last_review", card.last_review.isoformat(), got["last_review"], to_us(card.last_review) == got_last)]
    return [f"{field}: expected {want!r}, got {have!r}" for field, want, have, ok in checks if not ok]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    print(f"seed {seed}", file=sys.stderr)
    rng = random.Random(seed)
    configs = make_configs(rng)
    by_config = {}
    for n, c, _t0, reviews, cards, _ in generate_batch(rng, configs, args.count):
        by_config.setdefault(c, []).append((f"s{n}", reviews, cards))

    total, mismatches = 0, []
    for c, sequences in sorted(by_config.items()):
        # Round-robin over the cards, so the replay keeps many cards in flight; each card stays in time order.
        rows = sorted(((i, k, name, t, r, card) for k, (name, reviews, cards) in enumerate(sequences)
                       for i, ((t, r), card) in enumerate(zip(reviews, cards))), key=lambda row: row[:2])
        text = "".join(json.dumps({"card": name, "rating": r, "time": from_us(t).isoformat()}) + "\n"
                       for _, _, name, t, r, _ in rows)
        command = [args.binary, *replay_args(configs[c])]
        run = subprocess.run(command, input=text, capture_output=True, text=True)
        lines = run.stdout.splitlines()
        total += len(rows)
        if run.returncode != 0:
            mismatches.append(f"config {c}: exit status {run.returncode}: {run.stderr.strip()[:500]}")
        if len(lines) != len(rows):
            mismatches.append(f"config {c}: {len(rows)} reviews in, {len(lines)} lines out ({shlex.join(command)})")
        for (i, _, name, t, r, card), line in zip(rows, lines):
            problems = compare(card, line)
            if problems:
                mismatches.append(f"{name} review {i} (config {c}, rating {r} at {from_us(t).isoformat()}): " + "; ".join(problems))

    print(f"replay check: {total} reviews, {len(mismatches)} mismatches")
    for line in mismatches[:10]:
        print("  " + line)
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
