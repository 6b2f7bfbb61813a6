// Every invalid option setting stops the pass before any IR change: an error
// that names the option, exit code 1 and no program on stdout.
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{target-sparsity=0.5 n-m-ratio=2,4})' 2>&1 | FileCheck %s --check-prefix=BOTH --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{target-sparsity=1.5})' 2>&1 | FileCheck %s --check-prefix=RANGE --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{target-sparsity=-0.1})' 2>&1 | FileCheck %s --check-prefix=NEGATIVE --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{n-m-ratio=2})' 2>&1 | FileCheck %s --check-prefix=NM-LENGTH --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{n-m-ratio=a,4})' 2>&1 | FileCheck %s --check-prefix=NM-INT --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{n-m-ratio=0,0})' 2>&1 | FileCheck %s --check-prefix=NM-M --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{n-m-ratio=5,4})' 2>&1 | FileCheck %s --check-prefix=NM-N --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{block-size=1})' 2>&1 | FileCheck %s --check-prefix=BLOCK --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{block-size=2 n-m-ratio=2,4})' 2>&1 | FileCheck %s --check-prefix=BLOCK-NM --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{quantize-dtype=int8 palettize-nbits=4})' 2>&1 | FileCheck %s --check-prefix=JOINT --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{quantize-dtype=int4})' 2>&1 | FileCheck %s --check-prefix=QDTYPE --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{palettize-nbits=5})' 2>&1 | FileCheck %s --check-prefix=NBITS --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-sparsify-weights{weight-num-threshold=-1})' 2>&1 | FileCheck %s --check-prefix=THRESHOLD --implicit-check-not=coreai.graph

// BOTH: error: options 'target-sparsity' and 'n-m-ratio' cannot both be set
// RANGE: error: option 'target-sparsity' must be in [0, 1], got 1.500000e+00
// NEGATIVE: error: option 'target-sparsity' must be in [0, 1], got -1.000000e-01
// NM-LENGTH: error: option 'n-m-ratio' must be two integers n,m, got 1 value
// NM-INT: for the --n-m-ratio option: 'a' value invalid for long argument!
// NM-M: error: option 'n-m-ratio' requires m > 0, got m = 0
// NM-N: error: option 'n-m-ratio' requires 0 <= n <= m, got n = 5, m = 4
// BLOCK: error: option 'block-size' must be greater than 1, got 1
// BLOCK-NM: error: options 'block-size' and 'n-m-ratio' cannot both be set
// JOINT: error: options 'quantize-dtype' and 'palettize-nbits' cannot both be set
// QDTYPE: error: option 'quantize-dtype': unsupported value 'int4'; expected none, int8, uint8, fp8_e4m3fn or fp8_e5m2
// NBITS: error: option 'palettize-nbits' must be one of 1, 2, 3, 4, 6 or 8, got 5
// THRESHOLD: for the --weight-num-threshold option: '-1' value invalid for ulong argument!

coreai.graph @main(%x: tensor<2x2048xf32>) -> tensor<2x1xf32> {
  %w = coreai.constant dense<0.5> : tensor<2048x1xf32>
  %r = coreai.batch_matmul %x, %w : (tensor<2x2048xf32>, tensor<2048x1xf32>) -> tensor<2x1xf32>
  coreai.output %r : tensor<2x1xf32>
}
