#!/usr/bin/env bash
# Checks the .deb that `make deb` built, as a user would get it: its control data (name,
# version, the WebKitGTK and GTK dependencies), its contents (the window's binary, the CLI, the
# desktop entry and icons), its size (at most DEB_MAX_MB, default 15), and that the packaged
# binaries run: the CLI creates the sample event, and the window, started from a temporary
# extraction on that database under a private X server, opens a window titled Rapporteur and
# gets as far as an interactive session view (the benchmark hook's ready mark, which needs the
# embedded UI and IPC to work). Leaves a screenshot in target/deb-check/window.png.
# Usage: scripts/check-deb.sh [path/to/package.deb]   (default: the newest one built)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$PWD/target/deb-check

if [ "${CHECK_DEB_INNER:-}" = 1 ]; then
  # Inside Xvfb: start the extracted window on the CLI-made database, wait for its ready mark.
  root=$1 db=$2 open=$3
  ready=$out/ready
  rm -f "$ready"
  RAPPORTEUR_DB=$db RAPPORTEUR_BENCH_READY=$ready RAPPORTEUR_BENCH_OPEN=$open \
    "$root/usr/bin/rapporteur-desktop" >"$out/window.log" 2>&1 &
  pid=$!
  status=0
  for _ in $(seq 1 300); do
    [ -s "$ready" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ ! -s "$ready" ]; then
    echo "check-deb: the packaged window did not reach its session view within 30 s; its log:" >&2
    cat "$out/window.log" >&2
    status=1
  else
    sleep 1 # let the frame settle for the screenshot
    if ! xwininfo -root -tree | grep -q '"Rapporteur"'; then
      echo "check-deb: no X window titled Rapporteur" >&2
      status=1
    fi
    import -window root "$out/window.png"
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  exit $status
fi

deb=${1:-$(ls -t target/release/bundle/deb/*.deb 2>/dev/null | head -n1)}
[ -n "$deb" ] && [ -f "$deb" ] || { echo "check-deb: no .deb found; run make deb" >&2; exit 1; }
fail() {
  echo "check-deb: $*" >&2
  exit 1
}
rm -rf "$out" && mkdir -p "$out"

# Control data.
info=$(dpkg-deb -f "$deb" Package Version Architecture Depends)
echo "$info"
grep -q '^Package: rapporteur$' <<<"$info" || fail "package name is not rapporteur"
grep -q '^Depends:.*libwebkit2gtk-4.1-0' <<<"$info" || fail "Depends lacks libwebkit2gtk-4.1-0"
grep -q '^Depends:.*libgtk-3-0' <<<"$info" || fail "Depends lacks libgtk-3-0"
# The window and the drafts show Arabic, Chinese and Cyrillic: the fonts that have the glyphs.
for font in fonts-noto-core fonts-noto-cjk fonts-hosny-amiri; do
  grep -q "^Depends:.*$font" <<<"$info" || fail "Depends lacks $font"
done

# Contents.
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./||; s|/$||' >"$out/contents"
for f in usr/bin/rapporteur-desktop usr/bin/rapporteur usr/share/applications/Rapporteur.desktop \
  usr/share/icons/hicolor/32x32/apps/rapporteur-desktop.png \
  usr/share/icons/hicolor/128x128/apps/rapporteur-desktop.png; do
  grep -qx "$f" "$out/contents" || fail "$f is missing; the package holds: $(tr '\n' ' ' <"$out/contents")"
done

# Size.
max_mb=${DEB_MAX_MB:-15}
size=$(stat -c %s "$deb")
echo "check-deb: $(basename "$deb") is $((size / 1000)) kB (limit $max_mb MB)"
[ "$size" -le $((max_mb * 1000 * 1000)) ] || fail "the package is larger than $max_mb MB"

# The desktop entry launches the window's binary, with its icon.
root=$out/root
dpkg-deb -x "$deb" "$root"
entry=$root/usr/share/applications/Rapporteur.desktop
grep -q '^Exec=rapporteur-desktop' "$entry" || fail "the desktop entry does not run rapporteur-desktop: $(cat "$entry")"
grep -q '^Icon=rapporteur-desktop$' "$entry" || fail "the desktop entry's icon is not rapporteur-desktop"
if command -v desktop-file-validate >/dev/null 2>&1; then desktop-file-validate "$entry"; fi

# The packaged CLI is the CLI (not the window) and makes the database the window opens.
"$root/usr/bin/rapporteur" --version | grep -q '^rapporteur ' || fail "usr/bin/rapporteur is not the CLI"
db=$out/check.db
event=$("$root/usr/bin/rapporteur" --db "$db" demo)
session=$("$root/usr/bin/rapporteur" --db "$db" agenda --event "$event" --json |
  python3 -c 'import json,sys; a=json.load(sys.stdin); print(next(s["id"] for d in a["days"] for s in d["sessions"] if s["kind"]=="working"))')

CHECK_DEB_INNER=1 dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
  "$0" "$root" "$db" "$event $session"
echo "check-deb: ok — the packaged window opened its session view (screenshot: ${out#"$PWD"/}/window.png)"
