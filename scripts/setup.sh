#!/usr/bin/env bash
# Installs everything thresher needs on a fresh Debian 12 machine, then the
# package itself. Idempotent: installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/apt_install_missing.sh
source scripts/apt_install_missing.sh
apt_install_missing setup build-essential cmake ninja-build pkg-config zlib1g-dev \
  libgumbo-dev libre2-dev pybind11-dev libgtest-dev libgmock-dev libbenchmark-dev \
  nlohmann-json3-dev libuchardet-dev libcld2-dev

PY=${PYTHON:-python3}
$PY -m pip install -q --disable-pip-version-check "scikit-build-core>=0.10" "pytest>=7" "mypy>=1.8" 2>&1 \
  | grep -v "Running pip as the 'root' user" || true
# Rebuilds incrementally (build/<wheel tag>), so a second run is quick.
$PY -m pip install -q --disable-pip-version-check . 2>&1 \
  | grep -v "Running pip as the 'root' user" || true
$PY -c "import thresher; print('setup: thresher', thresher.__version__, 'installed')"
