#!/usr/bin/env python3
"""Crash test (issue #12): writers at 4 concurrent clients grade cards through the API while
the server is SIGKILLed at random moments and started again. Afterwards every acknowledged
write is in the database exactly once, a write whose answer was lost is there at most once,
SQLite's integrity_check is ok, and the server came back ready each time with nothing done by
hand.

    python3 Tests/reliability/crash_test.py --binary .build/debug/infraprep [--kills 6] [--database-url postgres://…]
"""
import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid

HOST = "127.0.0.1"


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, binary, work, database_url):
        self.binary, self.work, self.port = binary, work, free_port()
        self.env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        if database_url:
            self.env["DATABASE_URL"] = database_url
        self.proc = None
        self.log = open(os.path.join(work, "server.log"), "a")

    def start(self):
        started = time.monotonic()
        self.proc = subprocess.Popen([self.binary, "serve", "--port", str(self.port), "--data-dir", f"{self.work}/data",
                                      "--log-level", "error"], env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        while time.monotonic() - started < 30:
            if self.proc.poll() is not None:
                sys.exit(f"the server exited with {self.proc.returncode} on start; log: {self.work}/server.log")
            try:
                conn = http.client.HTTPConnection(HOST, self.port, timeout=1)
                conn.request("GET", "/readyz")
                if conn.getresponse().status == 200:
                    return time.monotonic() - started
            except OSError:
                pass
            time.sleep(0.02)
        sys.exit("the server did not come back ready within 30 s")

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--binary", required=True)
    p.add_argument("--kills", type=int, default=6)
    p.add_argument("--clients", type=int, default=4)
    p.add_argument("--database-url", help="PostgreSQL instead of SQLite (its database must exist)")
    p.add_argument("--seed", type=int, default=int(time.time()))
    args = p.parse_args()
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="infraprep-crash-")
    server = Server(args.binary, work, args.database_url)
    server.start()
    conn = http.client.HTTPConnection(HOST, server.port, timeout=10)
    conn.request("GET", "/api/v1/practice/queue")
    items = [e["item_id"] for e in json.loads(conn.getresponse().read())["entries"]][:8]

    acked, unknown = set(), set()
    lock = threading.Lock()
    stop = threading.Event()

    def writer(n):
        local = random.Random(args.seed + n)
        conn = None
        while not stop.is_set():
            client_id = str(uuid.uuid4())
            body = json.dumps({"item_id": local.choice(items), "rating": local.randint(1, 4), "client_review_id": client_id})
            try:
                conn = conn or http.client.HTTPConnection(HOST, server.port, timeout=5)
                conn.request("POST", "/api/v1/practice/reviews", body=body, headers={"Content-Type": "application/json"})
                resp = conn.getresponse()
                resp.read()
                with lock:
                    (acked if resp.status in (200, 201) else unknown).add(client_id)
            except (OSError, http.client.HTTPException):
                conn = None
                with lock:
                    unknown.add(client_id)
                time.sleep(0.01)

    threads = [threading.Thread(target=writer, args=(n,), daemon=True) for n in range(args.clients)]
    for t in threads:
        t.start()
    restarts = []
    for _ in range(args.kills):
        time.sleep(rng.uniform(0.3, 1.5))
        server.kill()
        restarts.append(server.start())
    time.sleep(1)
    stop.set()
    for t in threads:
        t.join()

    if args.database_url:
        query = "SELECT client_review_id, COUNT(*) FROM srs_reviews WHERE client_review_id IS NOT NULL GROUP BY client_review_id"
        out = subprocess.run(["psql", args.database_url, "-Atqc", query.replace("|", ""), "-F", "|"], capture_output=True, text=True, check=True).stdout
        counts = {line.split("|")[0]: int(line.split("|")[1]) for line in out.splitlines() if line}
        integrity = "not applicable (PostgreSQL)"
    else:
        server.kill()  # one more, then read the file as it was left
        db = sqlite3.connect(f"{work}/data/infraprep.sqlite")
        counts = dict(db.execute("SELECT client_review_id, COUNT(*) FROM srs_reviews WHERE client_review_id IS NOT NULL GROUP BY client_review_id"))
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        db.close()
        server.start()
    server.kill()

    missing = [c for c in acked if counts.get(c, 0) != 1]
    doubled = [c for c, n in counts.items() if n > 1]
    unexpected = [c for c in counts if c not in acked and c not in unknown]
    lost_answers_written = sum(1 for c in unknown if counts.get(c, 0) == 1)
    print(f"{'PostgreSQL' if args.database_url else 'SQLite'}: {args.kills} SIGKILLs, {args.clients} writers, seed {args.seed}")
    print(f"  acknowledged writes: {len(acked)}, all present once: {not missing} ({len(missing)} missing or doubled)")
    print(f"  answers lost in a kill: {len(unknown)} ({lost_answers_written} of them written, the rest not: both are fine)")
    print(f"  rows written more than once: {len(doubled)}; rows nobody sent: {len(unexpected)}")
    print(f"  integrity_check: {integrity}")
    print(f"  back to ready after each kill: {', '.join(f'{s * 1000:.0f} ms' for s in restarts)}")
    ok = not missing and not doubled and not unexpected and integrity in ("ok", "not applicable (PostgreSQL)") and len(acked) > 50
    if not ok:
        print(f"FAILED; kept {work}")
        return 1
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
