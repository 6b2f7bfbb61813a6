// LUT shapes follow each consumer's output axis: rank + 2 with the groups on
// the output axis.
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-palettize-weights{granularity=per_channel n-bits=2})' | FileCheck %s --check-prefix=CHANNEL
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-palettize-weights{granularity=per_grouped_channel group-size=16 n-bits=2 cluster-dim=4})' | FileCheck %s --check-prefix=VECTOR

// Matmul y [K, N]: output axis 1; conv [Cout, Cin, KH, KW]: axis 0; an
// embedding table [vocab, dim]: axis 0.
coreai.graph @axes(%x: tensor<2x64xf16>, %img: tensor<1x32x8x8xf32>, %ids: tensor<2x1xsi32>) -> (tensor<2x32xf16>, tensor<1x32x6x6xf32>, tensor<2x64xbf16>) {
  %wy = coreai.constant dense<0.5> : tensor<64x32xf16>
  %a = coreai.batch_matmul %x, %wy : (tensor<2x64xf16>, tensor<64x32xf16>) -> tensor<2x32xf16>
  %w = coreai.constant dense<-2.0> : tensor<32x32x3x3xf32>
  %s = coreai.constant dense<1> : tensor<2xui32>
  %g = coreai.constant dense<1> : tensor<ui32>
  %c = coreai.conv2d %img, %w, %s, %s, %g : (tensor<1x32x8x8xf32>, tensor<32x32x3x3xf32>, tensor<2xui32>, tensor<2xui32>, tensor<ui32>) -> tensor<1x32x6x6xf32>
  %table = coreai.constant dense<1.0> : tensor<96x64xbf16>
  %e = coreai.gather_nd %table at %ids : (tensor<96x64xbf16>, tensor<2x1xsi32>) to tensor<2x64xbf16>
  coreai.output %a, %c, %e : tensor<2x32xf16>, tensor<1x32x6x6xf32>, tensor<2x64xbf16>
}
// CHANNEL-LABEL: coreai.graph @axes
// CHANNEL: coreai.lut_to_dense {{.*}} : (tensor<64x32xui2>, tensor<1x32x4x1xf16>, tensor<si16>) -> tensor<64x32xf16>
// CHANNEL: coreai.lut_to_dense {{.*}} : (tensor<32x32x3x3xui2>, tensor<32x1x1x1x4x1xf32>, tensor<si16>) -> tensor<32x32x3x3xf32>
// CHANNEL: coreai.lut_to_dense {{.*}} : (tensor<96x64xui2>, tensor<96x1x4x1xbf16>, tensor<si16>) -> tensor<96x64xbf16>
// Vectors of 4 along the output axis, one LUT per 16 output channels; the
// vector axis operand is the output axis.
// VECTOR-LABEL: coreai.graph @axes
// VECTOR:      coreai.constant {{.*}} : tensor<1x2x4x4xf16>
// VECTOR-NEXT: coreai.constant dense<1> : tensor<si16>
// VECTOR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<64x8xui2>, tensor<1x2x4x4xf16>, tensor<si16>) -> tensor<64x32xf16>
// VECTOR:      coreai.lut_to_dense {{.*}} : (tensor<8x32x3x3xui2>, tensor<2x1x1x1x4x4xf32>, tensor<si16>) -> tensor<32x32x3x3xf32>
// VECTOR:      coreai.lut_to_dense {{.*}} : (tensor<24x64xui2>, tensor<6x1x4x4xbf16>, tensor<si16>) -> tensor<96x64xbf16>

