// The system mlir-opt loads the plugin, parses coreai programs and runs
// coreai passes; it prints the same as coreai-opt. (A plugin that fails to
// load is only a warning in mlir-opt, so the effect of the pass is checked.)
// REQUIRES: plugin
// RUN: mlir-opt %s --load-dialect-plugin=%coreai_libs/CoreAIPlugin%shlibext --load-pass-plugin=%coreai_libs/CoreAIPlugin%shlibext --pass-pipeline='builtin.module(coreai-materialize-weights)' > %t.plugin
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-materialize-weights)' > %t.driver
// RUN: diff %t.plugin %t.driver
// RUN: FileCheck %s < %t.plugin
// The dialect plugin alone registers the passes too.
// RUN: mlir-opt %s --load-dialect-plugin=%coreai_libs/CoreAIPlugin%shlibext --pass-pipeline='builtin.module(coreai-materialize-weights)' | diff - %t.driver

// CHECK-LABEL: coreai.graph @main
// CHECK-NEXT:    %[[W:.*]] = coreai.constant dense<{{\[\[}}1.000000e+00, -2.000000e+00, 3.000000e+00], [2.000000e+00, 0.000000e+00, -2.000000e+00]]> : tensor<2x3xf32>
// CHECK-NEXT:    %[[AX:.*]] = coreai.constant dense<1> : tensor<si32>
// CHECK-NEXT:    %[[R:.*]] = coreai.softmax %[[W]], %[[AX]] : (tensor<2x3xf32>, tensor<si32>) -> tensor<2x3xf32>
// CHECK-NEXT:    coreai.output %[[R]] : tensor<2x3xf32>
coreai.graph @main() -> tensor<2x3xf32> {
  %q = coreai.constant dense<[[2, -4, 6], [1, 0, -1]]> : tensor<2x3xsi8>
  %s = coreai.constant dense<[[5.000000e-01], [2.0]]> : tensor<2x1xf32>
  %z = coreai.constant dense<0> : tensor<2x1xsi8>
  %o = coreai.constant dense<0.000000e+00> : tensor<2x1xf32>
  %w = coreai.blockwise_shift_scale %q, %s, %z, %o : (tensor<2x3xsi8>, tensor<2x1xf32>, tensor<2x1xsi8>, tensor<2x1xf32>) -> tensor<2x3xf32>
  %ax = coreai.constant dense<1> : tensor<si32>
  %r = coreai.softmax %w, %ax : (tensor<2x3xf32>, tensor<si32>) -> tensor<2x3xf32>
  coreai.output %r : tensor<2x3xf32>
}
