// The weight consumers and the decoder chains (docs/compression.md section
// 6) round-trip in text, generic form and bytecode.
// RUN: coreai-opt %s | FileCheck %s
// RUN: coreai-opt %s --mlir-print-op-generic | coreai-opt | FileCheck %s
// RUN: coreai-opt %s --emit-bytecode | coreai-opt | FileCheck %s

// CHECK-LABEL: coreai.graph @quantized
// CHECK-SAME:    (%[[X:.*]]: tensor<2x2048xf16>, %[[IMG:.*]]: tensor<1x64x8x8xf16>)
coreai.graph @quantized(%x: tensor<2x2048xf16>, %img: tensor<1x64x8x8xf16>) -> (tensor<2x32xf16>, tensor<1x64x8x8xf16>) {
  // int8 per-channel linear: BSS -> transpose -> broadcasting_batch_matmul.
  // CHECK:      %[[Q:.*]] = coreai.constant dense<3> : tensor<32x2048xsi8>
  // CHECK-NEXT: %[[S:.*]] = coreai.constant dense_resource<s8> : tensor<32x1xf16>
  // CHECK-NEXT: %[[ZP:.*]] = coreai.constant dense<0> : tensor<32x1xsi8>
  // CHECK-NEXT: %[[O2:.*]] = coreai.constant dense<0.000000e+00> : tensor<32x1xf16>
  // CHECK-NEXT: %[[W:.*]] = coreai.blockwise_shift_scale %[[Q]], %[[S]], %[[ZP]], %[[O2]] : (tensor<32x2048xsi8>, tensor<32x1xf16>, tensor<32x1xsi8>, tensor<32x1xf16>) -> tensor<32x2048xf16>
  // CHECK-NEXT: %[[PERM:.*]] = coreai.constant dense<[1, 0]> : tensor<2xui32>
  // CHECK-NEXT: %[[WT:.*]] = coreai.transpose %[[W]], %[[PERM]] : (tensor<32x2048xf16>, tensor<2xui32>) -> tensor<2048x32xf16>
  // CHECK-NEXT: %[[Y:.*]] = coreai.decomposable.broadcasting_batch_matmul %[[X]], %[[WT]] : (tensor<2x2048xf16>, tensor<2048x32xf16>) -> tensor<2x32xf16>
  %q = coreai.constant dense<3> : tensor<32x2048xsi8>
  %s = coreai.constant dense_resource<s8> : tensor<32x1xf16>
  %zp = coreai.constant dense<0> : tensor<32x1xsi8>
  %o2 = coreai.constant dense<0.000000e+00> : tensor<32x1xf16>
  %w = coreai.blockwise_shift_scale %q, %s, %zp, %o2 : (tensor<32x2048xsi8>, tensor<32x1xf16>, tensor<32x1xsi8>, tensor<32x1xf16>) -> tensor<32x2048xf16>
  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>
  %wt = coreai.transpose %w, %perm : (tensor<32x2048xf16>, tensor<2xui32>) -> tensor<2048x32xf16>
  %y = coreai.decomposable.broadcasting_batch_matmul %x, %wt : (tensor<2x2048xf16>, tensor<2048x32xf16>) -> tensor<2x32xf16>
  // int4 per-block conv weight, as the real toolchain prints it.
  // CHECK:      %[[Q4:.*]] = coreai.constant dense_resource<q4> : tensor<64x64x1x1xsi4>
  // CHECK:      %[[W4:.*]] = coreai.blockwise_shift_scale %[[Q4]], %{{.*}}, %{{.*}}, %{{.*}} : (tensor<64x64x1x1xsi4>, tensor<64x2x1x1xf16>, tensor<64x2x1x1xsi4>, tensor<64x2x1x1xf16>) -> tensor<64x64x1x1xf16>
  // CHECK:      coreai.conv2d %[[IMG]], %[[W4]], %[[ONE2:.*]], %[[ONE2]], %{{.*}} : (tensor<1x64x8x8xf16>, tensor<64x64x1x1xf16>, tensor<2xui32>, tensor<2xui32>, tensor<ui32>) -> tensor<1x64x8x8xf16>
  %q4 = coreai.constant dense_resource<q4> : tensor<64x64x1x1xsi4>
  %s4 = coreai.constant dense<1.000000e+00> : tensor<64x2x1x1xf16>
  %z4 = coreai.constant dense<0> : tensor<64x2x1x1xsi4>
  %o4 = coreai.constant dense<0.000000e+00> : tensor<64x2x1x1xf16>
  %w4 = coreai.blockwise_shift_scale %q4, %s4, %z4, %o4 : (tensor<64x64x1x1xsi4>, tensor<64x2x1x1xf16>, tensor<64x2x1x1xsi4>, tensor<64x2x1x1xf16>) -> tensor<64x64x1x1xf16>
  %one2 = coreai.constant dense<1> : tensor<2xui32>
  %groups = coreai.constant dense<1> : tensor<ui32>
  %conv = coreai.conv2d %img, %w4, %one2, %one2, %groups : (tensor<1x64x8x8xf16>, tensor<64x64x1x1xf16>, tensor<2xui32>, tensor<2xui32>, tensor<ui32>) -> tensor<1x64x8x8xf16>
  coreai.output %y, %conv : tensor<2x32xf16>, tensor<1x64x8x8xf16>
}

// CHECK-LABEL: coreai.graph @float_formats
coreai.graph @float_formats(%x: tensor<2x64xf16>) -> (tensor<64x64xf16>, tensor<64x64xf16>, tensor<2x64xf16>) {
  // FP8 with E8M0 (MX) scales; the result type follows offset2.
  // CHECK:      coreai.blockwise_shift_scale %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : (tensor<64x64xf8E4M3FN>, tensor<64x2xf8E8M0FNU>, tensor<64x2xf8E4M3FN>, tensor<64x2xf16>) -> tensor<64x64xf16>
  %d8 = coreai.constant dense<1.000000e+00> : tensor<64x64xf8E4M3FN>
  %e8 = coreai.constant dense<1.000000e+00> : tensor<64x2xf8E8M0FNU>
  %z8 = coreai.constant dense<0.000000e+00> : tensor<64x2xf8E4M3FN>
  %o8 = coreai.constant dense<0.000000e+00> : tensor<64x2xf16>
  %w8 = coreai.blockwise_shift_scale %d8, %e8, %z8, %o8 : (tensor<64x64xf8E4M3FN>, tensor<64x2xf8E8M0FNU>, tensor<64x2xf8E4M3FN>, tensor<64x2xf16>) -> tensor<64x64xf16>
  // MXFP4: packed f4E2M1FN data, one E8M0 scale per 32 inputs.
  // CHECK:      coreai.blockwise_shift_scale %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : (tensor<64x64xf4E2M1FN>, tensor<64x2xf8E8M0FNU>, tensor<64x2xf4E2M1FN>, tensor<64x2xf16>) -> tensor<64x64xf16>
  %d4 = coreai.constant dense<1.000000e+00> : tensor<64x64xf4E2M1FN>
  %z4 = coreai.constant dense<0.000000e+00> : tensor<64x2xf4E2M1FN>
  %w4 = coreai.blockwise_shift_scale %d4, %e8, %z4, %o8 : (tensor<64x64xf4E2M1FN>, tensor<64x2xf8E8M0FNU>, tensor<64x2xf4E2M1FN>, tensor<64x2xf16>) -> tensor<64x64xf16>
  // batch_matmul with the weight as y.
  // CHECK:      coreai.batch_matmul %{{.*}}, %{{.*}} : (tensor<2x64xf16>, tensor<64x64xf16>) -> tensor<2x64xf16>
  %mm = coreai.batch_matmul %x, %w4 : (tensor<2x64xf16>, tensor<64x64xf16>) -> tensor<2x64xf16>
  coreai.output %w8, %w4, %mm : tensor<64x64xf16>, tensor<64x64xf16>, tensor<2x64xf16>
}

// CHECK-LABEL: coreai.graph @palettized
coreai.graph @palettized(%ids: tensor<2x3x1xsi32>) -> (tensor<32x2048xf16>, tensor<32x2048xf16>, tensor<32x2048xf16>, tensor<4x3xf16>, tensor<2x3x2048xf16>) {
  // Source order: indices, axis, LUT, lut_to_dense.
  // CHECK:      %[[IDX:.*]] = coreai.constant dense<5> : tensor<32x2048xui4>
  // CHECK-NEXT: %[[AXIS:.*]] = coreai.constant dense<0> : tensor<si16>
  // CHECK-NEXT: %[[LUT:.*]] = coreai.constant dense<1.000000e+00> : tensor<1x1x16x1xf16>
  // CHECK-NEXT: %[[P:.*]] = coreai.lut_to_dense %[[IDX]], %[[LUT]], %[[AXIS]] : (tensor<32x2048xui4>, tensor<1x1x16x1xf16>, tensor<si16>) -> tensor<32x2048xf16>
  %idx = coreai.constant dense<5> : tensor<32x2048xui4>
  %axis = coreai.constant dense<0> : tensor<si16>
  %lut = coreai.constant dense<1.0> : tensor<1x1x16x1xf16>
  %p = coreai.lut_to_dense %idx, %lut, %axis : (tensor<32x2048xui4>, tensor<1x1x16x1xf16>, tensor<si16>) -> tensor<32x2048xf16>
  // Per-channel scale: identity casts around a float BSS.
  // CHECK:      %[[C1:.*]] = coreai.cast %[[P]] : tensor<32x2048xf16> to tensor<32x2048xf16>
  // CHECK:      %[[B:.*]] = coreai.blockwise_shift_scale %[[C1]], %{{.*}}, %{{.*}}, %{{.*}} : (tensor<32x2048xf16>, tensor<1x2048xf16>, tensor<1x2048xf16>, tensor<1x2048xf16>) -> tensor<32x2048xf16>
  // CHECK-NEXT: coreai.cast %[[B]] : tensor<32x2048xf16> to tensor<32x2048xf16>
  %pcs = coreai.constant dense<2.0> : tensor<1x2048xf16>
  %pz = coreai.constant dense<0.0> : tensor<1x2048xf16>
  %c1 = coreai.cast %p : tensor<32x2048xf16> to tensor<32x2048xf16>
  %b = coreai.blockwise_shift_scale %c1, %pcs, %pz, %pz : (tensor<32x2048xf16>, tensor<1x2048xf16>, tensor<1x2048xf16>, tensor<1x2048xf16>) -> tensor<32x2048xf16>
  %c2 = coreai.cast %b : tensor<32x2048xf16> to tensor<32x2048xf16>
  // Quantized LUT (int8): lut_to_dense in si8, cast, float BSS.
  // CHECK:      %[[QL:.*]] = coreai.lut_to_dense %[[IDX]], %{{.*}}, %[[AXIS]] : (tensor<32x2048xui4>, tensor<1x1x16x1xsi8>, tensor<si16>) -> tensor<32x2048xsi8>
  // CHECK-NEXT: %[[QC:.*]] = coreai.cast %[[QL]] : tensor<32x2048xsi8> to tensor<32x2048xf16>
  %lut8 = coreai.constant dense<[[[[-8], [-7], [-6], [-5], [-4], [-3], [-2], [-1], [0], [1], [2], [3], [4], [5], [6], [7]]]]> : tensor<1x1x16x1xsi8>
  %ql = coreai.lut_to_dense %idx, %lut8, %axis : (tensor<32x2048xui4>, tensor<1x1x16x1xsi8>, tensor<si16>) -> tensor<32x2048xsi8>
  %qc = coreai.cast %ql : tensor<32x2048xsi8> to tensor<32x2048xf16>
  %ls = coreai.constant dense<5.000000e-01> : tensor<1x1xf16>
  %lz = coreai.constant dense<0.000000e+00> : tensor<1x1xf16>
  %qb = coreai.blockwise_shift_scale %qc, %ls, %lz, %lz : (tensor<32x2048xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<32x2048xf16>
  // Vector palettes (cluster-dim 2) along axis 0, 1-bit and 2-bit indices.
  // CHECK:      coreai.lut_to_dense %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x3xui1>, tensor<1x1x2x2xf16>, tensor<si16>) -> tensor<4x3xf16>
  %i1 = coreai.constant dense<[[1, 0, 1], [0, 1, 1]]> : tensor<2x3xui1>
  %v2 = coreai.constant dense<1.0> : tensor<1x1x2x2xf16>
  %vd = coreai.lut_to_dense %i1, %v2, %axis : (tensor<2x3xui1>, tensor<1x1x2x2xf16>, tensor<si16>) -> tensor<4x3xf16>
  // An embedding table, palettized with 2-bit indices, feeds gather_nd.
  // CHECK:      %[[E:.*]] = coreai.lut_to_dense %{{.*}}, %{{.*}}, %[[AXIS]] : (tensor<10x2048xui2>, tensor<1x1x4x1xf16>, tensor<si16>) -> tensor<10x2048xf16>
  // CHECK-NEXT: coreai.gather_nd %[[E]] at %{{.*}} : (tensor<10x2048xf16>, tensor<2x3x1xsi32>) to tensor<2x3x2048xf16>
  %i2 = coreai.constant dense<3> : tensor<10x2048xui2>
  %l2 = coreai.constant dense<1.0> : tensor<1x1x4x1xf16>
  %emb = coreai.lut_to_dense %i2, %l2, %axis : (tensor<10x2048xui2>, tensor<1x1x4x1xf16>, tensor<si16>) -> tensor<10x2048xf16>
  %g = coreai.gather_nd %emb at %ids : (tensor<10x2048xf16>, tensor<2x3x1xsi32>) to tensor<2x3x2048xf16>
  coreai.output %p, %c2, %qb, %vd, %g : tensor<32x2048xf16>, tensor<32x2048xf16>, tensor<32x2048xf16>, tensor<4x3xf16>, tensor<2x3x2048xf16>
}

// CHECK-LABEL: coreai.graph @sparse
coreai.graph @sparse() -> (tensor<3x4xf16>, tensor<3x4xf16>, tensor<3x4xf16>) {
  // Plain: values + mask -> build -> to_dense.
  // CHECK:      %[[V:.*]] = coreai.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00]> : tensor<3xf16>
  // CHECK-NEXT: %[[M:.*]] = coreai.constant dense_resource<mask> : tensor<3x4xui1>
  // CHECK-NEXT: %[[SP:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<3xf16>, tensor<3x4xui1>) -> !coreai.sparse_with_bitmask<tensor<3x4xf16>>
  // CHECK-NEXT: %{{.*}} = coreai.sparse_with_bitmask_to_dense %[[SP]] : !coreai.sparse_with_bitmask<tensor<3x4xf16>> -> tensor<3x4xf16>
  %v = coreai.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf16>
  %m = coreai.constant dense_resource<mask> : tensor<3x4xui1>
  %sp = coreai.build_sparse_with_bitmask %v, %m : (tensor<3xf16>, tensor<3x4xui1>) -> !coreai.sparse_with_bitmask<tensor<3x4xf16>>
  %d = coreai.sparse_with_bitmask_to_dense %sp : !coreai.sparse_with_bitmask<tensor<3x4xf16>> -> tensor<3x4xf16>
  // Quantized values: dequantized by a per-tensor BSS.
  // CHECK:      coreai.build_sparse_with_bitmask %{{.*}}, %[[M]] : (tensor<3xsi8>, tensor<3x4xui1>) -> !coreai.sparse_with_bitmask<tensor<3x4xsi8>>
  // CHECK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<3x4xsi8>, tensor<1x1xf16>, tensor<1x1xsi8>, tensor<1x1xf16>) -> tensor<3x4xf16>
  %qv = coreai.constant dense<[1, 2, 3]> : tensor<3xsi8>
  %qs = coreai.build_sparse_with_bitmask %qv, %m : (tensor<3xsi8>, tensor<3x4xui1>) -> !coreai.sparse_with_bitmask<tensor<3x4xsi8>>
  %qd = coreai.sparse_with_bitmask_to_dense %qs : !coreai.sparse_with_bitmask<tensor<3x4xsi8>> -> tensor<3x4xsi8>
  %s = coreai.constant dense<5.000000e-01> : tensor<1x1xf16>
  %z = coreai.constant dense<0> : tensor<1x1xsi8>
  %o = coreai.constant dense<0.000000e+00> : tensor<1x1xf16>
  %qw = coreai.blockwise_shift_scale %qd, %s, %z, %o : (tensor<3x4xsi8>, tensor<1x1xf16>, tensor<1x1xsi8>, tensor<1x1xf16>) -> tensor<3x4xf16>
  // Palettized values: a rank-3 LUT over the 1-D values.
  // CHECK:      coreai.lut_to_dense %{{.*}}, %{{.*}}, %{{.*}} : (tensor<3xui2>, tensor<1x4x1xf16>, tensor<si16>) -> tensor<3xf16>
  %pi = coreai.constant dense_resource<pidx> : tensor<3xui2>
  %pl = coreai.constant dense<[[[0.5], [1.0], [1.5], [2.0]]]> : tensor<1x4x1xf16>
  %ax = coreai.constant dense<0> : tensor<si16>
  %pv = coreai.lut_to_dense %pi, %pl, %ax : (tensor<3xui2>, tensor<1x4x1xf16>, tensor<si16>) -> tensor<3xf16>
  %ps = coreai.build_sparse_with_bitmask %pv, %m : (tensor<3xf16>, tensor<3x4xui1>) -> !coreai.sparse_with_bitmask<tensor<3x4xf16>>
  %pd = coreai.sparse_with_bitmask_to_dense %ps : !coreai.sparse_with_bitmask<tensor<3x4xf16>> -> tensor<3x4xf16>
  coreai.output %d, %qw, %pd : tensor<3x4xf16>, tensor<3x4xf16>, tensor<3x4xf16>
}
{-#
  dialect_resources: {
    builtin: {
      s8: "0x1000000000200020002000200020002000200020002000200020002000200020002000200020002000200020002000200020002000200020002000200020002000200020",
      q4: "0x01000000000D1A2734414E5B6875828F9CA9B6C3D0DDEAF704111E2B3845525F6C798693A0ADBAC7D4E1EEFB0815222F3C495663707D8A97A4B1BECBD8E5F2FF0C192633404D5A6774818E9BA8B5C2CFDCE9F603101D2A3744515E6B7885929FACB9C6D3E0EDFA0714212E3B4855626F7C8996A3B0BDCAD7E4F1FE0B1825323F4C596673808D9AA7B4C1CEDBE8F5020F1C293643505D6A7784919EABB8C5D2DFECF90613202D3A4754616E7B8895A2AFBCC9D6E3F0FD0A1724313E4B5865727F8C99A6B3C0CDDAE7F4010E1B2835424F5C697683909DAAB7C4D1DEEBF805121F2C394653606D7A8794A1AEBBC8D5E2EFFC091623303D4A5764717E8B98A5B2BFCCD9E6F3000D1A2734414E5B6875828F9CA9B6C3D0DDEAF704111E2B3845525F6C798693A0ADBAC7D4E1EEFB0815222F3C495663707D8A97A4B1BECBD8E5F2FF0C192633404D5A6774818E9BA8B5C2CFDCE9F603101D2A3744515E6B7885929FACB9C6D3E0EDFA0714212E3B4855626F7C8996A3B0BDCAD7E4F1FE0B1825323F4C596673808D9AA7B4C1CEDBE8F5020F1C293643505D6A7784919EABB8C5D2DFECF90613202D3A4754616E7B8895A2AFBCC9D6E3F0FD0A1724313E4B5865727F8C99A6B3C0CDDAE7F4010E1B2835424F5C697683909DAAB7C4D1DEEBF805121F2C394653606D7A8794A1AEBBC8D5E2EFFC091623303D4A5764717E8B98A5B2BFCCD9E6F3000D1A2734414E5B6875828F9CA9B6C3D0DDEAF704111E2B3845525F6C798693A0ADBAC7D4E1EEFB0815222F3C495663707D8A97A4B1BECBD8E5F2FF0C192633404D5A6774818E9BA8B5C2CFDCE9F603101D2A3744515E6B7885929FACB9C6D3E0EDFA0714212E3B4855626F7C8996A3B0BDCAD7E4F1FE0B1825323F4C596673808D9AA7B4C1CEDBE8F5020F1C293643505D6A7784919EABB8C5D2DFECF90613202D3A4754616E7B8895A2AFBCC9D6E3F0FD0A1724313E4B5865727F8C99A6B3C0CDDAE7F4010E1B2835424F5C697683909DAAB7C4D1DEEBF805121F2C394653606D7A8794A1AEBBC8D5E2EFFC091623303D4A5764717E8B98A5B2BFCCD9E6F3000D1A2734414E5B6875828F9CA9B6C3D0DDEAF704111E2B3845525F6C798693A0ADBAC7D4E1EEFB0815222F3C495663707D8A97A4B1BECBD8E5F2FF0C192633404D5A6774818E9BA8B5C2CFDCE9F603101D2A3744515E6B7885929FACB9C6D3E0EDFA0714212E3B4855626F7C8996A3B0BDCAD7E4F1FE0B1825323F4C596673808D9AA7B4C1CEDBE8F5020F1C293643505D6A7784919EABB8C5D2DFECF90613202D3A4754616E7B8895A2AFBCC9D6E3F0FD0A1724313E4B5865727F8C99A6B3C0CDDAE7F4010E1B2835424F5C697683909DAAB7C4D1DEEBF805121F2C394653606D7A8794A1AEBBC8D5E2EFFC091623303D4A5764717E8B98A5B2BFCCD9E6F3000D1A2734414E5B6875828F9CA9B6C3D0DDEAF704111E2B3845525F6C798693A0ADBAC7D4E1EEFB0815222F3C495663707D8A97A4B1BECBD8E5F2FF0C192633404D5A6774818E9BA8B5C2CFDCE9F603101D2A3744515E6B7885929FACB9C6D3E0EDFA0714212E3B4855626F7C8996A3B0BDCAD7E4F1FE0B1825323F4C596673808D9AA7B4C1CEDBE8F5020F1C293643505D6A7784919EABB8C5D2DFECF90613202D3A4754616E7B8895A2AFBCC9D6E3F0FD0A1724313E4B5865727F8C99A6B3C0CDDAE7F4010E1B2835424F5C697683909DAAB7C4D1DEEBF805121F2C394653606D7A8794A1AEBBC8D5E2EFFC091623303D4A5764717E8B98A5B2BFCCD9E6F3000D1A2734414E5B6875828F9CA9B6C3D0DDEAF704111E2B3845525F6C798693A0ADBAC7D4E1EEFB0815222F3C495663707D8A97A4B1BECBD8E5F2FF0C192633404D5A6774818E9BA8B5C2CFDCE9F603101D2A3744515E6B7885929FACB9C6D3E0EDFA0714212E3B4855626F7C8996A3B0BDCAD7E4F1FE0B1825323F4C596673808D9AA7B4C1CEDBE8F5020F1C293643505D6A7784919EABB8C5D2DFECF90613202D3A4754616E7B8895A2AFBCC9D6E3F0FD0A1724313E4B5865727F8C99A6B3C0CDDAE7F4010E1B2835424F5C697683909DAAB7C4D1DEEBF805121F2C394653606D7A8794A1AEBBC8D5E2EFFC091623303D4A5764717E8B98A5B2BFCCD9E6F3000D1A2734414E5B6875828F9CA9B6C3D0DDEAF704111E2B3845525F6C798693A0ADBAC7D4E1EEFB0815222F3C495663707D8A97A4B1BECBD8E5F2FF0C192633404D5A6774818E9BA8B5C2CFDCE9F603101D2A3744515E6B7885929FACB9C6D3E0EDFA0714212E3B4855626F7C8996A3B0BDCAD7E4F1FE0B1825323F4C596673808D9AA7B4C1CEDBE8F5020F1C293643505D6A7784919EABB8C5D2DFECF90613202D3A4754616E7B8895A2AFBCC9D6E3F0FD0A1724313E4B5865727F8C99A6B3C0CDDAE7F4010E1B2835424F5C697683909DAAB7C4D1DEEBF805121F2C394653606D7A8794A1AEBBC8D5E2EFFC091623303D4A5764717E8B98A5B2BFCCD9E6F3000D1A2734414E5B6875828F9CA9B6C3D0DDEAF704111E2B3845525F6C798693A0ADBAC7D4E1EEFB0815222F3C495663707D8A97A4B1BECBD8E5F2FF0C192633404D5A6774818E9BA8B5C2CFDCE9F603101D2A3744515E6B7885929FACB9C6D3E0EDFA0714212E3B4855626F7C8996A3B0BDCAD7E4F1FE0B1825323F4C596673808D9AA7B4C1CEDBE8F5020F1C293643505D6A7784919EABB8C5D2DFECF90613202D3A4754616E7B8895A2AFBCC9D6E3F0FD0A1724313E4B5865727F8C99A6B3C0CDDAE7F4010E1B2835424F5C697683909DAAB7C4D1DEEBF805121F2C394653606D7A8794A1AEBBC8D5E2EFFC091623303D4A5764717E8B98A5B2BFCCD9E6F3",
      mask: "0x010000009100",
      pidx: "0x0100000024"
    }
  }
#-}
