#!/usr/bin/env bash
# REST API benchmark (bench/README.md): eryxon-server on SQLite with the demo shop grown to 130 jobs,
# key auth and the per-key rate limiter on, 50 keep-alive connections from wrk, 10 s per route:
# /health (the bare front end, the baseline), GET one job, list 100 jobs, POST create job.
# Usage: bench/api/run.sh [BUILD_DIR]   (default build/release; wrk is installed when missing)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
BUILD=${1:-build/release}
SERVER=$BUILD/app/server/eryxon-server
[[ -x $SERVER ]] || { echo "no $SERVER: build first (scripts/build.sh)"; exit 2; }
if ! command -v wrk >/dev/null; then
  SUDO=(); [[ $(id -u) -ne 0 ]] && SUDO=(sudo)
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null
fi
DURATION=${DURATION:-10s}
WORK=$(mktemp -d)
cleanup() { [[ -n ${PID:-} ]] && kill "$PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

DB=$WORK/shop.db
"$SERVER" demo --db "$DB" >/dev/null
KEY=$("$SERVER" keys create --name bench --db "$DB")
# The demo shop is on the pro plan (1,000 requests a minute per key); the benchmark needs a limit it
# never reaches, but the limiter still has to run. There is no command for tenant settings, so the
# harness sets the tenant's override directly.
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('UPDATE tenants SET rate_limit_per_minute = 60000000'); c.commit()" "$DB"
: >"$WORK/serve.log" # exists before the server writes it, for the sed below
"$SERVER" serve --db "$DB" --port 0 >"$WORK/serve.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do
  PORT=$(sed -n 's|^REST API on http://127.0.0.1:\([0-9]*\)/api/v1$|\1|p' "$WORK/serve.log"); [[ -n $PORT ]] && break; sleep 0.1
done
BASE=http://127.0.0.1:$PORT
AUTH="Authorization: Bearer $KEY"
# 100 more jobs through bulk-sync, so a list of 100 is full.
items=$(python3 -c 'import json; print(json.dumps({"items":[{"external_id":f"B{i}","external_source":"bench","job_number":f"BULK-{i:03d}","customer":"Bench"} for i in range(100)]}))')
curl -sf -H "$AUTH" -H 'Content-Type: application/json' -d "$items" "$BASE/api/v1/jobs/bulk-sync" >/dev/null
JOB=$(curl -sf -H "$AUTH" "$BASE/api/v1/jobs?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["jobs"][0]["id"])')
TOTAL=$(curl -sf -H "$AUTH" "$BASE/api/v1/jobs?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["pagination"]["total"])')

# One wrk thread: the server is single-threaded on a 2-core machine, so wrk gets the other core.
run() { # name, wrk args...
  local name=$1; shift
  local out; out=$(wrk -t1 -c50 -d"$DURATION" --latency "$@")
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $5} /Socket errors/ {print "socket:" $0}' <<<"$out" | tr '\n' ' ')
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}"
}
{
  run health "$BASE/health"
  run get_job -H "$AUTH" "$BASE/api/v1/jobs/$JOB"
  run list_100_jobs -H "$AUTH" "$BASE/api/v1/jobs?limit=100"
  run create_job -H "$AUTH" -s bench/api/create-job.lua "$BASE/api/v1/jobs"
} >"$WORK/results.tsv"

echo "machine: $(nproc) cores, $(awk '/model name/ {sub(/.*: /, ""); print; exit}' /proc/cpuinfo); jobs in the shop before the POST run: $TOTAL"
base=$(awk -F'\t' '$1 == "health" {print $2}' "$WORK/results.tsv")
printf '| route | req/s | p50 | p99 | vs /health | non-2xx |\n| --- | --- | --- | --- | --- | --- |\n'
while IFS=$'\t' read -r name rps p50 p99 errors; do
  ratio=$(awk -v a="$rps" -v b="$base" 'BEGIN { printf "%.2f", a / b }')
  printf '| %s | %.0f | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "$ratio" "$errors"
done <"$WORK/results.tsv"
