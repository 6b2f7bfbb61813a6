// The worst output channel, next to the tensor SQNR: a per-tensor 1-bit LUT
// turns the all-zero output channel (row 2) into non-zero values, which the
// tensor SQNR hides and the worst-channel column shows as -inf; per-channel
// LUTs keep that channel exact.
// RUN: coreai-opt %s -o /dev/null --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=1 weight-num-threshold=8},coreai-weight-report{reference=%s})' | FileCheck %s --check-prefix=TENSOR
// RUN: coreai-opt %s -o /dev/null --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=1 weight-num-threshold=8},coreai-weight-report{reference=%s format=json})' | FileCheck %s --check-prefix=JSON
// RUN: coreai-opt %s -o /dev/null --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=1 granularity=per_channel weight-num-threshold=8},coreai-weight-report{reference=%s})' | FileCheck %s --check-prefix=CHANNEL
// TENSOR:      SQNR dB  worst ch dB
// TENSOR-NEXT: 0 coreai.batch_matmul {{.*}} 1-bit LUT per_tensor {{.*}} {{[0-9]+\.[0-9]+}} -inf
// TENSOR:      worst output channel: -inf dB at #0
// JSON:        "worst_channel_sqnr_db": null
// CHANNEL:     SQNR dB  worst ch dB
// CHANNEL-NEXT: 0 coreai.batch_matmul {{.*}} 1-bit LUT per_channel {{.*}} {{[0-9]+\.[0-9]+}} {{[0-9]+\.[0-9]+}}

// The weight is y of the matmul ([K, N]): output channels are the columns.
coreai.graph @main(%x: tensor<1x4xf32>) -> tensor<1x3xf32> {
  %w = coreai.constant dense<[[1.0, 2.0, 0.0], [-1.0, 2.5, 0.0], [1.5, 3.0, 0.0], [-2.0, 2.2, 0.0]]> : tensor<4x3xf32>
  %y = coreai.batch_matmul %x, %w : (tensor<1x4xf32>, tensor<4x3xf32>) -> tensor<1x3xf32>
  coreai.output %y : tensor<1x3xf32>
}
