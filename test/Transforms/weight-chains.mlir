// A scheme describes its decoder chain once: the automatic choice evaluates
// the description off the IR, the rewrite emits it as IR. For every scheme
// family and option kind, both must decode exactly the same (the IR
// materialized): f32, bf16, 2-D, conv and transposed weights.
// RUN: coreai-opt %S/Inputs/recipe-program.mlir -o /dev/null --pass-pipeline='builtin.module(test-coreai-vary-splats,test-coreai-weight-chains{recipe=%S/Inputs/recipe-all-schemes.json weight-num-threshold=0})' 2>&1 | FileCheck %s --implicit-check-not=error --implicit-check-not=warning
// 5 weights x 17 schemes: 80 match, 5 do not apply (block sizes, n:m).
// CHECK-COUNT-80: the described chain matches the IR
// RUN: coreai-opt %S/Inputs/recipe-program.mlir -o /dev/null --pass-pipeline='builtin.module(test-coreai-vary-splats,test-coreai-weight-chains{recipe=%S/Inputs/recipe-all-schemes.json weight-num-threshold=0})' 2>&1 | grep -c 'does not apply' | FileCheck %s --check-prefix=SKIPS
// SKIPS: 5
// f16 weights, which most schemes read as bit patterns in place.
// RUN: %python %S/Inputs/gen_linear.py 16 128 > %t.mlir
// RUN: coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(test-coreai-vary-splats,test-coreai-weight-chains{recipe=%S/Inputs/recipe-all-schemes.json})' 2>&1 | FileCheck %s --check-prefix=F16 --implicit-check-not=error
// F16-COUNT-33: the described chain matches the IR
// (MXFP4 blocks of 32 do not divide the 16 input channels of the second.)
