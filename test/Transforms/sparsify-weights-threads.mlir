// The output bytes do not depend on the thread count, and unstructured
// pruning keeps exactly numel - floor(numel * s) values: 262144 -> 131072
// at 50 %, 196608 at 25 %.
// RUN: %python %S/Inputs/gen_linear.py 256 1024 > %t.mlir
// RUN: coreai-opt %t.mlir --mlir-disable-threading --pass-pipeline='builtin.module(coreai-sparsify-weights)' --emit-bytecode -o %t.1.mlirbc
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-sparsify-weights)' --emit-bytecode -o %t.2.mlirbc
// RUN: cmp %t.1.mlirbc %t.2.mlirbc
// RUN: coreai-opt %t.mlir --mlir-disable-threading --pass-pipeline='builtin.module(coreai-sparsify-weights{n-m-ratio=2,4 quantize-dtype=int8})' --emit-bytecode -o %t.nm1.mlirbc
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-sparsify-weights{n-m-ratio=2,4 quantize-dtype=int8})' --emit-bytecode -o %t.nm2.mlirbc
// RUN: cmp %t.nm1.mlirbc %t.nm2.mlirbc
// RUN: coreai-opt %t.2.mlirbc | FileCheck %s
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-sparsify-weights{target-sparsity=0.25 palettize-nbits=4})' | FileCheck %s --check-prefix=QUARTER
// RUN: coreai-opt %t.nm2.mlirbc | FileCheck %s --check-prefix=NM

// CHECK: coreai.build_sparse_with_bitmask {{.*}} : (tensor<131072xf16>, tensor<256x1024xui1>)
// CHECK: coreai.build_sparse_with_bitmask {{.*}} : (tensor<131072xf16>, tensor<256x1024xui1>)
// QUARTER: coreai.lut_to_dense {{.*}} : (tensor<196608xui4>, tensor<1x16x1xf16>, tensor<si16>) -> tensor<196608xf16>
// The generated weights have a zero row (row 5 of W): 2:4 keeps half of
// the others.
// NM: coreai.build_sparse_with_bitmask {{.*}} : (tensor<130560xf16>, tensor<256x1024xui1>)

// Progress goes to stderr only when it is a terminal: here nothing at all.
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-sparsify-weights,coreai-materialize-weights)' -o /dev/null 2> %t.err
// RUN: not grep . %t.err
