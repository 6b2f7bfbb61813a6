// Element counts and byte sizes are checked arithmetic: a type whose element
// count overflows (or passes 2^48) is an error at the constant or decoder
// op, never a wrapped count that the passes would index with.
// RUN: coreai-opt %s -split-input-file -verify-diagnostics

// 4611686018427387905 x 2048 wraps around int64.
coreai.graph @main(%x: tensor<1x4611686018427387905xf16>) -> tensor<1x2048xf16> {
  // expected-error @+1 {{'coreai.constant' op result #0 of type 'tensor<4611686018427387905x2048xf16>' has more than 2^48 elements}}
  %w = coreai.constant dense<1.0> : tensor<4611686018427387905x2048xf16>
  %y = coreai.batch_matmul %x, %w : (tensor<1x4611686018427387905xf16>, tensor<4611686018427387905x2048xf16>) -> tensor<1x2048xf16>
  coreai.output %y : tensor<1x2048xf16>
}

// -----

// Just above the limit without wrapping.
coreai.graph @main() -> tensor<16777216x16777217xf16> {
  // expected-error @+1 {{result #0 of type 'tensor<16777216x16777217xf16>' has more than 2^48 elements}}
  %w = coreai.constant dense<1.0> : tensor<16777216x16777217xf16>
  coreai.output %w : tensor<16777216x16777217xf16>
}

// -----

// A LUT operand that does not come from a constant is checked by the op.
coreai.graph @main(%l: tensor<1x1x16x4611686018427387905xf16>) -> tensor<4x4611686018427387905xf16> {
  %i = coreai.constant dense<1> : tensor<4x1xui4>
  %a = coreai.constant dense<1> : tensor<si16>
  // expected-error @+1 {{'coreai.lut_to_dense' op operand #1 of type 'tensor<1x1x16x4611686018427387905xf16>' has more than 2^48 elements}}
  %w = coreai.lut_to_dense %i, %l, %a : (tensor<4x1xui4>, tensor<1x1x16x4611686018427387905xf16>, tensor<si16>) -> tensor<4x4611686018427387905xf16>
  coreai.output %w : tensor<4x4611686018427387905xf16>
}

// -----

// Indices times the vector size overflow although each operand is in range.
coreai.graph @main(%i: tensor<4x70368744177664xui4>, %l: tensor<1x1x16x17592186044416xf16>) -> tensor<4x1xf16> {
  %a = coreai.constant dense<1> : tensor<si16>
  // expected-error @+1 {{indices dimension 1 times the vector size 17592186044416 overflows}}
  %w = coreai.lut_to_dense %i, %l, %a : (tensor<4x70368744177664xui4>, tensor<1x1x16x17592186044416xf16>, tensor<si16>) -> tensor<4x1xf16>
  coreai.output %w : tensor<4x1xf16>
}

// -----

coreai.graph @main(%v: tensor<4xf16>, %m: tensor<4611686018427387905x4xui1>) -> tensor<4xf16> {
  // expected-error @+1 {{'coreai.build_sparse_with_bitmask' op operand #1 of type 'tensor<4611686018427387905x4xui1>' has more than 2^48 elements}}
  %s = coreai.build_sparse_with_bitmask %v, %m : (tensor<4xf16>, tensor<4611686018427387905x4xui1>) -> !coreai.sparse_with_bitmask<tensor<4611686018427387905x4xf16>>
  coreai.output %v : tensor<4xf16>
}

// -----

coreai.graph @main(%q: tensor<4611686018427387905x4xsi8>, %s: tensor<1x1xf16>, %z: tensor<1x1xsi8>, %o: tensor<1x1xf16>) -> tensor<1x1xf16> {
  // expected-error @+1 {{'coreai.blockwise_shift_scale' op operand #0 of type 'tensor<4611686018427387905x4xsi8>' has more than 2^48 elements}}
  %w = coreai.blockwise_shift_scale %q, %s, %z, %o : (tensor<4611686018427387905x4xsi8>, tensor<1x1xf16>, tensor<1x1xsi8>, tensor<1x1xf16>) -> tensor<4611686018427387905x4xf16>
  coreai.output %s : tensor<1x1xf16>
}

// -----

// Zero-width integers have no storage.
coreai.graph @main() -> tensor<4xi0> {
  // expected-error @+1 {{'coreai.constant' op result #0 has zero-width element type 'i0', which cannot be stored}}
  %w = coreai.constant dense<0> : tensor<4xi0>
  coreai.output %w : tensor<4xi0>
}

// -----

coreai.graph @main(%x: tensor<4xsi0>) -> tensor<4xf32> {
  // expected-error @+1 {{'coreai.cast' op operand #0 has zero-width element type 'si0', which cannot be stored}}
  %w = coreai.cast %x : tensor<4xsi0> to tensor<4xf32>
  coreai.output %w : tensor<4xf32>
}
