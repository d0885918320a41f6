#!/usr/bin/env bash
# Adds up the "test result:" lines of cargo test output into one closing line, so that the
# last line of `make test` counts every Rust test rather than the last test binary's.
set -euo pipefail
awk '/^test result:/ {
       for (i = 1; i <= NF; i++) {
         if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^ignored/) s += $i
       }
     }
     END { printf "rust: %d passed, %d failed, %d skipped\n", p, f, s }' "$@"
