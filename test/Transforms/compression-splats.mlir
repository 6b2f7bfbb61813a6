// A splat weight (`dense<v>`, stored as one element) can never get smaller:
// every pass, a recipe and the automatic choice leave it exactly as it is,
// with its own reason, without reading or measuring it (the 10000x10000
// splats below would take gigabytes and seconds otherwise).
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8 weight-num-threshold=0})' 2>&1 >/dev/null | FileCheck %s --check-prefix=QUANT
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int2 qscheme=asymmetric weight-num-threshold=0})' 2>&1 >/dev/null | FileCheck %s --check-prefix=QUANT
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{weight-num-threshold=0})' 2>&1 >/dev/null | FileCheck %s --check-prefix=PAL
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{weight-num-threshold=0})' 2>&1 >/dev/null | FileCheck %s --check-prefix=SPARSE
// The output is the input, byte for byte, whatever the pass:
// RUN: coreai-opt %s -o %t.in.mlir
// RUN: coreai-opt %s -o %t.q.mlir --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8 weight-num-threshold=0})'
// RUN: cmp %t.in.mlir %t.q.mlir
// RUN: coreai-opt %s -o %t.p.mlir --pass-pipeline='builtin.module(coreai-palettize-weights{weight-num-threshold=0})'
// RUN: cmp %t.in.mlir %t.p.mlir
// RUN: coreai-opt %s -o %t.s.mlir --pass-pipeline='builtin.module(coreai-sparsify-weights{weight-num-threshold=0})'
// RUN: cmp %t.in.mlir %t.s.mlir
// RUN: echo '{"rules": [{"schemes": [{"quantize": {"dtype": "int4"}}, {"palettize": {"n-bits": 2}}]}]}' > %t.recipe.json
// RUN: coreai-opt %s -o %t.r.mlir --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.recipe.json weight-num-threshold=0})' 2>&1 | FileCheck %s --check-prefix=RECIPE
// RUN: cmp %t.in.mlir %t.r.mlir
// RUN: coreai-opt %s -o %t.a.mlir --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=4 weight-num-threshold=0})'
// RUN: cmp %t.in.mlir %t.a.mlir
// RUN: coreai-opt %s -o %t.m.mlir --pass-pipeline='builtin.module(coreai-compress-weights{min-sqnr=20 weight-num-threshold=0})'
// RUN: cmp %t.in.mlir %t.m.mlir
// The dry run says why, and counts each splat as the one element it stores.
// RUN: coreai-opt %s -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=4 weight-num-threshold=0 dry-run=true})' | FileCheck %s --check-prefix=AUTO

// QUANT-COUNT-3: warning: a splat (one stored element) cannot get smaller; left unquantized
// PAL-COUNT-3: warning: a splat (one stored element) cannot get smaller; left unpalettized
// SPARSE-COUNT-3: warning: a splat (one stored element) cannot get smaller; left unsparsified
// RECIPE-COUNT-3: warning: recipe rule 1: no scheme applies (a splat (one stored element) cannot get smaller; left unpalettized)

// AUTO: automatic choice: 0.000 bits per weight (budget 4.000), no weight compressed
// AUTO: 0 coreai.batch_matmul {{.*}} 64x256 f16 f16 uncompressed 32768 2 0.00 inf inf 0.00e+00
// AUTO: 1 coreai.batch_matmul {{.*}} 10000x10000 f32 f32 uncompressed 400000000 4 0.00 inf inf 0.00e+00
// AUTO: 2 coreai.batch_matmul {{.*}} 10000x10000 f16 f16 uncompressed 200000000 2 0.00 inf inf 0.00e+00
// AUTO: #0 {{.*}}: no automatic candidate applies (a splat (one stored element) cannot get smaller; left
// AUTO: weight bytes: 600032768 -> 8

coreai.graph @main(%s: tensor<2x64xf16>, %x: tensor<2x10000xf32>, %y: tensor<2x10000xf16>) -> (tensor<2x256xf16>, tensor<2x10000xf32>, tensor<2x10000xf16>) {
  %u = coreai.constant dense<1.0> : tensor<64x256xf16>
  %c = coreai.batch_matmul %s, %u : (tensor<2x64xf16>, tensor<64x256xf16>) -> tensor<2x256xf16>
  %w = coreai.constant dense<1.0> : tensor<10000x10000xf32>
  %a = coreai.batch_matmul %x, %w : (tensor<2x10000xf32>, tensor<10000x10000xf32>) -> tensor<2x10000xf32>
  %v = coreai.constant dense<1.0> : tensor<10000x10000xf16>
  %b = coreai.batch_matmul %y, %v : (tensor<2x10000xf16>, tensor<10000x10000xf16>) -> tensor<2x10000xf16>
  coreai.output %c, %a, %b : tensor<2x256xf16>, tensor<2x10000xf32>, tensor<2x10000xf16>
}
