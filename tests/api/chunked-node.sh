#!/usr/bin/env bash
# A chunked request body from Node's http.request (what Node, Java streaming clients and Go send for
# a body of unknown length) creates a job like any other POST. Usage: chunked-node.sh SERVER SOURCE_DIR
set -euo pipefail
ROOT=$2
source "$(dirname "${BASH_SOURCE[0]}")/serve-helper.sh" "$1"
KEY=$("$SERVER" keys create --name chunked --db "$DB")
out=$(node "$ROOT/tests/clients/chunked-post.mjs" "$BASE" "$KEY" CHUNKED-1)
echo "$out"
echo "$out" | jq -e '.status == 201 and .body.data.job.job_number == "CHUNKED-1"' >/dev/null
# Node really sent it chunked (no Content-Length).
echo "$out" | jq -e '.chunked == true' >/dev/null
curl -sf -H "Authorization: Bearer $KEY" "$BASE/api/v1/jobs?job_number=CHUNKED-1" | jq -e '.data.jobs | length == 1' >/dev/null
echo "chunked POST from node: ok"
