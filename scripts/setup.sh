#!/usr/bin/env bash
# Installs what is missing for a make target, and nothing else; safe to run again.
#   scripts/setup.sh core   — the Rust toolchain (needed to build anything)
#   scripts/setup.sh test   — plus the readers the tests check documents with:
#                             pandoc, poppler-utils (pdftoppm), LibreOffice Writer (headless),
#                             the fonts of the six UN languages' scripts (Noto for Latin,
#                             Cyrillic and Arabic; Noto CJK for Chinese; Amiri, the Arabic
#                             text face the Arabic DOCX names), and the relay below
#   scripts/setup.sh relay  — the reference y-websocket relay (y-websocket@1.5.4, yjs 13, ws)
#                             for tests/sync/net.rs, installed with npm outside the clone in
#                             $RAPPORTEUR_RELAY_DIR (default ~/.cache/rapporteur-relay); and the
#                             stock servers of the relay tests and the load benchmark
#                             (Hocuspocus 4 and 3 with the Redis and SQLite extensions, the
#                             Hocuspocus provider, @y/websocket-server 0.1.1), pinned by
#                             tests/relay/servers/package-lock.json, in $RAPPORTEUR_SERVERS_DIR
#                             (default ~/.cache/rapporteur-servers), with redis-server (Debian)
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

# The stock servers, installed from the committed lock file; reinstalled when it changes (the
# lock file copied in last marks a finished install). better-sqlite3 (the SQLite extension's
# driver) is built from source: npm 11 does not run install scripts by itself, and a prebuilt
# binary would be downloaded from outside the registry.
install_servers() {
  local dir=${RAPPORTEUR_SERVERS_DIR:-$HOME/.cache/rapporteur-servers}
  local src
  src="$(cd "$(dirname "$0")/.." && pwd)/tests/relay/servers"
  if cmp -s "$src/package-lock.json" "$dir/.installed-lock" &&
    [ -d "$dir/node_modules/better-sqlite3/build/Release" ]; then
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "setup: npm is missing; the stock-server relay tests will be skipped (and fail under CI)." >&2
    return 1
  fi
  echo "setup: installing the stock relay servers into $dir (about 3 minutes)" >&2
  mkdir -p "$dir"
  rm -f "$dir/.installed-lock"
  cp "$src/package.json" "$src/package-lock.json" "$dir/"
  (cd "$dir" && npm ci --no-audit --no-fund >/dev/null)
  # Node's own headers when the system has them (node-gyp would download them otherwise).
  local nodedir=""
  [ -f /usr/include/node/node.h ] && nodedir=/usr
  (cd "$dir" && npm_config_nodedir=$nodedir nice -n 10 npm rebuild better-sqlite3 >/dev/null)
  cp "$src/package-lock.json" "$dir/.installed-lock"
}

install_redis() {
  command -v redis-server >/dev/null 2>&1 && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: please install redis-server; the Hocuspocus + Redis tests need it." >&2
    return 1
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing redis-server" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends redis-server >/dev/null
}

if [ "$what" = relay ]; then
  install_relay
  install_servers
  install_redis
  exit $?
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: cargo is missing. Install Rust with rustup (https://rustup.rs) and run make again." >&2
  exit 1
fi
[ "$what" = core ] && exit 0
# Best effort: without them the relay tests skip locally and fail under CI, as they should.
install_relay || true
install_servers || true
install_redis || true

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
