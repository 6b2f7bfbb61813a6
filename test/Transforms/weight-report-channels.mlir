// The worst output channel, next to the tensor SQNR: a per-tensor 1-bit LUT
// keeps the all-zero output channel (column 2) exactly zero by making its
// entry nearest 0 exactly 0, which column 0 (the negative values) pays for:
// the tensor SQNR (6.33 dB) hides that, the worst-channel column shows it
// (1.14 dB); per-channel LUTs keep every channel better.
// RUN: coreai-opt %s -o /dev/null --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=1 weight-num-threshold=8},coreai-weight-report{reference=%s})' | FileCheck %s --check-prefix=TENSOR
// RUN: coreai-opt %s -o /dev/null --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=1 weight-num-threshold=8},coreai-weight-report{reference=%s format=json})' | FileCheck %s --check-prefix=JSON
// RUN: coreai-opt %s -o /dev/null --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=1 granularity=per_channel weight-num-threshold=8},coreai-weight-report{reference=%s})' | FileCheck %s --check-prefix=CHANNEL
// TENSOR:      SQNR dB  worst ch dB
// TENSOR-NEXT: 0 coreai.batch_matmul {{.*}} 1-bit LUT per_tensor {{.*}} 6.33 1.14
// TENSOR:      worst output channel: 1.14 dB at #0
// JSON:        "worst_channel_sqnr_db": 1.135282
// CHANNEL:     SQNR dB  worst ch dB
// CHANNEL-NEXT: 0 coreai.batch_matmul {{.*}} 1-bit LUT per_channel {{.*}} {{[0-9]+\.[0-9]+}} {{[0-9]+\.[0-9]+}}

// The weight is y of the matmul ([K, N]): output channels are the columns.
coreai.graph @main(%x: tensor<1x4xf32>) -> tensor<1x3xf32> {
  %w = coreai.constant dense<[[1.0, 2.0, 0.0], [-1.0, 2.5, 0.0], [1.5, 3.0, 0.0], [-2.0, 2.2, 0.0]]> : tensor<4x3xf32>
  %y = coreai.batch_matmul %x, %w : (tensor<1x4xf32>, tensor<4x3xf32>) -> tensor<1x3xf32>
  coreai.output %y : tensor<1x3xf32>
}
