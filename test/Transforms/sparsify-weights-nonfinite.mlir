// Weights holding Inf or NaN are skipped with a warning at the constant and
// stay as they are: f16 payloads (checked on their bit patterns) and f32
// ones (checked on their values).
// RUN: coreai-opt %s -verify-diagnostics --pass-pipeline='builtin.module(coreai-sparsify-weights{weight-num-threshold=8})' | FileCheck %s

coreai.graph @nonfinite(%x: tensor<2x4xf16>, %y: tensor<2x4xf32>) -> (tensor<2x4xf16>, tensor<2x4xf32>, tensor<2x4xf16>) {
  // expected-warning @+1 {{weight holds Inf or NaN values; left unsparsified}}
  %inf = coreai.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 0x7C00, 7.0, 8.0], [1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0]]> : tensor<4x4xf16>
  %a = coreai.batch_matmul %x, %inf : (tensor<2x4xf16>, tensor<4x4xf16>) -> tensor<2x4xf16>
  // expected-warning @+1 {{weight holds Inf or NaN values; left unsparsified}}
  %nan = coreai.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [1.0, 0x7FC00000, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0]]> : tensor<4x4xf32>
  %b = coreai.batch_matmul %y, %nan : (tensor<2x4xf32>, tensor<4x4xf32>) -> tensor<2x4xf32>
  %ok = coreai.constant dense<[[1.0, -2.0, 3.0, -4.0], [5.0, 0.5, 7.0, 8.0], [1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0]]> : tensor<4x4xf16>
  %c = coreai.batch_matmul %x, %ok : (tensor<2x4xf16>, tensor<4x4xf16>) -> tensor<2x4xf16>
  coreai.output %a, %b, %c : tensor<2x4xf16>, tensor<2x4xf32>, tensor<2x4xf16>
}
// CHECK-LABEL: coreai.graph @nonfinite
// CHECK-NEXT:  coreai.constant dense<{{\[}}[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00], [5.000000e+00, 0x7C00, 7.000000e+00, 8.000000e+00]
// CHECK-NEXT:  coreai.batch_matmul
// CHECK-NEXT:  coreai.constant dense<{{\[}}[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00], [5.000000e+00, 6.000000e+00, 7.000000e+00, 8.000000e+00], [1.000000e+00, 0x7FC00000
// CHECK-NEXT:  coreai.batch_matmul
// The finite f16 weight is sparsified: the 8 smallest |w| go (0.5, the
// three 1s, the three 2s and the first 3, ties by index), the rest stay in
// row-major order under the mask 0xD8 0xCC (elements 3, 4, 6, 7, 10, 11, 14
// and 15, LSB first).
// CHECK-NEXT:  %[[V:.*]] = coreai.constant dense<[-4.000000e+00, 5.000000e+00, 7.000000e+00, 8.000000e+00, 3.000000e+00, 4.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<8xf16>
// CHECK-NEXT:  %[[M:.*]] = coreai.constant dense_resource<[[MASK:.*]]> : tensor<4x4xui1>
// CHECK-NEXT:  %[[S:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]]
// CHECK-NEXT:  coreai.sparse_with_bitmask_to_dense %[[S]]
// CHECK:       [[MASK]]: "0x10000000D8CC"
