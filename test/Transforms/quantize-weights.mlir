// The worked examples of docs/compression.md section 2: W = [0.5, -1.0,
// 0.25, 0.0] (f32, per-tensor) gives exactly these codes, zero points and
// packed bytes. The weight is the y operand of a matmul; the threshold is
// set just below its 4 elements.
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8 granularity=per_tensor weight-num-threshold=3})' | FileCheck %s --check-prefix=INT8
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=uint8 granularity=per_tensor weight-num-threshold=3})' | FileCheck %s --check-prefix=UINT8
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=uint8 qscheme=asymmetric granularity=per_tensor weight-num-threshold=3})' | FileCheck %s --check-prefix=UINT8-ASYM
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 scale-search=minmax granularity=per_tensor weight-num-threshold=3})' | FileCheck %s --check-prefix=INT4
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 scale-search=minmax qscheme=asymmetric granularity=per_tensor weight-num-threshold=3})' | FileCheck %s --check-prefix=INT4-ASYM
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=uint4 scale-search=minmax granularity=per_tensor weight-num-threshold=3})' | FileCheck %s --check-prefix=UINT4
// With 4 elements and the threshold at 4 (or the default), nothing changes.
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8 granularity=per_tensor weight-num-threshold=4})' | FileCheck %s --check-prefix=UNCHANGED
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8})' | FileCheck %s --check-prefix=UNCHANGED
// Quantize, then materialize: (q - zp) * s.
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8 granularity=per_tensor weight-num-threshold=3},coreai-materialize-weights)' | FileCheck %s --check-prefix=INT8-VALUES
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=uint8 qscheme=asymmetric granularity=per_tensor weight-num-threshold=3},coreai-materialize-weights)' | FileCheck %s --check-prefix=UINT8-ASYM-VALUES

coreai.graph @main(%x: tensor<2x4xf32>) -> tensor<2x1xf32> {
  %w = coreai.constant dense<[[0.5], [-1.0], [0.25], [0.0]]> : tensor<4x1xf32>
  %r = coreai.batch_matmul %x, %w : (tensor<2x4xf32>, tensor<4x1xf32>) -> tensor<2x1xf32>
  coreai.output %r : tensor<2x1xf32>
}

// INT8-LABEL: coreai.graph @main
// INT8-NEXT:  %[[Q:.*]] = coreai.constant dense<{{\[}}[63], [-127], [32], [0]]> : tensor<4x1xsi8>
// INT8-NEXT:  %[[S:.*]] = coreai.constant dense<0.00787401944> : tensor<1x1xf32>
// INT8-NEXT:  %[[ZP:.*]] = coreai.constant dense<0> : tensor<1x1xsi8>
// INT8-NEXT:  %[[O2:.*]] = coreai.constant dense<0.000000e+00> : tensor<1x1xf32>
// INT8-NEXT:  %[[W:.*]] = coreai.blockwise_shift_scale %[[Q]], %[[S]], %[[ZP]], %[[O2]] : (tensor<4x1xsi8>, tensor<1x1xf32>, tensor<1x1xsi8>, tensor<1x1xf32>) -> tensor<4x1xf32>
// INT8-NEXT:  coreai.batch_matmul %{{.*}}, %[[W]] :
// INT8-NOT:   coreai.constant

// UINT8-LABEL: coreai.graph @main
// UINT8-NEXT:  coreai.constant dense<{{\[}}[190], [0], [159], [127]]> : tensor<4x1xui8>
// UINT8-NEXT:  coreai.constant dense<0.00787401944> : tensor<1x1xf32>
// UINT8-NEXT:  coreai.constant dense<127> : tensor<1x1xui8>

// UINT8-ASYM-LABEL: coreai.graph @main
// UINT8-ASYM-NEXT:  coreai.constant dense<{{\[}}[255], [0], [212], [170]]> : tensor<4x1xui8>
// UINT8-ASYM-NEXT:  coreai.constant dense<0.00588235678> : tensor<1x1xf32>
// UINT8-ASYM-NEXT:  coreai.constant dense<170> : tensor<1x1xui8>

// Packed LSB first: int4 [3, -7, 2, 0] -> 0x93 0x02.
// INT4-LABEL: coreai.graph @main
// INT4-NEXT:  coreai.constant dense_resource<[[R:.*]]> : tensor<4x1xsi4>
// INT4-NEXT:  coreai.constant dense<0.142857209> : tensor<1x1xf32>
// INT4-NEXT:  coreai.constant dense<0> : tensor<1x1xsi4>
// INT4:       [[R]]: "0x100000009302"

// int4 asymmetric [7, -8, 4, 2], zero point 2 -> 0x87 0x24.
// INT4-ASYM-LABEL: coreai.graph @main
// INT4-ASYM-NEXT:  coreai.constant dense_resource<[[R:.*]]> : tensor<4x1xsi4>
// INT4-ASYM-NEXT:  coreai.constant dense<0.100000069> : tensor<1x1xf32>
// INT4-ASYM-NEXT:  coreai.constant dense<2> : tensor<1x1xsi4>
// INT4-ASYM:       [[R]]: "0x100000008724"

// uint4 [10, 0, 9, 7], zero point 7 -> 0x0A 0x79.
// UINT4-LABEL: coreai.graph @main
// UINT4-NEXT:  coreai.constant dense_resource<[[R:.*]]> : tensor<4x1xui4>
// UINT4-NEXT:  coreai.constant dense<0.142857209> : tensor<1x1xf32>
// UINT4-NEXT:  coreai.constant dense<7> : tensor<1x1xui4>
// UINT4:       [[R]]: "0x100000000A79"

// UNCHANGED-LABEL: coreai.graph @main
// UNCHANGED-NEXT:  coreai.constant dense<{{\[}}[5.000000e-01], [-1.000000e+00], [2.500000e-01], [0.000000e+00]]> : tensor<4x1xf32>
// UNCHANGED-NEXT:  coreai.batch_matmul

// INT8-VALUES-LABEL: coreai.graph @main
// INT8-VALUES-NEXT:  coreai.constant dense<{{\[}}[0.496063232], [-1.00000048], [0.251968622], [0.000000e+00]]> : tensor<4x1xf32>
// INT8-VALUES-NEXT:  coreai.batch_matmul

// UINT8-ASYM-VALUES-LABEL: coreai.graph @main
// UINT8-ASYM-VALUES-NEXT:  coreai.constant dense<{{\[}}[0.500000298], [-1.0000006], [0.247058988], [0.000000e+00]]> : tensor<4x1xf32>
// UINT8-ASYM-VALUES-NEXT:  coreai.batch_matmul
