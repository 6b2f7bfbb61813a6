// dry-run=true changes nothing and prints the plan as the weight report
// prints a result, with the real reason of every weight left as it is.
// RUN: coreai-opt %S/Inputs/recipe-program.mlir -o %t.out.mlir --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%S/Inputs/recipe-dry-run.json weight-num-threshold=100 dry-run=true})' > %t.plan 2> %t.warnings
// RUN: FileCheck %s --check-prefix=PLAN < %t.plan
// RUN: FileCheck %s --check-prefix=WARN < %t.warnings
// The program that comes out is the program that went in:
// RUN: coreai-opt %S/Inputs/recipe-program.mlir -o %t.in.mlir
// RUN: diff %t.in.mlir %t.out.mlir
// With a higher threshold, the small weights say so:
// RUN: coreai-opt %S/Inputs/recipe-program.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%S/Inputs/recipe-dry-run.json weight-num-threshold=300 dry-run=true})' 2>/dev/null | FileCheck %s --check-prefix=SMALL

// PLAN:      SQNR dB worst ch dB max |err|
// PLAN-NEXT: 0 coreai.gather_nd {{.*}} int4 per_channel sym mse 2048 389 6.08 {{[0-9.]+}} {{[0-9.]+}}
// PLAN-NEXT: 1 {{.*}} uncompressed 1024 1024 32.00 inf inf
// PLAN:      weights: 5, compressed 1, uncompressed 4
// PLAN-NEXT: #1 {{.*}}: recipe rule 3 ('blocks'): no scheme applies (block size 64 does not divide input channel axis 1 (size 16); weight left unquantized)
// PLAN-NEXT: #2 {{.*}}: excluded by recipe rule 1 ('keep lm_head')
// PLAN-NEXT: #3 {{.*}}: the compressed form takes 1314 bytes, not fewer than the 1152 bytes of the dense weight; left unpalettized
// PLAN-NEXT: #4 {{.*}}: no recipe rule matches it
// PLAN-NEXT: weight bytes: 8320 -> 4615
// PLAN:      worst output channel: {{[0-9.]+}} dB at #0

// WARN: warning: loc("layers.0.q_proj"): recipe rule 3 ('blocks'): no scheme applies
// WARN: warning: loc("conv"): the compressed form takes 1314 bytes, not fewer than the 1152 bytes of the dense weight; left unpalettized

// SMALL: #1 {{.*}}: small: 256 elements, not more than the threshold 300
// SMALL: #3 {{.*}}: small: 288 elements, not more than the threshold 300
