// The weight report: one row per weight operand (in program order), exact
// sizes and bits per weight, SQNR and the largest error against the
// reference, totals, and reasons for weights left uncompressed.
// RUN: coreai-opt %s -o /dev/null --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 scale-search=minmax granularity=per_block block-size=4 weight-num-threshold=8},coreai-weight-report{reference=%s})' | FileCheck %s --check-prefix=TABLE
// RUN: coreai-opt %s -o /dev/null --pass-pipeline='builtin.module(coreai-sparsify-weights{quantize-dtype=int8 weight-num-threshold=8},coreai-weight-report{reference=%s format=json output=%t.json})'
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// Without a reference there is no error column.
// RUN: coreai-opt %s -o /dev/null --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=2 granularity=per_channel weight-num-threshold=8},coreai-weight-report)' | FileCheck %s --check-prefix=NOREF
// The report changes nothing: the program prints as it came.
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-weight-report{output=%t.txt})' | FileCheck %s --check-prefix=SAME
// Errors: a reference that does not match, one that cannot be read, a bad
// format.
// RUN: not coreai-opt %s -o /dev/null --pass-pipeline='builtin.module(coreai-weight-report{reference=%S/Inputs/report-other.mlir})' 2>&1 | FileCheck %s --check-prefix=MISMATCH
// RUN: not coreai-opt %s -o /dev/null --pass-pipeline='builtin.module(coreai-weight-report{reference=%t.missing})' 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: not coreai-opt %s -o /dev/null --pass-pipeline='builtin.module(coreai-weight-report{format=xml})' 2>&1 | FileCheck %s --check-prefix=FORMAT

coreai.graph @main(%x: tensor<2x8xf32>, %ids: tensor<2x1xsi32>) -> (tensor<2x4xf32>, tensor<2x2xf32>) {
  %w = coreai.constant dense<[[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8], [-1.0, -2.0, 1.0, 2.0, 0.0, 0.0, 3.0, 3.0], [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5], [1.0, 1.1, 1.2, 5.0, 5.1, 5.2, 9.0, 9.5]]> : tensor<4x8xf32>
  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>
  %t = coreai.transpose %w, %perm : (tensor<4x8xf32>, tensor<2xui32>) -> tensor<8x4xf32>
  %y = coreai.decomposable.broadcasting_batch_matmul %x, %t : (tensor<2x8xf32>, tensor<8x4xf32>) -> tensor<2x4xf32>
  %table = coreai.constant dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>
  %e = coreai.gather_nd %table at %ids : (tensor<3x2xf32>, tensor<2x1xsi32>) to tensor<2x2xf32>
  coreai.output %y, %e : tensor<2x4xf32>, tensor<2x2xf32>
}

// int4 data 16 bytes + 8 f32 scales + splat zero point (1) and offset (4):
// 53 bytes for 32 weights, 13.25 bits each. The largest error, 0.5, is
// 9.0 in the block [5.1, 5.2, 9.0, 9.5] (step 9.5 / 7).
// TABLE:      #  consumer location shape  type  stored scheme bytes before  bytes after  bits/w  SQNR dB  worst ch dB  max |err|
// TABLE-NEXT: 0  coreai.decomposable.broadcasting_batch_matmul  {{.*}}weight-report.mlir:21:8  4x8    f32   f32,si4  int4 per_block 4 sym 128 53   13.25    26.12 25.89  5.00e-01
// TABLE-NEXT: 1  coreai.gather_nd {{.*}}weight-report.mlir:23:8  3x2    f32   f32 uncompressed 24 24   32.00      inf inf  0.00e+00
// TABLE-NEXT: weights: 2, compressed 1, uncompressed 1
// TABLE-NEXT:   #1 {{.*}}weight-report.mlir:23:8: small: 6 elements (default threshold 1024)
// TABLE-NEXT: weight bytes: 152 -> 77 (1.97x smaller), 16.21 bits per weight
// TABLE-NEXT: worst SQNR: 26.12 dB at #0 {{.*}}weight-report.mlir:21:8
// TABLE-NEXT: worst output channel: 25.89 dB at #0 {{.*}}weight-report.mlir:21:8

// 16 kept values as int8 (16 bytes), a packed 32-bit mask (4), scale and
// offset (4 + 4) and zero point (1): 29 bytes.
// JSON:      "weights": [
// JSON:        "consumer": "coreai.decomposable.broadcasting_batch_matmul",
// JSON:        "shape": "4x8",
// JSON:        "stored": "ui1,f32,si8",
// JSON:        "scheme": "50.0% sparse + int8",
// JSON:        "compressed": true,
// JSON:        "bytes_before": 128,
// JSON-NEXT:   "bytes_after": 29,
// JSON-NEXT:   "bits_per_weight": 7.25,
// JSON-NEXT:   "sqnr_db": 19.89{{[0-9]+}},
// JSON-NEXT:   "max_abs_error": 0.600000{{[0-9]*}},
// JSON-NEXT:   "worst_channel_sqnr_db": {{[0-9.]+}}
// JSON:        "consumer": "coreai.gather_nd",
// JSON:        "compressed": false,
// JSON-NEXT:   "skip_reason": "small: 6 elements (default threshold 1024)",
// JSON:      "totals": {
// JSON-NEXT:   "weights": 2,
// JSON-NEXT:   "compressed": 1,
// JSON-NEXT:   "uncompressed": 1,
// JSON-NEXT:   "bytes_before": 152,
// JSON-NEXT:   "bytes_after": 53,

// NOREF:      SQNR dB  worst ch dB  max |err|
// NOREF-NEXT: 0  coreai.decomposable.broadcasting_batch_matmul {{.*}} 4x8 f32 si16,f32,ui2 2-bit LUT per_channel 128 74 18.50 - - -

// SAME: coreai.constant dense<{{\[}}[1.000000e-01, 2.000000e-01, 3.000000e-01
// SAME: coreai.decomposable.broadcasting_batch_matmul

// MISMATCH: weight-report.mlir:21:8: error: the reference program '{{.*}}report-other.mlir' does not match: its weight 0 is a 8x4 operand of coreai.batch_matmul, here a 4x8 operand of coreai.decomposable.broadcasting_batch_matmul
// MISSING: error: option 'reference': cannot read the program '{{.*}}.missing'
// FORMAT: for the --format option: unsupported value 'xml'; expected table or json
