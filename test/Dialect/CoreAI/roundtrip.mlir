// Core AI programs come back out in the syntax they went in, through text,
// the generic form and bytecode.
// RUN: coreai-opt %s | FileCheck %s
// RUN: coreai-opt %s | coreai-opt | FileCheck %s
// RUN: coreai-opt %s --mlir-print-op-generic | coreai-opt | FileCheck %s
// RUN: coreai-opt %s --emit-bytecode | coreai-opt | FileCheck %s

// CHECK-LABEL: module {
// CHECK-NEXT:   coreai.graph @main(%[[X:.*]]: tensor<2x4xf32> {coreai.name = "x"}, %[[IDS:.*]]: tensor<2x3xsi32> {coreai.name = "ids"}) -> (tensor<2x3xf32> {coreai.name = "add"}) {
// CHECK-NEXT:     %[[W:.*]] = coreai.constant dense<{{\[\[}}1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00], [5.000000e+00, 6.000000e+00, 7.000000e+00, 8.000000e+00], [1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]]> : tensor<3x4xf32>
// CHECK-NEXT:     %[[PERM:.*]] = coreai.constant dense<[1, 0]> : tensor<2xui32>
// CHECK-NEXT:     %[[WT:.*]] = coreai.transpose %[[W]], %[[PERM]] : (tensor<3x4xf32>, tensor<2xui32>) -> tensor<4x3xf32>
// CHECK-NEXT:     %[[MM:.*]] = coreai.decomposable.broadcasting_batch_matmul %[[X]], %[[WT]] : (tensor<2x4xf32>, tensor<4x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT:     %[[TWO:.*]] = coreai.constant dense<2.000000e+00> : tensor<f32>
// CHECK-NEXT:     %[[ADD:.*]] = coreai.decomposable.broadcasting_add %[[MM]], %[[TWO]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT:     %[[ABS:.*]] = coreai.abs %[[ADD]] : tensor<2x3xf32> -> tensor<2x3xf32>
// CHECK-NEXT:     %[[RELU:.*]] = coreai.relu %[[ABS]] : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT:     %[[PADS:.*]] = coreai.constant dense<[0, 0, 0, 0, 1, 1, 1, 1]> : tensor<8xui32>
// CHECK-NEXT:     %[[AX:.*]] = coreai.constant dense<1> : tensor<1xsi32>
// CHECK-NEXT:     %[[EXP:.*]] = coreai.expand_dims %[[RELU]], %[[AX]] : (tensor<2x3xf32>, tensor<1xsi32>) to tensor<2x3x1xf32>
// CHECK-NEXT:     %[[CAST:.*]] = coreai.cast %[[IDS]] : tensor<2x3xsi32> to tensor<2x3xf32>
// CHECK-NEXT:     %[[DIM:.*]] = coreai.constant dense<0> : tensor<si32>
// CHECK-NEXT:     %[[GATH:.*]] = coreai.gather_along_axis %[[CAST]] at %[[IDS]] along %[[DIM]] : (tensor<2x3xf32>, tensor<2x3xsi32>, tensor<si32>) to tensor<2x3xf32>
// CHECK-NEXT:     %{{.*}} = coreai.interpolate %[[EXP]], %[[AX]], %[[TWO]], %[[TWO]] {interpolation_mode = #coreai.interpolation_mode<linear>} : (tensor<2x3x1xf32>, tensor<1xsi32>, tensor<f32>, tensor<f32>) -> tensor<2x3x1xf32>
// CHECK-NEXT:     %{{.*}} = coreai.create_token : !coreai.token
// CHECK-NEXT:     %[[TRUE:.*]] = coreai.constant dense<true> : tensor<i1>
// CHECK-NEXT:     %[[IF:.*]] = coreai.if %[[TRUE]] {
// CHECK-NEXT:       %[[T:.*]] = coreai.decomposable.broadcasting_add %[[GATH]], %[[TWO]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT:       coreai.yield %[[T]] : tensor<2x3xf32>
// CHECK-NEXT:     } else {
// CHECK-NEXT:       %[[E:.*]] = coreai.decomposable.broadcasting_sub %[[GATH]], %[[TWO]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT:       coreai.yield %[[E]] : tensor<2x3xf32>
// CHECK-NEXT:     } : tensor<i1> -> tensor<2x3xf32>
// CHECK-NEXT:     %{{.*}} = coreai.pad %[[RELU]], %[[PADS]], %[[TWO]] mode = <constant> : (tensor<2x3xf32>, tensor<8xui32>, tensor<f32>) -> tensor<?x?xf32>
// CHECK-NEXT:     %[[R:.*]] = coreai.invoke @log_softmax_0(%[[IF]])  : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT:     coreai.output %[[R]] : tensor<2x3xf32>
// CHECK-NEXT:   }
// CHECK-NEXT:   coreai.graph private noinline @log_softmax_0(%[[IN:.*]]: tensor<2x3xf32> {coreai.name = "input"}) -> tensor<2x3xf32> attributes {composite_decl = #coreai.composite_declaration<"log_softmax" = {input_names = ["input"], op_attrs = {axis = 1 : si64, version = 1 : si64}, output_names = ["output"]}>, template_op = "log_softmax"} {
// CHECK-NEXT:     %[[ONE:.*]] = coreai.constant dense<1> : tensor<si32>
// CHECK-NEXT:     %[[SM:.*]] = coreai.softmax %[[IN]], %[[ONE]] : (tensor<2x3xf32>, tensor<si32>) -> tensor<2x3xf32>
// CHECK-NEXT:     coreai.output %[[SM]] : tensor<2x3xf32>
// CHECK-NEXT:   }
// CHECK-NEXT:   coreai.graph noinline @norm(%{{.*}}: tensor<1x10xf32>) -> tensor<1x10xf32> {
// CHECK:        coreai.graph @add(
// CHECK:        coreai.graph @scope_coreai_group_native64(
// CHECK-NEXT:     coreai.output
// CHECK-NEXT:   }
// CHECK-NEXT: }
module {
  coreai.graph @main(%arg0: tensor<2x4xf32> {coreai.name = "x"}, %arg1: tensor<2x3xsi32> {coreai.name = "ids"}) -> (tensor<2x3xf32> {coreai.name = "add"}) {
    %0 = coreai.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [1.0, 2.0, 3.0, 4.0]]> : tensor<3x4xf32>
    %1 = coreai.constant dense<[1, 0]> : tensor<2xui32>
    %2 = coreai.transpose %0, %1 : (tensor<3x4xf32>, tensor<2xui32>) -> tensor<4x3xf32>
    %3 = coreai.decomposable.broadcasting_batch_matmul %arg0, %2 : (tensor<2x4xf32>, tensor<4x3xf32>) -> tensor<2x3xf32>
    %4 = coreai.constant dense<2.000000e+00> : tensor<f32>
    %5 = coreai.decomposable.broadcasting_add %3, %4 : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
    %6 = coreai.abs %5 : tensor<2x3xf32> -> tensor<2x3xf32>
    %7 = coreai.relu %6 : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %8 = coreai.constant dense<[0, 0, 0, 0, 1, 1, 1, 1]> : tensor<8xui32>
    %9 = coreai.constant dense<1> : tensor<1xsi32>
    %10 = coreai.expand_dims %7, %9 : (tensor<2x3xf32>, tensor<1xsi32>) to tensor<2x3x1xf32>
    %11 = coreai.cast %arg1 : tensor<2x3xsi32> to tensor<2x3xf32>
    %12 = coreai.constant dense<0> : tensor<si32>
    %13 = coreai.gather_along_axis %11 at %arg1 along %12 : (tensor<2x3xf32>, tensor<2x3xsi32>, tensor<si32>) to tensor<2x3xf32>
    %14 = coreai.interpolate %10, %9, %4, %4 {interpolation_mode = #coreai.interpolation_mode<linear>} : (tensor<2x3x1xf32>, tensor<1xsi32>, tensor<f32>, tensor<f32>) -> tensor<2x3x1xf32>
    %15 = coreai.create_token : !coreai.token
    %16 = coreai.constant dense<true> : tensor<i1>
    %17 = coreai.if %16 {
      %20 = coreai.decomposable.broadcasting_add %13, %4 : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
      coreai.yield %20 : tensor<2x3xf32>
    } else {
      %20 = coreai.decomposable.broadcasting_sub %13, %4 : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
      coreai.yield %20 : tensor<2x3xf32>
    } : tensor<i1> -> tensor<2x3xf32>
    %18 = coreai.pad %7, %8, %4 mode = <constant> : (tensor<2x3xf32>, tensor<8xui32>, tensor<f32>) -> tensor<?x?xf32>
    %19 = coreai.invoke @log_softmax_0(%17)  : (tensor<2x3xf32>) -> tensor<2x3xf32>
    coreai.output %19 : tensor<2x3xf32>
  }
  coreai.graph private noinline @log_softmax_0(%arg0: tensor<2x3xf32> {coreai.name = "input"}) -> tensor<2x3xf32> attributes {composite_decl = #coreai.composite_declaration<"log_softmax" = {input_names = ["input"], op_attrs = {axis = 1 : si64, version = 1 : si64}, output_names = ["output"]}>, template_op = "log_softmax"} {
    %0 = coreai.constant dense<1> : tensor<si32>
    %1 = coreai.softmax %arg0, %0 : (tensor<2x3xf32>, tensor<si32>) -> tensor<2x3xf32>
    coreai.output %1 : tensor<2x3xf32>
  }
  coreai.graph noinline @norm(%arg0: tensor<1x10xf32>) -> tensor<1x10xf32> {
    coreai.output %arg0 : tensor<1x10xf32>
  }
  coreai.graph @add(%arg0: tensor<2x3xf32> {coreai.name = "x"}, %arg1: tensor<2x3xf32> {coreai.name = "y"}) -> (tensor<2x3xf32> {coreai.name = "add"}) {
    %0 = coreai.decomposable.broadcasting_add %arg0, %arg1 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    coreai.output %0 : tensor<2x3xf32>
  }
  coreai.graph @scope_coreai_group_native64() {
    coreai.output
  }
}
