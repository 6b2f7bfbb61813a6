#!/usr/bin/env bash
# The benchmark command (not a test; numbers depend on the machine):
#   utils/bench.sh [quick]
# 1. Pass time, throughput over the f16 input and SQNR of each compression
#    scheme on one 4096x4096 f16 linear weight, 1 and 2 threads, next to a
#    memcpy of the same bytes (build/bin/coreai-pass-bench).
# 2. End-to-end coreai-opt time and peak memory on a synthetic program of
#    32 such layers (1.07 GB of f16 weights, bytecode) against a plain
#    bytecode round trip of the same program.
# "quick" uses 4 layers instead of 32.
set -euo pipefail
cd "$(dirname "$0")/.."
utils/setup.sh >/dev/null
utils/build.sh >/dev/null
build=${COREAI_BUILD_DIR:-build}
work=${COREAI_BENCH_DIR:-$build/bench}
mkdir -p "$work"
layers=32
[ "${1:-}" = quick ] && layers=4

schemes=(
  'coreai-quantize-weights{dtype=int8}'
  'coreai-quantize-weights{dtype=int4 granularity=per_block}'
  'coreai-quantize-weights{dtype=fp8_e4m3fn}'
  'coreai-quantize-weights{dtype=fp4_e2m1fn granularity=per_block}'
  'coreai-palettize-weights'
  'coreai-palettize-weights{granularity=per_channel}'
  'coreai-palettize-weights{granularity=per_grouped_channel group-size=32}'
  'coreai-palettize-weights{n-bits=8}'
  'coreai-palettize-weights{n-bits=2 cluster-dim=2}'
  'coreai-sparsify-weights'
  'coreai-sparsify-weights{n-m-ratio=2,4}'
  'coreai-sparsify-weights{quantize-dtype=int8}'
)

echo "== passes on one weight"
"$build/bin/coreai-pass-bench" "${schemes[@]}"

echo
echo "== end to end: coreai-opt on a synthetic program of $layers linear layers (4096x4096 f16)"
model="$work/synthetic-$layers.mlirbc"
[ -f "$model" ] || "$build/bin/coreai-pass-bench" --write-model "$model" --layers "$layers"
printf "%-66s %8s %10s %8s\n" "pipeline" "s" "peak MB" "vs r/t"
roundtrip=""
for p in "" "${schemes[@]:0:2}"; do
  args=()
  [ -n "$p" ] && args=("--pass-pipeline=builtin.module($p)")
  stats=$( { /usr/bin/time -f "%e %M" "$build/bin/coreai-opt" "$model" "${args[@]}" \
             --emit-bytecode -o "$work/out.mlirbc"; } 2>&1 | tail -1)
  read -r secs kb <<<"$stats"
  [ -z "$roundtrip" ] && roundtrip=$secs
  printf "%-66s %8.2f %10d %7.2fx\n" "${p:-bytecode round trip (no pass)}" "$secs" \
    $((kb / 1024)) "$(awk "BEGIN{print $secs / $roundtrip}")"
done
rm -f "$work/out.mlirbc"
