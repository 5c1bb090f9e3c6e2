#!/usr/bin/env python3
"""Cold start and resident memory of `infraprep serve`, with a peer measured in the same run.

Start time is from spawning the process to the first 200 from its readiness URL (polled
every 2 ms). Resident memory is VmRSS from /proc after 1 s idle, and again after 10,000
requests to the Today page sent by `hey` (Debian package) from 10 connections.
The peer is Python's built-in `http.server`, started and measured the same way.

Usage: python3 bench/serve_bench.py [--binary .build/release/infraprep] [--runs 10]
"""
import argparse
import http.client
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ready(port, path):
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        conn.request("GET", path)
        status = conn.getresponse().status
        conn.close()
        return status == 200
    except OSError:
        return False


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def start(cmd, port, path, env=None):
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    while not ready(port, path):
        if proc.poll() is not None:
            raise SystemExit(f"{cmd[0]} exited with {proc.returncode}")
        if time.perf_counter() - t0 > 30:
            proc.kill()
            raise SystemExit(f"{cmd[0]} not ready in 30 s")
        time.sleep(0.002)
    return proc, (time.perf_counter() - t0) * 1000


def stop(proc):
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def load(port, path, n=10000, c=10):
    out = subprocess.run(["hey", "-n", str(n), "-c", str(c), f"http://127.0.0.1:{port}{path}"],
                         capture_output=True, text=True, check=True).stdout
    rps = next(float(l.split()[1]) for l in out.splitlines() if l.strip().startswith("Requests/sec:"))
    ok = next((int(l.split()[1]) for l in out.splitlines() if l.strip().startswith("[200]")), 0)
    return rps, ok


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/infraprep")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    rows = []

    def infraprep(data_dir, port):
        return [binary, "serve", "--port", str(port), "--data-dir", data_dir, "--log-level", "error"]

    def peer(port, root):
        return ["python3", "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", root]

    first, warm, peer_start = [], [], []
    idle_rss, peer_rss = [], []
    for _ in range(args.runs):
        work = tempfile.mkdtemp(prefix="infraprep-bench-")
        port = free_port()
        proc, ms = start(infraprep(work + "/data", port), port, "/readyz", env)  # creates and migrates the database
        first.append(ms)
        stop(proc)
        port = free_port()
        proc, ms = start(infraprep(work + "/data", port), port, "/readyz", env)  # existing database
        warm.append(ms)
        time.sleep(1)
        idle_rss.append(rss_mb(proc.pid))
        stop(proc)
        port = free_port()
        proc, ms = start(peer(port, work), port, "/")
        peer_start.append(ms)
        time.sleep(1)
        peer_rss.append(rss_mb(proc.pid))
        stop(proc)
        shutil.rmtree(work, ignore_errors=True)

    work = tempfile.mkdtemp(prefix="infraprep-bench-")
    port = free_port()
    proc, _ = start(infraprep(work + "/data", port), port, "/readyz", env)
    rps, ok = load(port, "/")
    time.sleep(1)
    loaded_rss = rss_mb(proc.pid)
    stop(proc)
    port = free_port()
    proc, _ = start(peer(port, work), port, "/")
    peer_rps, peer_ok = load(port, "/")
    time.sleep(1)
    peer_loaded = rss_mb(proc.pid)
    stop(proc)
    shutil.rmtree(work, ignore_errors=True)

    med = statistics.median
    print(f"runs: {args.runs}; binary: {args.binary}")
    print("| measure | infraprep | peer (python3 -m http.server) | ratio |")
    print("|---|---|---|---|")
    print(f"| start to ready, new database (median ms) | {med(first):.0f} | {med(peer_start):.0f} | {med(first)/med(peer_start):.2f} |")
    print(f"| start to ready, existing database (median ms) | {med(warm):.0f} | {med(peer_start):.0f} | {med(warm)/med(peer_start):.2f} |")
    print(f"| resident memory at idle (median MB) | {med(idle_rss):.1f} | {med(peer_rss):.1f} | {med(idle_rss)/med(peer_rss):.2f} |")
    print(f"| resident memory after 10,000 requests to / (MB) | {loaded_rss:.1f} | {peer_loaded:.1f} | {loaded_rss/peer_loaded:.2f} |")
    print(f"| throughput during those requests (req/s, 10 connections) | {rps:.0f} ({ok} x 200) | {peer_rps:.0f} ({peer_ok} x 200) | {rps/peer_rps:.2f} |")


if __name__ == "__main__":
    main()
