#!/usr/bin/env bash
# Every test: C++ unit tests (plain and under ASan+UBSan with leak checking,
# which includes every corpus page), the threaded tests under TSan, each
# libFuzzer target for 60 s under ASan+UBSan, Python tests (the report test
# renders in Debian's headless chromium), and the corpus regression check
# against the committed baseline.
# THRESHER_SKIP_SANITIZERS=1 skips the sanitizer builds and the fuzz run for a
# quick local run; FUZZ_SECONDS sets the fuzz time per target (default 60).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# shellcheck source=scripts/apt_install_missing.sh
source scripts/apt_install_missing.sh
# chromium renders the report test's page; Java runs the Spark tests.
command -v chromium >/dev/null 2>&1 || apt_install_missing test chromium
command -v java >/dev/null 2>&1 || apt_install_missing test openjdk-17-jre-headless
PY=${PYTHON:-python3}
JOBS=$(nproc)

# The Spark tests need Java (above) and the `spark` extra (its list is read from
# pyproject.toml); THRESHER_REQUIRE_SPARK=1 makes them fail rather than skip if either is missing.
$PY -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["spark"]))' \
  | PIP_ROOT_USER_ACTION=ignore xargs -d '\n' $PY -m pip install -q --disable-pip-version-check
export THRESHER_REQUIRE_SPARK=1

echo "== Self-contained wheel (make wheel; tests/test_wheel.py installs it)"
make wheel PYTHON="$PY"
THRESHER_WHEEL=$(ls dist/thresher-*.whl)
export THRESHER_WHEEL

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

  echo "== Threaded C++ tests under TSan"
  cmake -S . -B build/tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTHRESHER_BUILD_TESTS=ON \
    -DTHRESHER_SANITIZE=thread >/dev/null
  TSAN_TESTS=(batch_stream_test extractor_test corpus_test)
  cmake --build build/tsan -j "$JOBS" --target "${TSAN_TESTS[@]}"
  for t in "${TSAN_TESTS[@]}"; do
    TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 "build/tsan/core/tests/$t" --gtest_brief=1
  done

  echo "== Fuzzing (libFuzzer, ASan+UBSan)"
  scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
fi

echo "== Python tests"
$PY -m pytest -q tests

echo "== Corpus check against the baseline"
$PY -m thresher corpus check
