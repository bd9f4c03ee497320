# Sourced by the API shell tests: starts `eryxon-server serve` on a free port over a fresh demo
# database in $WORK and sets BASE; the EXIT trap stops it.
set -euo pipefail
SERVER=$1
WORK=$(mktemp -d)
cleanup() {
  [[ -n ${SERVE_PID:-} ]] && kill "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
DB="$WORK/shop.db"
"$SERVER" demo --db "$DB" >/dev/null
: >"$WORK/serve.log" # exists before the server writes it, for the sed below
"$SERVER" serve --db "$DB" --port 0 >"$WORK/serve.log" 2>&1 &
SERVE_PID=$!
for _ in $(seq 1 100); do
  PORT=$(sed -n 's|^REST API on http://127.0.0.1:\([0-9]*\)/api/v1$|\1|p' "$WORK/serve.log")
  [[ -n $PORT ]] && break
  sleep 0.1
done
[[ -n ${PORT:-} ]] || { echo "serve did not start:"; cat "$WORK/serve.log"; exit 1; }
BASE="http://127.0.0.1:$PORT"
