// The automatic choice measures each candidate by evaluating the decoder
// chain its scheme describes, off the IR. For every scheme family and option
// kind, that description must decode exactly as the IR the scheme rewrites
// to (materialized): f32, bf16, 2-D, conv and transposed weights.
// RUN: coreai-opt %S/Inputs/recipe-program.mlir -o /dev/null --pass-pipeline='builtin.module(test-coreai-weight-chains{recipe=%S/Inputs/recipe-all-schemes.json weight-num-threshold=0})' 2>&1 | FileCheck %s --implicit-check-not=error --implicit-check-not=warning
// 5 weights x 17 schemes: 80 match, 5 do not apply (block sizes, n:m).
// CHECK-COUNT-80: the described chain matches the IR
// RUN: coreai-opt %S/Inputs/recipe-program.mlir -o /dev/null --pass-pipeline='builtin.module(test-coreai-weight-chains{recipe=%S/Inputs/recipe-all-schemes.json weight-num-threshold=0})' 2>&1 | grep -c 'does not apply' | FileCheck %s --check-prefix=SKIPS
// SKIPS: 5
// f16 weights, which most schemes read as bit patterns in place.
// RUN: %python %S/Inputs/gen_linear.py 16 128 > %t.mlir
// RUN: coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(test-coreai-weight-chains{recipe=%S/Inputs/recipe-all-schemes.json})' 2>&1 | FileCheck %s --check-prefix=F16 --implicit-check-not=error
// F16-COUNT-33: the described chain matches the IR
// (MXFP4 blocks of 32 do not divide the 16 input channels of the second.)
