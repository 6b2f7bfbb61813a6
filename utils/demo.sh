#!/usr/bin/env bash
# The first command: installs what is missing, builds, and runs coreai-opt on
# the bundled example program.
set -euo pipefail
cd "$(dirname "$0")/.."
utils/setup.sh
utils/build.sh >/dev/null
opt=${COREAI_BUILD_DIR:-build}/bin/coreai-opt
example=docs/examples/compressed-mlp.mlir

echo "== $example: a compressed Core AI program (int4 per-block linear, 2-bit"
echo "== palettized embedding, 50% sparse conv), read and printed back:"
"$opt" "$example"
echo
echo "== the same program with its weights materialized (decompressed):"
"$opt" "$example" --pass-pipeline='builtin.module(coreai-materialize-weights)'
echo
echo "== its materialized weights quantized again, int4 per block of 16:"
"$opt" "$example" --pass-pipeline='builtin.module(coreai-materialize-weights,coreai-quantize-weights{dtype=int4 granularity=per_block block-size=16 weight-num-threshold=256})'
