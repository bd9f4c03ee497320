#!/usr/bin/env bash
# Configures and builds one CMake preset (see CMakePresets.json: dev, release, asan, fuzz).
# Binary dir is build/<preset>. Tests and benchmarks are part of the default build.
# Usage: scripts/build.sh [preset]   (default: release)
set -euo pipefail

preset=${1:-release}
cd "$(dirname "${BASH_SOURCE[0]}")/.."

case "$preset" in
  dev|release|asan|fuzz) ;;
  *) echo "build.sh: unknown preset '$preset' (dev, release, asan, fuzz)" >&2; exit 2 ;;
esac

# ccache makes repeated builds (CI reruns, test.sh after a small edit) cheap.
launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi

cmake --preset "$preset" "${launcher[@]}"
# -j2: the build machines are small; Qt/moc-heavy TUs use a lot of memory.
cmake --build --preset "$preset" -j2
