// The bundled example program round-trips exactly and materializes.
// RUN: coreai-opt %coreai_src/docs/examples/compressed-mlp.mlir | diff %coreai_src/docs/examples/compressed-mlp.mlir -
// RUN: coreai-opt %coreai_src/docs/examples/compressed-mlp.mlir --pass-pipeline='builtin.module(coreai-materialize-weights)' | FileCheck %s
// CHECK-LABEL: coreai.graph @main
// CHECK-NOT:   coreai.lut_to_dense
// CHECK-NOT:   coreai.blockwise_shift_scale
// CHECK-NOT:   coreai.sparse_with_bitmask_to_dense
// CHECK:       coreai.gather_nd %{{.*}} at
// CHECK:       coreai.decomposable.broadcasting_batch_matmul
// CHECK:       coreai.conv2d
