#!/usr/bin/env bash
# MCP benchmark (bench/README.md): eryxon-server on SQLite with the demo shop plus 60 jobs of one
# part and two operations each; tools/call over Streamable HTTP from 20 concurrent sessions against
# the REST route doing the same work, alternating, in the same run; then memory per idle session.
# Usage: bench/mcp/run.sh [BUILD_DIR]   (needs tests/clients' node_modules: npm ci there)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
BUILD=${1:-build/release}
SERVER=$BUILD/app/server/eryxon-server
[[ -x $SERVER ]] || { echo "no $SERVER: build first (scripts/build.sh)"; exit 2; }
WORK=$(mktemp -d)
cleanup() { [[ -n ${PID:-} ]] && kill "$PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
DB=$WORK/shop.db
"$SERVER" demo --db "$DB" >/dev/null
KEY=$("$SERVER" keys create --name bench --db "$DB")
# A key holds at most 100 sessions: ten keys for the 1,000 idle sessions.
MCP_KEYS=$(for i in $(seq 1 10); do "$SERVER" mcp-keys create --name "bench-$i" --rate-limit 100000 --db "$DB"; done | paste -sd,)
# Neither side may hit its rate limit; the limiters still run.
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('UPDATE tenants SET rate_limit_per_minute = 60000000'); c.commit()" "$DB"
: >"$WORK/serve.log"
"$SERVER" serve --db "$DB" --port 0 >"$WORK/serve.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do
  PORT=$(sed -n 's|^REST API on http://127.0.0.1:\([0-9]*\)/api/v1$|\1|p' "$WORK/serve.log"); [[ -n $PORT ]] && break; sleep 0.1
done
BASE=http://127.0.0.1:$PORT
CELL=$(curl -sf -H "Authorization: Bearer $KEY" "$BASE/api/v1/cells?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["cells"][0]["id"])')
for i in $(seq 1 60); do
  curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -d "{\"job_number\":\"MCPB-$i\",\"parts\":[{\"part_number\":\"MCPB-$i-P\",\"material\":\"S235\",\"operations\":[{\"operation_name\":\"Cut\",\"sequence\":1,\"cell_id\":\"$CELL\"},{\"operation_name\":\"Bend\",\"sequence\":2,\"cell_id\":\"$CELL\"}]}]}" \
    "$BASE/api/v1/jobs" >/dev/null
done
echo "machine: $(nproc) cores, $(awk '/model name/ {sub(/.*: /, ""); print; exit}' /proc/cpuinfo)"
NODE_PATH=tests/clients/node_modules node bench/mcp/mcp-bench.mjs "$BASE" "$KEY" "$MCP_KEYS" "$PID"
