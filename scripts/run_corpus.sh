#!/usr/bin/env bash
# The main job: extract every page of the stored corpus (the seed page first)
# and print title / date / author and the first lines of text per page, then
# a one-line summary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >&2
exec "${PYTHON:-python3}" -m thresher corpus run "$@"
