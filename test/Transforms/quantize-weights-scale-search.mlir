// Integer scales by least-squares search (scale-search) and the full
// symmetric code range (symmetric-range), on an 8x2 weight quantized per
// output channel (the two columns; the first has an outlier of 1.0).
// The output format is the usual one: only the scale and zero point values
// change, and the decoder's location metadata says how they were found.
//
// auto is mse for int4; the scales differ from min-max (0.142857, 0.128571):
// RUN: coreai-opt %s --mlir-print-debuginfo --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 weight-num-threshold=8})' | FileCheck %s --check-prefix=MSE
// RUN: coreai-opt %s --mlir-print-debuginfo --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 scale-search=mse weight-num-threshold=8})' | FileCheck %s --check-prefix=MSE
// MSE:      coreai.constant dense<{{\[\[}}0.165957436, 0.126376823]]> : tensor<1x2xf32>
// MSE-NEXT: coreai.constant dense<0> : tensor<1x2xsi4>
// MSE:      coreai.blockwise_shift_scale {{.*}} loc([[TAG:#loc[0-9]+]])
// MSE:      [[TAG]] = loc(fused<"coreai.int_params=mse">

// minmax is the reference's scale and carries no metadata:
// RUN: coreai-opt %s --mlir-print-debuginfo --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 scale-search=minmax weight-num-threshold=8})' | FileCheck %s --check-prefix=MINMAX
// MINMAX:     coreai.constant dense<{{\[\[}}0.142857209, 0.128571495]]> : tensor<1x2xf32>
// MINMAX-NOT: fused<

// int8 under auto stays min-max; mse can be asked for:
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8 weight-num-threshold=8})' | FileCheck %s --check-prefix=INT8-AUTO
// RUN: coreai-opt %s --mlir-print-debuginfo --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8 scale-search=mse weight-num-threshold=8})' | FileCheck %s --check-prefix=INT8-MSE
// INT8-AUTO: coreai.constant dense<{{\[\[}}0.00787401944, 0.00708661787]]> : tensor<1x2xf32>
// INT8-MSE:  fused<"coreai.int_params=mse">

// Full range: the column whose largest magnitude is positive (0.9) gets a
// negative scale, so that 0.9 lands on code -8:
// RUN: coreai-opt %s --mlir-print-debuginfo --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 symmetric-range=full weight-num-threshold=8})' | FileCheck %s --check-prefix=FULL
// RUN: coreai-opt %s --mlir-print-debuginfo --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 symmetric-range=full scale-search=minmax weight-num-threshold=8})' | FileCheck %s --check-prefix=FULL-MINMAX
// FULL:        coreai.constant dense<{{\[\[}}0.165957436, -0.110109895]]> : tensor<1x2xf32>
// FULL:        fused<"coreai.int_params=mse,full">
// FULL-MINMAX: coreai.constant dense<{{\[\[}}-1.250000e-01, -1.125000e-01]]> : tensor<1x2xf32>
// FULL-MINMAX: fused<"coreai.int_params=full">

// Asymmetric: scale and integer zero point fitted together.
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 qscheme=asymmetric weight-num-threshold=8})' | FileCheck %s --check-prefix=ASYM
// ASYM:      coreai.constant dense<{{\[\[}}0.0910219699, 0.0745602623]]> : tensor<1x2xf32>
// ASYM-NEXT: coreai.constant dense<-5> : tensor<1x2xsi4>

// The materialized weights (what every runtime decodes) and the report's
// SQNR: mse beats min-max in both schemes, full beats restricted.
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 weight-num-threshold=8},coreai-materialize-weights)' | FileCheck %s --check-prefix=VALUES
// VALUES: dense<{{\[\[}}0.995744585, 0.126376823], [0.165957436, -0.126376823], [0.165957436, -0.252753645], [0.000000e+00, 0.126376823], [-0.331914872, 0.379130483], [0.331914872, 0.000000e+00], [0.000000e+00, 0.252753645], [-0.165957436, 0.884637773]]> : tensor<8x2xf32>
// RUN: coreai-opt %s -o /dev/null --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 scale-search=minmax weight-num-threshold=8},coreai-weight-report{reference=%s})' | FileCheck %s --check-prefix=REPORT-MINMAX
// RUN: coreai-opt %s -o /dev/null --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 weight-num-threshold=8},coreai-weight-report{reference=%s})' | FileCheck %s --check-prefix=REPORT-MSE
// RUN: coreai-opt %s -o /dev/null --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 symmetric-range=full weight-num-threshold=8},coreai-weight-report{reference=%s})' | FileCheck %s --check-prefix=REPORT-FULL
// RUN: coreai-opt %s -o /dev/null --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 qscheme=asymmetric scale-search=minmax weight-num-threshold=8},coreai-weight-report{reference=%s})' | FileCheck %s --check-prefix=REPORT-ASYM-MINMAX
// RUN: coreai-opt %s -o /dev/null --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 qscheme=asymmetric weight-num-threshold=8},coreai-weight-report{reference=%s})' | FileCheck %s --check-prefix=REPORT-ASYM-MSE
// REPORT-MINMAX:      int4 per_channel sym 64 {{.*}} 21.28
// REPORT-MSE:         int4 per_channel sym mse 64 {{.*}} 22.70
// REPORT-FULL:        int4 per_channel sym mse full 64 {{.*}} 23.16
// REPORT-ASYM-MINMAX: int4 per_channel asym 64 {{.*}} 23.08
// REPORT-ASYM-MSE:    int4 per_channel asym mse 64 {{.*}} 23.93

// Invalid combinations stop the pass before any change.
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=fp8_e4m3fn scale-search=mse weight-num-threshold=8})' 2>&1 | FileCheck %s --check-prefix=FLOAT-MSE --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 qscheme=asymmetric symmetric-range=full})' 2>&1 | FileCheck %s --check-prefix=ASYM-FULL --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=fp8_e5m2 symmetric-range=full})' 2>&1 | FileCheck %s --check-prefix=FLOAT-FULL --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 scale-search=lsq})' 2>&1 | FileCheck %s --check-prefix=BAD-SEARCH --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 symmetric-range=wide})' 2>&1 | FileCheck %s --check-prefix=BAD-RANGE --implicit-check-not=coreai.graph
// FLOAT-MSE:  error: option 'scale-search': mse applies to integer dtypes, got fp8_e4m3fn
// ASYM-FULL:  error: option 'symmetric-range': full applies to symmetric integer quantization, got int4 asymmetric
// FLOAT-FULL: error: option 'symmetric-range': full applies to symmetric integer quantization, got fp8_e5m2 symmetric
// BAD-SEARCH: for the --scale-search option: unsupported value 'lsq'; expected auto, minmax or mse
// BAD-RANGE:  for the --symmetric-range option: unsupported value 'wide'; expected restricted or full

coreai.graph @main(%x: tensor<2x8xf32>) -> tensor<2x2xf32> {
  %w = coreai.constant dense<[[1.0, 0.1], [0.2, -0.1], [0.15, -0.2], [0.05, 0.12], [-0.3, 0.4], [0.35, -0.05], [0.0, 0.25], [-0.15, 0.9]]> : tensor<8x2xf32>
  %y = coreai.batch_matmul %x, %w : (tensor<2x8xf32>, tensor<8x2xf32>) -> tensor<2x2xf32>
  coreai.output %y : tensor<2x2xf32>
}
