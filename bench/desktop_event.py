#!/usr/bin/env python3
"""Prepares a database for the desktop benchmarks (bench/desktop.sh) with the packaged CLI: the
sample event (`rapporteur demo`), plus NOTES note paragraphs spread round-robin over its working
sessions, each appended by its own `rapporteur note --append` (one update per paragraph in the
log, as typing would leave them). Deterministic text (a fixed LCG). Prints the event id and the
id of the first working session, which the benchmark opens.

Usage: desktop_event.py CLI DB NOTES   (DB is replaced)
"""

import json
import os
import subprocess
import sys

WORDS = (
    "migration compact member states support regular pathways data coordination agenda the of "
    "and to in rural development negotiations technical inputs agreed noted should partners "
    "work plan funding evidence capacity return labour protection"
).split()
HANDLES = ["FAO", "IOM", "UNU", "UNHCR", "ILO", "UNDP"]


def main():
    cli, db, notes = sys.argv[1], sys.argv[2], int(sys.argv[3])
    for ext in ("", "-wal", "-shm"):
        if os.path.exists(db + ext):
            os.remove(db + ext)
    run = lambda *args: subprocess.run([cli, "--db", db, *args], check=True, capture_output=True, text=True).stdout
    event = run("demo").strip()
    agenda = json.loads(run("agenda", "--event", event, "--json"))
    sessions = [s["id"] for d in agenda["days"] for s in d["sessions"] if s["kind"] == "working"]
    seed = 0x20180213

    def nxt():
        nonlocal seed
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
        return seed >> 33

    for i in range(notes):
        words = [WORDS[nxt() % len(WORDS)] for _ in range(20 + nxt() % 20)]
        text = f"@{HANDLES[nxt() % len(HANDLES)]} noted that {' '.join(words)}."
        run("note", sessions[i % len(sessions)], "--event", event, "--append", text)
    print(event, sessions[0])


if __name__ == "__main__":
    main()
