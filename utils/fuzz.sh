#!/usr/bin/env bash
# Fuzzes the parser and every pass for MINUTES minutes (default 5) with
# libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer:
#   utils/fuzz.sh MINUTES [libFuzzer flags...]
# Builds the sanitizer configuration (build-sanitize/), writes the seed
# corpus from the lit tests, keeps the growing corpus in
# build-sanitize/fuzz/corpus and any crashing input in
# build-sanitize/fuzz/crashes/. Exits non-zero on a crash, a hang (30 s), a
# sanitizer report or more than 4 GB of memory.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-5}
shift || true
utils/setup.sh
COREAI_SANITIZE=1 utils/build.sh >/dev/null
build=build-sanitize
[ -n "${COREAI_BUILD_DIR:-}" ] && build=$COREAI_BUILD_DIR
work=$build/fuzz
rm -rf "$work/seeds"
mkdir -p "$work/corpus" "$work/crashes"
python3 utils/fuzz_seeds.py --opt "$build/bin/coreai-opt" --out "$work/seeds" test
echo "fuzz: $minutes minute(s); corpus $work/corpus, crashes in $work/crashes"
"$build/bin/coreai-fuzz" "$work/corpus" "$work/seeds" \
  -max_total_time=$((minutes * 60)) -timeout=30 -rss_limit_mb=4096 \
  -max_len=65536 -artifact_prefix="$work/crashes/" -print_final_stats=1 \
  "$@" 2>&1 | grep -v -E '^#[0-9]+.*(NEW|REDUCE|pulse)' || exit "${PIPESTATUS[0]}"
