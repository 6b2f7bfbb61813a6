// Every valid combination of dtype x qscheme x granularity (and
// scale-dtype) gives data of the quantized type and a blockwise_shift_scale
// whose scale and offsets have the block-parameter shape: a linear weight
// [32, 64] (f16, through transpose -> matmul: output axis 0, input axis 1)
// and a conv weight [32, 64, 1, 1] (f32); block size 32.
// Scales are in the weight's type unless they are E8M0; offset1 has the data
// type, offset2 the weight's.
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=int8 qscheme=symmetric granularity=per_tensor})' | FileCheck %s --check-prefix=INT8-SYMM-TENSOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=int8 qscheme=symmetric granularity=per_channel})' | FileCheck %s --check-prefix=INT8-SYMM-CHANNEL
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=int8 qscheme=symmetric granularity=per_block})' | FileCheck %s --check-prefix=INT8-SYMM-BLOCK
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=int8 qscheme=asymmetric granularity=per_tensor})' | FileCheck %s --check-prefix=INT8-ASYM-TENSOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=int8 qscheme=asymmetric granularity=per_channel})' | FileCheck %s --check-prefix=INT8-ASYM-CHANNEL
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=int8 qscheme=asymmetric granularity=per_block})' | FileCheck %s --check-prefix=INT8-ASYM-BLOCK
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=uint8 qscheme=symmetric granularity=per_tensor})' | FileCheck %s --check-prefix=UINT8-SYMM-TENSOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=uint8 qscheme=symmetric granularity=per_channel})' | FileCheck %s --check-prefix=UINT8-SYMM-CHANNEL
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=uint8 qscheme=symmetric granularity=per_block})' | FileCheck %s --check-prefix=UINT8-SYMM-BLOCK
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=uint8 qscheme=asymmetric granularity=per_tensor})' | FileCheck %s --check-prefix=UINT8-ASYM-TENSOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=uint8 qscheme=asymmetric granularity=per_channel})' | FileCheck %s --check-prefix=UINT8-ASYM-CHANNEL
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=uint8 qscheme=asymmetric granularity=per_block})' | FileCheck %s --check-prefix=UINT8-ASYM-BLOCK
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=int4 qscheme=symmetric granularity=per_tensor})' | FileCheck %s --check-prefix=INT4-SYMM-TENSOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=int4 qscheme=symmetric granularity=per_channel})' | FileCheck %s --check-prefix=INT4-SYMM-CHANNEL
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=int4 qscheme=symmetric granularity=per_block})' | FileCheck %s --check-prefix=INT4-SYMM-BLOCK
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=int4 qscheme=asymmetric granularity=per_tensor})' | FileCheck %s --check-prefix=INT4-ASYM-TENSOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=int4 qscheme=asymmetric granularity=per_channel})' | FileCheck %s --check-prefix=INT4-ASYM-CHANNEL
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=int4 qscheme=asymmetric granularity=per_block})' | FileCheck %s --check-prefix=INT4-ASYM-BLOCK
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=uint4 qscheme=symmetric granularity=per_tensor})' | FileCheck %s --check-prefix=UINT4-SYMM-TENSOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=uint4 qscheme=symmetric granularity=per_channel})' | FileCheck %s --check-prefix=UINT4-SYMM-CHANNEL
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=uint4 qscheme=symmetric granularity=per_block})' | FileCheck %s --check-prefix=UINT4-SYMM-BLOCK
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=uint4 qscheme=asymmetric granularity=per_tensor})' | FileCheck %s --check-prefix=UINT4-ASYM-TENSOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=uint4 qscheme=asymmetric granularity=per_channel})' | FileCheck %s --check-prefix=UINT4-ASYM-CHANNEL
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=uint4 qscheme=asymmetric granularity=per_block})' | FileCheck %s --check-prefix=UINT4-ASYM-BLOCK
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=int2 qscheme=symmetric granularity=per_tensor})' | FileCheck %s --check-prefix=INT2-SYMM-TENSOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=int2 qscheme=symmetric granularity=per_channel})' | FileCheck %s --check-prefix=INT2-SYMM-CHANNEL
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=int2 qscheme=symmetric granularity=per_block})' | FileCheck %s --check-prefix=INT2-SYMM-BLOCK
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=int2 qscheme=asymmetric granularity=per_tensor})' | FileCheck %s --check-prefix=INT2-ASYM-TENSOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=int2 qscheme=asymmetric granularity=per_channel})' | FileCheck %s --check-prefix=INT2-ASYM-CHANNEL
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=int2 qscheme=asymmetric granularity=per_block})' | FileCheck %s --check-prefix=INT2-ASYM-BLOCK
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=uint2 qscheme=symmetric granularity=per_tensor})' | FileCheck %s --check-prefix=UINT2-SYMM-TENSOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=uint2 qscheme=symmetric granularity=per_channel})' | FileCheck %s --check-prefix=UINT2-SYMM-CHANNEL
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=uint2 qscheme=symmetric granularity=per_block})' | FileCheck %s --check-prefix=UINT2-SYMM-BLOCK
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=uint2 qscheme=asymmetric granularity=per_tensor})' | FileCheck %s --check-prefix=UINT2-ASYM-TENSOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=uint2 qscheme=asymmetric granularity=per_channel})' | FileCheck %s --check-prefix=UINT2-ASYM-CHANNEL
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=uint2 qscheme=asymmetric granularity=per_block})' | FileCheck %s --check-prefix=UINT2-ASYM-BLOCK
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=fp8_e4m3fn granularity=per_tensor})' | FileCheck %s --check-prefix=FP8E4M3FN-TENSOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=fp8_e4m3fn granularity=per_tensor scale-dtype=fp8_e8m0fnu})' | FileCheck %s --check-prefix=FP8E4M3FN-TENSOR-E8M0
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=fp8_e4m3fn granularity=per_channel})' | FileCheck %s --check-prefix=FP8E4M3FN-CHANNEL
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=fp8_e4m3fn granularity=per_channel scale-dtype=fp8_e8m0fnu})' | FileCheck %s --check-prefix=FP8E4M3FN-CHANNEL-E8M0
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=fp8_e4m3fn granularity=per_block})' | FileCheck %s --check-prefix=FP8E4M3FN-BLOCK
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=fp8_e4m3fn granularity=per_block scale-dtype=fp8_e8m0fnu})' | FileCheck %s --check-prefix=FP8E4M3FN-BLOCK-E8M0
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=fp8_e5m2 granularity=per_tensor})' | FileCheck %s --check-prefix=FP8E5M2-TENSOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=fp8_e5m2 granularity=per_tensor scale-dtype=fp8_e8m0fnu})' | FileCheck %s --check-prefix=FP8E5M2-TENSOR-E8M0
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=fp8_e5m2 granularity=per_channel})' | FileCheck %s --check-prefix=FP8E5M2-CHANNEL
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=fp8_e5m2 granularity=per_channel scale-dtype=fp8_e8m0fnu})' | FileCheck %s --check-prefix=FP8E5M2-CHANNEL-E8M0
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=fp8_e5m2 granularity=per_block})' | FileCheck %s --check-prefix=FP8E5M2-BLOCK
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=fp8_e5m2 granularity=per_block scale-dtype=fp8_e8m0fnu})' | FileCheck %s --check-prefix=FP8E5M2-BLOCK-E8M0
// RUN: coreai-opt %s --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-quantize-weights{dtype=fp4_e2m1fn granularity=per_block block-size=32})' | FileCheck %s --check-prefix=FP4

// INT8-SYMM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xsi8>, tensor<1x1xf16>, tensor<1x1xsi8>, tensor<1x1xf16>) -> tensor<32x64xf16>
// INT8-SYMM-TENSOR-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// INT8-SYMM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xsi8>, tensor<1x1x1x1xf32>, tensor<1x1x1x1xsi8>, tensor<1x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// INT8-SYMM-TENSOR-NEXT: coreai.constant dense<1> : tensor<2xui32>
// INT8-SYMM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xsi8>, tensor<32x1xf16>, tensor<32x1xsi8>, tensor<32x1xf16>) -> tensor<32x64xf16>
// INT8-SYMM-CHANNEL-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// INT8-SYMM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xsi8>, tensor<32x1x1x1xf32>, tensor<32x1x1x1xsi8>, tensor<32x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// INT8-SYMM-CHANNEL-NEXT: coreai.constant dense<1> : tensor<2xui32>
// INT8-SYMM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xsi8>, tensor<32x2xf16>, tensor<32x2xsi8>, tensor<32x2xf16>) -> tensor<32x64xf16>
// INT8-SYMM-BLOCK-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// INT8-SYMM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xsi8>, tensor<32x2x1x1xf32>, tensor<32x2x1x1xsi8>, tensor<32x2x1x1xf32>) -> tensor<32x64x1x1xf32>
// INT8-SYMM-BLOCK-NEXT: coreai.constant dense<1> : tensor<2xui32>
// INT8-ASYM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xsi8>, tensor<1x1xf16>, tensor<1x1xsi8>, tensor<1x1xf16>) -> tensor<32x64xf16>
// INT8-ASYM-TENSOR-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// INT8-ASYM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xsi8>, tensor<1x1x1x1xf32>, tensor<1x1x1x1xsi8>, tensor<1x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// INT8-ASYM-TENSOR-NEXT: coreai.constant dense<1> : tensor<2xui32>
// INT8-ASYM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xsi8>, tensor<32x1xf16>, tensor<32x1xsi8>, tensor<32x1xf16>) -> tensor<32x64xf16>
// INT8-ASYM-CHANNEL-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// INT8-ASYM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xsi8>, tensor<32x1x1x1xf32>, tensor<32x1x1x1xsi8>, tensor<32x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// INT8-ASYM-CHANNEL-NEXT: coreai.constant dense<1> : tensor<2xui32>
// INT8-ASYM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xsi8>, tensor<32x2xf16>, tensor<32x2xsi8>, tensor<32x2xf16>) -> tensor<32x64xf16>
// INT8-ASYM-BLOCK-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// INT8-ASYM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xsi8>, tensor<32x2x1x1xf32>, tensor<32x2x1x1xsi8>, tensor<32x2x1x1xf32>) -> tensor<32x64x1x1xf32>
// INT8-ASYM-BLOCK-NEXT: coreai.constant dense<1> : tensor<2xui32>
// UINT8-SYMM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xui8>, tensor<1x1xf16>, tensor<1x1xui8>, tensor<1x1xf16>) -> tensor<32x64xf16>
// UINT8-SYMM-TENSOR-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// UINT8-SYMM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xui8>, tensor<1x1x1x1xf32>, tensor<1x1x1x1xui8>, tensor<1x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// UINT8-SYMM-TENSOR-NEXT: coreai.constant dense<1> : tensor<2xui32>
// UINT8-SYMM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xui8>, tensor<32x1xf16>, tensor<32x1xui8>, tensor<32x1xf16>) -> tensor<32x64xf16>
// UINT8-SYMM-CHANNEL-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// UINT8-SYMM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xui8>, tensor<32x1x1x1xf32>, tensor<32x1x1x1xui8>, tensor<32x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// UINT8-SYMM-CHANNEL-NEXT: coreai.constant dense<1> : tensor<2xui32>
// UINT8-SYMM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xui8>, tensor<32x2xf16>, tensor<32x2xui8>, tensor<32x2xf16>) -> tensor<32x64xf16>
// UINT8-SYMM-BLOCK-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// UINT8-SYMM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xui8>, tensor<32x2x1x1xf32>, tensor<32x2x1x1xui8>, tensor<32x2x1x1xf32>) -> tensor<32x64x1x1xf32>
// UINT8-SYMM-BLOCK-NEXT: coreai.constant dense<1> : tensor<2xui32>
// UINT8-ASYM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xui8>, tensor<1x1xf16>, tensor<1x1xui8>, tensor<1x1xf16>) -> tensor<32x64xf16>
// UINT8-ASYM-TENSOR-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// UINT8-ASYM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xui8>, tensor<1x1x1x1xf32>, tensor<1x1x1x1xui8>, tensor<1x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// UINT8-ASYM-TENSOR-NEXT: coreai.constant dense<1> : tensor<2xui32>
// UINT8-ASYM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xui8>, tensor<32x1xf16>, tensor<32x1xui8>, tensor<32x1xf16>) -> tensor<32x64xf16>
// UINT8-ASYM-CHANNEL-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// UINT8-ASYM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xui8>, tensor<32x1x1x1xf32>, tensor<32x1x1x1xui8>, tensor<32x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// UINT8-ASYM-CHANNEL-NEXT: coreai.constant dense<1> : tensor<2xui32>
// UINT8-ASYM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xui8>, tensor<32x2xf16>, tensor<32x2xui8>, tensor<32x2xf16>) -> tensor<32x64xf16>
// UINT8-ASYM-BLOCK-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// UINT8-ASYM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xui8>, tensor<32x2x1x1xf32>, tensor<32x2x1x1xui8>, tensor<32x2x1x1xf32>) -> tensor<32x64x1x1xf32>
// UINT8-ASYM-BLOCK-NEXT: coreai.constant dense<1> : tensor<2xui32>
// INT4-SYMM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xsi4>, tensor<1x1xf16>, tensor<1x1xsi4>, tensor<1x1xf16>) -> tensor<32x64xf16>
// INT4-SYMM-TENSOR-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// INT4-SYMM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xsi4>, tensor<1x1x1x1xf32>, tensor<1x1x1x1xsi4>, tensor<1x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// INT4-SYMM-TENSOR-NEXT: coreai.constant dense<1> : tensor<2xui32>
// INT4-SYMM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xsi4>, tensor<32x1xf16>, tensor<32x1xsi4>, tensor<32x1xf16>) -> tensor<32x64xf16>
// INT4-SYMM-CHANNEL-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// INT4-SYMM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xsi4>, tensor<32x1x1x1xf32>, tensor<32x1x1x1xsi4>, tensor<32x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// INT4-SYMM-CHANNEL-NEXT: coreai.constant dense<1> : tensor<2xui32>
// INT4-SYMM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xsi4>, tensor<32x2xf16>, tensor<32x2xsi4>, tensor<32x2xf16>) -> tensor<32x64xf16>
// INT4-SYMM-BLOCK-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// INT4-SYMM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xsi4>, tensor<32x2x1x1xf32>, tensor<32x2x1x1xsi4>, tensor<32x2x1x1xf32>) -> tensor<32x64x1x1xf32>
// INT4-SYMM-BLOCK-NEXT: coreai.constant dense<1> : tensor<2xui32>
// INT4-ASYM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xsi4>, tensor<1x1xf16>, tensor<1x1xsi4>, tensor<1x1xf16>) -> tensor<32x64xf16>
// INT4-ASYM-TENSOR-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// INT4-ASYM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xsi4>, tensor<1x1x1x1xf32>, tensor<1x1x1x1xsi4>, tensor<1x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// INT4-ASYM-TENSOR-NEXT: coreai.constant dense<1> : tensor<2xui32>
// INT4-ASYM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xsi4>, tensor<32x1xf16>, tensor<32x1xsi4>, tensor<32x1xf16>) -> tensor<32x64xf16>
// INT4-ASYM-CHANNEL-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// INT4-ASYM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xsi4>, tensor<32x1x1x1xf32>, tensor<32x1x1x1xsi4>, tensor<32x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// INT4-ASYM-CHANNEL-NEXT: coreai.constant dense<1> : tensor<2xui32>
// INT4-ASYM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xsi4>, tensor<32x2xf16>, tensor<32x2xsi4>, tensor<32x2xf16>) -> tensor<32x64xf16>
// INT4-ASYM-BLOCK-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// INT4-ASYM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xsi4>, tensor<32x2x1x1xf32>, tensor<32x2x1x1xsi4>, tensor<32x2x1x1xf32>) -> tensor<32x64x1x1xf32>
// INT4-ASYM-BLOCK-NEXT: coreai.constant dense<1> : tensor<2xui32>
// UINT4-SYMM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xui4>, tensor<1x1xf16>, tensor<1x1xui4>, tensor<1x1xf16>) -> tensor<32x64xf16>
// UINT4-SYMM-TENSOR-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// UINT4-SYMM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xui4>, tensor<1x1x1x1xf32>, tensor<1x1x1x1xui4>, tensor<1x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// UINT4-SYMM-TENSOR-NEXT: coreai.constant dense<1> : tensor<2xui32>
// UINT4-SYMM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xui4>, tensor<32x1xf16>, tensor<32x1xui4>, tensor<32x1xf16>) -> tensor<32x64xf16>
// UINT4-SYMM-CHANNEL-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// UINT4-SYMM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xui4>, tensor<32x1x1x1xf32>, tensor<32x1x1x1xui4>, tensor<32x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// UINT4-SYMM-CHANNEL-NEXT: coreai.constant dense<1> : tensor<2xui32>
// UINT4-SYMM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xui4>, tensor<32x2xf16>, tensor<32x2xui4>, tensor<32x2xf16>) -> tensor<32x64xf16>
// UINT4-SYMM-BLOCK-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// UINT4-SYMM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xui4>, tensor<32x2x1x1xf32>, tensor<32x2x1x1xui4>, tensor<32x2x1x1xf32>) -> tensor<32x64x1x1xf32>
// UINT4-SYMM-BLOCK-NEXT: coreai.constant dense<1> : tensor<2xui32>
// UINT4-ASYM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xui4>, tensor<1x1xf16>, tensor<1x1xui4>, tensor<1x1xf16>) -> tensor<32x64xf16>
// UINT4-ASYM-TENSOR-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// UINT4-ASYM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xui4>, tensor<1x1x1x1xf32>, tensor<1x1x1x1xui4>, tensor<1x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// UINT4-ASYM-TENSOR-NEXT: coreai.constant dense<1> : tensor<2xui32>
// UINT4-ASYM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xui4>, tensor<32x1xf16>, tensor<32x1xui4>, tensor<32x1xf16>) -> tensor<32x64xf16>
// UINT4-ASYM-CHANNEL-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// UINT4-ASYM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xui4>, tensor<32x1x1x1xf32>, tensor<32x1x1x1xui4>, tensor<32x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// UINT4-ASYM-CHANNEL-NEXT: coreai.constant dense<1> : tensor<2xui32>
// UINT4-ASYM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xui4>, tensor<32x2xf16>, tensor<32x2xui4>, tensor<32x2xf16>) -> tensor<32x64xf16>
// UINT4-ASYM-BLOCK-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// UINT4-ASYM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xui4>, tensor<32x2x1x1xf32>, tensor<32x2x1x1xui4>, tensor<32x2x1x1xf32>) -> tensor<32x64x1x1xf32>
// UINT4-ASYM-BLOCK-NEXT: coreai.constant dense<1> : tensor<2xui32>
// INT2-SYMM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xsi2>, tensor<1x1xf16>, tensor<1x1xsi2>, tensor<1x1xf16>) -> tensor<32x64xf16>
// INT2-SYMM-TENSOR-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// INT2-SYMM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xsi2>, tensor<1x1x1x1xf32>, tensor<1x1x1x1xsi2>, tensor<1x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// INT2-SYMM-TENSOR-NEXT: coreai.constant dense<1> : tensor<2xui32>
// INT2-SYMM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xsi2>, tensor<32x1xf16>, tensor<32x1xsi2>, tensor<32x1xf16>) -> tensor<32x64xf16>
// INT2-SYMM-CHANNEL-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// INT2-SYMM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xsi2>, tensor<32x1x1x1xf32>, tensor<32x1x1x1xsi2>, tensor<32x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// INT2-SYMM-CHANNEL-NEXT: coreai.constant dense<1> : tensor<2xui32>
// INT2-SYMM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xsi2>, tensor<32x2xf16>, tensor<32x2xsi2>, tensor<32x2xf16>) -> tensor<32x64xf16>
// INT2-SYMM-BLOCK-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// INT2-SYMM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xsi2>, tensor<32x2x1x1xf32>, tensor<32x2x1x1xsi2>, tensor<32x2x1x1xf32>) -> tensor<32x64x1x1xf32>
// INT2-SYMM-BLOCK-NEXT: coreai.constant dense<1> : tensor<2xui32>
// INT2-ASYM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xsi2>, tensor<1x1xf16>, tensor<1x1xsi2>, tensor<1x1xf16>) -> tensor<32x64xf16>
// INT2-ASYM-TENSOR-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// INT2-ASYM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xsi2>, tensor<1x1x1x1xf32>, tensor<1x1x1x1xsi2>, tensor<1x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// INT2-ASYM-TENSOR-NEXT: coreai.constant dense<1> : tensor<2xui32>
// INT2-ASYM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xsi2>, tensor<32x1xf16>, tensor<32x1xsi2>, tensor<32x1xf16>) -> tensor<32x64xf16>
// INT2-ASYM-CHANNEL-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// INT2-ASYM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xsi2>, tensor<32x1x1x1xf32>, tensor<32x1x1x1xsi2>, tensor<32x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// INT2-ASYM-CHANNEL-NEXT: coreai.constant dense<1> : tensor<2xui32>
// INT2-ASYM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xsi2>, tensor<32x2xf16>, tensor<32x2xsi2>, tensor<32x2xf16>) -> tensor<32x64xf16>
// INT2-ASYM-BLOCK-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// INT2-ASYM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xsi2>, tensor<32x2x1x1xf32>, tensor<32x2x1x1xsi2>, tensor<32x2x1x1xf32>) -> tensor<32x64x1x1xf32>
// INT2-ASYM-BLOCK-NEXT: coreai.constant dense<1> : tensor<2xui32>
// UINT2-SYMM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xui2>, tensor<1x1xf16>, tensor<1x1xui2>, tensor<1x1xf16>) -> tensor<32x64xf16>
// UINT2-SYMM-TENSOR-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// UINT2-SYMM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xui2>, tensor<1x1x1x1xf32>, tensor<1x1x1x1xui2>, tensor<1x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// UINT2-SYMM-TENSOR-NEXT: coreai.constant dense<1> : tensor<2xui32>
// UINT2-SYMM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xui2>, tensor<32x1xf16>, tensor<32x1xui2>, tensor<32x1xf16>) -> tensor<32x64xf16>
// UINT2-SYMM-CHANNEL-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// UINT2-SYMM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xui2>, tensor<32x1x1x1xf32>, tensor<32x1x1x1xui2>, tensor<32x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// UINT2-SYMM-CHANNEL-NEXT: coreai.constant dense<1> : tensor<2xui32>
// UINT2-SYMM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xui2>, tensor<32x2xf16>, tensor<32x2xui2>, tensor<32x2xf16>) -> tensor<32x64xf16>
// UINT2-SYMM-BLOCK-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// UINT2-SYMM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xui2>, tensor<32x2x1x1xf32>, tensor<32x2x1x1xui2>, tensor<32x2x1x1xf32>) -> tensor<32x64x1x1xf32>
// UINT2-SYMM-BLOCK-NEXT: coreai.constant dense<1> : tensor<2xui32>
// UINT2-ASYM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xui2>, tensor<1x1xf16>, tensor<1x1xui2>, tensor<1x1xf16>) -> tensor<32x64xf16>
// UINT2-ASYM-TENSOR-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// UINT2-ASYM-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xui2>, tensor<1x1x1x1xf32>, tensor<1x1x1x1xui2>, tensor<1x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// UINT2-ASYM-TENSOR-NEXT: coreai.constant dense<1> : tensor<2xui32>
// UINT2-ASYM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xui2>, tensor<32x1xf16>, tensor<32x1xui2>, tensor<32x1xf16>) -> tensor<32x64xf16>
// UINT2-ASYM-CHANNEL-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// UINT2-ASYM-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xui2>, tensor<32x1x1x1xf32>, tensor<32x1x1x1xui2>, tensor<32x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// UINT2-ASYM-CHANNEL-NEXT: coreai.constant dense<1> : tensor<2xui32>
// UINT2-ASYM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xui2>, tensor<32x2xf16>, tensor<32x2xui2>, tensor<32x2xf16>) -> tensor<32x64xf16>
// UINT2-ASYM-BLOCK-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// UINT2-ASYM-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xui2>, tensor<32x2x1x1xf32>, tensor<32x2x1x1xui2>, tensor<32x2x1x1xf32>) -> tensor<32x64x1x1xf32>
// UINT2-ASYM-BLOCK-NEXT: coreai.constant dense<1> : tensor<2xui32>
// FP8E4M3FN-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xf8E4M3FN>, tensor<1x1xf16>, tensor<1x1xf8E4M3FN>, tensor<1x1xf16>) -> tensor<32x64xf16>
// FP8E4M3FN-TENSOR-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// FP8E4M3FN-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xf8E4M3FN>, tensor<1x1x1x1xf32>, tensor<1x1x1x1xf8E4M3FN>, tensor<1x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// FP8E4M3FN-TENSOR-NEXT: coreai.constant dense<1> : tensor<2xui32>
// FP8E4M3FN-TENSOR-E8M0:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xf8E4M3FN>, tensor<1x1xf8E8M0FNU>, tensor<1x1xf8E4M3FN>, tensor<1x1xf16>) -> tensor<32x64xf16>
// FP8E4M3FN-TENSOR-E8M0-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// FP8E4M3FN-TENSOR-E8M0:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xf8E4M3FN>, tensor<1x1x1x1xf8E8M0FNU>, tensor<1x1x1x1xf8E4M3FN>, tensor<1x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// FP8E4M3FN-TENSOR-E8M0-NEXT: coreai.constant dense<1> : tensor<2xui32>
// FP8E4M3FN-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xf8E4M3FN>, tensor<32x1xf16>, tensor<32x1xf8E4M3FN>, tensor<32x1xf16>) -> tensor<32x64xf16>
// FP8E4M3FN-CHANNEL-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// FP8E4M3FN-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xf8E4M3FN>, tensor<32x1x1x1xf32>, tensor<32x1x1x1xf8E4M3FN>, tensor<32x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// FP8E4M3FN-CHANNEL-NEXT: coreai.constant dense<1> : tensor<2xui32>
// FP8E4M3FN-CHANNEL-E8M0:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xf8E4M3FN>, tensor<32x1xf8E8M0FNU>, tensor<32x1xf8E4M3FN>, tensor<32x1xf16>) -> tensor<32x64xf16>
// FP8E4M3FN-CHANNEL-E8M0-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// FP8E4M3FN-CHANNEL-E8M0:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xf8E4M3FN>, tensor<32x1x1x1xf8E8M0FNU>, tensor<32x1x1x1xf8E4M3FN>, tensor<32x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// FP8E4M3FN-CHANNEL-E8M0-NEXT: coreai.constant dense<1> : tensor<2xui32>
// FP8E4M3FN-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xf8E4M3FN>, tensor<32x2xf16>, tensor<32x2xf8E4M3FN>, tensor<32x2xf16>) -> tensor<32x64xf16>
// FP8E4M3FN-BLOCK-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// FP8E4M3FN-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xf8E4M3FN>, tensor<32x2x1x1xf32>, tensor<32x2x1x1xf8E4M3FN>, tensor<32x2x1x1xf32>) -> tensor<32x64x1x1xf32>
// FP8E4M3FN-BLOCK-NEXT: coreai.constant dense<1> : tensor<2xui32>
// FP8E4M3FN-BLOCK-E8M0:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xf8E4M3FN>, tensor<32x2xf8E8M0FNU>, tensor<32x2xf8E4M3FN>, tensor<32x2xf16>) -> tensor<32x64xf16>
// FP8E4M3FN-BLOCK-E8M0-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// FP8E4M3FN-BLOCK-E8M0:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xf8E4M3FN>, tensor<32x2x1x1xf8E8M0FNU>, tensor<32x2x1x1xf8E4M3FN>, tensor<32x2x1x1xf32>) -> tensor<32x64x1x1xf32>
// FP8E4M3FN-BLOCK-E8M0-NEXT: coreai.constant dense<1> : tensor<2xui32>
// FP8E5M2-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xf8E5M2>, tensor<1x1xf16>, tensor<1x1xf8E5M2>, tensor<1x1xf16>) -> tensor<32x64xf16>
// FP8E5M2-TENSOR-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// FP8E5M2-TENSOR:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xf8E5M2>, tensor<1x1x1x1xf32>, tensor<1x1x1x1xf8E5M2>, tensor<1x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// FP8E5M2-TENSOR-NEXT: coreai.constant dense<1> : tensor<2xui32>
// FP8E5M2-TENSOR-E8M0:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xf8E5M2>, tensor<1x1xf8E8M0FNU>, tensor<1x1xf8E5M2>, tensor<1x1xf16>) -> tensor<32x64xf16>
// FP8E5M2-TENSOR-E8M0-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// FP8E5M2-TENSOR-E8M0:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xf8E5M2>, tensor<1x1x1x1xf8E8M0FNU>, tensor<1x1x1x1xf8E5M2>, tensor<1x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// FP8E5M2-TENSOR-E8M0-NEXT: coreai.constant dense<1> : tensor<2xui32>
// FP8E5M2-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xf8E5M2>, tensor<32x1xf16>, tensor<32x1xf8E5M2>, tensor<32x1xf16>) -> tensor<32x64xf16>
// FP8E5M2-CHANNEL-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// FP8E5M2-CHANNEL:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xf8E5M2>, tensor<32x1x1x1xf32>, tensor<32x1x1x1xf8E5M2>, tensor<32x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// FP8E5M2-CHANNEL-NEXT: coreai.constant dense<1> : tensor<2xui32>
// FP8E5M2-CHANNEL-E8M0:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xf8E5M2>, tensor<32x1xf8E8M0FNU>, tensor<32x1xf8E5M2>, tensor<32x1xf16>) -> tensor<32x64xf16>
// FP8E5M2-CHANNEL-E8M0-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// FP8E5M2-CHANNEL-E8M0:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xf8E5M2>, tensor<32x1x1x1xf8E8M0FNU>, tensor<32x1x1x1xf8E5M2>, tensor<32x1x1x1xf32>) -> tensor<32x64x1x1xf32>
// FP8E5M2-CHANNEL-E8M0-NEXT: coreai.constant dense<1> : tensor<2xui32>
// FP8E5M2-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xf8E5M2>, tensor<32x2xf16>, tensor<32x2xf8E5M2>, tensor<32x2xf16>) -> tensor<32x64xf16>
// FP8E5M2-BLOCK-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// FP8E5M2-BLOCK:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xf8E5M2>, tensor<32x2x1x1xf32>, tensor<32x2x1x1xf8E5M2>, tensor<32x2x1x1xf32>) -> tensor<32x64x1x1xf32>
// FP8E5M2-BLOCK-NEXT: coreai.constant dense<1> : tensor<2xui32>
// FP8E5M2-BLOCK-E8M0:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xf8E5M2>, tensor<32x2xf8E8M0FNU>, tensor<32x2xf8E5M2>, tensor<32x2xf16>) -> tensor<32x64xf16>
// FP8E5M2-BLOCK-E8M0-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// FP8E5M2-BLOCK-E8M0:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xf8E5M2>, tensor<32x2x1x1xf8E8M0FNU>, tensor<32x2x1x1xf8E5M2>, tensor<32x2x1x1xf32>) -> tensor<32x64x1x1xf32>
// FP8E5M2-BLOCK-E8M0-NEXT: coreai.constant dense<1> : tensor<2xui32>
// FP4:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64xf4E2M1FN>, tensor<32x2xf8E8M0FNU>, tensor<32x2xf4E2M1FN>, tensor<32x2xf16>) -> tensor<32x64xf16>
// FP4-NEXT: coreai.constant dense<[1, 0]> : tensor<2xui32>
// FP4:      coreai.blockwise_shift_scale %{{.*}} : (tensor<32x64x1x1xf4E2M1FN>, tensor<32x2x1x1xf8E8M0FNU>, tensor<32x2x1x1xf4E2M1FN>, tensor<32x2x1x1xf32>) -> tensor<32x64x1x1xf32>
// FP4-NEXT: coreai.constant dense<1> : tensor<2xui32>

coreai.graph @main(%x: tensor<2x64xf16>, %img: tensor<1x64x4x4xf32>) -> (tensor<2x32xf16>, tensor<1x32x4x4xf32>) {
  %lin = coreai.constant dense<1.5> : tensor<32x64xf16>
  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>
  %t = coreai.transpose %lin, %perm : (tensor<32x64xf16>, tensor<2xui32>) -> tensor<64x32xf16>
  %y = coreai.decomposable.broadcasting_batch_matmul %x, %t : (tensor<2x64xf16>, tensor<64x32xf16>) -> tensor<2x32xf16>
  %k = coreai.constant dense<-0.25> : tensor<32x64x1x1xf32>
  %s = coreai.constant dense<1> : tensor<2xui32>
  %g = coreai.constant dense<1> : tensor<ui32>
  %c = coreai.conv2d %img, %k, %s, %s, %g : (tensor<1x64x4x4xf32>, tensor<32x64x1x1xf32>, tensor<2xui32>, tensor<2xui32>, tensor<ui32>) -> tensor<1x32x4x4xf32>
  coreai.output %y, %c : tensor<2x32xf16>, tensor<1x32x4x4xf32>
}
