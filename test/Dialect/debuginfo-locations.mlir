// Locations of the separate `debuginfo` dialect (programs saved with debug
// info) are read, kept verbatim through text and bytecode, and given to the
// ops of a compressed chain, which take the location of their constant.
// RUN: coreai-opt %s --mlir-print-debuginfo | FileCheck %s
// RUN: coreai-opt %s --mlir-print-debuginfo | coreai-opt --mlir-print-debuginfo | FileCheck %s
// RUN: coreai-opt %s -emit-bytecode | coreai-opt --mlir-print-debuginfo | FileCheck %s
// RUN: coreai-opt %s --mlir-print-debuginfo --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8 weight-num-threshold=0})' | FileCheck %s --check-prefix=CHAIN
// RUN: echo 'coreai.graph @g() -> () { coreai.output loc(#debuginfo.line<1>) }' | not coreai-opt 2>&1 | FileCheck %s --check-prefix=BAD

// CHECK: coreai.constant {{.*}} loc([[W:#loc[0-9]+]])
// CHECK: coreai.batch_matmul {{.*}} loc([[M:#loc[0-9]+]])
// CHECK: coreai.output {{.*}} loc([[O:#loc[0-9]+]])
// CHECK-DAG: [[W]] = #debuginfo.location<file = "model.py", line = 12, column = 8, scope = "layers.0.q_proj">
// CHECK-DAG: [[M]] = #debuginfo.location<file = "model.py", line = 13, column = 4>
// CHECK-DAG: [[O]] = #debuginfo.location<"raw" [1, 2] {k = <3>}>

// CHAIN: coreai.constant {{.*}} loc([[W:#loc[0-9]+]])
// CHAIN-COUNT-3: coreai.constant {{.*}} loc([[W]])
// CHAIN: coreai.blockwise_shift_scale {{.*}} loc([[W]])
// CHAIN: [[W]] = #debuginfo.location<file = "model.py", line = 12, column = 8, scope = "layers.0.q_proj">

// BAD: error: unknown debuginfo attribute; expected #debuginfo.location<...>
// A NUL could not be printed back (bytecode keeps the text as a C string):
// refused.
// RUN: printf 'coreai.graph @g() -> () { coreai.output loc(#debuginfo.location<"a\000b">) }' | not coreai-opt 2>&1 | FileCheck %s --check-prefix=NUL
// NUL: error: a debuginfo location may not contain a NUL character

coreai.graph @main(%x: tensor<1x4xf16>) -> tensor<1x4xf16> {
  %w = coreai.constant dense<[[1.0, -2.0, 3.0, 0.5], [0.25, 1.5, -1.0, 2.0], [0.0, 1.0, 2.0, 3.0], [-3.0, 2.0, -1.0, 0.5]]> : tensor<4x4xf16> loc(#loc1)
  %y = coreai.batch_matmul %x, %w : (tensor<1x4xf16>, tensor<4x4xf16>) -> tensor<1x4xf16> loc(#loc2)
  coreai.output %y : tensor<1x4xf16> loc(#loc3)
}
#loc1 = loc(#debuginfo.location<file = "model.py", line = 12, column = 8, scope = "layers.0.q_proj">)
#loc2 = loc(#debuginfo.location<file = "model.py", line = 13, column = 4>)
#loc3 = loc(#debuginfo.location<"raw" [1, 2] {k = <3>}>)
