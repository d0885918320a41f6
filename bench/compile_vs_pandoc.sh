#!/usr/bin/env bash
# Our DOCX export against `pandoc -f markdown -t docx` on the same generated Markdown, in one
# run. Usage: bench/compile_vs_pandoc.sh [SCALE...]   (default: 1 4 16)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pandoc >/dev/null || { echo "pandoc is needed (apt-get install pandoc)" >&2; exit 1; }
cargo build --release --quiet --example compile_bench
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "cores: $(nproc); pandoc: $(pandoc --version | head -1)"
for scale in "${@:-1 4 16}"; do
  for s in $scale; do
    ours=$(target/release/examples/compile_bench "$s" "$tmp/in.md" "$tmp/ours.docx")
    start=$(date +%s.%N)
    pandoc -f markdown -t docx -o "$tmp/pandoc.docx" "$tmp/in.md"
    end=$(date +%s.%N)
    echo "scale=$s $ours pandoc_s=$(echo "$end - $start" | bc -l | sed 's/^\./0./')"
  done
done
