#!/usr/bin/env bash
# Installs what is missing for a make target, and nothing else; safe to run again.
#   scripts/setup.sh core   — the Rust toolchain (needed to build anything)
#   scripts/setup.sh test   — plus the readers the tests check documents with:
#                             pandoc, poppler-utils (pdftoppm), LibreOffice Writer (headless),
#                             the fonts of the six UN languages' scripts (Noto for Latin,
#                             Cyrillic and Arabic; Noto CJK for Chinese; Amiri, the Arabic
#                             text face the Arabic DOCX names), and the relay below
#   scripts/setup.sh relay  — the reference y-websocket relay (y-websocket@1.5.4, yjs 13, ws)
#                             for tests/sync_net.rs, installed with npm outside the clone in
#                             $RAPPORTEUR_RELAY_DIR (default ~/.cache/rapporteur-relay)
#   scripts/setup.sh desktop — what the window needs to build (WebKitGTK, librsvg, npm) and
#                             to be tested (Xvfb, D-Bus, WebKitWebDriver, ImageMagick,
#                             tauri-driver cached in ~/.cache/rapporteur-tools)
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

apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: please install $* with your package manager; the $what target needs them." >&2
    exit 1
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing $*" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ "$what" = desktop ]; then
  missing=()
  for p in libwebkit2gtk-4.1-dev librsvg2-dev build-essential pkg-config file xvfb xauth dbus \
    dbus-x11 fonts-dejavu-core webkit2gtk-driver imagemagick x11-utils zbar-tools; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
  if ! command -v npm >/dev/null 2>&1; then
    echo "setup: npm is missing; install Node.js 20 or newer (with npm) and run make again." >&2
    exit 1
  fi
  tools="$HOME/.cache/rapporteur-tools"
  if [ ! -x "$tools/bin/tauri-driver" ] && ! command -v tauri-driver >/dev/null 2>&1; then
    echo "setup: installing tauri-driver into $tools" >&2
    nice -n 10 cargo install tauri-driver --locked --root "$tools" >/dev/null
  fi
  exit 0
fi

missing=()
command -v pandoc >/dev/null 2>&1 || missing+=(pandoc)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
fc-list 2>/dev/null | grep -qi "liberation serif" || missing+=(fonts-liberation2)
for font in fonts-noto-core fonts-noto-cjk fonts-hosny-amiri; do
  dpkg-query -W -f='${Status}' "$font" 2>/dev/null | grep -q "install ok installed" || missing+=("$font")
done
[ ${#missing[@]} -eq 0 ] && exit 0
apt_install "${missing[@]}"
