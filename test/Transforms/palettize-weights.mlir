// Palettization of a small linear weight W[4, 8] (f32, output axis 0),
// with exact LUTs: each scalar LUT is the least-squares optimum of its
// group's values (row 0 is 0.1 .. 0.8 in steps of 0.1: four pairs), unused
// entries are 0 (row 2 holds one value), indices are packed LSB first.
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=2 granularity=per_channel weight-num-threshold=8})' | FileCheck %s --check-prefix=CHANNEL
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=2 granularity=per_channel weight-num-threshold=8},coreai-materialize-weights)' | FileCheck %s --check-prefix=CHANNEL-VALUES
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=1 weight-num-threshold=8})' | FileCheck %s --check-prefix=TENSOR1
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=2 granularity=per_grouped_channel group-size=2 weight-num-threshold=8})' | FileCheck %s --check-prefix=GROUPED
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=1 cluster-dim=2 weight-num-threshold=8})' | FileCheck %s --check-prefix=VECTOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=3 weight-num-threshold=8})' | FileCheck %s --check-prefix=BITS3
// 6- and 8-bit LUTs of f32 would be bigger than this 4x8 f32 weight: it stays
// (palettize-weights-wide.mlir checks their packing on a larger weight).
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=6 weight-num-threshold=8})' 2>&1 | FileCheck %s --check-prefixes=BITS6,UNCHANGED
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=8 weight-num-threshold=8})' 2>&1 | FileCheck %s --check-prefixes=BITS8,UNCHANGED
// The threshold: 32 elements are not more than 32.
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{weight-num-threshold=32})' | FileCheck %s --check-prefix=UNCHANGED
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights)' | FileCheck %s --check-prefix=UNCHANGED
// Fast mode rounds to rounding-precision decimals (half to even) to choose
// the partition; entries stay means of the unrounded values. With 0
// decimals row 0 has two keys: 0.1 .. 0.5 round to 0 (mean 0.3), 0.6 .. 0.8
// to 1 (mean 0.7). Without fast mode the decimals do not matter.
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=2 granularity=per_channel rounding-precision=0 weight-num-threshold=8})' | FileCheck %s --check-prefix=ROUND0
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=2 granularity=per_channel rounding-precision=0 enable-fast-kmeans-mode=false weight-num-threshold=8})' | FileCheck %s --check-prefix=CHANNEL
// Quantized LUTs and the per-channel scale.
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=2 lut-dtype=int8 weight-num-threshold=8})' | FileCheck %s --check-prefix=LUT-INT8
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=2 lut-dtype=fp8_e4m3fn weight-num-threshold=8})' | FileCheck %s --check-prefix=LUT-FP8
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=2 lut-dtype=fp8_e5m2 weight-num-threshold=8})' | FileCheck %s --check-prefix=LUT-FP8E5
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=2 enable-per-channel-scale=true weight-num-threshold=8})' | FileCheck %s --check-prefix=PCS
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=2 lut-dtype=uint8 enable-per-channel-scale=true weight-num-threshold=8})' | FileCheck %s --check-prefix=LUT-UINT8-PCS

coreai.graph @main(%x: tensor<2x8xf32>) -> tensor<2x4xf32> {
  %w = coreai.constant dense<[[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8], [-1.0, -2.0, 1.0, 2.0, 0.0, 0.0, 3.0, 3.0], [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5], [1.0, 1.1, 1.2, 5.0, 5.1, 5.2, 9.0, 9.5]]> : tensor<4x8xf32>
  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>
  %t = coreai.transpose %w, %perm : (tensor<4x8xf32>, tensor<2xui32>) -> tensor<8x4xf32>
  %y = coreai.decomposable.broadcasting_batch_matmul %x, %t : (tensor<2x8xf32>, tensor<8x4xf32>) -> tensor<2x4xf32>
  coreai.output %y : tensor<2x4xf32>
}

// Indices row 0 [0,0,1,1,2,2,3,3] pack to 0x50 0xFA.
// CHANNEL-LABEL: coreai.graph @main
// CHANNEL-NEXT:  %[[IDX:.*]] = coreai.constant dense_resource<[[R:.*]]> : tensor<4x8xui2>
// CHANNEL-NEXT:  %[[LUT:.*]] = coreai.constant dense<{{\[}}{{\[}}{{\[}}[1.500000e-01], [0.350000024], [5.500000e-01], [7.500000e-01]]], {{\[}}{{\[}}[-1.500000e+00], [0.000000e+00], [1.500000e+00], [3.000000e+00]]], {{\[}}{{\[}}[5.000000e-01], [0.000000e+00], [0.000000e+00], [0.000000e+00]]], {{\[}}{{\[}}[1.100000e+00], [5.100000e+00], [9.000000e+00], [9.500000e+00]]]]> : tensor<4x1x4x1xf32>
// CHANNEL-NEXT:  %[[AXIS:.*]] = coreai.constant dense<0> : tensor<si16>
// CHANNEL-NEXT:  %[[W:.*]] = coreai.lut_to_dense %[[IDX]], %[[LUT]], %[[AXIS]] : (tensor<4x8xui2>, tensor<4x1x4x1xf32>, tensor<si16>) -> tensor<4x8xf32>
// CHANNEL-NEXT:  %[[PERM:.*]] = coreai.constant dense<[1, 0]> : tensor<2xui32>
// CHANNEL-NEXT:  coreai.transpose %[[W]], %[[PERM]]
// CHANNEL:       [[R]]: "0x1000000050FAA0F5000040E5"

// CHANNEL-VALUES-LABEL: coreai.graph @main
// CHANNEL-VALUES-NEXT:  coreai.constant dense<{{\[}}[1.500000e-01, 1.500000e-01, 0.350000024, 0.350000024, 5.500000e-01, 5.500000e-01, 7.500000e-01, 7.500000e-01], [-1.500000e+00, -1.500000e+00, 1.500000e+00, 1.500000e+00, 0.000000e+00, 0.000000e+00, 3.000000e+00, 3.000000e+00], [5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01], [1.100000e+00, 1.100000e+00, 1.100000e+00, 5.100000e+00, 5.100000e+00, 5.100000e+00, 9.000000e+00, 9.500000e+00]]> : tensor<4x8xf32>
// CHANNEL-VALUES-NEXT:  coreai.constant dense<[1, 0]>

// TENSOR1:      coreai.constant dense_resource<{{.*}}> : tensor<4x8xui1>
// TENSOR1-NEXT: coreai.constant dense<{{\[}}{{\[}}{{\[}}[0.625925958], [6.75999975]]]]> : tensor<1x1x2x1xf32>
// TENSOR1-NEXT: coreai.constant dense<0> : tensor<si16>

// GROUPED:      coreai.constant dense_resource<{{.*}}> : tensor<4x8xui2>
// GROUPED:      coreai.constant dense<{{\[}}{{\[}}{{\[}}[-1.500000e+00], [0.166666672], [7.200000e-01], [2.66666675]]], {{\[}}{{\[}}[5.000000e-01], [1.100000e+00], [5.100000e+00], [9.250000e+00]]]]> : tensor<2x1x4x1xf32>
// GROUPED-NEXT: coreai.constant dense<0> : tensor<si16>
// GROUPED-NEXT: coreai.lut_to_dense {{.*}} : (tensor<4x8xui2>, tensor<2x1x4x1xf32>, tensor<si16>) -> tensor<4x8xf32>

// Vectors of 2 along the output axis: indices [4/2, 8], LUT [.., 2, 2], and
// the vector axis is the output axis.
// VECTOR:      coreai.constant dense_resource<{{.*}}> : tensor<2x8xui1>
// VECTOR-NEXT: coreai.constant dense<{{.*}}> : tensor<1x1x2x2xf32>
// VECTOR-NEXT: coreai.constant dense<0> : tensor<si16>
// VECTOR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<2x8xui1>, tensor<1x1x2x2xf32>, tensor<si16>) -> tensor<4x8xf32>

// 32 indices of 3 bits: 12 bytes.
// BITS3: coreai.constant dense_resource<[[R:.*]]> : tensor<4x8xui3>
// BITS3: coreai.constant dense<{{.*}}> : tensor<1x1x8x1xf32>
// BITS3: [[R]]: "0x10000000{{([0-9A-F][0-9A-F]){12}"}}
// Indices 24 bytes, LUT 64 x 4, axis 2: 282 bytes; 8 bits: 32 + 1024 + 2.
// BITS6: palettize-weights.mlir:32:8: warning: the compressed form takes 282 bytes, not fewer than the 128 bytes of the dense weight; left unpalettized
// BITS8: palettize-weights.mlir:32:8: warning: the compressed form takes 1058 bytes, not fewer than the 128 bytes of the dense weight; left unpalettized

// UNCHANGED-LABEL: coreai.graph @main
// UNCHANGED-NEXT:  coreai.constant dense<{{.*}}> : tensor<4x8xf32>
// UNCHANGED-NOT:   coreai.lut_to_dense

// ROUND0: coreai.constant dense<{{\[}}{{\[}}{{\[}}[3.000000e-01], [0.699999988], [0.000000e+00], [0.000000e+00]]], {{\[}}{{\[}}[-1.500000e+00],

// LUT-INT8:      %[[IDX:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<4x8xui2>
// LUT-INT8-NEXT: %[[LUT:.*]] = coreai.constant dense<{{\[}}{{\[}}{{\[}}[-21], [8], [58], [127]]]]> : tensor<1x1x4x1xsi8>
// LUT-INT8-NEXT: %[[AXIS:.*]] = coreai.constant dense<0> : tensor<si16>
// LUT-INT8-NEXT: %[[Q:.*]] = coreai.lut_to_dense %[[IDX]], %[[LUT]], %[[AXIS]] : (tensor<4x8xui2>, tensor<1x1x4x1xsi8>, tensor<si16>) -> tensor<4x8xsi8>
// LUT-INT8-NEXT: %[[C:.*]] = coreai.cast %[[Q]] : tensor<4x8xsi8> to tensor<4x8xf32>
// LUT-INT8-NEXT: %[[S:.*]] = coreai.constant dense<0.0728346482> : tensor<1x1xf32>
// LUT-INT8-NEXT: %[[ZP:.*]] = coreai.constant dense<0.000000e+00> : tensor<1x1xf32>
// LUT-INT8-NEXT: %[[O2:.*]] = coreai.constant dense<0.000000e+00> : tensor<1x1xf32>
// LUT-INT8-NEXT: %[[B:.*]] = coreai.blockwise_shift_scale %[[C]], %[[S]], %[[ZP]], %[[O2]] : (tensor<4x8xf32>, tensor<1x1xf32>, tensor<1x1xf32>, tensor<1x1xf32>) -> tensor<4x8xf32>
// LUT-INT8-NEXT: %[[W:.*]] = coreai.cast %[[B]] : tensor<4x8xf32> to tensor<4x8xf32>
// LUT-INT8:      coreai.transpose %[[W]]

// LUT-FP8: coreai.constant dense<{{\[}}{{\[}}{{\[}}[-7.200000e+01], [3.000000e+01], [2.080000e+02], [4.480000e+02]]]]> : tensor<1x1x4x1xf8E4M3FN>
// LUT-FP8: coreai.lut_to_dense {{.*}} -> tensor<4x8xf8E4M3FN>
// LUT-FP8: coreai.cast {{.*}} : tensor<4x8xf8E4M3FN> to tensor<4x8xf32>
// LUT-FP8E5: coreai.constant dense<{{.*}}> : tensor<1x1x4x1xf8E5M2>
// LUT-FP8E5: coreai.cast {{.*}} : tensor<4x8xf8E5M2> to tensor<4x8xf32>

// The per-channel scale is max |w| over the output axis: one per column.
// PCS:      coreai.lut_to_dense {{.*}} -> tensor<4x8xf32>
// PCS-NEXT: coreai.cast {{.*}} : tensor<4x8xf32> to tensor<4x8xf32>
// PCS-NEXT: coreai.constant dense<{{\[}}[1.000000e+00, 2.000000e+00, 1.200000e+00, 5.000000e+00, 5.100000e+00, 5.200000e+00, 9.000000e+00, 9.500000e+00]]> : tensor<1x8xf32>
// PCS-NEXT: coreai.constant dense<0.000000e+00> : tensor<1x8xf32>
// PCS-NEXT: coreai.constant dense<0.000000e+00> : tensor<1x8xf32>
// PCS-NEXT: coreai.blockwise_shift_scale {{.*}} : (tensor<4x8xf32>, tensor<1x8xf32>, tensor<1x8xf32>, tensor<1x8xf32>) -> tensor<4x8xf32>
// PCS-NEXT: coreai.cast

// The quantized LUT's scale fused with the per-channel one keeps one scale
// per column (docs/compression.md, D5), and uint8's zero point 127 as a float.
// LUT-UINT8-PCS:      coreai.lut_to_dense {{.*}} -> tensor<4x8xui8>
// LUT-UINT8-PCS-NEXT: coreai.cast {{.*}} : tensor<4x8xui8> to tensor<4x8xf32>
// LUT-UINT8-PCS-NEXT: coreai.constant dense<{{\[}}[0.00787401944, 0.0157480389, 0.00944882352, 0.0393700972, 0.0401574969, 4.094490e-02, 0.070866175, 0.0748031884]]> : tensor<1x8xf32>
// LUT-UINT8-PCS-NEXT: coreai.constant dense<1.270000e+02> : tensor<1x8xf32>
