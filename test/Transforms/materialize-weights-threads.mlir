// The output bytes do not depend on the thread count: one thread
// (--mlir-disable-threading) and two give the same bytecode and text.
// RUN: %python %S/Inputs/gen_chains.py > %t.mlir
// RUN: coreai-opt %t.mlir --mlir-disable-threading --pass-pipeline='builtin.module(coreai-materialize-weights)' --emit-bytecode -o %t.1.mlirbc
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-materialize-weights)' --emit-bytecode -o %t.2.mlirbc
// RUN: cmp %t.1.mlirbc %t.2.mlirbc
// RUN: coreai-opt %t.1.mlirbc | FileCheck %s
// CHECK-COUNT-3: coreai.constant dense_resource<coreai_{{[0-9a-f]+}}> : tensor<256x1024xf16>
// CHECK-NOT:     coreai.blockwise_shift_scale
// CHECK-NOT:     coreai.lut_to_dense
// CHECK-NOT:     coreai.sparse_with_bitmask_to_dense
