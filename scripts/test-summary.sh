#!/usr/bin/env bash
# Adds up the closing lines of every test runner `make test` uses — cargo test ("test result:
# ok. N passed; M failed; K ignored"), vitest ("Tests  N passed | M failed (T)") and node's
# test runner ("ℹ pass N" / "ℹ fail N" / "ℹ skipped N") — into one closing line, so the last
# line of `make test` counts every test rather than the last runner's.
set -euo pipefail
# Colour codes (vitest colours even when piped) are stripped first.
sed -e 's/\x1b\[[0-9;]*m//g' "$@" | awk '
  /^test result:/ {
    for (i = 1; i < NF; i++) {
      if ($(i+1) ~ /^passed/) p += $i
      if ($(i+1) ~ /^failed/) f += $i
      if ($(i+1) ~ /^ignored/) s += $i
    }
  }
  /^[[:space:]]*Tests[[:space:]]+[0-9]/ {
    for (i = 1; i < NF; i++) {
      if ($(i+1) ~ /^passed/) p += $i
      if ($(i+1) ~ /^failed/) f += $i
      if ($(i+1) ~ /^skipped/) s += $i
    }
  }
  /^(ℹ|#) (pass|fail|skipped) [0-9]+$/ {
    if ($2 == "pass") p += $3
    if ($2 == "fail") f += $3
    if ($2 == "skipped") s += $3
  }
  END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }
'
