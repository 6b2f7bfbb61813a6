// Block sparsity needs a block size of at most half the output channels:
// 24 > 40 / 2 skips with a warning; 24 <= 48 / 2 prunes.
// RUN: coreai-opt %s -verify-diagnostics --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-sparsify-weights{block-size=24})' | FileCheck %s

coreai.graph @blocks(%x: tensor<2x96xf16>, %y: tensor<2x64xf16>) -> (tensor<2x40xf16>, tensor<2x48xf16>) {
  // expected-warning @+1 {{block size 24 is more than half of the 40 output channels; left unsparsified}}
  %w = coreai.constant dense<0.5> : tensor<40x96xf16>
  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>
  %t = coreai.transpose %w, %perm : (tensor<40x96xf16>, tensor<2xui32>) -> tensor<96x40xf16>
  %a = coreai.decomposable.broadcasting_batch_matmul %x, %t : (tensor<2x96xf16>, tensor<96x40xf16>) -> tensor<2x40xf16>
  %v = coreai.constant dense<0.5> : tensor<48x64xf16>
  %vt = coreai.transpose %v, %perm : (tensor<48x64xf16>, tensor<2xui32>) -> tensor<64x48xf16>
  %b = coreai.decomposable.broadcasting_batch_matmul %y, %vt : (tensor<2x64xf16>, tensor<64x48xf16>) -> tensor<2x48xf16>
  coreai.output %a, %b : tensor<2x40xf16>, tensor<2x48xf16>
}
// CHECK-LABEL: coreai.graph @blocks
// CHECK-NEXT:  coreai.constant dense_resource<coreai_{{[0-9a-f]+}}> : tensor<40x96xf16>
// 3072 elements, 128 blocks of 24: 64 blocks (1536 elements) pruned.
// CHECK:       coreai.build_sparse_with_bitmask {{.*}} : (tensor<1536xf16>, tensor<48x64xui1>)
