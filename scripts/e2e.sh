#!/usr/bin/env bash
# The window's end-to-end tests: the real app (target/debug/rapporteur-desktop) driven through
# tauri-driver + WebKitWebDriver, under a private X server (Xvfb) and session bus, so nothing
# needs a desktop and no GTK helpers outlive the run. `make test` builds what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cache/rapporteur-tools/bin:$PATH"
if [ ! -f tests/e2e/node_modules/.package-lock.json ] ||
  [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund)
fi
# Every tests/e2e/*.test.mjs, one after another (each starts its own tauri-driver(s) on its
# own ports). A run that hangs is ended after E2E_TIMEOUT (timeout signals its whole process
# group) and fails with a message, instead of holding `make test` until CI's limit.
limit=${E2E_TIMEOUT:-20m}
status=0
timeout --kill-after=30s "$limit" dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
  node --test --test-concurrency=1 tests/e2e/*.test.mjs || status=$?
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  echo "e2e: the run did not finish within $limit and was stopped (exit $status)" >&2
fi
exit "$status"
