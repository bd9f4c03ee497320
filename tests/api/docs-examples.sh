#!/usr/bin/env bash
# The newcomer's docs, checked against a served demo shop: links stay in the repository, the field
# table and example bodies of docs/api.md match the server, the realtime example of docs/realtime.md
# runs as printed (tests/api/docs-examples.mjs). Usage: docs-examples.sh SERVER SOURCE_DIR
set -euo pipefail
ROOT=$2
source "$(dirname "${BASH_SOURCE[0]}")/serve-helper.sh" "$1"
KEY=$("$SERVER" keys create --name docs --scope admin --db "$DB")
node "$ROOT/tests/api/docs-examples.mjs" "$ROOT" "$BASE" "$KEY"
