#!/usr/bin/env bash
# Installs what is missing for a make target, and nothing else; safe to run again.
#   scripts/setup.sh core   — the Rust toolchain (needed to build anything)
#   scripts/setup.sh test   — plus the readers the tests check documents with:
#                             pandoc, poppler-utils (pdftoppm), LibreOffice Writer (headless),
#                             and the relay below
#   scripts/setup.sh relay  — the reference y-websocket relay (y-websocket@1.5.4, yjs 13, ws)
#                             for tests/sync_net.rs, installed with npm outside the clone in
#                             $RAPPORTEUR_RELAY_DIR (default ~/.cache/rapporteur-relay)
set -euo pipefail
what=${1:-core}

install_relay() {
  local dir=${RAPPORTEUR_RELAY_DIR:-$HOME/.cache/rapporteur-relay}
  if [ -x "$dir/node_modules/.bin/y-websocket-server" ] && [ -d "$dir/node_modules/ws" ]; then
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "setup: npm is missing; the relay interop test will be skipped (and fails under CI)." >&2
    return 1
  fi
  echo "setup: installing the reference y-websocket relay into $dir" >&2
  npm install --no-audit --no-fund --prefix "$dir" y-websocket@1.5.4 yjs@13 ws@8 >/dev/null
}

if [ "$what" = relay ]; then
  install_relay
  exit $?
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: cargo is missing. Install Rust with rustup (https://rustup.rs) and run make again." >&2
  exit 1
fi
[ "$what" = core ] && exit 0
# Best effort: without it the relay test skips locally and fails under CI, as it should.
install_relay || true

missing=()
command -v pandoc >/dev/null 2>&1 || missing+=(pandoc)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
fc-list 2>/dev/null | grep -qi "liberation serif" || missing+=(fonts-liberation2)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: please install ${missing[*]} with your package manager; the document tests need them." >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "setup: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
