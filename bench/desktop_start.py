#!/usr/bin/env python3
"""Cold start and idle memory of Tauri windows, for bench/desktop.sh (run under Xvfb).

Each configuration (an app and its extra environment) is started RUNS times, after one
unrecorded warm-up round so the file cache is warm, the configurations taking turns. Every start
gets RAPPORTEUR_BENCH_READY pointing at a fresh file; the time is from just before exec to the
timestamp the app appends there once its first view is interactive (Rapporteur: the session's
Notes editor mounted and painted; the hello-world: DOMContentLoaded and painted). Both clocks
are CLOCK_REALTIME in ns. Then each configuration is started once more, left idle IDLE seconds,
and the proportional set size (Pss in /proc/PID/smaps_rollup) of the app and all its
descendants (WebKit's web and network processes) is summed. Prints one JSON object.

Usage: desktop_start.py '{"runs": N, "idle_s": S, "configs": [{"name", "app", "env"}, ...]}'
"""

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time


def children_map():
    kids = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                stat = f.read()
        except OSError:
            continue  # the process ended while we looked
        # The command name (field 2) may contain spaces; ppid is the second field after it.
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(name))
    return kids


def tree(pid):
    kids = children_map()
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def pss_kib(pid):
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    raise RuntimeError(f"no Pss line for pid {pid}")


def comm(pid):
    with open(f"/proc/{pid}/comm") as f:
        return f.read().strip()


def stop(proc):
    """Ends the app and every process it started, by pid, and waits for them."""
    pids = tree(proc.pid)
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    deadline = time.time() + 5
    for p in pids[1:]:
        while os.path.exists(f"/proc/{p}") and time.time() < deadline:
            time.sleep(0.02)
        if os.path.exists(f"/proc/{p}"):
            os.kill(p, signal.SIGKILL)


def start_once(app, env, ready, log, timeout=60.0):
    if os.path.exists(ready):
        os.remove(ready)
    t0 = time.time_ns()
    proc = subprocess.Popen([app], env=env, stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.time() + timeout
    while True:
        if os.path.exists(ready):
            with open(ready) as f:
                line = f.readline()
            if line.endswith("\n"):
                t1 = int(line.split()[0])
                return proc, (t1 - t0) / 1e6
        if proc.poll() is not None:
            log.seek(0)
            err = log.read().decode(errors="replace")
            raise RuntimeError(f"{app} exited ({proc.returncode}) before it was ready:\n{err}")
        if time.time() > deadline:
            stop(proc)
            raise RuntimeError(f"{app} was not ready within {timeout} s")
        time.sleep(0.002)


def measure_memory(app, env, ready, log, idle):
    proc, _ = start_once(app, env, ready, log)
    time.sleep(idle)
    parts = {}
    for p in tree(proc.pid):
        try:
            parts[f"{comm(p)}[{p}]"] = pss_kib(p)
        except OSError:
            pass  # a helper that ended during the idle wait holds no memory
    stop(proc)
    return parts


def main():
    spec = json.loads(sys.argv[1])
    runs, idle = spec["runs"], spec["idle_s"]
    results = {}
    with tempfile.TemporaryDirectory(prefix="rapporteur-bench-") as tmp:
        ready = os.path.join(tmp, "ready")
        log = tempfile.TemporaryFile(dir=tmp)  # the apps' stderr, shown if one fails
        envs = {}
        for c in spec["configs"]:
            env = dict(os.environ)
            env.update(c.get("env", {}))
            env["RAPPORTEUR_BENCH_READY"] = ready
            envs[c["name"]] = env
            results[c["name"]] = {"start_ms": []}
        # Round 0 only warms the file cache; then the configurations take turns, so drift in
        # the machine's load spreads over all of them alike.
        for r in range(runs + 1):
            for c in spec["configs"]:
                proc, ms = start_once(c["app"], envs[c["name"]], ready, log)
                stop(proc)
                if r > 0:
                    results[c["name"]]["start_ms"].append(round(ms, 1))
        for c in spec["configs"]:
            res = results[c["name"]]
            t = res["start_ms"]
            res.update(median_ms=statistics.median(t), min_ms=min(t), max_ms=max(t))
            parts = measure_memory(c["app"], envs[c["name"]], ready, log, idle)
            res.update(pss_kib=sum(parts.values()), pss_parts=parts)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
