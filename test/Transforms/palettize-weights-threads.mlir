// The output bytes depend neither on num-kmeans-workers nor on threading:
// one worker, two, and --mlir-disable-threading give the same bytecode, for
// a large per-tensor LUT (split inside), per-channel LUTs (split across
// groups) and vector LUTs.
// RUN: %python %S/Inputs/gen_linear.py 256 1024 > %t.mlir
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-palettize-weights{num-kmeans-workers=1})' --emit-bytecode -o %t.t1.mlirbc
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-palettize-weights{num-kmeans-workers=2})' --emit-bytecode -o %t.t2.mlirbc
// RUN: coreai-opt %t.mlir --mlir-disable-threading --pass-pipeline='builtin.module(coreai-palettize-weights{num-kmeans-workers=2})' --emit-bytecode -o %t.t0.mlirbc
// RUN: cmp %t.t1.mlirbc %t.t2.mlirbc
// RUN: cmp %t.t1.mlirbc %t.t0.mlirbc
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_channel enable-fast-kmeans-mode=false num-kmeans-workers=1})' --emit-bytecode -o %t.c1.mlirbc
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_channel enable-fast-kmeans-mode=false num-kmeans-workers=2})' --emit-bytecode -o %t.c2.mlirbc
// RUN: cmp %t.c1.mlirbc %t.c2.mlirbc
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-palettize-weights{cluster-dim=2 num-kmeans-workers=1})' --emit-bytecode -o %t.v1.mlirbc
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-palettize-weights{cluster-dim=2 num-kmeans-workers=2})' --emit-bytecode -o %t.v2.mlirbc
// RUN: cmp %t.v1.mlirbc %t.v2.mlirbc
// RUN: coreai-opt %t.t2.mlirbc | FileCheck %s
// RUN: coreai-opt %t.c2.mlirbc | FileCheck %s --check-prefix=CHANNEL

// CHECK: coreai.lut_to_dense {{.*}} : (tensor<256x1024xui4>, tensor<1x1x16x1xf16>, tensor<si16>) -> tensor<256x1024xf16>
// CHECK: coreai.lut_to_dense {{.*}} : (tensor<256x1024xui4>, tensor<1x1x16x1xf16>, tensor<si16>) -> tensor<256x1024xf16>
// CHANNEL: coreai.lut_to_dense {{.*}} : (tensor<256x1024xui4>, tensor<256x1x16x1xf16>, tensor<si16>) -> tensor<256x1024xf16>
// CHANNEL: coreai.lut_to_dense {{.*}} : (tensor<256x1024xui4>, tensor<1x1024x16x1xf16>, tensor<si16>) -> tensor<256x1024xf16>
