// The output bytes do not depend on the thread count, across constants and
// inside one: one thread (--mlir-disable-threading) and two give the same
// bytecode, for an integer, a float and an MX format.
// RUN: %python %S/Inputs/gen_linear.py 256 1024 > %t.mlir
// RUN: coreai-opt %t.mlir --mlir-disable-threading --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 qscheme=asymmetric granularity=per_block})' --emit-bytecode -o %t.int4.1.mlirbc
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 qscheme=asymmetric granularity=per_block})' --emit-bytecode -o %t.int4.2.mlirbc
// RUN: cmp %t.int4.1.mlirbc %t.int4.2.mlirbc
// RUN: coreai-opt %t.mlir --mlir-disable-threading --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=fp8_e4m3fn})' --emit-bytecode -o %t.fp8.1.mlirbc
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=fp8_e4m3fn})' --emit-bytecode -o %t.fp8.2.mlirbc
// RUN: cmp %t.fp8.1.mlirbc %t.fp8.2.mlirbc
// RUN: coreai-opt %t.mlir --mlir-disable-threading --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=fp4_e2m1fn granularity=per_block})' --emit-bytecode -o %t.fp4.1.mlirbc
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=fp4_e2m1fn granularity=per_block})' --emit-bytecode -o %t.fp4.2.mlirbc
// RUN: cmp %t.fp4.1.mlirbc %t.fp4.2.mlirbc
// The least-squares scale search (per channel over both layouts, full
// range; per tensor, one block gathered over every row) is thread-independent
// too.
// RUN: coreai-opt %t.mlir --mlir-disable-threading --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 symmetric-range=full})' --emit-bytecode -o %t.full.1.mlirbc
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 symmetric-range=full})' --emit-bytecode -o %t.full.2.mlirbc
// RUN: cmp %t.full.1.mlirbc %t.full.2.mlirbc
// RUN: coreai-opt %t.mlir --mlir-disable-threading --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int2 qscheme=asymmetric granularity=per_tensor})' --emit-bytecode -o %t.int2.1.mlirbc
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int2 qscheme=asymmetric granularity=per_tensor})' --emit-bytecode -o %t.int2.2.mlirbc
// RUN: cmp %t.int2.1.mlirbc %t.int2.2.mlirbc
// RUN: coreai-opt %t.int4.2.mlirbc | FileCheck %s
// RUN: coreai-opt %t.fp4.2.mlirbc | FileCheck %s --check-prefix=FP4

// Linear (transpose) and plain matmul y: blocks along each input axis.
// CHECK: coreai.blockwise_shift_scale {{.*}} : (tensor<256x1024xsi4>, tensor<256x32xf16>, tensor<256x32xsi4>, tensor<256x32xf16>) -> tensor<256x1024xf16>
// CHECK: coreai.blockwise_shift_scale {{.*}} : (tensor<256x1024xsi4>, tensor<8x1024xf16>, tensor<8x1024xsi4>, tensor<8x1024xf16>) -> tensor<256x1024xf16>
// FP4: coreai.blockwise_shift_scale {{.*}} : (tensor<256x1024xf4E2M1FN>, tensor<256x32xf8E8M0FNU>, tensor<256x32xf4E2M1FN>, tensor<256x32xf16>) -> tensor<256x1024xf16>
