#!/usr/bin/env bash
# "Try the app": dependencies, release build, then the desktop GUI when a display
# is available, otherwise the headless server with the demo shop loaded.
#   ERYXON_DB    database path or postgresql:// URL
#                (default: ~/.local/share/eryxon/shop.db)
#   ERYXON_DEMO  1 = (re)load the demo shop before serving even if the DB exists
# Extra arguments are passed to the desktop app (or to `eryxon-server serve`).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-deps.sh
bash scripts/build.sh release

DB=${ERYXON_DB:-$HOME/.local/share/eryxon/shop.db}
# SQLite: make sure the directory exists (the app creates the file itself).
if [[ "$DB" != *://* ]]; then
  mkdir -p "$(dirname "$DB")"
fi

if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  # --demo: the demo shop on a new database, opened as its admin; any other shop asks who signs in.
  exec build/release/app/desktop/eryxon --db "$DB" --demo "$@"
fi

echo "run.sh: no display (\$DISPLAY/\$WAYLAND_DISPLAY unset): starting the headless server"
SERVER=build/release/app/server/eryxon-server
# Load the demo shop on first start (a new SQLite file) or when asked, so a
# second run does not load it twice into the same database.
if [[ "${ERYXON_DEMO:-}" == 1 || ( "$DB" != *://* && ! -e "$DB" ) ]]; then
  "$SERVER" demo --db "$DB"
fi
exec "$SERVER" serve --db "$DB" "$@"
