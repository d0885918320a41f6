#!/usr/bin/env bash
# Runs the benchmarks. The store section of docs/benchmarks.md (between the store markers) is
# rewritten from this run; the compile figures are printed for the compile section.
# Usage: bench/run.sh [store|compile|all|desktop|sync|replay|review]   (default all; compile with
# pandoc takes minutes; desktop — not part of all, as it builds the release .deb — rewrites the
# desktop section through bench/desktop.sh, also `make bench-desktop`; sync and replay — not part
# of all either, they take minutes — print the tables of the "Sync engine" section: sync the
# convergence of five peers after a partition (keystroke and paragraph traces), replay the same
# keystroke trace through yrs and through Yjs in Node, side by side; relay — not part of all,
# about three minutes — the load on two Hocuspocus instances sharing Redis and on the reference
# y-websocket server, as the table of "Relays under load": CLIENTS, APPS, DOCS, RATE, SECONDS_RUN
# change the run; review — not part of all — prints the table of the "Review cycle" section: version save, diff, tracked-changes DOCX and
# restore on the 40 × 200 synthetic event)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
doc=docs/benchmarks.md
if [ "$what" = store ] || [ "$what" = all ]; then
  cargo build --release --quiet --example bench_store
  section=$(target/release/examples/bench_store target/bench-store)
  python3 - "$doc" "$section" <<'PY'
import sys
path, section = sys.argv[1], sys.argv[2]
text = open(path).read()
begin, end = "<!-- store:begin -->", "<!-- store:end -->"
block = f"{begin}\n{section.strip()}\n{end}"
if begin in text:
    a, b = text.index(begin), text.index(end) + len(end)
    text = text[:a] + block + text[b:]
else:
    text = text.rstrip() + "\n\n" + block + "\n"
open(path, "w").write(text)
PY
  echo "updated the store section of $doc"
fi
if [ "$what" = compile ] || [ "$what" = all ]; then
  bench/compile_vs_pandoc.sh 1 4
  cargo bench --bench compile -- --warm-up-time 1 --measurement-time 5
fi
if [ "$what" = desktop ]; then
  bench/desktop.sh
fi
if [ "$what" = sync ]; then
  edits=${EDITS:-10000}
  seed=${SEED:-1}
  cargo build --release --quiet --example bench_sync
  mkdir -p target/bench-sync
  target/release/examples/bench_sync "$edits" both "$seed" | tee target/bench-sync/table.md
fi
if [ "$what" = replay ]; then
  ops=${OPS:-100000}
  seed=${SEED:-1}
  runs=${RUNS:-5}
  cargo build --release --quiet --example bench_replay
  [ -d bench/node_modules/yjs ] || (cd bench && npm ci --no-audit --no-fund)
  target/release/examples/bench_replay "$ops" "$seed" "$runs" target/bench-replay >/dev/null
  node bench/replay.mjs target/bench-replay | tee target/bench-replay/table.md
fi
if [ "$what" = relay ]; then
  scripts/setup.sh relay
  cargo build --release --quiet --bin rapporteur
  mkdir -p target/bench-relay
  NODE_PATH="${RAPPORTEUR_SERVERS_DIR:-$HOME/.cache/rapporteur-servers}/node_modules" \
    nice -n 10 node bench/relay_load.mjs target/release/rapporteur --clients "${CLIENTS:-50}" \
    --apps "${APPS:-3}" --docs "${DOCS:-16}" --rate "${RATE:-4}" --seconds "${SECONDS_RUN:-60}" \
    --json target/bench-relay/results.json | tee target/bench-relay/table.md
fi
if [ "$what" = review ]; then
  runs=${RUNS:-5}
  cargo build --release --quiet --example bench_review
  mkdir -p target/bench-review
  target/release/examples/bench_review "$runs" target/bench-review | tee target/bench-review/table.md
fi
