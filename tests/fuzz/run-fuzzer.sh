#!/usr/bin/env bash
# Runs one libFuzzer harness for a bounded time: first every seed of its corpus, then mutations for
# FUZZ_SECONDS (default 30). New inputs go to a temporary directory, never into the repository's
# corpus. A crash, a sanitizer report, a leak, a timeout or running out of memory fails the run; the
# input that did it is kept in FUZZ_ARTIFACTS (default: fuzz-artifacts/ beside the harness) and
# printed with the command that reproduces it.
# Usage: run-fuzzer.sh <harness> <seed corpus dir> [dictionary]
set -euo pipefail

bin=$1
seeds=$2
dict=${3:-}
seconds=${FUZZ_SECONDS:-30}
name=$(basename "$bin")
artifacts=${FUZZ_ARTIFACTS:-$(dirname "$bin")/fuzz-artifacts}/$name

work=$(mktemp -d "${TMPDIR:-/tmp}/eryxon-$name.XXXXXX")
# shellcheck disable=SC2317  # invoked by the trap
cleanup() { rm -rf "$work" || true; }
trap cleanup EXIT
rm -rf "$artifacts"
mkdir -p "$work/corpus" "$artifacts"

args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048
      -print_final_stats=1 -artifact_prefix="$artifacts/")
[[ -n "$dict" ]] && args+=(-dict="$dict")
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

echo "fuzz: $name for ${seconds}s over $(find "$seeds" -type f | wc -l) seeds${dict:+ with $(basename "$dict")}"
rc=0
"$bin" "${args[@]}" "$work/corpus" "$seeds" >"$work/log" 2>&1 || rc=$?

if [[ $rc -ne 0 ]]; then
  # The report (sanitizer output, stack) is at the end of the log.
  tail -n 120 "$work/log"
  echo
  echo "FUZZ FAILURE: $name exited with $rc"
  found=0
  for f in "$artifacts"/*; do
    [[ -f "$f" ]] || continue
    found=1
    echo "  reproducer: $f ($(stat -c %s "$f") bytes)"
    echo "  reproduce:  $bin $f"
    echo "  input (first 512 bytes):"
    head -c 512 "$f" | od -A d -c | sed 's/^/    /' | head -n 40
  done
  [[ $found -eq 1 ]] || echo "  (no reproducer was written; see the log above)"
  echo "  Fix the code, then add the reproducer to $seeds/ so it is replayed on every run."
  exit 1
fi

# One line of figures: executions, coverage, corpus growth.
grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$work/log" | tr '\n' ' ' || true
grep -E '^#[0-9]+\s+DONE' "$work/log" | tail -n 1 || true
echo "fuzz: $name passed ($(find "$work/corpus" -type f | wc -l) new inputs, discarded)"
