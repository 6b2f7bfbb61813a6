// The compression passes and the report run in the system mlir-opt through
// the plugin and give the same output as coreai-opt.
// REQUIRES: plugin
// RUN: mlir-opt %s --load-dialect-plugin=%coreai_libs/CoreAIPlugin%shlibext --load-pass-plugin=%coreai_libs/CoreAIPlugin%shlibext --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 granularity=per_block block-size=4 weight-num-threshold=8})' > %t.q.plugin
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 granularity=per_block block-size=4 weight-num-threshold=8})' > %t.q.driver
// RUN: diff %t.q.plugin %t.q.driver
// RUN: mlir-opt %s --load-dialect-plugin=%coreai_libs/CoreAIPlugin%shlibext --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=2 weight-num-threshold=8})' > %t.p.plugin
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=2 weight-num-threshold=8})' > %t.p.driver
// RUN: diff %t.p.plugin %t.p.driver
// RUN: mlir-opt %s --load-dialect-plugin=%coreai_libs/CoreAIPlugin%shlibext --pass-pipeline='builtin.module(coreai-sparsify-weights{weight-num-threshold=8},coreai-weight-report{reference=%s})' -o /dev/null | FileCheck %s

// CHECK: 0 coreai.decomposable.broadcasting_batch_matmul {{.*}} 4x8 f32 ui1,f32 50.0% sparse 128 68 17.00 {{[0-9]+\.[0-9][0-9]}}

coreai.graph @main(%x: tensor<2x8xf32>) -> tensor<2x4xf32> {
  %w = coreai.constant dense<[[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8], [-1.0, -2.0, 1.0, 2.0, 0.0, 0.0, 3.0, 3.0], [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5], [1.0, 1.1, 1.2, 5.0, 5.1, 5.2, 9.0, 9.5]]> : tensor<4x8xf32>
  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>
  %t = coreai.transpose %w, %perm : (tensor<4x8xf32>, tensor<2xui32>) -> tensor<8x4xf32>
  %y = coreai.decomposable.broadcasting_batch_matmul %x, %t : (tensor<2x8xf32>, tensor<8x4xf32>) -> tensor<2x4xf32>
  coreai.output %y : tensor<2x4xf32>
}
