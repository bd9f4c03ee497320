#!/usr/bin/env bash
# The MCP server through the official TypeScript SDK client over Streamable HTTP and stdio
# (tests/clients/mcp-check.mjs), on a served demo shop whose sandbox twin holds the demo too.
# Usage: mcp-sdk.sh SERVER SOURCE_DIR
set -euo pipefail
ROOT=$2
source "$(dirname "${BASH_SOURCE[0]}")/serve-helper.sh" "$1"
"$SERVER" demo --sandbox --db "$DB" >/dev/null
KEY=$("$SERVER" keys create --name mcp-check --scope admin --db "$DB")
node "$ROOT/tests/clients/mcp-check.mjs" "$BASE" "$KEY" "$SERVER" "$DB"
