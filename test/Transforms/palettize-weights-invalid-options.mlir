// Every invalid option setting stops the pass before any IR change: an error
// that names the option, exit code 1 and no program on stdout.
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{lut-dtype=int4})' 2>&1 | FileCheck %s --check-prefix=LUT-DTYPE --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=5})' 2>&1 | FileCheck %s --check-prefix=NBITS --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=0})' 2>&1 | FileCheck %s --check-prefix=NBITS0 --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_block})' 2>&1 | FileCheck %s --check-prefix=PER-BLOCK --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_row})' 2>&1 | FileCheck %s --check-prefix=GRANULARITY --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{group-size=0})' 2>&1 | FileCheck %s --check-prefix=GROUP --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{cluster-dim=-1})' 2>&1 | FileCheck %s --check-prefix=CLUSTER --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{cluster-dim=2 enable-per-channel-scale=true})' 2>&1 | FileCheck %s --check-prefix=PCS-VECTOR --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{num-kmeans-workers=0})' 2>&1 | FileCheck %s --check-prefix=WORKERS --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{rounding-precision=-1})' 2>&1 | FileCheck %s --check-prefix=PRECISION --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{rounding-precision=16})' 2>&1 | FileCheck %s --check-prefix=PRECISION16 --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{weight-num-threshold=-5})' 2>&1 | FileCheck %s --check-prefix=THRESHOLD --implicit-check-not=coreai.graph

// LUT-DTYPE: error: option 'lut-dtype': unsupported value 'int4'; expected none, int8, uint8, fp8_e4m3fn or fp8_e5m2
// NBITS: error: option 'n-bits' must be one of 1, 2, 3, 4, 6 or 8, got 5
// NBITS0: error: option 'n-bits' must be one of 1, 2, 3, 4, 6 or 8, got 0
// PER-BLOCK: error: option 'granularity': per_block is not a palettization granularity; expected per_tensor, per_channel or per_grouped_channel
// GRANULARITY: for the --granularity option: unsupported value 'per_row'; expected per_tensor, per_channel, per_block or per_grouped_channel
// GROUP: error: option 'group-size' must be positive, got 0
// CLUSTER: for the --cluster-dim option: '-1' value invalid for ulong argument!
// PCS-VECTOR: error: option 'enable-per-channel-scale' is not supported with cluster-dim > 1
// WORKERS: error: option 'num-kmeans-workers' must be positive, got 0
// PRECISION: for the --rounding-precision option: '-1' value invalid for ulong argument!
// PRECISION16: error: option 'rounding-precision' must be at most 15, got 16
// THRESHOLD: for the --weight-num-threshold option: '-5' value invalid for ulong argument!

coreai.graph @main(%x: tensor<2x2048xf32>) -> tensor<2x1xf32> {
  %w = coreai.constant dense<0.5> : tensor<2048x1xf32>
  %r = coreai.batch_matmul %x, %w : (tensor<2x2048xf32>, tensor<2048x1xf32>) -> tensor<2x1xf32>
  coreai.output %r : tensor<2x1xf32>
}
