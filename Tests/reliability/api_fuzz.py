#!/usr/bin/env python3
"""Schemathesis against a running infraprep (issue #12): every operation of /openapi.yaml,
2 workers, a bounded budget, with real ids supplied so accepted requests are exercised too.
Fails on any 5xx or any answer that does not match the document; schemathesis prints the
request that reproduces each failure (as curl).

    python3 Tests/reliability/api_fuzz.py --binary .build/debug/infraprep [--max-examples 25] [--seed N]
"""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HOST = "127.0.0.1"


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def call(port, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"http://{HOST}:{port}{path}", data=data, method=method,
                                 headers={"Content-Type": "application/json"} if data else {})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read() or b"null")


def wait_ready(port, proc):
    for _ in range(300):
        if proc.poll() is not None:
            sys.exit(f"the server exited with {proc.returncode} before it was ready")
        try:
            urllib.request.urlopen(f"http://{HOST}:{port}/readyz", timeout=1).read()
            return
        except OSError:
            time.sleep(0.05)
    sys.exit("the server was not ready within 15 s")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--binary", required=True)
    p.add_argument("--max-examples", type=int, default=25, help="per operation and phase (the budget)")
    p.add_argument("--seed", type=int, default=int(os.environ.get("FUZZ_SEED", "20261206")),
                   help="fixed by default so a red run can be repeated; FUZZ_SEED or --seed to explore")
    args = p.parse_args()

    work = tempfile.mkdtemp(prefix="infraprep-fuzz-")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    log = open(os.path.join(work, "server.log"), "w")
    proc = subprocess.Popen([args.binary, "serve", "--port", str(port), "--data-dir", f"{work}/data"],
                            stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        wait_ready(port, proc)
        # Real values for the path and query parameters, so requests get past "not found".
        plan = call(port, "PUT", "/api/v1/plan", {"start": time.strftime("%Y-%m-%d", time.gmtime(time.time() - 14 * 86400))})
        task = plan["entries"][0]["task"]["id"]
        item = call(port, "GET", "/api/v1/practice/queue")["entries"][0]["item_id"]
        call(port, "POST", "/api/v1/practice/reviews", {"item_id": item, "rating": 3})
        token = call(port, "POST", "/api/v1/calendar/feed", {})["token"]
        config = os.path.join(work, "schemathesis.toml")
        with open(config, "w") as f:
            f.write(f'''
[[operations]]
include-name = "GET /api/v1/questions/{{id}}"
parameters = {{ id = "{item}" }}

[[operations]]
include-name = "GET /api/v1/calc/{{kind}}"
parameters = {{ kind = "memory" }}

[[operations]]
include-name = "PATCH /api/v1/plan/tasks/{{id}}"
parameters = {{ id = "{task}" }}

[[operations]]
include-name = "PUT /api/v1/readiness/answers/{{id}}"
parameters = {{ id = "ir-prometheus" }}

[[operations]]
include-name = "GET /calendar.ics"
parameters = {{ token = "{token}" }}
''')
        command = ["st", "--config-file", config, "run", f"http://{HOST}:{port}/openapi.yaml", "--workers", "2",
                   "--max-examples", str(args.max_examples), "--seed", str(args.seed), "--no-color",
                   "--checks", "not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance"]
        print("$ " + " ".join(command), flush=True)
        started = time.monotonic()
        result = subprocess.run(command, cwd=work)
        print(f"schemathesis: exit {result.returncode} after {time.monotonic() - started:.0f} s (seed {args.seed})")
        if proc.poll() is not None:
            print(f"the server died during the run (exit {proc.returncode})")
            return 1
        return result.returncode
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        if os.environ.get("KEEP_FUZZ_DIR"):
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
