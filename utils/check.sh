#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs every test
# (the lit suite and each unit test) under ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
utils/setup.sh
utils/build.sh
ctest --test-dir "${COREAI_BUILD_DIR:-build}" --output-on-failure -j 2
