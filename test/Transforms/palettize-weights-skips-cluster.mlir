// A cluster dim that does not divide the output channels of a LUT group
// skips the weight with a warning.
// RUN: coreai-opt %s -verify-diagnostics --pass-pipeline='builtin.module(coreai-palettize-weights{cluster-dim=3})' | FileCheck %s

coreai.graph @cluster_skip(%x: tensor<2x64xf16>) -> tensor<2x80xf16> {
  // expected-warning @+1 {{cluster dim 3 does not divide the 80 output channels of a LUT group; left unpalettized}}
  %w = coreai.constant dense<0.5> : tensor<64x80xf16>
  %a = coreai.batch_matmul %x, %w : (tensor<2x64xf16>, tensor<64x80xf16>) -> tensor<2x80xf16>
  coreai.output %a : tensor<2x80xf16>
}
// CHECK-LABEL: coreai.graph @cluster_skip
// CHECK-NOT:   coreai.lut_to_dense
