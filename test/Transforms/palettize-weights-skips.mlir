// Skips are warnings at the constant, which stays as it is; the pass goes
// on with the other weights.
// RUN: coreai-opt %s -verify-diagnostics --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-palettize-weights{granularity=per_grouped_channel group-size=16})' | FileCheck %s

coreai.graph @skips(%x: tensor<2x64xf16>, %y: tensor<2x64xf16>) -> (tensor<2x40xf16>, tensor<2x48xf16>, tensor<2x32xf16>) {
  // expected-warning @+1 {{group size 16 does not divide the 40 output channels; left unpalettized}}
  %a40 = coreai.constant dense<0.5> : tensor<64x40xf16>
  %a = coreai.batch_matmul %x, %a40 : (tensor<2x64xf16>, tensor<64x40xf16>) -> tensor<2x40xf16>
  // expected-warning @+1 {{weight holds Inf or NaN values; left unpalettized}}
  %inf = coreai.constant dense<0x7C00> : tensor<64x48xf16>
  %b = coreai.batch_matmul %y, %inf : (tensor<2x64xf16>, tensor<64x48xf16>) -> tensor<2x48xf16>
  %ok = coreai.constant dense<0.25> : tensor<64x32xf16>
  %c = coreai.batch_matmul %y, %ok : (tensor<2x64xf16>, tensor<64x32xf16>) -> tensor<2x32xf16>
  coreai.output %a, %b, %c : tensor<2x40xf16>, tensor<2x48xf16>, tensor<2x32xf16>
}
// CHECK-LABEL: coreai.graph @skips
// CHECK-NEXT:  coreai.constant dense_resource<coreai_{{[0-9a-f]+}}> : tensor<64x40xf16>
// CHECK-NEXT:  coreai.batch_matmul
// CHECK-NEXT:  coreai.constant dense_resource<coreai_{{[0-9a-f]+}}> : tensor<64x48xf16>
// CHECK-NEXT:  coreai.batch_matmul
// CHECK-NEXT:  coreai.constant dense_resource<{{.*}}> : tensor<64x32xui4>
// CHECK:       coreai.lut_to_dense {{.*}} : (tensor<64x32xui4>, tensor<1x2x16x1xf16>, tensor<si16>) -> tensor<64x32xf16>

