// 6- and 8-bit LUTs on weights large enough for them to pay: 16x128 f16
// linear weights (the second seen through a transpose). 2048 indices of 6
// bits pack into 1536 bytes; 8-bit indices stay one byte each, ui8.
// RUN: %python %S/Inputs/gen_linear.py 16 128 > %t.mlir
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=6})' | FileCheck %s --check-prefix=BITS6
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=8})' | FileCheck %s --check-prefix=BITS8
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=6},coreai-weight-report)' -o /dev/null | FileCheck %s --check-prefix=REPORT6

// BITS6: coreai.constant dense_resource<[[R:.*]]> : tensor<16x128xui6>
// BITS6: coreai.constant dense<{{.*}}> : tensor<1x1x64x1xf16>
// BITS6: coreai.lut_to_dense {{.*}} -> tensor<16x128xf16>
// BITS6: [[R]]: "0x10000000{{([0-9A-F]{32}){96}"}}
// BITS8: coreai.constant dense_resource<{{.*}}> : tensor<16x128xui8>
// BITS8: coreai.constant dense<{{.*}}> : tensor<1x1x256x1xf16>
// BITS8: coreai.lut_to_dense {{.*}} -> tensor<16x128xf16>
// 1536 index bytes + 128 LUT bytes + the 2-byte axis:
// REPORT6: 6-bit LUT per_tensor 4096 1666 6.51
