// Constants of every element type Core AI uses, inline and as resources,
// round-trip in text, generic form and bytecode.
// RUN: coreai-opt %s | FileCheck %s
// RUN: coreai-opt %s --mlir-print-op-generic | coreai-opt | FileCheck %s
// RUN: coreai-opt %s --emit-bytecode | coreai-opt | FileCheck %s

// CHECK-LABEL: coreai.graph @constants()
coreai.graph @constants() {
  // CHECK-NEXT: coreai.constant dense<2.000000e+00> : tensor<f32>
  %0 = coreai.constant dense<2.000000e+00> : tensor<f32>
  // CHECK-NEXT: coreai.constant dense<0x7F800000> : tensor<f32>
  %1 = coreai.constant dense<0x7F800000> : tensor<f32>
  // CHECK-NEXT: coreai.constant dense<9.99999974E-6> : tensor<f32>
  %2 = coreai.constant dense<9.99999974E-6> : tensor<f32>
  // CHECK-NEXT: coreai.constant dense<[1.500000e+00, -2.000000e+00]> : tensor<2xf16>
  %3 = coreai.constant dense<[1.5, -2.0]> : tensor<2xf16>
  // CHECK-NEXT: coreai.constant dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xbf16>
  %4 = coreai.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xbf16>
  // CHECK-NEXT: coreai.constant dense<[4.480000e+02, -5.000000e-01]> : tensor<2xf8E4M3FN>
  %5 = coreai.constant dense<[448.0, -0.5]> : tensor<2xf8E4M3FN>
  // CHECK-NEXT: coreai.constant dense<[5.734400e+04, 2.500000e-01]> : tensor<2xf8E5M2>
  %6 = coreai.constant dense<[57344.0, 0.25]> : tensor<2xf8E5M2>
  // CHECK-NEXT: coreai.constant dense<[5.000000e-01, 4.000000e+00]> : tensor<2xf8E8M0FNU>
  %7 = coreai.constant dense<[0.5, 4.0]> : tensor<2xf8E8M0FNU>
  // CHECK-NEXT: coreai.constant dense<[6.000000e+00, -1.500000e+00]> : tensor<2xf4E2M1FN>
  %8 = coreai.constant dense<[6.0, -1.5]> : tensor<2xf4E2M1FN>
  // CHECK-NEXT: coreai.constant dense<0.000000e+00> : tensor<1x1xf8E4M3FN>
  %9 = coreai.constant dense<0.0> : tensor<1x1xf8E4M3FN>
  // CHECK-NEXT: coreai.constant dense<[-1, 1]> : tensor<2xsi2>
  %10 = coreai.constant dense<[-1, 1]> : tensor<2xsi2>
  // CHECK-NEXT: coreai.constant dense<0> : tensor<1x1xsi4>
  %11 = coreai.constant dense<0> : tensor<1x1xsi4>
  // CHECK-NEXT: coreai.constant dense<[-128, 127]> : tensor<2xsi8>
  %12 = coreai.constant dense<[-128, 127]> : tensor<2xsi8>
  // CHECK-NEXT: coreai.constant dense<0> : tensor<si16>
  %13 = coreai.constant dense<0> : tensor<si16>
  // CHECK-NEXT: coreai.constant dense<1> : tensor<1xsi32>
  %14 = coreai.constant dense<1> : tensor<1xsi32>
  // MLIR prints 1-bit integers as booleans.
  // CHECK-NEXT: coreai.constant dense<[true, false, true]> : tensor<3xui1>
  %15 = coreai.constant dense<[1, 0, 1]> : tensor<3xui1>
  // CHECK-NEXT: coreai.constant dense<[0, 3]> : tensor<2xui2>
  %16 = coreai.constant dense<[0, 3]> : tensor<2xui2>
  // CHECK-NEXT: coreai.constant dense<[7, 1]> : tensor<2xui3>
  %17 = coreai.constant dense<[7, 1]> : tensor<2xui3>
  // CHECK-NEXT: coreai.constant dense<[15, 1]> : tensor<2xui4>
  %18 = coreai.constant dense<[15, 1]> : tensor<2xui4>
  // CHECK-NEXT: coreai.constant dense<[63, 1]> : tensor<2xui6>
  %19 = coreai.constant dense<[63, 1]> : tensor<2xui6>
  // CHECK-NEXT: coreai.constant dense<127> : tensor<1x1xui8>
  %20 = coreai.constant dense<127> : tensor<1x1xui8>
  // CHECK-NEXT: coreai.constant dense<1> : tensor<2xui32>
  %21 = coreai.constant dense<1> : tensor<2xui32>
  // CHECK-NEXT: coreai.constant dense<> : tensor<0xui32>
  %22 = coreai.constant dense<> : tensor<0xui32>
  // CHECK-NEXT: coreai.constant dense<true> : tensor<i1>
  %23 = coreai.constant dense<true> : tensor<i1>
  // CHECK-NEXT: coreai.constant dense<(1.000000e+00,2.000000e+00)> : tensor<2xcomplex<f32>>
  %24 = coreai.constant dense<(1.0, 2.0)> : tensor<2xcomplex<f32>>
  // More than 100 inline elements print as hex, as the real printer does.
  // CHECK-NEXT: coreai.constant dense<"0x0000803F{{.*}}"> : tensor<101xf32>
  %25 = coreai.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0, 19.0, 20.0, 21.0, 22.0, 23.0, 24.0, 25.0, 26.0, 27.0, 28.0, 29.0, 30.0, 31.0, 32.0, 33.0, 34.0, 35.0, 36.0, 37.0, 38.0, 39.0, 40.0, 41.0, 42.0, 43.0, 44.0, 45.0, 46.0, 47.0, 48.0, 49.0, 50.0, 51.0, 52.0, 53.0, 54.0, 55.0, 56.0, 57.0, 58.0, 59.0, 60.0, 61.0, 62.0, 63.0, 64.0, 65.0, 66.0, 67.0, 68.0, 69.0, 70.0, 71.0, 72.0, 73.0, 74.0, 75.0, 76.0, 77.0, 78.0, 79.0, 80.0, 81.0, 82.0, 83.0, 84.0, 85.0, 86.0, 87.0, 88.0, 89.0, 90.0, 91.0, 92.0, 93.0, 94.0, 95.0, 96.0, 97.0, 98.0, 99.0, 100.0, 101.0]> : tensor<101xf32>
  // Resources: packed sub-byte payloads (ceil(n * bits / 8) bytes) and
  // full-byte ones, under any blob name.
  // CHECK-NEXT: coreai.constant dense_resource<resource_1637340467108146368> : tensor<2x3xui4>
  %26 = coreai.constant dense_resource<resource_1637340467108146368> : tensor<2x3xui4>
  // CHECK-NEXT: coreai.constant dense_resource<dense_resource> : tensor<9xui1>
  %27 = coreai.constant dense_resource<dense_resource> : tensor<9xui1>
  // CHECK-NEXT: coreai.constant dense_resource<dense_resource_1> : tensor<4xui6>
  %28 = coreai.constant dense_resource<dense_resource_1> : tensor<4xui6>
  // CHECK-NEXT: coreai.constant dense_resource<qmin_constant> : tensor<3xui3>
  %29 = coreai.constant dense_resource<qmin_constant> : tensor<3xui3>
  // CHECK-NEXT: coreai.constant dense_resource<si2_blob> : tensor<5xsi2>
  %30 = coreai.constant dense_resource<si2_blob> : tensor<5xsi2>
  // CHECK-NEXT: coreai.constant dense_resource<si4_blob> : tensor<2xsi4>
  %31 = coreai.constant dense_resource<si4_blob> : tensor<2xsi4>
  // CHECK-NEXT: coreai.constant dense_resource<fp4_packed> : tensor<4xf4E2M1FN>
  %32 = coreai.constant dense_resource<fp4_packed> : tensor<4xf4E2M1FN>
  // CHECK-NEXT: coreai.constant dense_resource<fp4_bytes> : tensor<2xf4E2M1FN>
  %33 = coreai.constant dense_resource<fp4_bytes> : tensor<2xf4E2M1FN>
  // CHECK-NEXT: coreai.constant dense_resource<e4m3_blob> : tensor<2xf8E4M3FN>
  %34 = coreai.constant dense_resource<e4m3_blob> : tensor<2xf8E4M3FN>
  // CHECK-NEXT: coreai.constant dense_resource<f16_blob> : tensor<2xf16>
  %35 = coreai.constant dense_resource<f16_blob> : tensor<2xf16>
  // CHECK-NEXT: coreai.output
  coreai.output
}
// CHECK:      {-#
// CHECK-NEXT:   dialect_resources: {
// CHECK-NEXT:     builtin: {
// CHECK-DAG:        resource_1637340467108146368: "0x01000000213243"
// CHECK-DAG:        dense_resource: "0x010000000D01"
// CHECK-DAG:        dense_resource_1: "0x01000000813010"
// CHECK-DAG:        qmin_constant: "0x01000000D100"
// CHECK-DAG:        si2_blob: "0x010000003301"
// CHECK-DAG:        si4_blob: "0x010000007F"
// CHECK-DAG:        fp4_packed: "0x01000000F221"
// CHECK-DAG:        fp4_bytes: "0x010000000F02"
// CHECK-DAG:        e4m3_blob: "0x010000007EB8"
// CHECK-DAG:        f16_blob: "0x1000000000380040"
{-#
  dialect_resources: {
    builtin: {
      resource_1637340467108146368: "0x01000000213243",
      dense_resource: "0x010000000D01",
      dense_resource_1: "0x01000000813010",
      qmin_constant: "0x01000000D100",
      si2_blob: "0x010000003301",
      si4_blob: "0x010000007F",
      fp4_packed: "0x01000000F221",
      fp4_bytes: "0x010000000F02",
      e4m3_blob: "0x010000007EB8",
      f16_blob: "0x1000000000380040"
    }
  }
#-}
