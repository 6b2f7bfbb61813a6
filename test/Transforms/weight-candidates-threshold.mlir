// The weight-num-threshold option moves the limit: with 2048, 2048 elements
// are not enough and 2049 are; the default (1024) takes both.
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-weight-candidates{weight-num-threshold=2048})' 2>&1 | FileCheck %s --check-prefix=T2048
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-weight-candidates)' 2>&1 | FileCheck %s --check-prefix=DEFAULT

// T2048-NOT:   remark
// T2048:       weight-candidates-threshold.mlir:[[@LINE+7]]:{{[0-9]+}}: remark: weight: output axis 1, input axis 0
// T2048-NOT:   remark
// DEFAULT:     weight-candidates-threshold.mlir:[[@LINE+4]]:{{[0-9]+}}: remark: weight: output axis 1, input axis 0
// DEFAULT:     weight-candidates-threshold.mlir:[[@LINE+4]]:{{[0-9]+}}: remark: weight: output axis 1, input axis 0
// DEFAULT-NOT: remark
coreai.graph @option(%x: tensor<2x2048xf32>, %x2: tensor<2x2049xf32>) -> (tensor<2x1xf32>, tensor<2x1xf32>) {
  %a = coreai.constant dense<1.0> : tensor<2048x1xf32>
  %b = coreai.constant dense<1.0> : tensor<2049x1xf32>
  %ma = coreai.batch_matmul %x, %a : (tensor<2x2048xf32>, tensor<2048x1xf32>) -> tensor<2x1xf32>
  %mb = coreai.batch_matmul %x2, %b : (tensor<2x2049xf32>, tensor<2049x1xf32>) -> tensor<2x1xf32>
  coreai.output %ma, %mb : tensor<2x1xf32>, tensor<2x1xf32>
}
