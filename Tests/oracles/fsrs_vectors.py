#!/usr/bin/env python3
"""Test vectors for the Swift FSRS-6 scheduler, written by the reference (`fsrs` 6.3.2, fuzzing off).

    python3 Tests/oracles/fsrs_vectors.py [--count 10000] [--seed 20261129] [--out FILE]

Writes JSON Lines (Tests/PrepCoreTests/Fixtures/fsrs-vectors.jsonl by default), replayed by
FSRSVectorTests.swift. First one line per scheduler configuration:
  {"config":0,"parameters":[w0..w20],"desired_retention":0.9,"learning_steps":[60,600],
   "relearning_steps":[600],"maximum_interval":36500}            (steps in whole seconds)
then one line per review sequence of a single card:
  {"c":config,"id":"s0","t0":CREATED_US,"r":[[TIME_US,RATING],...],
   "x":[[STATE,STEP,STABILITY,DIFFICULTY,DUE_US,LAST_REVIEW_US],...]}
Times are integer microseconds since 1970-01-01 UTC; x[i] is the card after review r[i]
(state 1 Learning, 2 Review, 3 Relearning; step null in Review). Everything random comes from
random.Random(seed), so a seed always gives the same file. A coverage summary goes to stderr.
The functions here are reused by replay_check.py.
"""
import argparse
import json
import os
import random
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, Scheduler, State
from fsrs.scheduler import DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
US = timedelta(microseconds=1)
DAY_US = 86_400_000_000
DEFAULT_OUT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "PrepCoreTests", "Fixtures", "fsrs-vectors.jsonl"))


def to_us(dt):
    return (dt - EPOCH) // US


def from_us(us):
    return EPOCH + timedelta(microseconds=us)


# ---------------------------------------------------------------- configurations

def _config(parameters, retention, learning, relearning, maximum):
    return {"parameters": list(parameters), "desired_retention": retention, "learning_steps": learning,
            "relearning_steps": relearning, "maximum_interval": maximum}


def _random_parameters(rng):
    # Uniform inside the reference's bounds, 4 decimals (bounds have at most 3, so rounding stays inside).
    return [round(rng.uniform(lo, hi), 4) for lo, hi in zip(LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS)]


def _random_steps(rng, most):
    steps = []
    for _ in range(rng.randint(0, most)):
        # Mostly whole minutes (1-120); sometimes an odd number of seconds so 1.5x and (a+b)/2 land on half seconds.
        steps.append(rng.randint(1, 120) * 60 if rng.random() < 0.7 else rng.randrange(31, 7200, 2))
    return sorted(steps)


def make_configs(rng, count=12):
    """Config 0 is the library's defaults; 1-4 pin the edge shapes; the rest are random."""
    configs = [
        _config(DEFAULT_PARAMETERS, 0.9, [60, 600], [600], 36500),
        _config(DEFAULT_PARAMETERS, 0.7, [45], [], 36500),               # one odd step (Hard = 67.5 s), no relearning
        _config(DEFAULT_PARAMETERS, 0.97, [75, 600, 3600], [60, 1800], 365),  # Hard at step 0 = (75+600)/2 s
        _config(DEFAULT_PARAMETERS, 0.8, [], [300], 30),                  # straight to Review, short maximum
        _config(_random_parameters(rng), 0.85, [60, 600], [600], 36500),
    ]
    while len(configs) < count:
        parameters = _random_parameters(rng) if rng.random() < 0.5 else DEFAULT_PARAMETERS
        configs.append(_config(parameters, round(rng.uniform(0.70, 0.97), 3), _random_steps(rng, 3),
                               _random_steps(rng, 2), rng.choice([30, 365, 36500, 36500])))
    return configs


def scheduler_for(config):
    return Scheduler(
        parameters=config["parameters"], desired_retention=config["desired_retention"],
        learning_steps=[timedelta(seconds=s) for s in config["learning_steps"]],
        relearning_steps=[timedelta(seconds=s) for s in config["relearning_steps"]],
        maximum_interval=config["maximum_interval"], enable_fuzzing=False)


# ---------------------------------------------------------------- review sequences

START_MIN_US = to_us(datetime(2020, 1, 1, tzinfo=timezone.utc))
START_MAX_US = to_us(datetime(2030, 1, 1, tzinfo=timezone.utc))
# 1..15 reviews a sequence, mostly 2-6 (mean 3.7): at ~100 bytes a review 10,000 sequences stay under 4 MB.
LENGTH_WEIGHTS = [15, 19, 21, 17, 11, 6, 3.5, 2.5, 1.5, 1, 0.8, 0.5, 0.4, 0.4, 0.4]
GAP_MODES = ["seconds", "minutes", "hours", "day-edge", "due", "early", "late", "long"]
GAP_WEIGHTS = [12, 12, 10, 6, 20, 12, 18, 10]
RATING_WEIGHTS = [20, 15, 50, 15]  # Again, Hard, Good, Easy


def _gap_us(rng, card, now_us):
    """The time from the previous review to the next one, by a randomly chosen mode."""
    mode = rng.choices(GAP_MODES, GAP_WEIGHTS)[0]
    due_us = to_us(card.due)
    interval_us = max(due_us - now_us, 0)
    if mode == "due":
        return interval_us
    if mode == "day-edge":  # on either side of the whole-day boundary that decides short vs long term
        return rng.randint(1, 3) * DAY_US + rng.choice([-1_000_000, -1, 0, 1, 1_000_000])
    if mode == "seconds":
        gap = rng.randint(0, 300) * 1_000_000
    elif mode == "minutes":
        gap = rng.randint(60, 3 * 3600) * 1_000_000
    elif mode == "hours":
        gap = rng.randint(3 * 3600, 47 * 3600) * 1_000_000
    elif mode == "early":
        gap = int(interval_us * rng.random())
    elif mode == "late":
        gap = interval_us + rng.randint(1, max(DAY_US, 2 * interval_us))
    else:  # long: up to three years
        gap = rng.randint(DAY_US, 3 * 365 * DAY_US)
    if rng.random() < 0.3:
        gap += rng.randint(1, 999_999)
    return gap


def generate_sequence(rng, scheduler, card_id=0):
    """Returns (t0_us, [(time_us, rating)], [card after each review], [branch(...) of each review])."""
    t0 = rng.randint(START_MIN_US // 1_000_000, START_MAX_US // 1_000_000) * 1_000_000
    if rng.random() < 0.2:
        t0 += rng.randint(1, 999_999)
    card = Card(card_id=card_id, due=from_us(t0))  # card_id given: Card() without one sleeps 1 ms
    now = t0
    first = rng.random()
    now += 0 if first < 0.5 else rng.randint(1, 3600) * 1_000_000 if first < 0.8 else rng.randint(1, 30 * 86400) * 1_000_000
    reviews, states, branches = [], [], []
    for index in range(rng.choices(range(1, 16), LENGTH_WEIGHTS)[0]):
        if index:
            now += _gap_us(rng, card, now)
        rating = rng.choices((1, 2, 3, 4), RATING_WEIGHTS)[0]
        before = card
        card, _ = scheduler.review_card(card, Rating(rating), review_datetime=from_us(now))
        reviews.append((now, rating))
        states.append(card)
        branches.append(branch(scheduler, before, rating, card, from_us(now)))
    return t0, reviews, states, branches


def generate_batch(rng, configs, count):
    """Yields (n, config id, t0_us, reviews, cards, branches) for `count` sequences; a quarter use config 0."""
    schedulers = [scheduler_for(c) for c in configs]
    for n in range(count):
        c = 0 if rng.random() < 0.25 else rng.randrange(1, len(configs))
        yield (n, c, *generate_sequence(rng, schedulers[c], n))


def state_row(card):
    return [int(card.state), card.step, card.stability, card.difficulty, to_us(card.due), to_us(card.last_review)]


# ---------------------------------------------------------------- coverage

def branch(scheduler, before, rating, after, when):
    """(path, outcomes) of one review: which stability formula ran, and labels for the scheduling
    branches and clamps it went through."""
    name = f"{before.state.name:<10} {Rating(rating).name:<5}"
    if before.stability is None:
        path = f"{name} initial"
    elif (when - before.last_review).days < 1:
        path = f"{name} short-term"
    else:
        path = f"{name} long-term"
    outcomes = []
    if before.state == State.Review:
        if rating == 1:
            outcomes.append("Review Again -> Relearning" if after.state == State.Relearning else "Review Again, no relearning steps")
    else:
        steps = scheduler.learning_steps if before.state == State.Learning else scheduler.relearning_steps
        kind = before.state.name
        if not steps:
            outcomes.append(f"{kind}: no steps -> Review")
        elif rating == 2 and before.step == 0:
            outcomes.append(f"{kind} Hard at step 0: " + ("1.5 x step" if len(steps) == 1 else "(step0+step1)/2"))
        elif rating == 3:
            outcomes.append(f"{kind} Good: " + ("graduates" if after.state == State.Review else "next step"))
    if after.state == State.Review:
        raw = after.stability / scheduler._FACTOR * (scheduler.desired_retention ** (1 / scheduler._DECAY) - 1)
        if round(raw) < 1:
            outcomes.append("interval raised to 1 day")
        elif round(raw) > scheduler.maximum_interval:
            outcomes.append("interval cut to maximum_interval")
        if abs(raw - round(raw)) > 0.499:
            outcomes.append("interval within 0.001 of x.5 (round half-even)")
    if after.difficulty in (1.0, 10.0):
        outcomes.append(f"difficulty clamped to {after.difficulty}")
    if after.stability == 0.001:
        outcomes.append("stability clamped to 0.001")
    if path.endswith("short-term") and rating > 1 and after.stability == before.stability:
        outcomes.append("short-term increase floored at 1")
    if before.last_review is not None:
        off = to_us(when) - to_us(before.last_review)
        if off >= DAY_US - 1_000_000 and min(off % DAY_US, DAY_US - off % DAY_US) <= 1_000_000:
            outcomes.append("gap within 1 s of whole days")
    if to_us(when) % 1_000_000:
        outcomes.append("review time with microseconds")
    return path, outcomes


def summarize(paths, outcomes, out=sys.stderr):
    print("reviews by state before x rating x stability path:", file=out)
    for state in ("Learning", "Review", "Relearning"):
        for rating in ("Again", "Hard", "Good", "Easy"):
            kinds = ["initial", "short-term", "long-term"] if state == "Learning" else ["short-term", "long-term"]
            for kind in kinds:
                key = f"{state:<10} {rating:<5} {kind}"
                print(f"  {key:<34} {paths[key]:>7}" + ("   MISSING" if not paths[key] else ""), file=out)
    print("scheduling outcomes:", file=out)
    for key, n in sorted(outcomes.items()):
        print(f"  {key:<50} {n:>7}", file=out)


# ---------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--out", default=DEFAULT_OUT)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    configs = make_configs(rng)
    dump = lambda obj: json.dumps(obj, separators=(",", ":"))
    paths, outcomes, reviews = Counter(), Counter(), 0
    with open(args.out, "w") as f:
        for i, config in enumerate(configs):
            f.write(dump({"config": i, **config}) + "\n")
        for n, c, t0, seq, states, branches in generate_batch(rng, configs, args.count):
            f.write(dump({"c": c, "id": f"s{n}", "t0": t0, "r": seq, "x": [state_row(s) for s in states]}) + "\n")
            reviews += len(seq)
            for path, labels in branches:
                paths[path] += 1
                outcomes.update(labels)
    print(f"{args.count} sequences, {reviews} reviews, {len(configs)} configs", file=sys.stderr)
    summarize(paths, outcomes)
    print(f"wrote {args.out}: {os.path.getsize(args.out):,} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
