#!/usr/bin/env bash
# Installs everything needed to build, test and run Eryxon on Debian 12.
# Idempotent: when every package is already installed apt is skipped entirely,
# so the test/run scripts can call this on every run at almost no cost.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # the libFuzzer harnesses (tests/fuzz): clang, its libFuzzer/sanitizer runtimes, llvm-symbolizer
  clang libclang-rt-14-dev llvm
  # Qt 6 (core, network, sql drivers, http server, websockets, charts, svg icons, PDF drawings and
  # the issue photo's camera on the floor terminal, translations)
  qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-httpserver-dev qt6-charts-dev qt6-svg-dev qt6-pdf-dev qt6-multimedia-dev
  qt6-l10n-tools qt6-tools-dev libqt6sql6-sqlite libqt6sql6-psql libgl-dev
  # third-party libraries linked by the engine
  nlohmann-json3-dev libsqlite3-dev libmosquitto-dev libsodium-dev libzip-dev libcsv-dev libjemalloc-dev
  libssl-dev
  # servers used by integration tests, headless GUI tests, Node client tests
  mosquitto postgresql xvfb xauth nodejs npm openssl
  # the API quick start test drives curl and jq, as docs/api.md does
  curl jq
  # bench/import: sqlite3's own .import is the baseline, GNU time reads the peak memory
  sqlite3 time
  # scripts/screenshots.sh shrinks the PNGs it writes
  optipng
)

# A package counts as present only when dpkg reports it fully installed
# ("install ok installed"); half-configured or removed-with-config does not.
missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  if [[ "$status" == "install ok installed" ]]; then continue; fi
  # The machine's Node.js may be a nodesource `nodejs` package, which bundles
  # npm and Conflicts with Debian's `npm`: a working npm next to it is enough.
  if [[ "$pkg" == npm ]] && command -v npm >/dev/null 2>&1; then continue; fi
  missing+=("$pkg")
done

# The official npm clients the tests drive (tests/clients, pinned by package-lock.json). npm ci
# only when the lock file changed since the last install, so repeated runs stay fast.
install_test_clients() {
  local dir stamp want
  dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/clients"
  [[ -f "$dir/package-lock.json" ]] || return 0
  stamp="$dir/node_modules/.eryxon-lock.sha256"
  want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    echo "install-deps: test clients up to date"
    return 0
  fi
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
  echo "install-deps: test clients installed"
}

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  install_test_clients
  exit 0
fi

echo "install-deps: missing: ${missing[*]}"

# apt needs root; use sudo when invoked by a normal user.
SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "install-deps: not root and sudo is not available" >&2
    exit 1
  fi
fi

"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
# Only the missing ones: re-requesting installed packages could make apt try to
# replace locally provided ones (e.g. nodesource's nodejs) with Debian's.
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y "${missing[@]}"
install_test_clients
echo "install-deps: done"
