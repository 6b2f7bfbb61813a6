// The report on the bundled demo program for each scheme: every weight is
// compressed with the expected scheme and bits per weight, and the SQNR is
// present and sane (two-digit dB).
// RUN: coreai-opt %coreai_src/docs/examples/demo.mlirbc --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8})' --emit-bytecode -o %t.int8.mlirbc
// RUN: coreai-opt %t.int8.mlirbc -o /dev/null --pass-pipeline='builtin.module(coreai-weight-report{reference=%coreai_src/docs/examples/demo.mlirbc})' | FileCheck %s --check-prefix=INT8
// RUN: coreai-opt %coreai_src/docs/examples/demo.mlirbc -o /dev/null --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 scale-search=minmax granularity=per_block},coreai-weight-report{reference=%coreai_src/docs/examples/demo.mlirbc})' | FileCheck %s --check-prefix=INT4
// RUN: coreai-opt %coreai_src/docs/examples/demo.mlirbc -o /dev/null --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=fp4_e2m1fn granularity=per_block},coreai-weight-report{reference=%coreai_src/docs/examples/demo.mlirbc})' | FileCheck %s --check-prefix=MXFP4
// RUN: coreai-opt %coreai_src/docs/examples/demo.mlirbc -o /dev/null --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=fp8_e4m3fn scale-dtype=fp8_e8m0fnu granularity=per_block},coreai-weight-report{reference=%coreai_src/docs/examples/demo.mlirbc})' 2>/dev/null | FileCheck %s --check-prefix=FP8MX
// RUN: coreai-opt %coreai_src/docs/examples/demo.mlirbc -o /dev/null --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_grouped_channel group-size=16},coreai-weight-report{reference=%coreai_src/docs/examples/demo.mlirbc})' | FileCheck %s --check-prefix=LUT
// RUN: coreai-opt %coreai_src/docs/examples/demo.mlirbc -o /dev/null --pass-pipeline='builtin.module(coreai-palettize-weights{cluster-dim=2},coreai-weight-report{reference=%coreai_src/docs/examples/demo.mlirbc})' | FileCheck %s --check-prefix=VECTOR
// RUN: coreai-opt %coreai_src/docs/examples/demo.mlirbc -o /dev/null --pass-pipeline='builtin.module(coreai-sparsify-weights{n-m-ratio=2,4 quantize-dtype=int8},coreai-weight-report{reference=%coreai_src/docs/examples/demo.mlirbc})' | FileCheck %s --check-prefix=SPARSE
// RUN: coreai-opt %coreai_src/docs/examples/demo.mlirbc -o /dev/null --pass-pipeline='builtin.module(coreai-weight-report)' | FileCheck %s --check-prefix=NONE

// The embedding [1024, 128]: int8 data 131072 bytes + 1024 f16 scales + a
// splat zero point and offset.
// INT8: 0 coreai.gather_nd demo.mlir:8:9 1024x128 f16 f16,si8 int8 per_channel sym 262144 133123 8.13 {{[1-9][0-9]\.[0-9][0-9]}}
// INT8-COUNT-14: coreai.decomposable.broadcasting_batch_matmul demo.mlir:{{.*}} int8 per_channel sym {{.*}} {{[1-9][0-9]\.[0-9][0-9]}}
// INT8: 15 coreai.conv2d demo.mlir:70:11 32x16x3x3 f16 f16,si8 int8 per_channel sym 9216 4675 8.12 {{[1-9][0-9]\.[0-9][0-9]}}
// INT8: weights: 16, compressed 16, uncompressed 0
// INT8: weight bytes: 926720 -> 470128 (1.97x smaller), 8.12 bits per weight
// INT8: worst SQNR: {{[1-9][0-9]\.[0-9][0-9]}} dB at #

// INT4: 0 coreai.gather_nd {{.*}} int4 per_block 32 sym 262144 73731 4.50 {{[1-9][0-9]\.[0-9][0-9]}}
// The conv's 16 input channels are not a multiple of the block size 32.
// INT4: weights: 16, compressed 15, uncompressed 1
// INT4-NEXT: #15 demo.mlir:70:11: not compressed: 4608 elements (at most the pass's threshold, or skipped with a warning)
// MXFP4: 0 coreai.gather_nd {{.*}} f16,f4E2M1FN,f8E8M0FNU mxfp4 per_block 32 262144 69635 4.25 {{[1-9][0-9]\.[0-9][0-9]}}
// MXFP4: weights: 16, compressed 15, uncompressed 1
// FP8MX: 0 coreai.gather_nd {{.*}} f16,f8E4M3FN,f8E8M0FNU fp8_e4m3fn per_block 32 e8m0 scales 262144 135171 8.25 {{[1-9][0-9]\.[0-9][0-9]}}
// LUT: 0 coreai.gather_nd {{.*}} 4-bit LUT grouped 16 {{.*}} {{[1-9][0-9]\.[0-9][0-9]}}
// LUT: weights: 16, compressed 16, uncompressed 0
// VECTOR: 0 coreai.gather_nd {{.*}} 4-bit LUT per_tensor vector 2 {{.*}} {{[0-9]\.[0-9][0-9]}}
// SPARSE: 0 coreai.gather_nd {{.*}} 50.0% sparse + int8 262144 {{.*}} {{[1-9][0-9]\.[0-9][0-9]}}
// SPARSE: weights: 16, compressed 16, uncompressed 0
// NONE: weights: 16, compressed 0, uncompressed 16
// NONE: weight bytes: 926720 -> 926720 (1.00x smaller), 16.00 bits per weight
