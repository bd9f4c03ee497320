#!/usr/bin/env bash
# The whole suite: dependencies, release build (tests + bench are in the default
# build), the libFuzzer harnesses (build/fuzz), a throwaway PostgreSQL for the
# `postgres` label, every ctest label (unit, integration, api, ui, clients, postgres), then
# each fuzz harness for FUZZ_SECONDS (default 30; label `fuzz` of build/fuzz).
# Exits non-zero when either ctest run fails.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

banner() { printf '\n==== %s ====\n' "$*"; }

banner "1/6 dependencies"
bash scripts/install-deps.sh

banner "2/6 build (release)"
bash scripts/build.sh release

banner "3/6 build (fuzz harnesses)"
bash scripts/build.sh fuzz

banner "4/6 PostgreSQL test server"
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

banner "5/6 ctest (all labels)"
rc=0
ctest --test-dir build/release --output-on-failure -j2 --timeout 600 || rc=$?

# Each harness replays its seed corpus, then mutates for FUZZ_SECONDS; a finding fails
# its test and prints the reproducer (tests/fuzz/README.md).
export FUZZ_SECONDS=${FUZZ_SECONDS:-30}
banner "6/6 fuzz harnesses (${FUZZ_SECONDS} s each)"
frc=0
ctest --test-dir build/fuzz -L fuzz --output-on-failure -j2 --timeout 900 || frc=$?

banner "ctest exit code: $rc (suite), $frc (fuzz)"
if [[ $rc -ne 0 ]]; then exit "$rc"; fi
exit "$frc"
