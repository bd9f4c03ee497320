#!/usr/bin/env bash
# The curl quick start of docs/api.md, command for command (on a free port instead of 8787).
# Usage: quickstart.sh SERVER
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/serve-helper.sh" "$1"
KEY=$("$SERVER" keys create --name quickstart --db "$DB")
[[ $KEY =~ ^ery_live_[0-9a-f]{32}$ ]] || { echo "keys create printed: $KEY"; exit 1; }

jobs=$(curl -s -H "Authorization: Bearer $KEY" "$BASE/api/v1/jobs?limit=5&sort=due_date&order=asc" \
  | jq -r '.data.jobs[] | "\(.job_number)  \(.status)  \(.customer)"')
echo "$jobs"
[[ $(echo "$jobs" | wc -l) -eq 5 ]]

OP=$(curl -s -H "Authorization: Bearer $KEY" "$BASE/api/v1/operations?status=not_started&limit=1" | jq -r '.data.operations[0].id')
WORKER=$(curl -s -H "Authorization: Bearer $KEY" "$BASE/api/v1/operators?limit=1" | jq -r '.data.operators[0].id')
started=$(curl -s -X POST -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
  -d "{\"operator_id\":\"$WORKER\"}" "$BASE/api/v1/operations/$OP/start" \
  | jq -c '{previous_status: .data.previous_status, new_status: .data.new_status, time_entry_created: .data.time_entry_created}')
echo "$started"
[[ $started == '{"previous_status":"not_started","new_status":"in_progress","time_entry_created":true}' ]]

# A body large enough for curl to send Expect: 100-continue is answered without stalling.
big=$(printf '{"job_number":"QS-BIG","notes":"%s"}' "$(head -c 3000 /dev/zero | tr '\0' 'x')")
code=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X POST -H "Authorization: Bearer $KEY" \
  -H 'Content-Type: application/json' -d "$big" "$BASE/api/v1/jobs")
echo "large POST: $code"
[[ ${code%% *} == 201 ]]
awk -v t="${code##* }" 'BEGIN { exit !(t < 0.9) }'
echo "quickstart ok"

# HTTPS: the same API with a certificate and key (serve --tls-cert/--tls-key).
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/key.pem" -out "$WORK/cert.pem" -days 2 -subj "/CN=127.0.0.1" 2>/dev/null
: >"$WORK/tls.log"
"$SERVER" serve --db "$DB" --port 0 --tls-cert "$WORK/cert.pem" --tls-key "$WORK/key.pem" >"$WORK/tls.log" 2>&1 &
TLS_PID=$!
for _ in $(seq 1 100); do
  TLS_PORT=$(sed -n 's|^REST API on https://127.0.0.1:\([0-9]*\)/api/v1$|\1|p' "$WORK/tls.log"); [[ -n $TLS_PORT ]] && break; sleep 0.1
done
tls=$(curl -s --cacert "$WORK/cert.pem" -H "Authorization: Bearer $KEY" -D "$WORK/tls.headers" "https://127.0.0.1:$TLS_PORT/api/v1/jobs?limit=1" | jq -r '.success')
grep -qi '^strict-transport-security:' "$WORK/tls.headers"
plain=$(curl -s -m 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$TLS_PORT/health" || true)
kill "$TLS_PID"; wait "$TLS_PID" 2>/dev/null || true
echo "https: success=$tls, plain http on the TLS port: ${plain:-none}"
[[ $tls == true && $plain != 200 ]]
echo "tls ok"
