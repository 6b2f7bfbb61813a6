// Every verifier message of the coreai dialect.
// RUN: coreai-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{body blocks must end with 'coreai.output'}}
coreai.graph @no_output() {
  %0 = coreai.constant dense<1.0> : tensor<f32>
}

// -----

coreai.graph @wrong_count(%a: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>) {
  // expected-error @+1 {{has 1 operands, but the enclosing graph returns 2 values}}
  coreai.output %a : tensor<2xf32>
}

// -----

coreai.graph @wrong_type(%a: tensor<2xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{operand #0 has type 'tensor<2xf32>', but the graph returns 'tensor<3xf32>'}}
  coreai.output %a : tensor<2xf32>
}

// -----

coreai.graph @main(%a: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{'missing' does not name a graph}}
  %0 = coreai.invoke @missing(%a)  : (tensor<2xf32>) -> tensor<2xf32>
  coreai.output %0 : tensor<2xf32>
}

// -----

coreai.graph private @callee(%a: tensor<3xf32>) -> tensor<3xf32> {
  coreai.output %a : tensor<3xf32>
}
coreai.graph @main(%a: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+1 {{types do not match the signature of @callee}}
  %0 = coreai.invoke @callee(%a)  : (tensor<2xf32>) -> tensor<2xf32>
  coreai.output %0 : tensor<2xf32>
}

// -----

coreai.graph @blob_size() {
  // expected-error @+1 {{dense_resource blob 'b' has 3 bytes, but 'tensor<3x4xui4>' needs 6 (packed)}}
  %0 = coreai.constant dense_resource<b> : tensor<3x4xui4>
  coreai.output
}
{-# dialect_resources: { builtin: { b: "0x01000000010203" } } #-}

// -----

coreai.graph @blob_size_f16() {
  // expected-error @+1 {{dense_resource blob 'b' has 3 bytes, but 'tensor<2xf16>' needs 4}}
  %0 = coreai.constant dense_resource<b> : tensor<2xf16>
  coreai.output
}
{-# dialect_resources: { builtin: { b: "0x01000000010203" } } #-}

// -----

coreai.graph @transpose_rank(%x: tensor<2x3xf32>, %p: tensor<2xui32>) {
  // expected-error @+1 {{result rank 3 does not match the input rank 2}}
  %0 = coreai.transpose %x, %p : (tensor<2x3xf32>, tensor<2xui32>) -> tensor<3x2x1xf32>
  coreai.output
}

// -----

coreai.graph @transpose_perm(%x: tensor<2x3xf32>, %p: tensor<2x1xui32>) {
  // expected-error @+1 {{perm must be a 1-D tensor}}
  %0 = coreai.transpose %x, %p : (tensor<2x3xf32>, tensor<2x1xui32>) -> tensor<3x2xf32>
  coreai.output
}

// -----

coreai.graph @transpose_perm_size(%x: tensor<2x3xf32>, %p: tensor<3xui32>) {
  // expected-error @+1 {{perm has 3 entries, but the input has rank 2}}
  %0 = coreai.transpose %x, %p : (tensor<2x3xf32>, tensor<3xui32>) -> tensor<3x2xf32>
  coreai.output
}

// -----

coreai.graph @conv_rank(%x: tensor<1x3x8x8xf32>, %w: tensor<8x3x3xf32>, %s: tensor<2xui32>, %g: tensor<ui32>) {
  // expected-error @+1 {{weight must have rank 4 ([Cout, Cin/groups, KH, KW]), got rank 3}}
  %0 = coreai.conv2d %x, %w, %s, %s, %g : (tensor<1x3x8x8xf32>, tensor<8x3x3xf32>, tensor<2xui32>, tensor<2xui32>, tensor<ui32>) -> tensor<1x8x6x6xf32>
  coreai.output
}

// -----

coreai.graph @cast_shape(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{cannot change the shape from 'tensor<2x3xf32>' to 'tensor<3x2xf16>'}}
  %0 = coreai.cast %x : tensor<2x3xf32> to tensor<3x2xf16>
  coreai.output
}

// -----

coreai.graph @bss_data(%d: tensor<?x4xsi8>, %s: tensor<1x1xf16>, %z: tensor<1x1xsi8>, %o: tensor<1x1xf16>) {
  // expected-error @+1 {{operand #0 must be statically shaped tensor of integer or floating-point values, but got 'tensor<?x4xsi8>'}}
  %0 = coreai.blockwise_shift_scale %d, %s, %z, %o : (tensor<?x4xsi8>, tensor<1x1xf16>, tensor<1x1xsi8>, tensor<1x1xf16>) -> tensor<?x4xf16>
  coreai.output
}

// -----

coreai.graph @bss_scale(%d: tensor<2x4xsi8>, %s: tensor<?x1xf16>, %z: tensor<1x1xsi8>, %o: tensor<1x1xf16>) {
  // expected-error @+1 {{operand #1 must be statically shaped tensor of floating-point values, but got 'tensor<?x1xf16>'}}
  %0 = coreai.blockwise_shift_scale %d, %s, %z, %o : (tensor<2x4xsi8>, tensor<?x1xf16>, tensor<1x1xsi8>, tensor<1x1xf16>) -> tensor<2x4xf16>
  coreai.output
}

// -----

coreai.graph @bss_offsets(%d: tensor<2x4xsi8>, %s: tensor<1x1xf16>, %z: tensor<?x1xsi8>, %o: tensor<1x1xf16>) {
  // expected-error @+1 {{operand #2 must be statically shaped tensor of integer or floating-point values, but got 'tensor<?x1xsi8>'}}
  %0 = coreai.blockwise_shift_scale %d, %s, %z, %o : (tensor<2x4xsi8>, tensor<1x1xf16>, tensor<?x1xsi8>, tensor<1x1xf16>) -> tensor<2x4xf16>
  coreai.output
}

// -----

coreai.graph @bss_rank(%d: tensor<2x4xsi8>, %s: tensor<1xf16>, %z: tensor<1x1xsi8>, %o: tensor<1x1xf16>) {
  // expected-error @+1 {{rank of data, scale and offsets should match: data rank = 2, scale rank = 1, offset1 rank = 2, offset2 rank = 2}}
  %0 = coreai.blockwise_shift_scale %d, %s, %z, %o : (tensor<2x4xsi8>, tensor<1xf16>, tensor<1x1xsi8>, tensor<1x1xf16>) -> tensor<2x4xf16>
  coreai.output
}

// -----

coreai.graph @bss_shapes(%d: tensor<2x4xsi8>, %s: tensor<2x1xf16>, %z: tensor<1x1xsi8>, %o: tensor<2x1xf16>) {
  // expected-error @+1 {{shape of scale and offsets are not matching}}
  %0 = coreai.blockwise_shift_scale %d, %s, %z, %o : (tensor<2x4xsi8>, tensor<2x1xf16>, tensor<1x1xsi8>, tensor<2x1xf16>) -> tensor<2x4xf16>
  coreai.output
}

// -----

coreai.graph @bss_factor(%d: tensor<2x4xsi8>, %s: tensor<1x3xf16>, %z: tensor<1x3xsi8>, %o: tensor<1x3xf16>) {
  // expected-error @+1 {{scale size 3 along dimension 1 is not a factor of the data size 4}}
  %0 = coreai.blockwise_shift_scale %d, %s, %z, %o : (tensor<2x4xsi8>, tensor<1x3xf16>, tensor<1x3xsi8>, tensor<1x3xf16>) -> tensor<2x4xf16>
  coreai.output
}

// -----

coreai.graph @bss_offset1(%d: tensor<2x4xsi8>, %s: tensor<1x1xf16>, %z: tensor<1x1xui8>, %o: tensor<1x1xf16>) {
  // expected-error @+1 {{offset1 element type 'ui8' must match the data element type 'si8'}}
  %0 = coreai.blockwise_shift_scale %d, %s, %z, %o : (tensor<2x4xsi8>, tensor<1x1xf16>, tensor<1x1xui8>, tensor<1x1xf16>) -> tensor<2x4xf16>
  coreai.output
}

// -----

coreai.graph @bss_result_shape(%d: tensor<2x4xsi8>, %s: tensor<1x1xf16>, %z: tensor<1x1xsi8>, %o: tensor<1x1xf16>) {
  // expected-error @+1 {{result shape must match the data shape}}
  %0 = coreai.blockwise_shift_scale %d, %s, %z, %o : (tensor<2x4xsi8>, tensor<1x1xf16>, tensor<1x1xsi8>, tensor<1x1xf16>) -> tensor<4x2xf16>
  coreai.output
}

// -----

coreai.graph @bss_result_type(%d: tensor<2x4xsi8>, %s: tensor<1x1xf16>, %z: tensor<1x1xsi8>, %o: tensor<1x1xf16>) {
  // expected-error @+1 {{result element type 'f32' must match the offset2 element type 'f16'}}
  %0 = coreai.blockwise_shift_scale %d, %s, %z, %o : (tensor<2x4xsi8>, tensor<1x1xf16>, tensor<1x1xsi8>, tensor<1x1xf16>) -> tensor<2x4xf32>
  coreai.output
}

// -----

coreai.graph @bss_scale_type(%d: tensor<2x4xsi8>, %s: tensor<1x1xf32>, %z: tensor<1x1xsi8>, %o: tensor<1x1xf16>) {
  // expected-error @+1 {{scale element type 'f32' must be the result element type 'f16' or f8E8M0FNU}}
  %0 = coreai.blockwise_shift_scale %d, %s, %z, %o : (tensor<2x4xsi8>, tensor<1x1xf32>, tensor<1x1xsi8>, tensor<1x1xf16>) -> tensor<2x4xf16>
  coreai.output
}

// -----

coreai.graph @lut_indices_static(%i: tensor<?x3xui4>, %l: tensor<1x1x16x1xf16>, %a: tensor<si16>) {
  // expected-error @+1 {{operand #0 must be statically shaped tensor of ui1, ui2, ui3, ui4, ui6 or ui8 values, but got 'tensor<?x3xui4>'}}
  %0 = coreai.lut_to_dense %i, %l, %a : (tensor<?x3xui4>, tensor<1x1x16x1xf16>, tensor<si16>) -> tensor<?x3xf16>
  coreai.output
}

// -----

coreai.graph @lut_indices_type(%i: tensor<2x3xsi4>, %l: tensor<1x1x16x1xf16>, %a: tensor<si16>) {
  // expected-error @+1 {{operand #0 must be statically shaped tensor of ui1, ui2, ui3, ui4, ui6 or ui8 values, but got 'tensor<2x3xsi4>'}}
  %0 = coreai.lut_to_dense %i, %l, %a : (tensor<2x3xsi4>, tensor<1x1x16x1xf16>, tensor<si16>) -> tensor<2x3xf16>
  coreai.output
}

// -----

coreai.graph @lut_static(%i: tensor<2x3xui4>, %l: tensor<1x1x?x1xf16>, %a: tensor<si16>) {
  // expected-error @+1 {{operand #1 must be statically shaped tensor of ui8, si8, f8E5M2, f8E4M3FN, bf16, f16 or f32 values, but got 'tensor<1x1x?x1xf16>'}}
  %0 = coreai.lut_to_dense %i, %l, %a : (tensor<2x3xui4>, tensor<1x1x?x1xf16>, tensor<si16>) -> tensor<2x3xf16>
  coreai.output
}

// -----

coreai.graph @lut_rank(%i: tensor<2x3xui4>, %l: tensor<1x16x1xf16>, %a: tensor<si16>) {
  // expected-error @+1 {{lut should have rank K+2 = 4 where K is the rank of indices, got rank 3}}
  %0 = coreai.lut_to_dense %i, %l, %a : (tensor<2x3xui4>, tensor<1x16x1xf16>, tensor<si16>) -> tensor<2x3xf16>
  coreai.output
}

// -----

coreai.graph @lut_factor(%i: tensor<2x3xui4>, %l: tensor<1x2x16x1xf16>, %a: tensor<si16>) {
  // expected-error @+1 {{lut dimension 1 (2) is not a factor of indices dimension 1 (3)}}
  %0 = coreai.lut_to_dense %i, %l, %a : (tensor<2x3xui4>, tensor<1x2x16x1xf16>, tensor<si16>) -> tensor<2x3xf16>
  coreai.output
}

// -----

coreai.graph @lut_palettes(%i: tensor<2x3xui4>, %l: tensor<1x1x8x1xf16>, %a: tensor<si16>) {
  // expected-error @+1 {{lut has 8 palette entries, but ui4 indices need 16}}
  %0 = coreai.lut_to_dense %i, %l, %a : (tensor<2x3xui4>, tensor<1x1x8x1xf16>, tensor<si16>) -> tensor<2x3xf16>
  coreai.output
}

// -----

coreai.graph @lut_type(%i: tensor<2x3xui1>, %l: tensor<1x1x2x1xsi32>, %a: tensor<si16>) {
  // expected-error @+1 {{operand #1 must be statically shaped tensor of ui8, si8, f8E5M2, f8E4M3FN, bf16, f16 or f32 values, but got 'tensor<1x1x2x1xsi32>'}}
  %0 = coreai.lut_to_dense %i, %l, %a : (tensor<2x3xui1>, tensor<1x1x2x1xsi32>, tensor<si16>) -> tensor<2x3xsi32>
  coreai.output
}

// -----

coreai.graph @lut_axis_type(%i: tensor<2x3xui1>, %l: tensor<1x1x2x1xf16>, %a: tensor<1xsi16>) {
  // expected-error @+1 {{operand #2 must be 0D tensor of 16-bit signed integer values, but got 'tensor<1xsi16>'}}
  %0 = coreai.lut_to_dense %i, %l, %a : (tensor<2x3xui1>, tensor<1x1x2x1xf16>, tensor<1xsi16>) -> tensor<2x3xf16>
  coreai.output
}

// -----

coreai.graph @lut_result_rank(%i: tensor<2x3xui1>, %l: tensor<1x1x2x1xf16>, %a: tensor<si16>) {
  // expected-error @+1 {{result must have the rank of the indices (2)}}
  %0 = coreai.lut_to_dense %i, %l, %a : (tensor<2x3xui1>, tensor<1x1x2x1xf16>, tensor<si16>) -> tensor<6xf16>
  coreai.output
}

// -----

coreai.graph @lut_result_type(%i: tensor<2x3xui1>, %l: tensor<1x1x2x1xf16>, %a: tensor<si16>) {
  // expected-error @+1 {{result element type 'f32' must match the lut element type 'f16'}}
  %0 = coreai.lut_to_dense %i, %l, %a : (tensor<2x3xui1>, tensor<1x1x2x1xf16>, tensor<si16>) -> tensor<2x3xf32>
  coreai.output
}

// -----

coreai.graph @lut_axis_constant(%i: tensor<2x3xui1>, %l: tensor<1x1x2x2xf16>, %a: tensor<si16>) {
  // expected-error @+1 {{axis must be a constant when the vector size is greater than 1}}
  %0 = coreai.lut_to_dense %i, %l, %a : (tensor<2x3xui1>, tensor<1x1x2x2xf16>, tensor<si16>) -> tensor<4x3xf16>
  coreai.output
}

// -----

coreai.graph @lut_axis_range(%i: tensor<2x3xui1>, %l: tensor<1x1x2x2xf16>) {
  %a = coreai.constant dense<2> : tensor<si16>
  // expected-error @+1 {{axis 2 is out of range (-3, 2) for indices of rank 2}}
  %0 = coreai.lut_to_dense %i, %l, %a : (tensor<2x3xui1>, tensor<1x1x2x2xf16>, tensor<si16>) -> tensor<4x3xf16>
  coreai.output
}

// -----

coreai.graph @lut_result_shape(%i: tensor<2x3xui1>, %l: tensor<1x1x2x2xf16>) {
  %a = coreai.constant dense<-1> : tensor<si16>
  // expected-error @+1 {{result shape must be the indices shape with the axis dimension times the vector size 2}}
  %0 = coreai.lut_to_dense %i, %l, %a : (tensor<2x3xui1>, tensor<1x1x2x2xf16>, tensor<si16>) -> tensor<4x3xf16>
  coreai.output
}

// -----

coreai.graph @sparse_values(%v: tensor<2x2xf16>, %m: tensor<2x3xui1>) {
  // expected-error @+1 {{operand #0 must be 1-D statically shaped tensor of ui8, si8, f8E5M2, f8E4M3FN, bf16, f16 or f32 values, but got 'tensor<2x2xf16>'}}
  %0 = coreai.build_sparse_with_bitmask %v, %m : (tensor<2x2xf16>, tensor<2x3xui1>) -> !coreai.sparse_with_bitmask<tensor<2x3xf16>>
  coreai.output
}

// -----

coreai.graph @sparse_values_type(%v: tensor<4xsi32>, %m: tensor<2x3xui1>) {
  // expected-error @+1 {{operand #0 must be 1-D statically shaped tensor of ui8, si8, f8E5M2, f8E4M3FN, bf16, f16 or f32 values, but got 'tensor<4xsi32>'}}
  %0 = coreai.build_sparse_with_bitmask %v, %m : (tensor<4xsi32>, tensor<2x3xui1>) -> !coreai.sparse_with_bitmask<tensor<2x3xsi32>>
  coreai.output
}

// -----

coreai.graph @sparse_mask_static(%v: tensor<4xf16>, %m: tensor<?x3xui1>) {
  // expected-error @+1 {{operand #1 must be statically shaped tensor of 1-bit unsigned integer values, but got 'tensor<?x3xui1>'}}
  %0 = coreai.build_sparse_with_bitmask %v, %m : (tensor<4xf16>, tensor<?x3xui1>) -> !coreai.sparse_with_bitmask<tensor<2x3xf16>>
  coreai.output
}

// -----

coreai.graph @sparse_mask_type(%v: tensor<4xf16>, %m: tensor<2x3xi1>) {
  // expected-error @+1 {{operand #1 must be statically shaped tensor of 1-bit unsigned integer values, but got 'tensor<2x3xi1>'}}
  %0 = coreai.build_sparse_with_bitmask %v, %m : (tensor<4xf16>, tensor<2x3xi1>) -> !coreai.sparse_with_bitmask<tensor<2x3xf16>>
  coreai.output
}

// -----

coreai.graph @sparse_count(%v: tensor<7xf16>, %m: tensor<2x3xui1>) {
  // expected-error @+1 {{the number of values (7) exceeds the number of mask elements (6)}}
  %0 = coreai.build_sparse_with_bitmask %v, %m : (tensor<7xf16>, tensor<2x3xui1>) -> !coreai.sparse_with_bitmask<tensor<2x3xf16>>
  coreai.output
}

// -----

coreai.graph @sparse_result(%v: tensor<4xf16>, %m: tensor<2x3xui1>) {
  // expected-error @+1 {{result must be sparse over 'tensor<2x3xf16>'}}
  %0 = coreai.build_sparse_with_bitmask %v, %m : (tensor<4xf16>, tensor<2x3xui1>) -> !coreai.sparse_with_bitmask<tensor<2x3xf32>>
  coreai.output
}

// -----

coreai.graph @to_dense(%s: !coreai.sparse_with_bitmask<tensor<2x3xf16>>) {
  // expected-error @+1 {{result type must be 'tensor<2x3xf16>'}}
  %0 = coreai.sparse_with_bitmask_to_dense %s : !coreai.sparse_with_bitmask<tensor<2x3xf16>> -> tensor<2x3xf32>
  coreai.output
}
