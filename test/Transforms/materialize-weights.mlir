// coreai-materialize-weights replaces every chain of compression ops by the
// constant it computes, with exact values for each chain the compression
// passes emit.
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-materialize-weights)' | FileCheck %s
// Idempotent, and the chain ops and their constants are gone.
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-materialize-weights,coreai-materialize-weights)' | FileCheck %s
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-materialize-weights)' | FileCheck %s --check-prefix=GONE
// GONE-NOT: coreai.blockwise_shift_scale
// GONE-NOT: coreai.lut_to_dense
// GONE-NOT: coreai.build_sparse_with_bitmask
// GONE-NOT: coreai.sparse_with_bitmask_to_dense
// GONE-NOT: coreai.cast
// GONE-NOT: dense_resource<{{[a-z]}}

// CHECK-LABEL: coreai.graph @quantized
// int8 per-channel.
// CHECK-NEXT: coreai.constant dense<{{\[\[}}1.000000e+00, -2.000000e+00, 3.000000e+00], [2.000000e+00, 0.000000e+00, -2.000000e+00]]> : tensor<2x3xf32>
// uint8 asymmetric: (q - zp) * s, with s = 0.01 rounded to f32.
// CHECK-NEXT: coreai.constant dense<{{\[\[}}-1.69999993, -0.699999988, 0.000000e+00, 0.849999964]]> : tensor<1x4xf32>
// int4 per-block (packed si4 resource, blocks of 2 inputs).
// CHECK-NEXT: coreai.constant dense<{{\[\[}}5.000000e-01, -1.000000e+00, 3.000000e+00, -4.000000e+00], [1.000000e+01, -1.200000e+01, 1.750000e+00, -2.000000e+00]]> : tensor<2x4xf32>
// f16 results are rounded once, to nearest even: 3 * 0.0999755859375 is a
// tie between two f16 values.
// CHECK-NEXT: coreai.constant dense<{{\[\[}}9.997550e-02, 2.998050e-01]]> : tensor<1x2xf16>
// CHECK-NEXT: coreai.output
coreai.graph @quantized() -> (tensor<2x3xf32>, tensor<1x4xf32>, tensor<2x4xf32>, tensor<1x2xf16>) {
  %q = coreai.constant dense<[[2, -4, 6], [1, 0, -1]]> : tensor<2x3xsi8>
  %s = coreai.constant dense<[[5.000000e-01], [2.0]]> : tensor<2x1xf32>
  %z = coreai.constant dense<0> : tensor<2x1xsi8>
  %o = coreai.constant dense<0.000000e+00> : tensor<2x1xf32>
  %w = coreai.blockwise_shift_scale %q, %s, %z, %o : (tensor<2x3xsi8>, tensor<2x1xf32>, tensor<2x1xsi8>, tensor<2x1xf32>) -> tensor<2x3xf32>
  %uq = coreai.constant dense<[[0, 100, 170, 255]]> : tensor<1x4xui8>
  %us = coreai.constant dense<0.01> : tensor<1x1xf32>
  %uz = coreai.constant dense<170> : tensor<1x1xui8>
  %uo = coreai.constant dense<0.0> : tensor<1x1xf32>
  %uw = coreai.blockwise_shift_scale %uq, %us, %uz, %uo : (tensor<1x4xui8>, tensor<1x1xf32>, tensor<1x1xui8>, tensor<1x1xf32>) -> tensor<1x4xf32>
  %q4 = coreai.constant dense_resource<q4> : tensor<2x4xsi4>
  %s4 = coreai.constant dense<[[0.5, 1.0], [2.0, 0.25]]> : tensor<2x2xf32>
  %z4 = coreai.constant dense<0> : tensor<2x2xsi4>
  %o4 = coreai.constant dense<0.0> : tensor<2x2xf32>
  %w4 = coreai.blockwise_shift_scale %q4, %s4, %z4, %o4 : (tensor<2x4xsi4>, tensor<2x2xf32>, tensor<2x2xsi4>, tensor<2x2xf32>) -> tensor<2x4xf32>
  %hq = coreai.constant dense<[[1, 3]]> : tensor<1x2xsi8>
  %hs = coreai.constant dense<0.1> : tensor<1x1xf16>
  %hz = coreai.constant dense<0> : tensor<1x1xsi8>
  %ho = coreai.constant dense<0.0> : tensor<1x1xf16>
  %hw = coreai.blockwise_shift_scale %hq, %hs, %hz, %ho : (tensor<1x2xsi8>, tensor<1x1xf16>, tensor<1x1xsi8>, tensor<1x1xf16>) -> tensor<1x2xf16>
  coreai.output %w, %uw, %w4, %hw : tensor<2x3xf32>, tensor<1x4xf32>, tensor<2x4xf32>, tensor<1x2xf16>
}

// CHECK-LABEL: coreai.graph @mx
// FP8 data with an E8M0 scale of 2^-2.
// CHECK-NEXT: coreai.constant dense<{{\[\[}}2.500000e-01, -6.250000e-01, 1.120000e+02, 3.125000e-02]]> : tensor<1x4xf16>
// MXFP4: packed f4E2M1FN data, E8M0 scale 4.
// CHECK-NEXT: coreai.constant dense<{{\[\[}}4.000000e+00, -2.400000e+01, 2.000000e+00, 1.200000e+01]]> : tensor<1x4xf16>
coreai.graph @mx() -> (tensor<1x4xf16>, tensor<1x4xf16>) {
  %d = coreai.constant dense<[[1.0, -2.5, 448.0, 0.125]]> : tensor<1x4xf8E4M3FN>
  %e = coreai.constant dense<0.25> : tensor<1x1xf8E8M0FNU>
  %z = coreai.constant dense<0.0> : tensor<1x1xf8E4M3FN>
  %o = coreai.constant dense<0.0> : tensor<1x1xf16>
  %w = coreai.blockwise_shift_scale %d, %e, %z, %o : (tensor<1x4xf8E4M3FN>, tensor<1x1xf8E8M0FNU>, tensor<1x1xf8E4M3FN>, tensor<1x1xf16>) -> tensor<1x4xf16>
  %d4 = coreai.constant dense_resource<fp4> : tensor<1x4xf4E2M1FN>
  %e4 = coreai.constant dense<4.0> : tensor<1x1xf8E8M0FNU>
  %z4 = coreai.constant dense<0.0> : tensor<1x1xf4E2M1FN>
  %w4 = coreai.blockwise_shift_scale %d4, %e4, %z4, %o : (tensor<1x4xf4E2M1FN>, tensor<1x1xf8E8M0FNU>, tensor<1x1xf4E2M1FN>, tensor<1x1xf16>) -> tensor<1x4xf16>
  coreai.output %w, %w4 : tensor<1x4xf16>, tensor<1x4xf16>
}

// CHECK-LABEL: coreai.graph @palettized
// Per-tensor 2-bit LUT (packed ui2 resource).
// CHECK-NEXT: coreai.constant dense<{{\[\[}}-1.500000e+00, -5.000000e-01, 5.000000e-01], [1.500000e+00, -1.500000e+00, -5.000000e-01]]> : tensor<2x3xf32>
// One LUT per group of two output channels.
// CHECK-NEXT: coreai.constant dense<{{\[\[}}-1.000000e+00, 1.000000e+00], [1.000000e+00, -1.000000e+00], [-1.000000e+01, -1.000000e+01], [1.000000e+01, 1.000000e+01]]> : tensor<4x2xf32>
// Vectors of two along axis 0: out[2i + v][j] = lut[idx[i][j]][v].
// CHECK-NEXT: coreai.constant dense<{{\[\[}}1.000000e+00, 3.000000e+00], [2.000000e+00, 4.000000e+00], [3.000000e+00, 1.000000e+00], [4.000000e+00, 2.000000e+00]]> : tensor<4x2xf32>
// Quantized (si8) LUT, cast to f16 and scaled.
// CHECK-NEXT: coreai.constant dense<{{\[\[}}-2.000000e+00, -5.000000e-01, 5.000000e-01, 2.000000e+00]]> : tensor<1x4xf16>
// Per-channel scale [1, 3] multiplied back between identity casts.
// CHECK-NEXT: coreai.constant dense<{{\[\[}}-1.000000e+00, 2.000000e+00, 4.000000e+00], [1.000000e+00, -2.000000e+00, -4.000000e+00]]> : tensor<2x3xf16>
coreai.graph @palettized() -> (tensor<2x3xf32>, tensor<4x2xf32>, tensor<4x2xf32>, tensor<1x4xf16>, tensor<2x3xf16>) {
  %ax = coreai.constant dense<0> : tensor<si16>
  %i2 = coreai.constant dense_resource<idx2> : tensor<2x3xui2>
  %l2 = coreai.constant dense<[[[[-1.5], [-0.5], [0.5], [1.5]]]]> : tensor<1x1x4x1xf32>
  %p = coreai.lut_to_dense %i2, %l2, %ax : (tensor<2x3xui2>, tensor<1x1x4x1xf32>, tensor<si16>) -> tensor<2x3xf32>
  %ig = coreai.constant dense<[[0, 1], [1, 0], [0, 0], [1, 1]]> : tensor<4x2xui1>
  %lg = coreai.constant dense<[[[[-1.0], [1.0]]], [[[-10.0], [10.0]]]]> : tensor<2x1x2x1xf32>
  %g = coreai.lut_to_dense %ig, %lg, %ax : (tensor<4x2xui1>, tensor<2x1x2x1xf32>, tensor<si16>) -> tensor<4x2xf32>
  %iv = coreai.constant dense<[[0, 1], [1, 0]]> : tensor<2x2xui1>
  %lv = coreai.constant dense<[[[[1.0, 2.0], [3.0, 4.0]]]]> : tensor<1x1x2x2xf32>
  %v = coreai.lut_to_dense %iv, %lv, %ax : (tensor<2x2xui1>, tensor<1x1x2x2xf32>, tensor<si16>) -> tensor<4x2xf32>
  %iq = coreai.constant dense<[[0, 1, 2, 3]]> : tensor<1x4xui2>
  %lq = coreai.constant dense<[[[[-4], [-1], [1], [4]]]]> : tensor<1x1x4x1xsi8>
  %dq = coreai.lut_to_dense %iq, %lq, %ax : (tensor<1x4xui2>, tensor<1x1x4x1xsi8>, tensor<si16>) -> tensor<1x4xsi8>
  %cq = coreai.cast %dq : tensor<1x4xsi8> to tensor<1x4xf16>
  %sq = coreai.constant dense<0.5> : tensor<1x1xf16>
  %zq = coreai.constant dense<0.0> : tensor<1x1xf16>
  %q = coreai.blockwise_shift_scale %cq, %sq, %zq, %zq : (tensor<1x4xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<1x4xf16>
  %ic = coreai.constant dense<[[0, 1, 1], [1, 0, 0]]> : tensor<2x3xui1>
  %lc = coreai.constant dense<[[[[-1.0], [1.0]]]]> : tensor<1x1x2x1xf16>
  %dc = coreai.lut_to_dense %ic, %lc, %ax : (tensor<2x3xui1>, tensor<1x1x2x1xf16>, tensor<si16>) -> tensor<2x3xf16>
  %c1 = coreai.cast %dc : tensor<2x3xf16> to tensor<2x3xf16>
  %pcs = coreai.constant dense<[[1.0, 2.0, 4.0]]> : tensor<1x3xf16>
  %pz = coreai.constant dense<0.0> : tensor<1x3xf16>
  %b = coreai.blockwise_shift_scale %c1, %pcs, %pz, %pz : (tensor<2x3xf16>, tensor<1x3xf16>, tensor<1x3xf16>, tensor<1x3xf16>) -> tensor<2x3xf16>
  %c2 = coreai.cast %b : tensor<2x3xf16> to tensor<2x3xf16>
  coreai.output %p, %g, %v, %q, %c2 : tensor<2x3xf32>, tensor<4x2xf32>, tensor<4x2xf32>, tensor<1x4xf16>, tensor<2x3xf16>
}

// CHECK-LABEL: coreai.graph @sparse
// Values scattered in row-major order where the mask is 1.
// CHECK-NEXT: coreai.constant dense<{{\[\[}}1.500000e+00, 0.000000e+00, -2.000000e+00], [0.000000e+00, 0.000000e+00, 3.000000e+00]]> : tensor<2x3xf32>
// Quantized values dequantized before the scatter: zeros stay 0.
// CHECK-NEXT: coreai.constant dense<{{\[\[}}1.000000e+00, 0.000000e+00, -2.000000e+00], [0.000000e+00, 0.000000e+00, 3.000000e+00]]> : tensor<2x3xf16>
// The reference's order (dequantize after the scatter) turns uint8 zeros
// into -zp * s.
// CHECK-NEXT: coreai.constant dense<{{\[\[}}0.729999959, -1.270000e+00, -0.76999998], [-1.270000e+00, -1.270000e+00, 0.000000e+00]]> : tensor<2x3xf32>
// Palettized values (a rank-3 LUT over the 1-D values).
// CHECK-NEXT: coreai.constant dense<{{\[\[}}1.500000e+00, 0.000000e+00, 5.000000e-01], [0.000000e+00, 0.000000e+00, 2.000000e+00]]> : tensor<2x3xf16>
coreai.graph @sparse() -> (tensor<2x3xf32>, tensor<2x3xf16>, tensor<2x3xf32>, tensor<2x3xf16>) {
  %m = coreai.constant dense<[[1, 0, 1], [0, 0, 1]]> : tensor<2x3xui1>
  %v = coreai.constant dense<[1.5, -2.0, 3.0]> : tensor<3xf32>
  %sp = coreai.build_sparse_with_bitmask %v, %m : (tensor<3xf32>, tensor<2x3xui1>) -> !coreai.sparse_with_bitmask<tensor<2x3xf32>>
  %d = coreai.sparse_with_bitmask_to_dense %sp : !coreai.sparse_with_bitmask<tensor<2x3xf32>> -> tensor<2x3xf32>
  %qv = coreai.constant dense<[2, -4, 6]> : tensor<3xsi8>
  %qs = coreai.constant dense<0.5> : tensor<1xf16>
  %qz = coreai.constant dense<0> : tensor<1xsi8>
  %qo = coreai.constant dense<0.0> : tensor<1xf16>
  %dv = coreai.blockwise_shift_scale %qv, %qs, %qz, %qo : (tensor<3xsi8>, tensor<1xf16>, tensor<1xsi8>, tensor<1xf16>) -> tensor<3xf16>
  %qsp = coreai.build_sparse_with_bitmask %dv, %m : (tensor<3xf16>, tensor<2x3xui1>) -> !coreai.sparse_with_bitmask<tensor<2x3xf16>>
  %qd = coreai.sparse_with_bitmask_to_dense %qsp : !coreai.sparse_with_bitmask<tensor<2x3xf16>> -> tensor<2x3xf16>
  %uv = coreai.constant dense<[200, 50, 127]> : tensor<3xui8>
  %usp = coreai.build_sparse_with_bitmask %uv, %m : (tensor<3xui8>, tensor<2x3xui1>) -> !coreai.sparse_with_bitmask<tensor<2x3xui8>>
  %ud = coreai.sparse_with_bitmask_to_dense %usp : !coreai.sparse_with_bitmask<tensor<2x3xui8>> -> tensor<2x3xui8>
  %us = coreai.constant dense<0.01> : tensor<1x1xf32>
  %uz = coreai.constant dense<127> : tensor<1x1xui8>
  %uo = coreai.constant dense<0.0> : tensor<1x1xf32>
  %uw = coreai.blockwise_shift_scale %ud, %us, %uz, %uo : (tensor<2x3xui8>, tensor<1x1xf32>, tensor<1x1xui8>, tensor<1x1xf32>) -> tensor<2x3xf32>
  %pi = coreai.constant dense<[2, 0, 3]> : tensor<3xui2>
  %pl = coreai.constant dense<[[[0.5], [1.0], [1.5], [2.0]]]> : tensor<1x4x1xf16>
  %pax = coreai.constant dense<0> : tensor<si16>
  %pv = coreai.lut_to_dense %pi, %pl, %pax : (tensor<3xui2>, tensor<1x4x1xf16>, tensor<si16>) -> tensor<3xf16>
  %psp = coreai.build_sparse_with_bitmask %pv, %m : (tensor<3xf16>, tensor<2x3xui1>) -> !coreai.sparse_with_bitmask<tensor<2x3xf16>>
  %pd = coreai.sparse_with_bitmask_to_dense %psp : !coreai.sparse_with_bitmask<tensor<2x3xf16>> -> tensor<2x3xf16>
  coreai.output %d, %qd, %uw, %pd : tensor<2x3xf32>, tensor<2x3xf16>, tensor<2x3xf32>, tensor<2x3xf16>
}

// Chains that end in a weight consumer are replaced in place; the consumer
// and the transpose stay.
// CHECK-LABEL: coreai.graph @in_place
// CHECK-NEXT:  %[[W:.*]] = coreai.constant dense<{{\[\[}}1.000000e+00, -2.000000e+00]]> : tensor<1x2xf32>
// CHECK-NEXT:  %[[P:.*]] = coreai.constant dense<[1, 0]> : tensor<2xui32>
// CHECK-NEXT:  %[[T:.*]] = coreai.transpose %[[W]], %[[P]]
// CHECK-NEXT:  %[[Y:.*]] = coreai.decomposable.broadcasting_batch_matmul %{{.*}}, %[[T]]
// CHECK-NEXT:  coreai.output %[[Y]]
coreai.graph @in_place(%x: tensor<3x2xf32>) -> tensor<3x1xf32> {
  %q = coreai.constant dense<[[2, -4]]> : tensor<1x2xsi8>
  %s = coreai.constant dense<0.5> : tensor<1x1xf32>
  %z = coreai.constant dense<0> : tensor<1x1xsi8>
  %o = coreai.constant dense<0.0> : tensor<1x1xf32>
  %w = coreai.blockwise_shift_scale %q, %s, %z, %o : (tensor<1x2xsi8>, tensor<1x1xf32>, tensor<1x1xsi8>, tensor<1x1xf32>) -> tensor<1x2xf32>
  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>
  %wt = coreai.transpose %w, %perm : (tensor<1x2xf32>, tensor<2xui32>) -> tensor<2x1xf32>
  %y = coreai.decomposable.broadcasting_batch_matmul %x, %wt : (tensor<3x2xf32>, tensor<2x1xf32>) -> tensor<3x1xf32>
  coreai.output %y : tensor<3x1xf32>
}
{-#
  dialect_resources: {
    builtin: {
      q4: "0x01000000E1C3A587",
      fp4: "0x01000000F251",
      idx2: "0x01000000E404"
    }
  }
#-}
