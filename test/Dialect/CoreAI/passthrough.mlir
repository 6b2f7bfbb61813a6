// Ops this project does not model pass through in their own syntax: the
// printed program equals the input text, also after the generic form and
// bytecode. (Examples in the syntax of real Core AI programs.)
// RUN: grep -v '^//' %s > %t.expected
// RUN: coreai-opt %s > %t.text
// RUN: diff -B %t.expected %t.text
// RUN: coreai-opt %s --mlir-print-op-generic | coreai-opt > %t.generic
// RUN: diff -B %t.expected %t.generic
// RUN: coreai-opt %s --emit-bytecode | coreai-opt > %t.bytecode
// RUN: diff -B %t.expected %t.bytecode
// A pass that does not touch them leaves them as they are.
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-materialize-weights)' > %t.pass
// RUN: diff -B %t.expected %t.pass
// The layout of an op whose spelling differs from the default form is kept
// in an attribute of the generic form.
// RUN: coreai-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// GENERIC: "coreai.abs"(%{{.*}}) : (tensor<2x3xsi32>) -> tensor<2x3xsi32>
// GENERIC: "coreai.argmax"(%{{.*}}, %{{.*}}) : (tensor<2x3xf32>, tensor<si32>) -> tensor<2x1xui32>
// GENERIC: "coreai.gather_along_axis"(%{{.*}}, %{{.*}}, %{{.*}}) {coreai.syntax = "% kw:at % kw:along % : (in) to out"}
// GENERIC: "coreai.scan"(%{{.*}}, %{{.*}}, %{{.*}}) {combiner = "sum", coreai.syntax = "% , % , % attr:combiner : (in) -> out"}
module {
  coreai.graph @main(%arg0: tensor<2x3xf32> {coreai.name = "x"}, %arg1: tensor<2x3xi1> {coreai.name = "b"}, %arg2: tensor<2x3xsi32> {coreai.name = "i"}, %arg3: tensor<1x3x8x8xf32> {coreai.name = "img"}, %arg4: !coreai.handle<tensor<1x4xf32>> {MutableBuffers.buffer_mutation = "state", coreai.name = "state"}, %arg5: tensor<1x4xf32> {coreai.name = "v"}) -> (!coreai.token {coreai.name = "state"}, tensor<2x3xf32> {coreai.name = "out"}) {
    %0 = coreai.constant dense<0> : tensor<si32>
    %1 = coreai.constant dense<1> : tensor<si32>
    %2 = coreai.constant dense<[0, 1]> : tensor<2xsi32>
    %3 = coreai.constant dense<1> : tensor<1xsi32>
    %4 = coreai.constant dense<true> : tensor<i1>
    %5 = coreai.constant dense<0.000000e+00> : tensor<f32>
    %6 = coreai.constant dense<[2, 3]> : tensor<2xui32>
    %7 = coreai.constant dense<2> : tensor<2xui32>
    %8 = coreai.constant dense<1> : tensor<2xui32>
    %9 = coreai.abs %arg2 : tensor<2x3xsi32> -> tensor<2x3xsi32>
    %10 = coreai.any %arg1, %2 : (tensor<2x3xi1>, tensor<2xsi32>) -> tensor<1x1xi1>
    %11 = coreai.argmax %arg0, %1 : (tensor<2x3xf32>, tensor<si32>) -> tensor<2x1xui32>
    %12 = coreai.argsort %arg0, %1, %4, %4 : (tensor<2x3xf32>, tensor<si32>, tensor<i1>, tensor<i1>) -> tensor<2x3xsi32>
    %13 = coreai.atan %arg0 : tensor<2x3xf32> -> tensor<2x3xf32>
    %14 = coreai.broadcast_in_dims %arg0, %6, %2 : (tensor<2x3xf32>, tensor<2xui32>, tensor<2xsi32>) -> tensor<2x3xf32>
    %15 = coreai.broadcast_to %arg0, %6 : (tensor<2x3xf32>, tensor<2xui32>) -> tensor<2x3xf32>
    %16 = coreai.concat %6, %7, %0 : (tensor<2xui32>, tensor<2xui32>, tensor<si32>) -> tensor<4xui32>
    %17 = coreai.cos %arg0 : tensor<2x3xf32> -> tensor<2x3xf32>
    %18 = coreai.create_complex %arg0, %arg0 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xcomplex<f32>>
    %19 = coreai.real_part %18 : (tensor<2x3xcomplex<f32>>) -> tensor<2x3xf32>
    %20 = coreai.imaginary_part %18 : (tensor<2x3xcomplex<f32>>) -> tensor<2x3xf32>
    %21 = coreai.decomposable.broadcasting_and %arg1, %arg1 : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
    %22 = coreai.decomposable.broadcasting_bitwise_xor %arg2, %arg2 : (tensor<2x3xsi32>, tensor<2x3xsi32>) -> tensor<2x3xsi32>
    %23 = coreai.decomposable.broadcasting_divide %arg0, %5 : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
    %24 = coreai.decomposable.broadcasting_equal %arg0, %5 : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xi1>
    %25 = coreai.decomposable.broadcasting_where %arg1, %arg0, %arg0 : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    %26 = coreai.decomposable.broadcasting_pow %5, %arg0 : (tensor<f32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    %27 = coreai.exp %arg0 : tensor<2x3xf32> -> tensor<2x3xf32>
    %28 = coreai.expand_dims %arg2, %3 : (tensor<2x3xsi32>, tensor<1xsi32>) to tensor<2x3x1xsi32>
    %29 = coreai.gather_along_axis %arg0 at %arg2 along %0 : (tensor<2x3xf32>, tensor<2x3xsi32>, tensor<si32>) to tensor<2x3xf32>
    %30 = coreai.gelu %arg0 : tensor<2x3xf32> -> tensor<2x3xf32>
    %31 = coreai.get_shape %arg0 : tensor<2x3xf32> -> tensor<2xui32>
    %32 = coreai.log %arg0 : tensor<2x3xf32> -> tensor<2x3xf32>
    %33 = coreai.max_pool_2d %arg3, %7, %7, %8, %4 : (tensor<1x3x8x8xf32>, tensor<2xui32>, tensor<2xui32>, tensor<2xui32>, tensor<i1>) -> tensor<1x3x4x4xf32>
    %34 = coreai.neg %arg0 : tensor<2x3xf32> -> tensor<2x3xf32>
    %35 = coreai.non_zero %arg0 : tensor<2x3xf32> -> tensor<?x2xsi32>
    %36 = coreai.not %arg1 : tensor<2x3xi1> -> tensor<2x3xi1>
    %37 = coreai.range %0, %1, %1 : (tensor<si32>, tensor<si32>, tensor<si32>) -> tensor<?xsi32>
    %38 = coreai.reduce_mean %arg0, %2 : (tensor<2x3xf32>, tensor<2xsi32>) -> tensor<1x1xf32>
    %39 = coreai.reduce_product %6, %3 : (tensor<2xui32>, tensor<1xsi32>) -> tensor<1xui32>
    %40 = coreai.reshape %arg0, %6 : (tensor<2x3xf32>, tensor<2xui32>) -> tensor<2x3xf32>
    %41 = coreai.reverse %arg0, %3 : (tensor<2x3xf32>, tensor<1xsi32>) -> tensor<2x3xf32>
    %42 = coreai.round %arg0 : tensor<2x3xf32> -> tensor<2x3xf32>
    %43 = coreai.rsqrt %arg0 : tensor<2x3xf32> -> tensor<2x3xf32>
    %44 = coreai.scan %arg0, %0, %4 combiner = <sum> : (tensor<2x3xf32>, tensor<si32>, tensor<i1>) -> tensor<2x3xf32>
    %45 = coreai.scatter_along_axis %arg0, %arg2, %arg0, %0 : (tensor<2x3xf32>, tensor<2x3xsi32>, tensor<2x3xf32>, tensor<si32>) -> tensor<2x3xf32>
    %46 = coreai.shrink_dims %28, %3 : (tensor<2x3x1xsi32>, tensor<1xsi32>) to tensor<2x3xsi32>
    %47 = coreai.sigmoid %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %48 = coreai.sin %arg0 : tensor<2x3xf32> -> tensor<2x3xf32>
    %49 = coreai.slice %6, %3, %3, %3 : (tensor<2xui32>, tensor<1xsi32>, tensor<1xsi32>, tensor<1xsi32>) -> tensor<1xui32>
    %50 = coreai.slice_update %arg0 with %arg0 at (%2, %2, %2) : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2xsi32>, tensor<2xsi32>, tensor<2xsi32>) to tensor<2x3xf32>
    %51 = coreai.softmax %arg0, %1 : (tensor<2x3xf32>, tensor<si32>) -> tensor<2x3xf32>
    %52 = coreai.sort %arg0, %1, %4, %4 : (tensor<2x3xf32>, tensor<si32>, tensor<i1>, tensor<i1>) -> tensor<2x3xf32>
    %53:2 = coreai.split %arg0, %8, %1 : (tensor<2x3xf32>, tensor<2xui32>, tensor<si32>) -> (tensor<2x1xf32>, tensor<2x2xf32>)
    %54 = coreai.sqrt %arg0 : tensor<2x3xf32> -> tensor<2x3xf32>
    %55 = coreai.sum_pool_2d %arg3, %7, %7, %8 : (tensor<1x3x8x8xf32>, tensor<2xui32>, tensor<2xui32>, tensor<2xui32>) -> tensor<1x3x4x4xf32>
    %56 = coreai.tile %arg0, %7 : (tensor<2x3xf32>, tensor<2xui32>) -> tensor<4x6xf32>
    %57 = coreai.interpolate %arg3, %2, %5, %5 {interpolation_mode = #coreai.interpolation_mode<nearest_neighbor>} : (tensor<1x3x8x8xf32>, tensor<2xsi32>, tensor<f32>, tensor<f32>) -> tensor<1x3x16x16xf32>
    %58 = coreai.pad %arg3, %7, %5 mode = <constant> : (tensor<1x3x8x8xf32>, tensor<2xui32>, tensor<f32>) -> tensor<1x3x?x?xf32>
    %59 = coreai.create_token : !coreai.token
    %60:2 = coreai.read_handle %arg4, %59 : (<tensor<1x4xf32>>, !coreai.token) -> (tensor<1x4xf32>, !coreai.token)
    %61 = coreai.write_handle %arg4, %arg5, %60#1 : (<tensor<1x4xf32>>, tensor<1x4xf32>, !coreai.token) -> !coreai.token
    %62 = coreai.constant dense<1.000000e+00> : tensor<64xf16>
    %63 = coreai.constant dense<0> : tensor<64xsi8>
    %64 = coreai.quantize %arg3, %62, %63, %62, %1 : (tensor<1x3x8x8xf32>, tensor<64xf16>, tensor<64xsi8>, tensor<64xf16>, tensor<si32>) -> tensor<1x3x8x8xsi8>
    %65 = coreai.dequantize %64, %62, %63, %62, %1 : (tensor<1x3x8x8xsi8>, tensor<64xf16>, tensor<64xsi8>, tensor<64xf16>, tensor<si32>) -> tensor<1x3x8x8xf16>
    %66 = coreai.constant dense<1.000000e+00> : tensor<4x3x3x3x3xf32>
    %67 = coreai.constant dense<1.000000e+00> : tensor<1x3x6x6x6xf32>
    %68 = coreai.constant dense<1> : tensor<3xui32>
    %69 = coreai.constant dense<1> : tensor<ui32>
    %70 = coreai.conv3d %67, %66, %68, %68, %69 : (tensor<1x3x6x6x6xf32>, tensor<4x3x3x3x3xf32>, tensor<3xui32>, tensor<3xui32>, tensor<ui32>) -> tensor<1x4x4x4x4xf32>
    %71 = coreai.constant dense<1.000000e+00> : tensor<3x8x3x3xf32>
    %72 = coreai.conv_transpose2d %arg3, %71, %7, %8, %8, %8, %69 : (tensor<1x3x8x8xf32>, tensor<3x8x3x3xf32>, tensor<2xui32>, tensor<2xui32>, tensor<2xui32>, tensor<2xui32>, tensor<ui32>) -> tensor<1x8x17x17xf32>
    %73 = coreai.sum_pool_3d %67, %68, %68, %68 : (tensor<1x3x6x6x6xf32>, tensor<3xui32>, tensor<3xui32>, tensor<3xui32>) -> tensor<1x3x2x2x2xf32>
    %74 = coreai.decomposable.broadcasting_floor_divide %arg0, %5 : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
    %75 = coreai.decomposable.broadcasting_modulo %arg0, %arg0 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    coreai.output %61, %51 : !coreai.token, tensor<2x3xf32>
  }
}

