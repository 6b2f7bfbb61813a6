// A packed ui4 1024x1024 constant takes half the bytes of the one-byte form
// in bytecode (at most 530,000 bytes), and reads back unchanged.
// RUN: %python %S/Inputs/packed_ui4.py --packed > %t.packed.mlir
// RUN: coreai-opt %t.packed.mlir --emit-bytecode -o %t.packed.mlirbc
// RUN: %python %S/Inputs/check_size.py %t.packed.mlirbc 524288 530000
// RUN: %python %S/Inputs/packed_ui4.py > %t.bytes.mlir
// RUN: coreai-opt %t.bytes.mlir --emit-bytecode -o %t.bytes.mlirbc
// RUN: %python %S/Inputs/check_size.py %t.bytes.mlirbc 1048576 1100000
// Reading and writing the bytecode again gives the same bytes.
// RUN: coreai-opt %t.packed.mlirbc --emit-bytecode | cmp - %t.packed.mlirbc
// RUN: coreai-opt %t.packed.mlirbc | FileCheck %s
// CHECK: coreai.constant dense_resource<w> : tensor<1024x1024xui4>
// CHECK: w: "0x010000007{{.*}}"
