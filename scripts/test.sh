#!/usr/bin/env bash
# Every test: C++ unit tests (plain and under ASan+UBSan) and Python tests.
# THRESHER_SKIP_SANITIZERS=1 skips the sanitizer build for a quick local run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
PY=${PYTHON:-python3}
JOBS=$(nproc)

echo "== C++ unit tests"
cmake -S . -B build/tests -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTHRESHER_BUILD_TESTS=ON >/dev/null
cmake --build build/tests -j "$JOBS"
ctest --test-dir build/tests --output-on-failure -j "$JOBS"

if [ "${THRESHER_SKIP_SANITIZERS:-0}" != "1" ]; then
  echo "== C++ unit tests under ASan+UBSan"
  cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTHRESHER_BUILD_TESTS=ON \
    -DTHRESHER_SANITIZE=address,undefined >/dev/null
  cmake --build build/asan -j "$JOBS"
  ASAN_OPTIONS=detect_leaks=1 ctest --test-dir build/asan --output-on-failure -j "$JOBS"
fi

echo "== Python tests"
$PY -m pytest -q tests
