#!/usr/bin/env bash
# Second clients against the MCP server: the official conformance suite
# (@modelcontextprotocol/conformance, pinned in tests/clients) for the server scenarios that apply
# to a server with its own tools, and the inspector's CLI (tools/list, one tools/call). The suite's
# client sends no headers, so it goes through mcp-auth-proxy.mjs, which adds the MCP key.
# Usage: mcp-conformance.sh SERVER SOURCE_DIR
set -euo pipefail
ROOT=$2
# The suite needs Node 20 or later (Debian 12's own is 18): skipped, and said so, on older ones.
if (( $(node -p 'process.versions.node.split(".")[0]') < 20 )); then
  echo "SKIP: the MCP conformance suite needs Node.js 20 or later (this is $(node --version))"; exit 77
fi
source "$(dirname "${BASH_SOURCE[0]}")/serve-helper.sh" "$1"
CLIENTS=$ROOT/tests/clients
MCP_KEY=$("$SERVER" mcp-keys create --name conformance --rate-limit 100000 --db "$DB")
: >"$WORK/proxy.log"
node "$CLIENTS/mcp-auth-proxy.mjs" "$BASE" "$MCP_KEY" >"$WORK/proxy.log" 2>&1 &
PROXY_PID=$!
trap 'kill $PROXY_PID 2>/dev/null; cleanup' EXIT
for _ in $(seq 1 50); do PROXY_PORT=$(head -1 "$WORK/proxy.log"); [[ -n $PROXY_PORT ]] && break; sleep 0.1; done
URL="http://127.0.0.1:$PROXY_PORT/mcp"

# Scenarios that apply to a server with its own tools (the rest call the reference server's test
# tools, e.g. test_simple_text, and are listed in docs/mcp.md as not applicable).
scenarios=(server-initialize ping logging-set-level tools-list resources-list prompts-list completion-complete
  server-sse-polling)
failed=0
cd "$WORK"
for s in "${scenarios[@]}"; do
  if out=$(node "$CLIENTS/node_modules/@modelcontextprotocol/conformance/dist/index.js" server --url "$URL" --scenario "$s" 2>&1); then
    echo "conformance $s: passed"
  else
    echo "conformance $s: FAILED"; echo "$out" | tail -30; failed=1
  fi
done

# The inspector's CLI: tools/list and one tools/call, with the key as a header.
INSPECTOR="$CLIENTS/node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js"
list=$(node "$INSPECTOR" --cli "$BASE/mcp" --transport http --header "Authorization: Bearer $MCP_KEY" --method tools/list)
echo "$list" | jq -e '.tools | length >= 55' >/dev/null || { echo "inspector tools/list: $list" | head -c 2000; failed=1; }
call=$(node "$INSPECTOR" --cli "$BASE/mcp" --transport http --header "Authorization: Bearer $MCP_KEY" --method tools/call --tool-name fetch_jobs --tool-arg limit=2)
echo "$call" | jq -e '.structuredContent.jobs | length == 2' >/dev/null || { echo "inspector tools/call: $call" | head -c 2000; failed=1; }
[[ $failed == 0 ]] && echo "inspector CLI: passed"
exit $failed
