// activation-statistics=FILE on the quantize, palettize, sparsify, compress
// and report passes: a file that cannot be read or is not a statistics file
// stops the pass before any change, with an error that names the option (the
// file's contents are checked entry by entry in
// test/python/test_statistics.py).
// RUN: rm -rf %t && mkdir -p %t
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 weight-num-threshold=0 activation-statistics=%t/missing.safetensors})' 2>&1 | FileCheck %s --check-prefix=MISSING --implicit-check-not=coreai.graph
// RUN: echo 'not statistics' > %t/bad.safetensors
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=2 weight-num-threshold=0 activation-statistics=%t/bad.safetensors})' 2>&1 | FileCheck %s --check-prefix=BAD --implicit-check-not=coreai.graph
// RUN: %python -c "import json,struct,sys; h=json.dumps({'__metadata__': {'format': 'coreai-activation-statistics', 'version': '1', 'entries': '[{\"tensor\": \"0\", \"ids\": [7], \"sha256\": [\"00\"], \"samples\": 1, \"groups\": 1, \"columns\": 4, \"full\": true}]'}}).encode(); sys.stdout.buffer.write(struct.pack('<Q', len(h)) + h)" > %t/other.safetensors
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 weight-num-threshold=0 activation-statistics=%t/other.safetensors})' 2>&1 | FileCheck %s --check-prefix=OTHER --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=8 weight-num-threshold=0 activation-statistics=%t/missing.safetensors})' 2>&1 | FileCheck %s --check-prefix=MISSING --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{weight-num-threshold=0 activation-statistics=%t/bad.safetensors})' 2>&1 | FileCheck %s --check-prefix=BAD --implicit-check-not=coreai.graph
// The weight report's output SQNR needs the reference its statistics
// belong to; a bad file there is the same error.
// RUN: not coreai-opt %s -o /dev/null --pass-pipeline='builtin.module(coreai-weight-report{activation-statistics=%t/bad.safetensors})' 2>&1 | FileCheck %s --check-prefix=NOREF
// RUN: not coreai-opt %s -o /dev/null --pass-pipeline='builtin.module(coreai-weight-report{reference=%s activation-statistics=%t/bad.safetensors})' 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: not coreai-opt %s -o /dev/null --pass-pipeline='builtin.module(coreai-weight-report{reference=%t/none.mlir activation-statistics=%t/bad.safetensors})' 2>&1 | FileCheck %s --check-prefix=NOPROGRAM
// NOREF: error: option 'activation-statistics' needs option 'reference': the output error is measured against the reference's weights
// NOPROGRAM: error: option 'reference': cannot read the program '{{.*}}none.mlir'
// MISSING: error: option 'activation-statistics': cannot read '{{.*}}missing.safetensors': No such file or directory
// BAD: error: option 'activation-statistics': {{.*}}bad.safetensors: not an activation statistics file
// OTHER: error: option 'activation-statistics': {{.*}}other.safetensors: weight 7: the program has no weight with this id that takes a data input

coreai.graph @main(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %w = coreai.constant dense<[[1.0, -2.0, 3.0], [0.5, 0.25, -1.5], [2.0, 1.0, -0.5], [-3.0, 0.75, 1.25]]> : tensor<4x3xf32>
  %y = coreai.batch_matmul %x, %w : (tensor<2x4xf32>, tensor<4x3xf32>) -> tensor<2x3xf32>
  coreai.output %y : tensor<2x3xf32>
}
