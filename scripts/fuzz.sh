#!/usr/bin/env bash
# Fuzzes thresher with libFuzzer under ASan+UBSan.
#
#   scripts/fuzz.sh [SECONDS]        # each fuzzer runs SECONDS (default 60)
#
# Installs clang (and the build dependencies) if missing, builds the fuzz
# targets with clang into build/fuzz, seeds each fuzzer's corpus from
# corpus/pages/*/page.html.gz (decompressed, cut to 64 KiB), replays the kept
# crash inputs (tests/adversarial/regressions/{extract,decode}-*), then runs
# each fuzzer in turn with the HTML dictionary. The corpus each run grows is
# kept in build/fuzz/corpus/<fuzzer> and reused by the next run.
#
# Environment: FUZZERS="extract decode" (which to run), FUZZ_JOBS (parallel
# build jobs, default 2), FUZZ_EXTRA_ARGS (more libFuzzer flags; to keep
# fuzzing past a known crash: "-fork=1 -ignore_crashes=1 -ignore_timeouts=1").
# Crashes, leaks and timeouts land in build/fuzz/artifacts/; the script exits
# 1 when there is a new one or a kept regression input fails again. Minimise
#   build/fuzz/core/fuzz/<fuzzer> -minimize_crash=1 -runs=10000 ARTIFACT
# and keep the result in tests/adversarial/regressions/ (see its README).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_FUZZER=${1:-60}
FUZZERS=${FUZZERS:-"extract decode"}
JOBS=${FUZZ_JOBS:-2}
BUILD=build/fuzz

# shellcheck source=scripts/apt_install_missing.sh
source scripts/apt_install_missing.sh
apt_install_missing fuzz clang libclang-rt-14-dev cmake ninja-build pkg-config libgumbo-dev \
  libre2-dev nlohmann-json3-dev libuchardet-dev libcld2-dev

echo "== build ($BUILD, clang, ASan+UBSan, libFuzzer)"
mkdir -p "$BUILD/logs"
CC=clang CXX=clang++ cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTHRESHER_BUILD_FUZZ=ON -DTHRESHER_SANITIZE=address,undefined >/dev/null
if ! cmake --build "$BUILD" -j "$JOBS" --target extract_fuzzer decode_fuzzer \
    >"$BUILD/logs/build.log" 2>&1; then
  tail -40 "$BUILD/logs/build.log"
  exit 2
fi

echo "== seed corpora"
python3 - "$BUILD" <<'PY'
import gzip, pathlib, sys
build = pathlib.Path(sys.argv[1])
pages = sorted(pathlib.Path("corpus/pages").glob("*/page.html.gz"))
limit = 64 * 1024
for name in ("extract", "decode"):
    seeds = build / "seeds" / name
    seeds.mkdir(parents=True, exist_ok=True)
    (build / "corpus" / name).mkdir(parents=True, exist_ok=True)
    for i, page in enumerate(pages):
        out = seeds / (page.parent.name + ".html")
        data = gzip.decompress(page.read_bytes())[:limit]
        if name == "extract":
            # extract_fuzzer reads 4 option bytes first (see extract_fuzzer.cc):
            # mostly default limits with varied flags, URLs and output formats,
            # every 7th page with small limits so the truncation paths get
            # seeds too.
            small = 0x20 if i % 7 == 0 else 0
            header = bytes([(i % 32) | 0x40 | small, i % 8 + (16 if small else 0),
                            (64 if small else 0) + (i // 3) % 16, 0x4B if small else 0])
            data = header + data
        out.write_bytes(data)
    print(f"fuzz: {name}: {len(list(seeds.iterdir()))} seeds in {seeds}")
PY

mkdir -p "$BUILD/artifacts"
before=$(find "$BUILD/artifacts" -type f | wc -l)
status=0

echo "== replay tests/adversarial/regressions"
for f in $FUZZERS; do
  shopt -s nullglob
  inputs=(tests/adversarial/regressions/"$f"-*)
  shopt -u nullglob
  ((${#inputs[@]})) || continue
  for input in "${inputs[@]}"; do
    if ASAN_OPTIONS=detect_leaks=1 "$BUILD/core/fuzz/${f}_fuzzer" -runs=1 \
        -artifact_prefix="$BUILD/artifacts/replay-" "$input" >"$BUILD/logs/replay.log" 2>&1; then
      echo "ok      $input"
    else
      echo "FAILS   $input: $(grep -m1 -E "contract violated|ERROR:|runtime error" "$BUILD/logs/replay.log")"
      status=1
    fi
  done
done
for f in $FUZZERS; do
  echo "== ${f}_fuzzer for ${SECONDS_PER_FUZZER}s"
  log="$BUILD/logs/${f}.log"
  # shellcheck disable=SC2086
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "$BUILD/core/fuzz/${f}_fuzzer" -dict=core/fuzz/html.dict \
    -max_total_time="$SECONDS_PER_FUZZER" -max_len=131072 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$BUILD/artifacts/${f}-" ${FUZZ_EXTRA_ARGS:-} \
    "$BUILD/corpus/$f" "$BUILD/seeds/$f" >"$log" 2>&1 || status=1
  # Plain mode prints INITED/DONE lines and final stats; -fork mode "#N: cov:" lines.
  grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)" "$log" | tail -2 || true
  grep -E "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)" "$log" || true
  grep -E "^#[0-9]+: cov:" "$log" | tail -1 || true
  echo "corpus: $(find "$BUILD/corpus/$f" -type f | wc -l) files in $BUILD/corpus/$f"
  if grep -qE "ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|contract violated" "$log"; then
    echo "!! ${f}_fuzzer found a problem; see $log"
    grep -E "ERROR:|runtime error:|contract violated|^artifact_prefix|Test unit written" "$log" | head -5
    status=1
  fi
done
after=$(find "$BUILD/artifacts" -type f | wc -l)
echo "== artifacts: $((after - before)) new, $after total in $BUILD/artifacts"
exit $status
