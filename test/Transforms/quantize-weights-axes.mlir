// Parameter shapes follow each consumer's channel axes: matmul y [K, N]
// (output axis 1), matmul x [M, K] (output axis 0), an embedding table
// [vocab, dim] and a conv weight [Cout, Cin, KH, KW] whose blocks cover
// block-size input channels times the whole kernel. Scales keep the weight's
// float type (f32, f16, bf16).
// RUN: coreai-opt %s -split-input-file --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=int4 scale-search=minmax granularity=per_block block-size=16})' | FileCheck %s --check-prefix=BLOCK16
// RUN: coreai-opt %s -split-input-file --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=uint8 granularity=per_channel})' | FileCheck %s --check-prefix=CHANNEL
// The default block size 32 does not divide 48 input channels: skipped with
// a warning at the constant, which stays as it was.
// RUN: coreai-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=int4 scale-search=minmax granularity=per_block})' | FileCheck %s --check-prefix=BLOCK32

coreai.graph @axes(%x: tensor<2x64xf32>, %y: tensor<64x2xf16>, %ids: tensor<2x1xsi32>, %img: tensor<1x32x8x8xf32>) -> (tensor<2x32xf32>, tensor<32x2xf16>, tensor<2x64xbf16>, tensor<1x32x6x6xf32>) {
  %wy = coreai.constant dense<0.5> : tensor<64x32xf32>
  %a = coreai.batch_matmul %x, %wy : (tensor<2x64xf32>, tensor<64x32xf32>) -> tensor<2x32xf32>
  %wx = coreai.constant dense<0.25> : tensor<32x64xf16>
  %b = coreai.decomposable.broadcasting_batch_matmul %wx, %y : (tensor<32x64xf16>, tensor<64x2xf16>) -> tensor<32x2xf16>
  %table = coreai.constant dense<1.0> : tensor<100x64xbf16>
  %e = coreai.gather_nd %table at %ids : (tensor<100x64xbf16>, tensor<2x1xsi32>) to tensor<2x64xbf16>
  %w = coreai.constant dense<-2.0> : tensor<32x32x3x3xf32>
  %s = coreai.constant dense<1> : tensor<2xui32>
  %g = coreai.constant dense<1> : tensor<ui32>
  %c = coreai.conv2d %img, %w, %s, %s, %g : (tensor<1x32x8x8xf32>, tensor<32x32x3x3xf32>, tensor<2xui32>, tensor<2xui32>, tensor<ui32>) -> tensor<1x32x6x6xf32>
  coreai.output %a, %b, %e, %c : tensor<2x32xf32>, tensor<32x2xf16>, tensor<2x64xbf16>, tensor<1x32x6x6xf32>
}

// BLOCK16-LABEL: coreai.graph @axes
// BLOCK16:       coreai.blockwise_shift_scale {{.*}} : (tensor<64x32xsi4>, tensor<4x32xf32>, tensor<4x32xsi4>, tensor<4x32xf32>) -> tensor<64x32xf32>
// BLOCK16:       coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xsi4>, tensor<32x4xf16>, tensor<32x4xsi4>, tensor<32x4xf16>) -> tensor<32x64xf16>
// BLOCK16:       coreai.blockwise_shift_scale {{.*}} : (tensor<100x64xsi4>, tensor<100x4xbf16>, tensor<100x4xsi4>, tensor<100x4xbf16>) -> tensor<100x64xbf16>
// BLOCK16:       coreai.blockwise_shift_scale {{.*}} : (tensor<32x32x3x3xsi4>, tensor<32x2x1x1xf32>, tensor<32x2x1x1xsi4>, tensor<32x2x1x1xf32>) -> tensor<32x32x3x3xf32>
// CHANNEL-LABEL: coreai.graph @axes
// CHANNEL:       coreai.blockwise_shift_scale {{.*}} : (tensor<64x32xui8>, tensor<1x32xf32>, tensor<1x32xui8>, tensor<1x32xf32>) -> tensor<64x32xf32>
// CHANNEL:       coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xui8>, tensor<32x1xf16>, tensor<32x1xui8>, tensor<32x1xf16>) -> tensor<32x64xf16>
// CHANNEL:       coreai.blockwise_shift_scale {{.*}} : (tensor<100x64xui8>, tensor<100x1xbf16>, tensor<100x1xui8>, tensor<100x1xbf16>) -> tensor<100x64xbf16>
// CHANNEL:       coreai.blockwise_shift_scale {{.*}} : (tensor<32x32x3x3xui8>, tensor<32x1x1x1xf32>, tensor<32x1x1x1xui8>, tensor<32x1x1x1xf32>) -> tensor<32x32x3x3xf32>
// BLOCK32-LABEL: coreai.graph @axes
// BLOCK32-COUNT-4: coreai.blockwise_shift_scale

// -----

// Skips: the block size does not divide the input channels, or the weight
// holds Inf or NaN. Both stay unchanged; the others in the graph are
// quantized.
coreai.graph @skips(%x: tensor<2x48xf32>, %y: tensor<2x64xf32>) -> (tensor<2x32xf32>, tensor<2x32xf32>, tensor<2x32xf32>) {
  // expected-warning @+1 {{block size 32 does not divide input channel axis 0 (size 48); weight left unquantized}}
  %w48 = coreai.constant dense<0.5> : tensor<48x32xf32>
  %a = coreai.batch_matmul %x, %w48 : (tensor<2x48xf32>, tensor<48x32xf32>) -> tensor<2x32xf32>
  // expected-warning @+1 {{weight holds Inf or NaN values; left unquantized}}
  %winf = coreai.constant dense<0x7F800000> : tensor<64x32xf32>
  %b = coreai.batch_matmul %y, %winf : (tensor<2x64xf32>, tensor<64x32xf32>) -> tensor<2x32xf32>
  %wok = coreai.constant dense<0.5> : tensor<64x32xf32>
  %c = coreai.batch_matmul %y, %wok : (tensor<2x64xf32>, tensor<64x32xf32>) -> tensor<2x32xf32>
  coreai.output %a, %b, %c : tensor<2x32xf32>, tensor<2x32xf32>, tensor<2x32xf32>
}
// BLOCK32-LABEL:   coreai.graph @skips
// BLOCK32-NEXT:    coreai.constant dense_resource<{{.*}}> : tensor<48x32xf32>
// BLOCK32-NEXT:    coreai.batch_matmul
// BLOCK32-NEXT:    coreai.constant dense_resource<{{.*}}> : tensor<64x32xf32>
// BLOCK32-NEXT:    coreai.batch_matmul
// BLOCK32-NEXT:    coreai.constant dense_resource<{{.*}}> : tensor<64x32xsi4>
// BLOCK32-COUNT-3: coreai.constant
// BLOCK32-NEXT:    coreai.blockwise_shift_scale {{.*}} -> tensor<64x32xf32>
// BLOCK32-NEXT:    coreai.batch_matmul
// BLOCK16-LABEL: coreai.graph @skips
// BLOCK16:       coreai.blockwise_shift_scale {{.*}} : (tensor<48x32xsi4>, tensor<3x32xf32>
