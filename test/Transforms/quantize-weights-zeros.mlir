// An all-zero weight (and all-zero blocks) quantize to codes that
// materialize to exactly 0 in every format: never NaN, never a zero scale.
// The zeros are stored element after element (a splat stays as it is; see
// compression-splats.mlir).
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8 weight-num-threshold=0})' | FileCheck %s --check-prefix=INT8
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8 weight-num-threshold=0},coreai-materialize-weights)' | FileCheck %s --check-prefix=ZERO
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=uint4 qscheme=asymmetric granularity=per_block weight-num-threshold=0},coreai-materialize-weights)' | FileCheck %s --check-prefix=ZERO
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=fp8_e4m3fn scale-dtype=fp8_e8m0fnu weight-num-threshold=0},coreai-materialize-weights)' | FileCheck %s --check-prefix=ZERO
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=fp4_e2m1fn granularity=per_block weight-num-threshold=0},coreai-materialize-weights)' | FileCheck %s --check-prefix=ZERO

coreai.graph @main(%x: tensor<2x32xf16>, %y: tensor<2x32xbf16>) -> (tensor<2x4xf16>, tensor<2x4xbf16>) {
  %w = coreai.constant dense_resource<zeros_f16> : tensor<4x32xf16>
  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>
  %wt = coreai.transpose %w, %perm : (tensor<4x32xf16>, tensor<2xui32>) -> tensor<32x4xf16>
  %a = coreai.decomposable.broadcasting_batch_matmul %x, %wt : (tensor<2x32xf16>, tensor<32x4xf16>) -> tensor<2x4xf16>
  %v = coreai.constant dense_resource<zeros_bf16> : tensor<4x32xbf16>
  %vt = coreai.transpose %v, %perm : (tensor<4x32xbf16>, tensor<2xui32>) -> tensor<32x4xbf16>
  %b = coreai.decomposable.broadcasting_batch_matmul %y, %vt : (tensor<2x32xbf16>, tensor<32x4xbf16>) -> tensor<2x4xbf16>
  coreai.output %a, %b : tensor<2x4xf16>, tensor<2x4xbf16>
}
{-#
  dialect_resources: {
    builtin: {
      zeros_f16: "0x0200000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
      zeros_bf16: "0x0200000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    }
  }
#-}

// The scale (0 + 1e-6) / 254 underflows f16: it becomes the smallest positive
// f16; bf16 holds it.
// INT8:      coreai.constant dense<0> : tensor<4x32xsi8>
// INT8-NEXT: coreai.constant dense<5.960460e-08> : tensor<4x1xf16>
// INT8:      coreai.constant dense<0> : tensor<4x32xsi8>
// INT8-NEXT: coreai.constant dense<3.929020e-09> : tensor<4x1xbf16>

// ZERO:     coreai.constant dense<0.000000e+00> : tensor<4x32xf16>
// ZERO-NOT: coreai.blockwise_shift_scale
// ZERO:     coreai.constant dense<0.000000e+00> : tensor<4x32xbf16>
// ZERO-NOT: coreai.blockwise_shift_scale
