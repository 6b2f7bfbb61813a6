// A huge splat weight (2^46 elements, 512 TiB as f64) is never decoded: every
// compression pass leaves it as it is with the splat's reason, at once.
// Materialize refuses a chain whose working copy cannot fit in memory.
// Each pass: the diagnostics (standard error), then the IR, unchanged.
// RUN: coreai-opt %s --split-input-file --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8})' 2>&1 >/dev/null | FileCheck %s --check-prefix=QUANT
// RUN: coreai-opt %s --split-input-file --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8})' 2>/dev/null | FileCheck %s --check-prefix=PASS
// RUN: coreai-opt %s --split-input-file --pass-pipeline='builtin.module(coreai-palettize-weights)' 2>&1 >/dev/null | FileCheck %s --check-prefix=PAL
// RUN: coreai-opt %s --split-input-file --pass-pipeline='builtin.module(coreai-palettize-weights)' 2>/dev/null | FileCheck %s --check-prefix=PASS
// RUN: coreai-opt %s --split-input-file --pass-pipeline='builtin.module(coreai-sparsify-weights)' 2>&1 >/dev/null | FileCheck %s --check-prefix=SPARSE
// RUN: coreai-opt %s --split-input-file --pass-pipeline='builtin.module(coreai-sparsify-weights)' 2>/dev/null | FileCheck %s --check-prefix=PASS
// RUN: not coreai-opt %s --split-input-file --pass-pipeline='builtin.module(coreai-materialize-weights)' 2>&1 | FileCheck %s --check-prefix=MAT
// The automatic choice and its dry-run report do not try to hold them either
// (the report knows each weight is left exactly as it is).
// RUN: not coreai-opt %s --split-input-file -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=4 dry-run=true})' 2>&1 | FileCheck %s --check-prefix=AUTO
// AUTO: automatic choice: 0.000 bits per weight (budget 4.000), no weight compressed
// AUTO: 0 coreai.batch_matmul {{.*}} 8388608x8388608 f16 f16 uncompressed 140737488355328 2 0.00 inf inf 0.00e+00
// AUTO: #0 {{.*}}: no automatic candidate applies (a splat (one stored element) cannot get smaller

// QUANT: warning: a splat (one stored element) cannot get smaller; left unquantized
// PAL: warning: a splat (one stored element) cannot get smaller; left unpalettized
// SPARSE: warning: a splat (one stored element) cannot get smaller; left unsparsified
// PASS: %[[W:.*]] = coreai.constant dense<1.000000e+00> : tensor<8388608x8388608xf16>
// PASS: coreai.batch_matmul %{{.*}}, %[[W]]
coreai.graph @main(%x: tensor<1x8388608xf16>) -> tensor<1x8388608xf16> {
  %w = coreai.constant dense<1.0> : tensor<8388608x8388608xf16>
  %y = coreai.batch_matmul %x, %w : (tensor<1x8388608xf16>, tensor<8388608x8388608xf16>) -> tensor<1x8388608xf16>
  coreai.output %y : tensor<1x8388608xf16>
}

// -----

// MAT: error: materializing this chain needs {{[0-9]+}} MiB of working memory, more than this machine's {{[0-9]+}} MiB
coreai.graph @lut() -> tensor<8388608x8388608xf16> {
  %i = coreai.constant dense<1> : tensor<8388608x8388608xui1>
  %l = coreai.constant dense<[[[[1.0], [2.0]]]]> : tensor<1x1x2x1xf16>
  %a = coreai.constant dense<0> : tensor<si16>
  %w = coreai.lut_to_dense %i, %l, %a : (tensor<8388608x8388608xui1>, tensor<1x1x2x1xf16>, tensor<si16>) -> tensor<8388608x8388608xf16>
  coreai.output %w : tensor<8388608x8388608xf16>
}
