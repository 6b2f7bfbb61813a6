// Every invalid option setting stops the pass before any IR change: an error
// that names the option, exit code 1 and no program on stdout.
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights)' 2>&1 | FileCheck %s --check-prefix=NO-DTYPE --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int3})' 2>&1 | FileCheck %s --check-prefix=BAD-DTYPE --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8 qscheme=sym})' 2>&1 | FileCheck %s --check-prefix=BAD-QSCHEME --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8 granularity=per_grouped_channel})' 2>&1 | FileCheck %s --check-prefix=GROUPED --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8 granularity=per_row})' 2>&1 | FileCheck %s --check-prefix=BAD-GRANULARITY --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8 granularity=per_block block-size=0})' 2>&1 | FileCheck %s --check-prefix=BLOCK-ZERO --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 block-size=-4})' 2>&1 | FileCheck %s --check-prefix=BLOCK-NEGATIVE --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8 scale-dtype=fp8_e8m0fnu})' 2>&1 | FileCheck %s --check-prefix=INT-SCALE-DTYPE --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=uint4 scale-dtype=f16})' 2>&1 | FileCheck %s --check-prefix=BAD-SCALE-DTYPE --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=fp8_e4m3fn qscheme=asymmetric})' 2>&1 | FileCheck %s --check-prefix=FLOAT-ASYM --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=fp8_e5m2 scale-dtype=f16})' 2>&1 | FileCheck %s --check-prefix=FP8-SCALE-DTYPE --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=fp4_e2m1fn granularity=per_block scale-dtype=fp8_e8m0fnu})' 2>&1 | FileCheck %s --check-prefix=FP4-SCALE-DTYPE --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=fp4_e2m1fn})' 2>&1 | FileCheck %s --check-prefix=FP4-CHANNEL --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=fp4_e2m1fn granularity=per_block block-size=16})' 2>&1 | FileCheck %s --check-prefix=FP4-BLOCK16 --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8 weight-num-threshold=-1})' 2>&1 | FileCheck %s --check-prefix=THRESHOLD --implicit-check-not=coreai.graph

// NO-DTYPE: error: option 'dtype' is required: one of int8, uint8, int4, uint4, int2, uint2, fp8_e4m3fn, fp8_e5m2, fp4_e2m1fn
// BAD-DTYPE: for the --dtype option: unsupported value 'int3'; expected none, int8, uint8, int4, uint4, int2, uint2, fp8_e4m3fn, fp8_e5m2 or fp4_e2m1fn
// BAD-QSCHEME: for the --qscheme option: unsupported value 'sym'; expected symmetric or asymmetric
// GROUPED: error: option 'granularity': per_grouped_channel is not a quantization granularity; expected per_tensor, per_channel or per_block
// BAD-GRANULARITY: for the --granularity option: unsupported value 'per_row'; expected per_tensor, per_channel, per_block or per_grouped_channel
// BLOCK-ZERO: error: option 'block-size' must be positive, got 0
// BLOCK-NEGATIVE: for the --block-size option: '-4' value invalid for ulong argument!
// INT-SCALE-DTYPE: error: option 'scale-dtype' must be none for integer dtype int8
// BAD-SCALE-DTYPE: for the --scale-dtype option: unsupported value 'f16'; expected none or fp8_e8m0fnu
// FLOAT-ASYM: error: option 'qscheme': asymmetric quantization is not supported for float dtype fp8_e4m3fn; use symmetric
// FP8-SCALE-DTYPE: for the --scale-dtype option: unsupported value 'f16'; expected none or fp8_e8m0fnu
// FP4-SCALE-DTYPE: error: option 'scale-dtype' must be none for fp4_e2m1fn: its scales are always f8E8M0FNU
// FP4-CHANNEL: error: dtype fp4_e2m1fn requires granularity=per_block and block-size=32 (MXFP4), got granularity=per_channel block-size=32
// FP4-BLOCK16: error: dtype fp4_e2m1fn requires granularity=per_block and block-size=32 (MXFP4), got granularity=per_block block-size=16
// THRESHOLD: for the --weight-num-threshold option: '-1' value invalid for ulong argument!

coreai.graph @main(%x: tensor<2x2048xf32>) -> tensor<2x1xf32> {
  %w = coreai.constant dense<0.5> : tensor<2048x1xf32>
  %r = coreai.batch_matmul %x, %w : (tensor<2x2048xf32>, tensor<2048x1xf32>) -> tensor<2x1xf32>
  coreai.output %r : tensor<2x1xf32>
}
