// A program whose weights differ in shape from weight-report.mlir's.
coreai.graph @main(%x: tensor<2x8xf32>, %ids: tensor<2x1xsi32>) -> (tensor<2x4xf32>, tensor<2x2xf32>) {
  %w = coreai.constant dense<0.5> : tensor<8x4xf32>
  %y = coreai.batch_matmul %x, %w : (tensor<2x8xf32>, tensor<8x4xf32>) -> tensor<2x4xf32>
  %table = coreai.constant dense<1.0> : tensor<3x2xf32>
  %e = coreai.gather_nd %table at %ids : (tensor<3x2xf32>, tensor<2x1xsi32>) to tensor<2x2xf32>
  coreai.output %y, %e : tensor<2x4xf32>, tensor<2x2xf32>
}
