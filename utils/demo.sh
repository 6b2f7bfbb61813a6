#!/usr/bin/env bash
# The first command: installs what is missing, builds, compresses the bundled
# demo program (docs/examples/demo.mlirbc, synthetic weights) with each of the
# three passes and with the automatic mixed precision, prints the weight
# report of each against the original, and does the same from Python.
set -euo pipefail
cd "$(dirname "$0")/.."
utils/setup.sh
utils/build.sh >/dev/null
build=${COREAI_BUILD_DIR:-build}
opt=$build/bin/coreai-opt
demo=docs/examples/demo.mlirbc
out=$build/demo
mkdir -p "$out"

run() {
  local title=$1 name=$2 pipeline=$3
  echo
  echo "== $title"
  echo "   coreai-opt $demo --pass-pipeline='builtin.module($pipeline)' -o $out/$name.mlirbc"
  "$opt" "$demo" --emit-bytecode -o "$out/$name.mlirbc" \
    --pass-pipeline="builtin.module($pipeline)"
  "$opt" "$out/$name.mlirbc" -o /dev/null \
    --pass-pipeline="builtin.module(coreai-weight-report{reference=$demo})"
}

echo "== $demo: a synthetic Core AI program (2 decoder layers, an embedding, a conv2d)"
echo "   $(stat -c %s "$demo") bytes; its weights:"
"$opt" "$demo" -o /dev/null --pass-pipeline='builtin.module(coreai-weight-report)'
run "int4 per-block quantization" int4 \
  'coreai-quantize-weights{dtype=int4 granularity=per_block}'
run "4-bit palettization, one LUT per 16 output channels" lut4 \
  'coreai-palettize-weights{n-bits=4 granularity=per_grouped_channel group-size=16}'
run "2:4 sparsity with int8 values" sparse \
  'coreai-sparsify-weights{n-m-ratio=2,4 quantize-dtype=int8}'
run "automatic mixed precision, 5 bits per weight, a scheme per weight" auto \
  'coreai-compress-weights{bits-per-weight=5 weight-num-threshold=0}'

echo
echo "== the same from Python (PYTHONPATH=$build/python_packages)"
PYTHONPATH=$build/python_packages /usr/bin/python3 - "$demo" "$out/python.aimodel" <<'PY'
import sys
from coreai_opt import Program
from coreai_opt.coreai_utils import DType, quantize_weights, weight_report

program = Program.load(sys.argv[1])
compressed = quantize_weights(coreai_program=program, dtype=DType.INT8, in_place=False)
compressed.save(sys.argv[2])
rows = weight_report(Program.load(sys.argv[2]))
before = sum(r["bytes_before"] for r in rows)
after = sum(r["bytes_after"] for r in rows)
print("   quantize_weights(dtype=DType.INT8) -> %s: %d weights, %d -> %d bytes"
      % (sys.argv[2], len(rows), before, after))
PY
