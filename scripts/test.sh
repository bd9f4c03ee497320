#!/usr/bin/env bash
# The whole suite: dependencies, release build (tests + bench are in the default
# build), a throwaway PostgreSQL for the `postgres` label, then every ctest label
# (unit, integration, clients, postgres). Exits with ctest's exit code.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

banner() { printf '\n==== %s ====\n' "$*"; }

banner "1/4 dependencies"
bash scripts/install-deps.sh

banner "2/4 build (release)"
bash scripts/build.sh release

banner "3/4 PostgreSQL test server"
PGDIR=$(mktemp -d)
# Stop the server however we leave (success, test failure, Ctrl-C); the data is
# disposable so the directory goes too. Never let cleanup change the exit code.
# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
  bash "$ROOT/scripts/pg-test-server.sh" stop "$PGDIR" >/dev/null 2>&1 || true
  rm -rf "$PGDIR" || true
}
trap cleanup EXIT
bash scripts/pg-test-server.sh start "$PGDIR"

export ERYXON_PG_URL
ERYXON_PG_URL=$(bash scripts/pg-test-server.sh url "$PGDIR")
# Widgets tests must not need a display.
export QT_QPA_PLATFORM=offscreen

banner "4/4 ctest (all labels)"
rc=0
ctest --test-dir build/release --output-on-failure -j2 --timeout 600 || rc=$?

banner "ctest exit code: $rc"
exit "$rc"
