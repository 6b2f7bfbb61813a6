#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs every test
# (the lit suite and each unit test) under ctest in two configurations: the
# AddressSanitizer + UndefinedBehaviorSanitizer build (build-sanitize/,
# every report fatal; the plugin tests need the plain build), then a short
# fuzzing run of the parser and every pass (COREAI_FUZZ_MINUTES, default 2;
# 0 skips it), then the release build (build/).
set -euo pipefail
cd "$(dirname "$0")/.."
utils/setup.sh

echo "check: sanitizer build (ASan + UBSan); its lit suite skips test/Plugin" \
  "(the system mlir-opt cannot load an instrumented plugin), the release" \
  "build below runs it"
COREAI_SANITIZE=1 COREAI_BUILD_DIR=build-sanitize utils/build.sh
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-sanitize --output-on-failure -j 2

minutes=${COREAI_FUZZ_MINUTES:-2}
if [ "$minutes" != 0 ]; then
  echo "check: fuzzing for $minutes minute(s)"
  COREAI_BUILD_DIR=build-sanitize utils/fuzz.sh "$minutes" -seed=1
fi

echo "check: release build"
utils/build.sh
ctest --test-dir "${COREAI_BUILD_DIR:-build}" --output-on-failure -j 2
