// A weight whose payload is missing (an elided or absent dense_resource) is
// an error at the constant for every compression pass: exit code 1 and no
// program on stdout.
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8})' 2>&1 | FileCheck %s --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights)' 2>&1 | FileCheck %s --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_channel enable-per-channel-scale=true})' 2>&1 | FileCheck %s --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights)' 2>&1 | FileCheck %s --implicit-check-not=coreai.graph

// CHECK: compression-missing-data.mlir:[[@LINE+2]]:8: error: dense_resource blob 'missing' is not available
coreai.graph @main(%x: tensor<2x64xf16>) -> tensor<2x32xf16> {
  %w = coreai.constant dense_resource<missing> : tensor<64x32xf16>
  %a = coreai.batch_matmul %x, %w : (tensor<2x64xf16>, tensor<64x32xf16>) -> tensor<2x32xf16>
  coreai.output %a : tensor<2x32xf16>
}
