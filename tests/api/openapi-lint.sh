#!/usr/bin/env bash
# Lints the OpenAPI document a running eryxon-server serves, with @redocly/cli pinned in
# tests/clients (installed by scripts/install-deps.sh). Usage: openapi-lint.sh SERVER SOURCE_DIR
set -euo pipefail
ROOT=$2
source "$(dirname "${BASH_SOURCE[0]}")/serve-helper.sh" "$1"
curl -sf "$BASE/api/v1/openapi.json" -o "$WORK/openapi.json"
# The recommended ruleset; any error or warning fails the test.
out=$(npx --prefix "$ROOT/tests/clients" redocly lint "$WORK/openapi.json" --format stylish 2>&1) || { echo "$out"; exit 1; }
echo "$out" | grep -v "Deprecation\|Node.js\|║\|╔\|╚" | sed '/^\s*$/d'
if echo "$out" | grep -qE "You have [0-9]+ warning|[0-9]+:[0-9]+ +warning"; then echo "lint warnings"; exit 1; fi
echo "$out" | grep -q "Your API description is valid"
