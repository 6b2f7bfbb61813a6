// Which constants the compression passes choose, and their channel axes
// (docs/compression.md section 1), as reported by the test pass.
// RUN: coreai-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(test-coreai-weight-candidates)'

// Linear: W[out, in] -> transpose -> broadcasting_batch_matmul(x, W^T).
coreai.graph @linear(%x: tensor<2x64xf16>) -> tensor<2x32xf16> {
  // expected-remark @+1 {{weight: output axis 0, input axis 1}}
  %w = coreai.constant dense<1.0> : tensor<32x64xf16>
  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>
  %wt = coreai.transpose %w, %perm : (tensor<32x64xf16>, tensor<2xui32>) -> tensor<64x32xf16>
  %y = coreai.decomposable.broadcasting_batch_matmul %x, %wt : (tensor<2x64xf16>, tensor<64x32xf16>) -> tensor<2x32xf16>
  coreai.output %y : tensor<2x32xf16>
}

// -----

// A transposed weight taken as x: the axes map back through the permutation.
coreai.graph @linear_x(%y: tensor<64x2xf32>) -> tensor<32x2xf32> {
  // expected-remark @+1 {{weight: output axis 1, input axis 0}}
  %w = coreai.constant dense<1.0> : tensor<64x32xf32>
  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>
  %wt = coreai.transpose %w, %perm : (tensor<64x32xf32>, tensor<2xui32>) -> tensor<32x64xf32>
  %r = coreai.decomposable.broadcasting_batch_matmul %wt, %y : (tensor<32x64xf32>, tensor<64x2xf32>) -> tensor<32x2xf32>
  coreai.output %r : tensor<32x2xf32>
}

// -----

// Matmul operands directly: y is [K, N] (out = N), x is [M, K] (out = M).
coreai.graph @matmul(%x: tensor<2x64xbf16>, %y: tensor<64x2xbf16>) -> (tensor<2x32xbf16>, tensor<32x2xbf16>) {
  // expected-remark @+1 {{weight: output axis 1, input axis 0}}
  %wy = coreai.constant dense<1.0> : tensor<64x32xbf16>
  %a = coreai.batch_matmul %x, %wy : (tensor<2x64xbf16>, tensor<64x32xbf16>) -> tensor<2x32xbf16>
  // expected-remark @+1 {{weight: output axis 0, input axis 1}}
  %wx = coreai.constant dense<1.0> : tensor<32x64xbf16>
  %b = coreai.decomposable.broadcasting_batch_matmul %wx, %y : (tensor<32x64xbf16>, tensor<64x2xbf16>) -> tensor<32x2xbf16>
  coreai.output %a, %b : tensor<2x32xbf16>, tensor<32x2xbf16>
}

// -----

// Batched weights: the last two dims are the matrix.
coreai.graph @batched(%x: tensor<4x2x64xf16>) -> tensor<4x2x32xf16> {
  // expected-remark @+1 {{weight: output axis 2, input axis 1}}
  %w = coreai.constant dense<1.0> : tensor<4x64x32xf16>
  %r = coreai.decomposable.broadcasting_batch_matmul %x, %w : (tensor<4x2x64xf16>, tensor<4x64x32xf16>) -> tensor<4x2x32xf16>
  coreai.output %r : tensor<4x2x32xf16>
}

// -----

// conv2d [Cout, Cin/groups, KH, KW] and gather_nd [vocab, dim]: 0 / 1.
coreai.graph @conv_embedding(%img: tensor<1x16x8x8xf32>, %ids: tensor<2x1xsi32>) -> (tensor<1x32x6x6xf32>, tensor<2x64xf32>) {
  // expected-remark @+1 {{weight: output axis 0, input axis 1}}
  %w = coreai.constant dense<1.0> : tensor<32x16x3x3xf32>
  %s = coreai.constant dense<1> : tensor<2xui32>
  %g = coreai.constant dense<1> : tensor<ui32>
  %c = coreai.conv2d %img, %w, %s, %s, %g : (tensor<1x16x8x8xf32>, tensor<32x16x3x3xf32>, tensor<2xui32>, tensor<2xui32>, tensor<ui32>) -> tensor<1x32x6x6xf32>
  // expected-remark @+1 {{weight: output axis 0, input axis 1}}
  %table = coreai.constant dense<1.0> : tensor<100x64xf32>
  %e = coreai.gather_nd %table at %ids : (tensor<100x64xf32>, tensor<2x1xsi32>) to tensor<2x64xf32>
  coreai.output %c, %e : tensor<1x32x6x6xf32>, tensor<2x64xf32>
}

// -----

// A weight shared by users that disagree gets 0 / 1 and a warning.
coreai.graph @shared(%x: tensor<2x64xf16>) -> (tensor<2x64xf16>, tensor<64x64xf16>) {
  // expected-warning @+2 {{users of this weight disagree on its channel axes; using output axis 0 and input axis 1}}
  // expected-remark @+1 {{weight: output axis 0, input axis 1}}
  %w = coreai.constant dense<1.0> : tensor<64x64xf16>
  %a = coreai.batch_matmul %x, %w : (tensor<2x64xf16>, tensor<64x64xf16>) -> tensor<2x64xf16>
  %b = coreai.batch_matmul %w, %w : (tensor<64x64xf16>, tensor<64x64xf16>) -> tensor<64x64xf16>
  coreai.output %a, %b : tensor<2x64xf16>, tensor<64x64xf16>
}

// -----

// Users of a transpose that disagree, too.
coreai.graph @shared_transpose(%x: tensor<2x64xf16>, %y: tensor<32x2xf16>) -> (tensor<2x32xf16>, tensor<64x2xf16>) {
  // expected-warning @+2 {{users of this weight disagree on its channel axes; using output axis 0 and input axis 1}}
  // expected-remark @+1 {{weight: output axis 0, input axis 1}}
  %w = coreai.constant dense<1.0> : tensor<32x64xf16>
  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>
  %wt = coreai.transpose %w, %perm : (tensor<32x64xf16>, tensor<2xui32>) -> tensor<64x32xf16>
  %a = coreai.batch_matmul %x, %wt : (tensor<2x64xf16>, tensor<64x32xf16>) -> tensor<2x32xf16>
  %b = coreai.batch_matmul %wt, %y : (tensor<64x32xf16>, tensor<32x2xf16>) -> tensor<64x2xf16>
  coreai.output %a, %b : tensor<2x32xf16>, tensor<64x2xf16>
}

// -----

// A transpose whose users are not matmuls still counts (0 / 1); the same
// weight used directly by a non-consumer does not.
coreai.graph @transpose_other(%ax: tensor<si32>) -> (tensor<64x32xf16>, tensor<32x64xf16>) {
  // expected-remark @+1 {{weight: output axis 0, input axis 1}}
  %w = coreai.constant dense<1.0> : tensor<32x64xf16>
  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>
  %wt = coreai.transpose %w, %perm : (tensor<32x64xf16>, tensor<2xui32>) -> tensor<64x32xf16>
  %s = coreai.softmax %wt, %ax : (tensor<64x32xf16>, tensor<si32>) -> tensor<64x32xf16>
  %v = coreai.constant dense<2.0> : tensor<32x64xf16>
  %vs = coreai.softmax %v, %ax : (tensor<32x64xf16>, tensor<si32>) -> tensor<32x64xf16>
  coreai.output %s, %vs : tensor<64x32xf16>, tensor<32x64xf16>
}

// -----

// Only float constants (f16, bf16, f32) with more than 1024 elements.
coreai.graph @types_and_threshold(%x: tensor<2x1024xf32>, %xi: tensor<2x1025xsi8>) -> (tensor<2x1xf32>, tensor<2x1xf32>, tensor<2x1xsi8>) {
  %a = coreai.constant dense<1.0> : tensor<1024x1xf32>
  %ma = coreai.batch_matmul %x, %a : (tensor<2x1024xf32>, tensor<1024x1xf32>) -> tensor<2x1xf32>
  // expected-remark @+1 {{weight: output axis 1, input axis 0}}
  %b = coreai.constant dense<1.0> : tensor<1025x1xf32>
  // expected-remark @+1 {{weight: output axis 0, input axis 1}}
  %x2 = coreai.constant dense<1.0> : tensor<2x1025xf32>
  %mb = coreai.batch_matmul %x2, %b : (tensor<2x1025xf32>, tensor<1025x1xf32>) -> tensor<2x1xf32>
  %c = coreai.constant dense<1> : tensor<1025x1xsi8>
  %mc = coreai.batch_matmul %xi, %c : (tensor<2x1025xsi8>, tensor<1025x1xsi8>) -> tensor<2x1xsi8>
  coreai.output %ma, %mb, %mc : tensor<2x1xf32>, tensor<2x1xf32>, tensor<2x1xsi8>
}

// -----

// 1e8 elements or more qualify whatever their users; one fewer does not.
coreai.graph @huge(%ax: tensor<si32>) -> (tensor<10000x10000xf16>, tensor<9999x10000xf16>) {
  // expected-remark @+1 {{weight: output axis 0, input axis 1}}
  %big = coreai.constant dense<1.0> : tensor<10000x10000xf16>
  %a = coreai.softmax %big, %ax : (tensor<10000x10000xf16>, tensor<si32>) -> tensor<10000x10000xf16>
  %small = coreai.constant dense<1.0> : tensor<9999x10000xf16>
  %b = coreai.softmax %small, %ax : (tensor<9999x10000xf16>, tensor<si32>) -> tensor<9999x10000xf16>
  coreai.output %a, %b : tensor<10000x10000xf16>, tensor<9999x10000xf16>
}

// -----

// Data that already feeds a compression op is never compressed again, even
// when a consumer uses it too.
coreai.graph @already_compressed(%x: tensor<2x2048xf16>) -> (tensor<2048x2xf16>, tensor<2x2xf16>) {
  %idx = coreai.constant dense<1> : tensor<2048x2xui4>
  %lut = coreai.constant dense<1.0> : tensor<2048x1x16x1xf16>
  %ax = coreai.constant dense<0> : tensor<si16>
  %w = coreai.lut_to_dense %idx, %lut, %ax : (tensor<2048x2xui4>, tensor<2048x1x16x1xf16>, tensor<si16>) -> tensor<2048x2xf16>
  %d = coreai.constant dense<1.0> : tensor<2048x2xf16>
  %s = coreai.constant dense<1.0> : tensor<1x1xf16>
  %z = coreai.constant dense<0.0> : tensor<1x1xf16>
  %q = coreai.blockwise_shift_scale %d, %s, %z, %z : (tensor<2048x2xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<2048x2xf16>
  %m = coreai.batch_matmul %x, %d : (tensor<2x2048xf16>, tensor<2048x2xf16>) -> tensor<2x2xf16>
  coreai.output %q, %m : tensor<2048x2xf16>, tensor<2x2xf16>
}

