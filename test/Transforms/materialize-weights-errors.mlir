// Chains that cannot be evaluated are reported at their root, and nothing
// changes: the pass fails before rewriting anything.
// RUN: not coreai-opt %s -split-input-file --pass-pipeline='builtin.module(coreai-materialize-weights)' 2>&1 | FileCheck %s

// CHECK: materialize-weights-errors.mlir:[[# @LINE + 5]]:{{[0-9]+}}: error: cannot materialize this chain: the mask has 2 ones but there are 3 values
coreai.graph @mask_count() -> tensor<2x2xf32> {
  %m = coreai.constant dense<[[1, 0], [0, 1]]> : tensor<2x2xui1>
  %v = coreai.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %sp = coreai.build_sparse_with_bitmask %v, %m : (tensor<3xf32>, tensor<2x2xui1>) -> !coreai.sparse_with_bitmask<tensor<2x2xf32>>
  %d = coreai.sparse_with_bitmask_to_dense %sp : !coreai.sparse_with_bitmask<tensor<2x2xf32>> -> tensor<2x2xf32>
  coreai.output %d : tensor<2x2xf32>
}

// -----

// CHECK: materialize-weights-errors.mlir:[[# @LINE + 7]]:{{[0-9]+}}: error: cannot materialize this chain: dense_resource blob 'missing' is not available
// CHECK-NOT: coreai.graph
coreai.graph @missing_blob() -> tensor<1x2xf32> {
  %q = coreai.constant dense_resource<missing> : tensor<1x2xsi8>
  %s = coreai.constant dense<0.5> : tensor<1x1xf32>
  %z = coreai.constant dense<0> : tensor<1x1xsi8>
  %o = coreai.constant dense<0.0> : tensor<1x1xf32>
  %w = coreai.blockwise_shift_scale %q, %s, %z, %o : (tensor<1x2xsi8>, tensor<1x1xf32>, tensor<1x1xsi8>, tensor<1x1xf32>) -> tensor<1x2xf32>
  coreai.output %w : tensor<1x2xf32>
}
