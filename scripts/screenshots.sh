#!/usr/bin/env bash
# Takes the pictures in docs/screenshots: every main panel of the desktop, light and dark, on a
# fresh demo shop at 1280x800, and a few panels in Dutch and German (light). Usage: scripts/screenshots.sh [BUILD_DIR] (default build/release).
# Runs under Xvfb when xvfb-run is installed (real fonts and an X server, as users see it), else
# on Qt's offscreen platform. PNGs are shrunk with optipng when it is installed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build/release}"
desktop="$build/app/desktop/eryxon"
out="$root/docs/screenshots"
pages=(dashboard jobs workqueue quality cells integrations data activity)
themes=(light dark)
# The translated panels: PAGE-LANGUAGE.png.
translated_pages=(dashboard jobs workqueue)
languages=(nl de)

if [[ ! -x "$desktop" ]]; then
  echo "screenshots: no desktop program at $desktop (build the eryxon target first)" >&2
  exit 1
fi
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# A settings folder of its own: the user's saved window size and desktop theme stay out of it.
export XDG_CONFIG_HOME="$tmp/config"
# Dates and numbers as in the README's English.
export LANG=C.UTF-8 LC_ALL=C.UTF-8

run() {
  if command -v xvfb-run >/dev/null 2>&1; then
    xvfb-run -a -s "-screen 0 1920x1080x24" "$@"
  else
    QT_QPA_PLATFORM=offscreen "$@"
  fi
}

shoot() {
  local png="$1"
  shift
  # A fresh database each time: every picture shows the demo shop as it is loaded.
  rm -f "$tmp"/shop.db*
  run "$desktop" --db "$tmp/shop.db" --demo --no-api --screenshot "$png" "$@"
  if command -v optipng >/dev/null 2>&1; then
    optipng -quiet -o2 -strip all "$png"
  fi
  echo "screenshots: $png ($(( $(stat -c %s "$png") / 1024 )) KB)"
}

for theme in "${themes[@]}"; do
  for page in "${pages[@]}"; do
    shoot "$out/$page-$theme.png" --page "$page" --theme "$theme" --language en
  done
done
for language in "${languages[@]}"; do
  for page in "${translated_pages[@]}"; do
    shoot "$out/$page-$language.png" --page "$page" --theme light --language "$language"
  done
done
# The floor terminal (--terminal): its PIN login, a cell's queues, an operation's detail, its part's drawing and the
# production report, at a common terminal size and full HD: terminal-SCREEN-WxH.png.
terminal_screens=(login queues detail drawing report)
terminal_sizes=(1280x800 1920x1080)
for size in "${terminal_sizes[@]}"; do
  for screen in "${terminal_screens[@]}"; do
    shoot "$out/terminal-$screen-$size.png" --terminal --terminal-screen "$screen" --screenshot-size "$size" --theme light --language en
  done
done
# ... and in Dutch and German at the common terminal size: terminal-SCREEN-LANGUAGE.png.
for language in "${languages[@]}"; do
  for screen in login queues detail report; do
    shoot "$out/terminal-$screen-$language.png" --terminal --terminal-screen "$screen" --screenshot-size 1280x800 --theme light --language "$language"
  done
done
