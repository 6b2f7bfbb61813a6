// Sparsification of a small linear weight W[4, 8] (f32, output axis 0,
// input axis 1). Masks are packed LSB first (row 0 of the 50 % mask keeps
// columns 6 and 7: 0xC0). The 0.5s tie: lower flat indices go first.
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{weight-num-threshold=8})' | FileCheck %s --check-prefix=HALF
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{weight-num-threshold=8},coreai-materialize-weights)' | FileCheck %s --check-prefix=HALF-VALUES
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{target-sparsity=0.25 weight-num-threshold=8})' | FileCheck %s --check-prefix=QUARTER
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{target-sparsity=0.0 weight-num-threshold=8})' | FileCheck %s --check-prefix=NONE
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{n-m-ratio=2,4 weight-num-threshold=8})' | FileCheck %s --check-prefix=NM
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{block-size=2 weight-num-threshold=8})' | FileCheck %s --check-prefix=BLOCK
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{weight-num-threshold=32})' | FileCheck %s --check-prefix=UNCHANGED
// Joint modes: values quantized per tensor and dequantized before the
// scatter (pruned weights stay exactly 0, even with uint8's zero point), or
// palettized with one LUT.
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{quantize-dtype=uint8 weight-num-threshold=8})' | FileCheck %s --check-prefix=UINT8
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{quantize-dtype=uint8 weight-num-threshold=8},coreai-materialize-weights)' | FileCheck %s --check-prefix=UINT8-VALUES
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{quantize-dtype=int8 weight-num-threshold=8})' | FileCheck %s --check-prefix=INT8
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{quantize-dtype=fp8_e4m3fn weight-num-threshold=8})' | FileCheck %s --check-prefix=FP8
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{quantize-dtype=fp8_e5m2 weight-num-threshold=8})' | FileCheck %s --check-prefix=FP8E5
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{palettize-nbits=2 weight-num-threshold=8})' | FileCheck %s --check-prefix=LUT
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{palettize-nbits=3 weight-num-threshold=8},coreai-materialize-weights)' | FileCheck %s --check-prefix=LUT-VALUES
// Everything pruned: empty values, a zero mask, and a warning for the joint
// mode that has nothing to work on.
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{target-sparsity=1.0 quantize-dtype=int8 weight-num-threshold=8})' 2>&1 | FileCheck %s --check-prefix=ALL
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{target-sparsity=1.0 weight-num-threshold=8},coreai-materialize-weights)' | FileCheck %s --check-prefix=ALL-VALUES

coreai.graph @main(%x: tensor<2x8xf32>) -> tensor<2x4xf32> {
  %w = coreai.constant dense<[[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8], [-1.0, -2.0, 1.0, 2.0, 0.0, 0.0, 3.0, 3.0], [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5], [1.0, 1.1, 1.2, 5.0, 5.1, 5.2, 9.0, 9.5]]> : tensor<4x8xf32>
  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>
  %t = coreai.transpose %w, %perm : (tensor<4x8xf32>, tensor<2xui32>) -> tensor<8x4xf32>
  %y = coreai.decomposable.broadcasting_batch_matmul %x, %t : (tensor<2x8xf32>, tensor<8x4xf32>) -> tensor<2x4xf32>
  coreai.output %y : tensor<2x4xf32>
}

// HALF-LABEL: coreai.graph @main
// HALF-NEXT:  %[[V:.*]] = coreai.constant dense<[0.699999988, 8.000000e-01, -1.000000e+00, -2.000000e+00, 1.000000e+00, 2.000000e+00, 3.000000e+00, 3.000000e+00, 1.000000e+00, 1.100000e+00, 1.200000e+00, 5.000000e+00, 5.100000e+00, 5.200000e+00, 9.000000e+00, 9.500000e+00]> : tensor<16xf32>
// HALF-NEXT:  %[[M:.*]] = coreai.constant dense_resource<[[R:.*]]> : tensor<4x8xui1>
// HALF-NEXT:  %[[SP:.*]] = coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<16xf32>, tensor<4x8xui1>) -> !coreai.sparse_with_bitmask<tensor<4x8xf32>>
// HALF-NEXT:  %[[W:.*]] = coreai.sparse_with_bitmask_to_dense %[[SP]] : !coreai.sparse_with_bitmask<tensor<4x8xf32>> -> tensor<4x8xf32>
// HALF-NEXT:  %[[PERM:.*]] = coreai.constant dense<[1, 0]>
// HALF-NEXT:  coreai.transpose %[[W]], %[[PERM]]
// HALF:       [[R]]: "0x10000000C0CF00FF"

// HALF-VALUES: coreai.constant dense<{{\[}}[0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.699999988, 8.000000e-01], [-1.000000e+00, -2.000000e+00, 1.000000e+00, 2.000000e+00, 0.000000e+00, 0.000000e+00, 3.000000e+00, 3.000000e+00], [0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00], [1.000000e+00, 1.100000e+00, 1.200000e+00, 5.000000e+00, 5.100000e+00, 5.200000e+00, 9.000000e+00, 9.500000e+00]]> : tensor<4x8xf32>

// 8 of 32 pruned: the two zeros, 0.1 .. 0.4, and the first two 0.5s.
// QUARTER: coreai.constant dense<{{.*}}> : tensor<24xf32>
// QUARTER: "0x10000000E0CFFEFF"

// At 0 % only the two zeros go.
// NONE: coreai.constant dense<{{.*}}> : tensor<30xf32>
// NONE: "0x10000000FFCFFFFF"

// 2:4 along the input axis: every group of 4 keeps its 2 largest.
// NM: coreai.constant dense<[3.000000e-01, 4.000000e-01, 0.699999988, 8.000000e-01, -2.000000e+00, 2.000000e+00, 3.000000e+00, 3.000000e+00, 5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 1.200000e+00, 5.000000e+00, 9.000000e+00, 9.500000e+00]> : tensor<16xf32>
// NM: "0x10000000CCCACCCC"

// Blocks of 2 output channels per column: the 8 of 16 blocks with the
// lowest L2 norm go.
// BLOCK: coreai.constant dense<[4.000000e-01, 0.699999988, 8.000000e-01, 2.000000e+00, 3.000000e+00, 3.000000e+00, 5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e-01, 5.000000e+00, 5.100000e+00, 5.200000e+00, 9.000000e+00, 9.500000e+00]> : tensor<16xf32>
// BLOCK: "0x10000000C8C8F8F8"

// UNCHANGED-LABEL: coreai.graph @main
// UNCHANGED-NEXT:  coreai.constant dense<{{.*}}> : tensor<4x8xf32>
// UNCHANGED-NEXT:  coreai.constant dense<[1, 0]>

// UINT8:      %[[Q:.*]] = coreai.constant dense<[136, 138, 114, 100, 140, 154, 167, 167, 140, 142, 143, 194, 195, 197, 247, 254]> : tensor<16xui8>
// UINT8-NEXT: %[[S:.*]] = coreai.constant dense<0.0748031512> : tensor<1xf32>
// UINT8-NEXT: %[[ZP:.*]] = coreai.constant dense<127> : tensor<1xui8>
// UINT8-NEXT: %[[O2:.*]] = coreai.constant dense<0.000000e+00> : tensor<1xf32>
// UINT8-NEXT: %[[V:.*]] = coreai.blockwise_shift_scale %[[Q]], %[[S]], %[[ZP]], %[[O2]] : (tensor<16xui8>, tensor<1xf32>, tensor<1xui8>, tensor<1xf32>) -> tensor<16xf32>
// UINT8-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<4x8xui1>
// UINT8-NEXT: coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<16xf32>, tensor<4x8xui1>) -> !coreai.sparse_with_bitmask<tensor<4x8xf32>>
// UINT8-NEXT: coreai.sparse_with_bitmask_to_dense

// UINT8-VALUES: coreai.constant dense<{{\[}}[0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.673228383, 0.82283467], [-0.972440958, -2.01968503, 0.972440958, 2.01968503, 0.000000e+00, 0.000000e+00, 2.99212599, 2.99212599], [0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00], [0.972440958, 1.12204731, 1.19685042, 5.01181126, 5.08661413, 5.23622036, 8.97637844, 9.500000e+00]]> : tensor<4x8xf32>

// INT8: coreai.blockwise_shift_scale {{.*}} : (tensor<16xsi8>, tensor<1xf32>, tensor<1xsi8>, tensor<1xf32>) -> tensor<16xf32>
// FP8: coreai.blockwise_shift_scale {{.*}} : (tensor<16xf8E4M3FN>, tensor<1xf32>, tensor<1xf8E4M3FN>, tensor<1xf32>) -> tensor<16xf32>
// FP8E5: coreai.blockwise_shift_scale {{.*}} : (tensor<16xf8E5M2>, tensor<1xf32>, tensor<1xf8E5M2>, tensor<1xf32>) -> tensor<16xf32>

// LUT:      %[[I:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<16xui2>
// LUT-NEXT: %[[L:.*]] = coreai.constant dense<{{\[}}{{\[}}[-1.500000e+00], [1.11428571], [4.25999975], [9.250000e+00]]]> : tensor<1x4x1xf32>
// LUT-NEXT: %[[A:.*]] = coreai.constant dense<0> : tensor<si16>
// LUT-NEXT: %[[V:.*]] = coreai.lut_to_dense %[[I]], %[[L]], %[[A]] : (tensor<16xui2>, tensor<1x4x1xf32>, tensor<si16>) -> tensor<16xf32>
// LUT-NEXT: %[[M:.*]] = coreai.constant dense_resource<{{.*}}> : tensor<4x8xui1>
// LUT-NEXT: coreai.build_sparse_with_bitmask %[[V]], %[[M]]

// Pruned positions are exactly 0 with a LUT too.
// LUT-VALUES: coreai.constant dense<{{\[}}[0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, {{[^,]*}}, {{[^,]*}}], [{{[^,]*}}, {{[^,]*}}, {{[^,]*}}, {{[^,]*}}, 0.000000e+00, 0.000000e+00, {{[^,]*}}, {{[^,]*}}], [0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00], [

// ALL: warning: every element is pruned; the values are stored without quantization or palettization
// ALL: %[[V:.*]] = coreai.constant dense<> : tensor<0xf32>
// ALL-NEXT: %[[M:.*]] = coreai.constant dense<false> : tensor<4x8xui1>
// ALL-NEXT: coreai.build_sparse_with_bitmask %[[V]], %[[M]] : (tensor<0xf32>, tensor<4x8xui1>)
// ALL-VALUES: coreai.constant dense<0.000000e+00> : tensor<4x8xf32>
