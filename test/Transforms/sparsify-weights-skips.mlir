// Skips are warnings at the constant, which stays as it is.
// RUN: coreai-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(coreai-sparsify-weights{n-m-ratio=2,40})' | FileCheck %s --check-prefix=NM

// n:m needs m dividing Cin and m <= Cin / 2.
coreai.graph @skips(%x: tensor<2x96xf16>) -> tensor<2x40xf16> {
  // expected-warning @+1 {{m = 40 does not divide the 96 input channels; left unsparsified}}
  %w = coreai.constant dense<0.5> : tensor<40x96xf16>
  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>
  %t = coreai.transpose %w, %perm : (tensor<40x96xf16>, tensor<2xui32>) -> tensor<96x40xf16>
  %y = coreai.decomposable.broadcasting_batch_matmul %x, %t : (tensor<2x96xf16>, tensor<96x40xf16>) -> tensor<2x40xf16>
  coreai.output %y : tensor<2x40xf16>
}
// NM-LABEL: coreai.graph @skips
// NM-NEXT:  coreai.constant dense<5.000000e-01> : tensor<40x96xf16>

// -----

coreai.graph @wide(%x: tensor<2x64xf16>) -> tensor<2x48xf16> {
  // expected-warning @+1 {{m = 40 is more than half of the 64 input channels; left unsparsified}}
  %w = coreai.constant dense<0.5> : tensor<48x64xf16>
  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>
  %t = coreai.transpose %w, %perm : (tensor<48x64xf16>, tensor<2xui32>) -> tensor<64x48xf16>
  %y = coreai.decomposable.broadcasting_batch_matmul %x, %t : (tensor<2x64xf16>, tensor<64x48xf16>) -> tensor<2x48xf16>
  coreai.output %y : tensor<2x48xf16>
}
// NM-LABEL: coreai.graph @wide
// NM-NEXT:  coreai.constant dense<5.000000e-01> : tensor<48x64xf16>
