#!/usr/bin/env bash
# Throwaway PostgreSQL server for the `postgres`-labelled tests.
#
#   scripts/pg-test-server.sh start DIR   initdb (first time) + start; writes DIR/url
#   scripts/pg-test-server.sh url   DIR   prints postgresql://eryxon:eryxon@127.0.0.1:PORT/eryxon_test
#   scripts/pg-test-server.sh stop  DIR   pg_ctl stop -m fast (data is left in DIR)
#
# Everything (data, unix socket, log) lives inside DIR; the server listens on a
# free loopback port only, with trust auth, and durability switched off because
# the data is disposable. Works as root (server runs as the `postgres` system
# user, because postgres refuses to run as root) and as a normal user.
set -euo pipefail

usage() { echo "usage: $0 start|stop|url DIR" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
cmd=$1
case "$cmd" in start|stop|url) ;; *) usage ;; esac
[[ -n "$2" ]] || usage
if [[ "$cmd" == start ]]; then mkdir -p "$2"; fi
[[ -d "$2" ]] || { echo "pg-test-server: no such directory: $2" >&2; exit 1; }
DIR=$(cd "$2" && pwd)   # absolute: the path ends up in postgresql.conf
DATA=$DIR/data
SOCK=$DIR/sock
LOG=$DIR/postgres.log

die() { echo "pg-test-server: $*" >&2; exit 1; }

# Highest installed server version (Debian: /usr/lib/postgresql/<ver>/bin).
find_bindir() {
  local d best=""
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x "$d/pg_ctl" ]] || continue
    if [[ -z "$best" || "${d//[!0-9]/}" -gt "${best//[!0-9]/}" ]]; then best=$d; fi
  done
  [[ -n "$best" ]] || best=$(dirname "$(command -v pg_ctl 2>/dev/null || true)")
  [[ -x "$best/pg_ctl" ]] || die "no PostgreSQL server binaries found (apt-get install postgresql)"
  echo "$best"
}
BIN=$(find_bindir)

# Server-side commands must not run as root: drop to `postgres` when we are root.
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user"
  AS_PG=(runuser -u postgres --)
else
  AS_PG=()
fi
pg() { ( cd "$DIR" && "${AS_PG[@]}" "$@" ); }   # cd: avoid "cannot access cwd" warnings

# Ask the kernel for a free loopback port (bind to port 0); fall back to
# probing random high ports with bash's /dev/tcp when python3 is missing.
free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local p _
  for _ in $(seq 1 100); do
    p=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  die "could not find a free port"
}

running() { [[ -f "$DATA/postmaster.pid" ]] && pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

url_for() { echo "postgresql://eryxon:eryxon@127.0.0.1:$1/eryxon_test"; }

do_init() {
  mkdir -p "$DATA" "$SOCK"
  if [[ $(id -u) -eq 0 ]]; then
    chown -R postgres: "$DIR"
    # The postgres user must be able to reach DIR through its parents.
    runuser -u postgres -- test -w "$DIR" \
      || die "user 'postgres' cannot write $DIR (a parent directory is not traversable?)"
  fi
  chmod 700 "$DATA"
  # Superuser named `postgres` regardless of who runs us, so the setup below is uniform.
  pg "$BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
  # Only loopback TCP (and the private socket inside DIR) may connect.
  pg tee "$DATA/pg_hba.conf" >/dev/null <<HBA
# throwaway test server: trust, loopback only
local all all              trust
host  all all 127.0.0.1/32 trust
HBA
  pg tee -a "$DATA/postgresql.conf" >/dev/null <<CONF

# --- pg-test-server.sh: disposable test server ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$SOCK'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
}

do_start() {
  if running; then
    echo "pg-test-server: already running: $(cat "$DIR/url")"
    return
  fi
  [[ -f "$DATA/PG_VERSION" ]] || do_init

  # The port is chosen now and passed on the command line; retry a few times in
  # case another process grabs it between the probe and the server's bind.
  local port="" attempt
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if pg "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -o "-p $port" -w -t 60 start >/dev/null; then
      break
    fi
    port=""
    echo "pg-test-server: start attempt $attempt failed, retrying" >&2
  done
  [[ -n "$port" ]] || { tail -n 30 "$LOG" >&2 || true; die "could not start PostgreSQL"; }
  echo "$port" >"$DIR/port"

  local _
  for _ in $(seq 1 60); do
    "$BIN/pg_isready" -q -h 127.0.0.1 -p "$port" && break
    sleep 0.5
  done
  "$BIN/pg_isready" -q -h 127.0.0.1 -p "$port" || { tail -n 30 "$LOG" >&2 || true; die "server not ready"; }

  # Role + database, idempotent so a restarted DIR keeps working.
  local psql=("$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres)
  "${psql[@]}" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'eryxon') THEN
    CREATE ROLE eryxon LOGIN SUPERUSER PASSWORD 'eryxon';
  END IF;
END $$;
SQL
  if [[ -z $("${psql[@]}" -tA -c "SELECT 1 FROM pg_database WHERE datname = 'eryxon_test'") ]]; then
    "${psql[@]}" -c "CREATE DATABASE eryxon_test OWNER eryxon"
  fi

  url_for "$port" >"$DIR/url"
  chmod 644 "$DIR/url"
  echo "pg-test-server: ready: $(cat "$DIR/url")"
}

do_stop() {
  if running; then
    pg "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    echo "pg-test-server: stopped"
  else
    echo "pg-test-server: not running"
  fi
}

case "$cmd" in
  start) do_start ;;
  stop)  do_stop ;;
  url)   [[ -f "$DIR/url" ]] || die "no url in $DIR (not started?)"; cat "$DIR/url" ;;
  *)     usage ;;
esac
