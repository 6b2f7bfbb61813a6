// Every weight the report lists as uncompressed says why: an f64 weight is
// not a compression candidate, a weight also read by an op that is not a
// weight consumer is left alone whatever its size, small weights fall under
// the threshold.
// RUN: coreai-opt %s -o /dev/null --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8},coreai-weight-report)' 2>&1 | FileCheck %s
// CHECK-NOT: warning
// CHECK: weights: 3, compressed 0, uncompressed 3
// CHECK-NEXT: #0 {{.*}}weight-report-reasons.mlir:{{[0-9]+}}:8: element type f64 is not compressed (f16, bf16 and f32 are)
// CHECK-NEXT: #1 {{.*}}weight-report-reasons.mlir:{{[0-9]+}}:8: also used other than as a weight
// CHECK-NEXT: #2 {{.*}}weight-report-reasons.mlir:{{[0-9]+}}:8: small: 64 elements (default threshold 1024)

coreai.graph @main(%x: tensor<2x64xf64>, %y: tensor<2x64xf32>, %z: tensor<2x8xf32>) -> (tensor<2x32xf64>, tensor<2x32xf32>, tensor<64x32xf32>, tensor<2x8xf32>) {
  %a = coreai.constant dense<0.5> : tensor<64x32xf64>
  %r = coreai.batch_matmul %x, %a : (tensor<2x64xf64>, tensor<64x32xf64>) -> tensor<2x32xf64>
  %b = coreai.constant dense<0.25> : tensor<64x32xf32>
  %s = coreai.batch_matmul %y, %b : (tensor<2x64xf32>, tensor<64x32xf32>) -> tensor<2x32xf32>
  %n = coreai.softmax %b : tensor<64x32xf32> -> tensor<64x32xf32>
  %c = coreai.constant dense<1.0> : tensor<8x8xf32>
  %t = coreai.batch_matmul %z, %c : (tensor<2x8xf32>, tensor<8x8xf32>) -> tensor<2x8xf32>
  coreai.output %r, %s, %n, %t : tensor<2x32xf64>, tensor<2x32xf32>, tensor<64x32xf32>, tensor<2x8xf32>
}
