#!/usr/bin/env python3
"""The app's pages under load with a realistic person's data (issue #11), on SQLite and PostgreSQL.

An empty database hides the cost of the pages (RECIPES.md, "Pages under load"), so the script
first builds one person through the JSON API, which keeps it identical on both databases: an
8-week plan that started 42 days ago with the interview two weeks ahead, ~60 days of practice
(every practised question, ~2,500 reviews sent oldest first with a past `reviewed_at`),
about 60 % of the past tasks ticked, a few missed ones moved, lab notes and readiness answers.

Then, per page: `wrk` throughput and latency percentiles at N connections, the median of ~200
sequential requests on one keep-alive connection, and the server's resident memory at idle and
after the run. Peers measured in the same run: the binary's own /healthz (the framework's floor)
and nginx serving a static copy of the Today page (the ceiling).

Usage: python3 bench/pages_bench.py --binary PATH [--db sqlite|postgres|both] [--duration 5]
       [--connections 50] [--out results.json] [--quick] [--check]
Needs `wrk`, `nginx` and (for postgres) PostgreSQL 15 from Debian; run as root for PostgreSQL.
"""
import argparse
import concurrent.futures
import datetime as dt
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import zoneinfo

HOST = "127.0.0.1"
PGBIN = "/usr/lib/postgresql/15/bin"
PRACTISED = ["technical", "system-design", "troubleshooting", "behavioral"]
PAGES = ["/healthz", "/", "/plan", "/practice", "/readiness", "/api/v1/today", "/questions/{item}"]
SEED = 11  # the issue number; the same person every run
TARGET_RATIO, TARGET_P99_MS, TARGET_SINGLE_MS, TARGET_RSS_GROWTH_MB = 0.5, 30.0, 2.0, 10.0


class SeedError(Exception):
    pass


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def stop(proc, timeout=10):
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


class Api:
    """JSON calls on one keep-alive connection per thread; any non-2xx stops the run loudly."""

    def __init__(self, port):
        self.port, self.local, self.calls = port, threading.local(), 0

    def call(self, method, path, body=None):
        conn = getattr(self.local, "conn", None)
        if conn is None:
            conn = self.local.conn = http.client.HTTPConnection(HOST, self.port, timeout=30)
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        try:
            conn.request(method, path, body=data, headers=headers)
            resp = conn.getresponse()
            text = resp.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as e:
            self.local.conn = None
            raise SeedError(f"{method} {path} {data!r}: no answer ({e!r})") from e
        self.calls += 1  # approximate under threads; only for the summary line
        if not 200 <= resp.status < 300:
            raise SeedError(f"{method} {path}\n  request: {data.decode() if data else ''}\n"
                            f"  response {resp.status}: {text[:2000]}")
        return json.loads(text) if text else None


def iso(t):
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def review_plan(items, total_reviews, rng, now):
    """Each card's reviews, oldest first: cards start over the 60 days at a steady few per day,
    earlier cards get more reviews, and gaps between reviews grow as spaced repetition's do."""
    first_days = sorted((rng.uniform(1, 60) for _ in items), reverse=True)
    weights = [d ** 1.2 for d in first_days]
    scale = total_reviews / sum(weights)
    plans = []
    for item, first, w in zip(items, first_days, weights):
        n = max(1, round(w * scale))
        start = now - dt.timedelta(days=first)
        span = (now - dt.timedelta(minutes=10)) - start
        # (k/n)^1.7 spacing: short gaps first, long ones later, as spaced repetition gives them.
        times = [start + span * ((k / n) ** 1.7) * rng.uniform(0.97, 1.0) if k else start for k in range(n)]
        reviews = []
        for k, t in enumerate(sorted(times)):
            r = rng.random()
            again = 0.18 if k == 0 else 0.08  # new cards are forgotten more often
            rating = 1 if r < again else 2 if r < again + 0.10 else 4 if r > 0.92 else 3
            reviews.append({"item_id": item, "rating": rating, "reviewed_at": iso(t),
                            "duration_ms": rng.randint(15_000, 240_000)})
        plans.append(reviews)
    return plans


def seed(api, args):
    rng = random.Random(SEED)
    t0 = time.perf_counter()
    tz = zoneinfo.ZoneInfo(api.call("GET", "/api/v1/me")["time_zone"])
    now = dt.datetime.now(tz)
    today = now.date()

    items, kinds = [], {}
    for kind in PRACTISED:
        offset = 0
        while True:
            page = api.call("GET", f"/api/v1/questions?kind={kind}&limit=500&offset={offset}")
            items += [q["id"] for q in page["items"]]
            kinds.update((q["id"], kind) for q in page["items"])
            offset += len(page["items"])
            if not page["items"] or offset >= page["total"]:
                break
    note = ""
    if len(items) < args.cards:
        note = f" (only {len(items)} practised items exist; all used)"
    rng.shuffle(items)
    items = sorted(items[:args.cards])

    start = today - dt.timedelta(days=42)
    plan = api.call("PUT", "/api/v1/plan", {
        "start": start.isoformat(), "interview_date": (today + dt.timedelta(days=14)).isoformat(),
        "hours_per_day": 2.5, "days_per_week": 6,
        "skill_ratings": {}, "replace": True})

    # Cards are independent, a card's own reviews are not: one thread owns each card.
    plans = review_plan(items, args.reviews, rng, now)
    def submit(reviews):
        for body in reviews:
            api.call("POST", "/api/v1/practice/reviews", body)
        return len(reviews)
    # On SQLite, concurrent review POSTs get 500 "database is locked" (SQLITE_BUSY on the
    # deferred write transaction; RECIPES.md reproduces it with hey), so SQLite is seeded from
    # one thread unless --seed-threads says otherwise.
    threads = args.seed_threads or (1 if args.db_kind == "sqlite" else 4)
    t_reviews = time.perf_counter()
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=threads)
    try:
        reviews = sum(pool.map(submit, plans))
    finally:
        # On Ctrl-C or a failed call, drop the queued cards instead of sending them all first.
        pool.shutdown(wait=True, cancel_futures=True)
    t_reviews = time.perf_counter() - t_reviews

    past = [e for e in plan["entries"] if e["date"] < today.isoformat()]
    ticked = rng.sample(past, round(len(past) * 0.6))
    ticked_ids = {e["task"]["id"] for e in ticked}
    missed = [e for e in past if e["task"]["id"] not in ticked_ids]
    moved = rng.sample(missed, min(5, len(missed)))
    end = dt.date.fromisoformat(plan["plan"]["end"])
    noted = rng.sample(ticked, min(10, len(ticked)))
    patches = [(e, {"done": True}) for e in ticked]
    patches += [(e, {"moved_to": min(end, today + dt.timedelta(days=rng.randint(1, 6))).isoformat()}) for e in moved]
    patches += [(e, {"notes": f"## Lab notes, {e['task']['task_id']}\n\n- ran it on a kind cluster; **{rng.randint(2, 9)}** pods\n"
                              f"- `kubectl describe` showed the OOMKill at {rng.randint(2, 16)} GiB\n\n"
                              "```bash\nkubectl top pods -A --sort-by=memory\n```\n\nNext: repeat with limits set.\n"})
                for e in noted]
    # Plan writes rebuild the plan per call; kept sequential so ticks don't race each other.
    t_plan = time.perf_counter()
    for entry, body in patches:
        api.call("PATCH", "/api/v1/plan/tasks/" + urllib.parse.quote(entry["task"]["id"], safe=""), body)

    t_plan = time.perf_counter() - t_plan
    report = api.call("GET", "/api/v1/readiness")["report"]
    checklist = rng.sample(report["checklists"], min(8, len(report["checklists"])))
    flags = rng.sample(report["red_flags"], min(2, len(report["red_flags"])))
    flag_ids = {f["id"] for f in flags}
    for item in checklist + flags:
        # A red flag answered "yes" means "this was me"; most people answer their few with "no".
        answer = "no" if item["id"] in flag_ids else rng.choice(["yes", "yes", "yes", "no"])
        api.call("PUT", "/api/v1/readiness/answers/" + urllib.parse.quote(item["id"], safe=""), {"answer": answer})

    took = time.perf_counter() - t0
    print(f"  seeded in {took:.1f} s ({api.calls} API calls; reviews {t_reviews:.1f} s from {threads} thread(s), "
          f"{len(patches)} task PATCHes {t_plan:.1f} s): plan of {len(plan['entries'])} tasks from {start}, "
          f"{len(items)} cards{note}, {reviews} reviews over 60 days, {len(ticked)}/{len(past)} past tasks ticked, "
          f"{len(moved)} moved, {len(noted)} with notes, {len(checklist) + len(flags)} readiness answers")
    return {"seconds": round(took, 2), "review_seconds": round(t_reviews, 2), "patch_seconds": round(t_plan, 2),
            "seed_threads": threads, "cards": len(items), "reviews": reviews, "plan_tasks": len(plan["entries"]),
            "past_tasks": len(past), "ticked": len(ticked), "moved": len(moved), "notes": len(noted),
            "readiness_answers": len(checklist) + len(flags),
            # A technical question (most of the bank), reviewed, so its page shows a card's state.
            "question": next((i for i in items if kinds[i] == "technical"), items[0]),
            "note": note.strip(" ()")}


def wait_ready(port, proc, what, path="/readyz", limit=60):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{what} exited with {proc.returncode} before it was ready")
        try:
            return fetch(port, path, timeout=1)
        except (OSError, SeedError):
            time.sleep(0.05)
    raise SystemExit(f"{what} not ready on {HOST}:{port}{path} in {limit} s")


def start_postgres(work, cleanups):
    """A throwaway cluster as RECIPES.md "A throwaway PostgreSQL" makes it; initdb refuses root."""
    pg = os.path.join(work, "pg")
    os.mkdir(pg)
    with open(os.path.join(pg, "pw"), "w") as f:
        f.write("secret\n")
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    for path in [pg, os.path.join(pg, "pw")] if as_pg else []:
        shutil.chown(path, "postgres", "postgres")
    port = free_port()
    init = subprocess.run(as_pg + [f"{PGBIN}/initdb", "-D", f"{pg}/data", "-U", "postgres", f"--pwfile={pg}/pw",
                                   "--auth=scram-sha-256", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"],
                          capture_output=True, text=True, timeout=120)
    if init.returncode:
        raise SystemExit(f"initdb failed:\n{init.stdout}{init.stderr}")
    ctl = as_pg + [f"{PGBIN}/pg_ctl", "-D", f"{pg}/data", "-l", f"{pg}/server.log", "-w"]
    # Registered before the start: a start that times out may still leave a postmaster running.
    cleanups.append(lambda: subprocess.run(ctl + ["-m", "fast", "stop"], stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL, timeout=60))
    subprocess.run(ctl + ["-o", f"-c listen_addresses={HOST} -p {port} -k {pg} -c fsync=off", "start"],
                   stdout=subprocess.DEVNULL, check=True, timeout=60)
    subprocess.run(["psql", "-h", HOST, "-p", str(port), "-U", "postgres", "-Atqc", "CREATE DATABASE infraprep_bench"],
                   env=dict(os.environ, PGPASSWORD="secret"), check=True, timeout=30)
    return f"postgres://postgres:secret@{HOST}:{port}/infraprep_bench?sslmode=disable"


def start_server(binary, work, database_url, cleanups):
    port = free_port()
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    # --log-level error: one log line per request on stderr would be part of every figure.
    log = open(os.path.join(work, "server.log"), "w")
    proc = subprocess.Popen([binary, "serve", "--host", HOST, "--port", str(port), "--data-dir", f"{work}/data",
                             "--log-level", "error"], env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    def stop_server():
        stop(proc, timeout=20)
        # A crash on SIGTERM is a finding too (it once crashed with requests still in flight).
        if proc.returncode not in (0, -signal.SIGTERM):
            print(f"  warning: infraprep serve exited with {proc.returncode} on SIGTERM; log: {work}/server.log",
                  file=sys.stderr)
    cleanups.append(stop_server)
    wait_ready(port, proc, "infraprep serve")
    return proc, port


def start_nginx(work, html, cleanups):
    www = os.path.join(work, "www")
    os.makedirs(www)
    with open(os.path.join(www, "index.html"), "wb") as f:
        f.write(html)
    port = free_port()
    conf = os.path.join(work, "nginx.conf")
    with open(conf, "w") as f:
        f.write(f"worker_processes 1; pid {work}/nginx.pid; error_log {work}/nginx-error.log; events {{}}\n"
                f"http {{ access_log off; server {{ listen {HOST}:{port}; root {www}; }} }}\n")
    proc = subprocess.Popen(["nginx", "-c", conf, "-g", "daemon off;"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    cleanups.append(lambda: stop(proc))
    wait_ready(port, proc, "nginx", path="/", limit=10)
    return port


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def wrk(port, path, args):
    # --timeout 10s: wrk's default 2 s would silently drop the slowest debug-build answers from p99.
    cmd = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s", "--timeout", "10s", "--latency",
           f"http://{HOST}:{port}{path}"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=args.duration + 30, check=True).stdout
    pct = {m.group(1): float(m.group(2)) * UNITS[m.group(3)]
           for m in re.finditer(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M)}
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    pct = pct if requests else {}  # with no answer wrk prints zeros, not percentiles
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errs = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), "requests": requests,
            "p50_ms": pct.get("50"), "p99_ms": pct.get("99"),
            "non_2xx": int(bad.group(1)) if bad else 0,
            "socket_errors": sum(map(int, errs.groups())) if errs else 0}


def single(port, path, n):
    """Median wall time of one request when nothing else is running: n in a row, one connection."""
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    times, size = [], 0
    for _ in range(n):
        t = time.perf_counter()
        conn.request("GET", path)
        resp = conn.getresponse()
        body = resp.read()
        times.append((time.perf_counter() - t) * 1000)
        if resp.status != 200:
            raise SeedError(f"GET {path}: {resp.status} {body[:500]!r}")
        size = len(body)
    conn.close()
    return statistics.median(times), size


def after_write(port, path, n):
    """Median wall time of the page drawn afresh: each GET follows a write that changes nothing
    it shows (the display name, back and forth) but raises the revision, so nothing kept serves it."""
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    times = []
    for i in range(n):
        body = json.dumps({"display_name": f"Bench {i % 2}"})
        conn.request("PATCH", "/api/v1/me", body=body, headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        resp.read()
        if resp.status != 200:
            raise SeedError(f"PATCH /api/v1/me: {resp.status}")
        t = time.perf_counter()
        conn.request("GET", path)
        resp = conn.getresponse()
        resp.read()
        times.append((time.perf_counter() - t) * 1000)
        if resp.status != 200:
            raise SeedError(f"GET {path} after a write: {resp.status}")
    conn.close()
    return statistics.median(times)


def drain(port, limit=120):
    """Wait until the server has worked off what the last wrk run left queued.

    wrk stops after its duration and closes its connections, but the server still answers every
    request already read (~50 × a page's time on a debug build): measured next, that backlog
    would count against the next page. /healthz waits in the same queue, so three quick answers
    in a row mean it is gone."""
    deadline, quick = time.monotonic() + limit, 0
    while quick < 3:
        if time.monotonic() > deadline:
            raise SeedError(f"server still busy {limit} s after a wrk run")
        t = time.perf_counter()
        fetch(port, "/healthz", timeout=limit)
        quick = quick + 1 if time.perf_counter() - t < 0.02 else 0
        time.sleep(0.05)


def fetch(port, path, timeout=10):
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    conn.request("GET", path)
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    if resp.status != 200:
        raise SeedError(f"GET {path}: {resp.status} {body[:500]!r}")
    return body


def run_db(db, args):
    work = tempfile.mkdtemp(prefix=f"pages-bench-{db}-")
    # PostgreSQL runs as postgres and nginx's workers as nobody: neither enters a 0700 folder.
    os.chmod(work, 0o755)
    cleanups = []
    try:
        print(f"\n## {db}")
        url = start_postgres(work, cleanups) if db == "postgres" else None
        proc, port = start_server(args.binary, work, url, cleanups)
        args.db_kind = db
        person = seed(Api(port), args)
        pages = [p.format(item=person["question"]) for p in PAGES]
        time.sleep(2)  # let the seeding's allocations settle before calling it idle
        idle = rss_mb(proc.pid)
        # Single requests first, on a quiet server; then wrk, draining the backlog after each run.
        rows = {}
        for path in pages:
            median_ms, size = single(port, path, args.singles)
            rows[path] = {"single_ms": median_ms, "bytes": size}
        # Drawn afresh: what the first look after a grade or a tick costs (not a target).
        for path in pages:
            if path != "/healthz":
                rows[path]["fresh_ms"] = after_write(port, path, max(10, args.singles // 4))
        for path in pages:
            drain(port)
            r = rows[path]
            r.update(wrk(port, path, args))
            print(f"  {path}: {r['rps']:.0f} req/s, p99 {r['p99_ms'] or float('nan'):.1f} ms, single {r['single_ms']:.2f} ms, {r['bytes']} B")
        drain(port)
        today_html = fetch(port, "/")
        time.sleep(2)
        after = rss_mb(proc.pid)
        nginx = wrk(start_nginx(work, today_html, cleanups), "/", args)
        with open(os.path.join(work, "server.log"), errors="replace") as f:
            errors = [l for l in f if " error " in l or "critical" in l]
        if errors:
            print(f"  the server logged {len(errors)} error line(s), e.g. {errors[0].strip()[:300]}")
        return {"db": db, "person": person, "pages": rows, "nginx": nginx,
                "rss_idle_mb": idle, "rss_after_mb": after, "server_errors_logged": len(errors)}
    except SeedError:
        # The 500's body only names a request id; the cause is in the server's log.
        with open(os.path.join(work, "server.log"), errors="replace") as f:
            print("  server log (last lines):\n    " + "\n    ".join(f.read().splitlines()[-15:]), file=sys.stderr)
        raise
    finally:
        for fn in reversed(cleanups):
            try:
                fn()
            except Exception as e:  # cleanup must go on to the next one
                print(f"  cleanup: {e!r}", file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)


def report(res, args):
    """A Markdown table with every target judged; returns the number of misses."""
    floor = res["pages"]["/healthz"]["rps"]
    misses = 0
    print(f"\n### {res['db']} ({res['person']['cards']} cards, {res['person']['reviews']} reviews; "
          f"wrk -t2 -c{args.connections} -d{args.duration}s)\n")
    # "answered" shows when a run is too short for the page: wrk counts only answers within it.
    print("| path | req/s | × /healthz | p50 ms | p99 ms | single-request median ms | drawn afresh after a write, median ms | answered | errors | targets |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for path, r in res["pages"].items():
        ratio = r["rps"] / floor
        fails = []
        if path != "/healthz" and ratio < TARGET_RATIO:
            fails.append(f"<{TARGET_RATIO}× healthz")
        if r["requests"] == 0:
            fails.append("no answer within the run")
        elif r["p99_ms"] >= TARGET_P99_MS:
            fails.append(f"p99 ≥{TARGET_P99_MS:.0f} ms")
        if r["single_ms"] >= TARGET_SINGLE_MS:
            fails.append(f"single ≥{TARGET_SINGLE_MS:.0f} ms")
        if r["non_2xx"] or r["socket_errors"]:
            fails.append("errors")
        r["ratio"], r["fails"] = ratio, fails
        misses += bool(fails)
        verdict = "✔" if not fails else "✘ " + ", ".join(fails)
        ms = lambda v: "—" if v is None else f"{v:.2f}"  # wrk prints no percentiles when nothing completed
        print(f"| `{path}` | {r['rps']:,.0f} | {ratio:.2f} | {ms(r['p50_ms'])} | {ms(r['p99_ms'])} | "
              f"{r['single_ms']:.2f} | {ms(r.get('fresh_ms'))} | {r['requests']:,} | {r['non_2xx'] + r['socket_errors']} | {verdict} |")
    n, today = res["nginx"], res["pages"]["/"]
    print(f"\nnginx, static copy of Today ({today['bytes']:,} B): {n['rps']:,.0f} req/s, p50 {n['p50_ms']:.2f} ms, "
          f"p99 {n['p99_ms']:.2f} ms; Today / nginx = {today['rps'] / n['rps']:.3f}; "
          f"/healthz / nginx = {floor / n['rps']:.3f}")
    growth = res["rss_after_mb"] - res["rss_idle_mb"]
    ok = growth <= TARGET_RSS_GROWTH_MB
    misses += not ok
    print(f"resident memory: {res['rss_idle_mb']:.1f} MB idle after seeding, {res['rss_after_mb']:.1f} MB after the run "
          f"({growth:+.1f} MB) {'✔' if ok else '✘ grew more than 10 MB'}")
    return misses


def on_sigterm(signum, frame):
    raise KeyboardInterrupt


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--binary", required=True, help="the infraprep executable")
    p.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    p.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    p.add_argument("--connections", type=int, default=50)
    p.add_argument("--out", help="write the results as JSON here")
    p.add_argument("--quick", action="store_true", help="smoke run: 1 s per wrk run, 20 single requests")
    p.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    p.add_argument("--cards", type=int, default=400)
    p.add_argument("--reviews", type=int, default=2500)
    p.add_argument("--seed-threads", type=int, default=0, help="default: 1 on SQLite, 4 on PostgreSQL")
    p.add_argument("--singles", type=int, default=200, help="sequential requests per page for the median")
    args = p.parse_args()
    args.binary = os.path.abspath(args.binary)
    if args.quick:
        args.duration, args.singles = 1, 20
    for tool in ["wrk", "nginx"] + (["psql"] if args.db != "sqlite" else []):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing: apt-get install -y -qq wrk nginx-light postgresql")
    # SIGTERM takes the same path as Ctrl-C, so every finally stops its processes.
    signal.signal(signal.SIGTERM, on_sigterm)
    # A shell without job control starts background jobs with SIGINT ignored; take it back.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    results, misses = [], 0
    try:
        for db in (["sqlite", "postgres"] if args.db == "both" else [args.db]):
            results.append(run_db(db, args))
            misses += report(results[-1], args)
    except SeedError as e:
        print(f"\nFAILED: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\ninterrupted; servers stopped", file=sys.stderr)
        return 130
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"binary": args.binary, "connections": args.connections, "duration": args.duration,
                       "date": dt.date.today().isoformat(), "results": results}, f, indent=2)
    print(f"\n{misses} target(s) missed" if misses else "\nall targets met")
    return 1 if args.check and misses else 0


if __name__ == "__main__":
    sys.exit(main())
