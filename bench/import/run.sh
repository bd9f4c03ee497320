#!/usr/bin/env bash
# CSV import benchmark (bench/README.md). A: `eryxon-server import` of OPS operations (default
# 100,000) with their cells, jobs and parts, on SQLite: wall time and peak resident memory of each
# command, against sqlite3's own `.import` of the same operations CSV into a plain table in the same
# run. B: a file of SIZE_MB (default 200) MiB of operations whose notes fill it, imported the same
# way: its peak memory against the command's own (`status`) and against A's.
# Usage: bench/import/run.sh [BUILD_DIR]   (default build/release; OPS=…, SIZE_MB=… to change)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
BUILD=${1:-build/release}
SERVER=$BUILD/app/server/eryxon-server
[[ -x $SERVER ]] || { echo "no $SERVER: build first (scripts/build.sh)"; exit 2; }
for tool in sqlite3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "needs $tool (scripts/install-deps.sh installs it)"; exit 2; }
done
OPS=${OPS:-100000}
SIZE_MB=${SIZE_MB:-200}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# The shop's files: 10 cells, a job per 100 operations, a part per 10, and B's large file.
python3 - "$WORK" "$OPS" "$SIZE_MB" <<'PY'
import sys
work, ops, size_mb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
cells = [f"Cell {c}" for c in range(10)]
with open(f"{work}/cells.csv", "w") as f:
    f.write("external_id,external_source,name,sequence\n")
    for c, name in enumerate(cells):
        f.write(f"C{c},bench,{name},{c + 1}\n")
with open(f"{work}/jobs.csv", "w") as f:
    f.write("external_id,external_source,job_number,customer,due_date\n")
    for j in range(ops // 100):
        f.write(f"J{j},bench,WO-{j:06d},Customer {j % 97},2027-{1 + j % 12:02d}-15\n")
with open(f"{work}/parts.csv", "w") as f:
    f.write("external_id,external_source,part_number,job_external_id,material,quantity\n")
    for p in range(ops // 10):
        f.write(f"P{p},bench,PN-{p:07d},J{p // 10},S235 {1 + p % 5} mm,{1 + p % 20}\n")
head = "external_id,external_source,operation_name,part_external_id,cell_name,sequence,estimated_time_minutes,notes\n"
with open(f"{work}/operations.csv", "w") as f:
    f.write(head)
    for o in range(ops):
        f.write(f"O{o},bench,Step {o % 10},P{o // 10},{cells[o % 10]},{o % 10 + 1},{5 + o % 55},routing note {o}\n")
# B: new operations of the same parts, each with a note of about 2 KB, until the file has size_mb MiB.
filler = "Check the drawing before cutting; " * 56
with open(f"{work}/large.csv", "w") as f:
    f.write(head)
    written, o = len(head), 0
    while written < size_mb << 20:
        row = f"L{o},bench,Extra {o % 10},P{(o // 10) % (ops // 10)},{cells[o % 10]},{o % 10 + 11},{5 + o % 55},\"{o}: {filler}\"\n"
        f.write(row)
        written += len(row)
        o += 1
print(f"large.csv: {o} operations, {written >> 20} MiB", file=sys.stderr)
PY

# wall seconds, CPU seconds (user + system) and peak RSS in KiB of one command; its stdout in
# $WORK/out, stderr in $WORK/err
measure() {
  /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" "$@" >"$WORK/out" 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
  local user sys
  read -r SECS user sys KIB <"$WORK/time"
  CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
}

DB=$WORK/shop.db
printf 'bench password\n' >"$WORK/pw"
"$SERVER" init --shop Bench --admin admin --password-file "$WORK/pw" --db "$DB" >/dev/null
"$SERVER" settings set plan enterprise --db "$DB" >/dev/null
measure "$SERVER" status --db "$DB"
IDLE_KIB=$KIB

echo "machine: $(nproc) cores, $(awk '/model name/ {sub(/.*: /, ""); print; exit}' /proc/cpuinfo), $(sqlite3 --version | cut -d' ' -f1-2)"
printf '| step | rows | file | wall | CPU | rows/s (wall) | peak RSS | over `status` |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n'
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
row() { # name, file
  local rows size
  rows=$(($(wc -l <"$2") - 1))
  size=$(du -m "$2" | cut -f1)
  printf '| %s | %s | %s MiB | %.2f s | %.2f s | %.0f | %s MiB | %s MiB |\n' "$1" "$rows" "$size" "$SECS" "$CPU" \
    "$(awk -v r="$rows" -v s="$SECS" 'BEGIN { print r / (s > 0 ? s : 0.01) }')" "$(mib "$KIB")" "$(mib $((KIB - IDLE_KIB)))"
}
printf '| `eryxon-server status` (baseline) | | | %.2f s | %.2f s | | %s MiB | |\n' "$SECS" "$CPU" "$(mib "$IDLE_KIB")"
for entity in cells jobs parts operations; do
  measure "$SERVER" import "$entity" "$WORK/$entity.csv" --db "$DB"
  grep -q ' 0 failed (imported)' "$WORK/out" || { cat "$WORK/out" "$WORK/err" >&2; exit 1; }
  row "import $entity" "$WORK/$entity.csv"
  if [[ $entity == operations ]]; then OPS_SECS=$SECS; OPS_CPU=$CPU; fi
done
measure sqlite3 "$WORK/plain.db" ".import --csv $WORK/operations.csv operations"
SQLITE_SECS=$SECS
SQLITE_CPU=$CPU
row 'sqlite3 `.import` of operations.csv (baseline)' "$WORK/operations.csv"
measure "$SERVER" import operations "$WORK/large.csv" --db "$DB"
grep -q ' 0 failed (imported)' "$WORK/out" || { cat "$WORK/out" "$WORK/err" >&2; exit 1; }
row "B: import operations (large file)" "$WORK/large.csv"
echo
awk -v a="$OPS_SECS" -v b="$SQLITE_SECS" -v c="$OPS_CPU" -v d="$SQLITE_CPU" 'BEGIN {
  printf "operations: wall %.2f s against sqlite3 .import %.2f s (ratio %.1f); CPU %.2f s against %.2f s (ratio %.1f)\n", a, b, a / (b > 0 ? b : 0.01), c, d, c / (d > 0 ? d : 0.01) }'
echo "database after the run: $(du -m "$DB" | cut -f1) MiB"
