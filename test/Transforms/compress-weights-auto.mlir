// The automatic choice of coreai-compress-weights: every candidate measured
// on every weight, one chosen per weight for a size budget (bits-per-weight)
// or a quality target (min-sqnr) at the worst output channel.
// Two f16 64x128 weights: #0 has an all-zero and an outlier output channel.
// RUN: %python %S/Inputs/gen_linear.py 64 128 > %t.mlir

// A tight budget: int4 per block for #0, asymmetric uint4 for the worse #1.
// RUN: coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=4.6 dry-run=true})' | FileCheck %s --check-prefix=B46
// B46: automatic choice: 4.565 bits per weight (budget 4.600), worst output channel of a compressed weight 17.58 dB
// B46: 0 {{.*}} f16,si4 int4 per_block 32 sym mse full 16384 4611 4.50 20.68 18.77
// B46-NEXT: 1 {{.*}} f16,ui4 uint4 per_block 32 asym mse 16384 4738 4.63 20.51 17.58
// B46: weight bytes: 32768 -> 9349 (3.50x smaller), 4.56 bits per weight

// Tighter: the cheapest options first, then the worst weight upgraded.
// RUN: coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=4.3 dry-run=true})' | FileCheck %s --check-prefix=B43
// B43: automatic choice: 4.190 bits per weight (budget 4.300)
// B43: 0 {{.*}} int4 per_channel sym mse full 16384 4227 4.13 19.11 16.39
// B43-NEXT: 1 {{.*}} 4-bit LUT grouped 16 16384 4354 4.25 23.39 11.62

// Room for 8 bits everywhere.
// RUN: coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=9 dry-run=true})' | FileCheck %s --check-prefix=B9
// B9: automatic choice: 8.190 bits per weight (budget 9.000), worst output channel of a compressed weight 34.40 dB
// B9: 0 {{.*}} int8 per_channel sym 16384 8323 8.13 42.30 39.70
// B9-NEXT: 1 {{.*}} int8 per_channel sym 16384 8451 8.25 35.26 34.40

// The objectives differ: with a large weight and a small one, least-noise
// spends the bits where they remove the most noise per bit (the small
// weight dense), max-worst (the default) lifts the worst channel of the
// program (both at 4 bits, a better worst channel), and balanced first
// raises every weight to the highest floor the budget allows (here the same
// plan as max-worst).
// RUN: %python %S/Inputs/gen_two_sizes.py > %t.two.mlir
// RUN: coreai-opt %t.two.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=4.5 objective=least-noise dry-run=true})' | FileCheck %s --check-prefix=NOISE
// NOISE: automatic choice: 4.216 bits per weight (budget 4.500), worst output channel of a compressed weight 17.44 dB
// NOISE: 0 {{.*}} 512x256 {{.*}} 4-bit LUT grouped 16 262144 66050 4.03 20.28 17.44
// NOISE-NEXT: 1 {{.*}} 64x32 f16 f16 uncompressed 4096 4096 16.00 inf inf
// NOISE: #1 {{.*}}: kept dense by the automatic choice (best candidate int8-channel: worst output channel 41.69 dB)
// RUN: coreai-opt %t.two.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=4.5 objective=max-worst dry-run=true})' | FileCheck %s --check-prefix=WORST
// RUN: coreai-opt %t.two.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=4.5 dry-run=true})' | FileCheck %s --check-prefix=WORST
// RUN: coreai-opt %t.two.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=4.5 objective=balanced dry-run=true})' | FileCheck %s --check-prefix=WORST
// WORST: automatic choice: 4.496 bits per weight (budget 4.500), worst output channel of a compressed weight 18.44 dB
// WORST: 0 {{.*}} int4 per_block 32 sym mse full 262144 73731 4.50 21.80 20.34
// WORST-NEXT: 1 {{.*}} 4-bit LUT grouped 16 4096 1090 4.26 20.64 18.44
// RUN: not coreai-opt %t.two.mlir --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=4.5 objective=best})' 2>&1 | FileCheck %s --check-prefix=E-OBJECTIVE
// E-OBJECTIVE: unsupported value 'best'; expected max-worst, balanced or least-noise

// Below what the cheapest candidates take: an error, no output.
// RUN: not coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=4})' 2>&1 | FileCheck %s --check-prefix=E-BUDGET --implicit-check-not=coreai.graph
// E-BUDGET: error: option 'bits-per-weight': 4 bits per weight cannot be reached; with every weight at its cheapest candidate the program takes 4.189 bits per weight

// A quality target: each weight's cheapest candidate whose worst output
// channel reaches it.
// RUN: coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{min-sqnr=15 dry-run=true})' | FileCheck %s --check-prefix=Q15
// Q15: automatic choice: 4.377 bits per weight (target 15.00 dB), worst output channel of a compressed weight 16.39 dB
// Q15: 0 {{.*}} int4 per_channel sym mse full {{.*}} 16.39
// Q15-NEXT: 1 {{.*}} uint4 per_block 32 asym mse {{.*}} 17.58
// Out of reach: dense, with the reason.
// RUN: coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{min-sqnr=60 dry-run=true})' | FileCheck %s --check-prefix=Q60
// Q60: automatic choice: 16.000 bits per weight (target 60.00 dB), no weight compressed
// Q60: #0 {{.*}}: kept dense by the automatic choice (best candidate int8-channel: worst output channel 39.70 dB)
// Q60: #1 {{.*}}: kept dense by the automatic choice (best candidate int8-channel: worst output channel 34.40 dB)

// The worst channel, not the tensor: on #1 a per-tensor LUT's tensor SQNR
// is 17.70 dB but its worst channel 5.69 dB, so int8 wins there; #0's
// all-zero channel stays exactly zero under the LUT (worst channel 9.22 dB).
// RUN: coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{candidates=lut4-tensor,int8-channel min-sqnr=9 dry-run=true})' | FileCheck %s --check-prefix=CAND
// CAND: 0 {{.*}} 4-bit LUT per_tensor 16384 4130 4.03 17.65 9.22
// CAND-NEXT: 1 {{.*}} int8 per_channel sym
// RUN: coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{candidates=lut4-tensor min-sqnr=6 dry-run=true})' | FileCheck %s --check-prefix=TENSOR
// TENSOR: 0 {{.*}} 4-bit LUT per_tensor
// TENSOR: #1 {{.*}}: kept dense by the automatic choice (best candidate lut4-tensor: worst output channel 5.69 dB)

// The real run gives the chains of the single passes, with the same bytes
// on 1 and 2 threads, and the same bytes as a recipe naming those schemes.
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=4.6})' | FileCheck %s --check-prefix=IR
// IR-LABEL: coreai.graph @main
// IR: coreai.blockwise_shift_scale {{.*}} -> tensor<64x128xf16>
// IR: coreai.blockwise_shift_scale {{.*}} -> tensor<64x128xf16>
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=4.6})' -emit-bytecode -o %t.2.mlirbc
// RUN: coreai-opt %t.mlir --mlir-disable-threading --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=4.6})' -emit-bytecode -o %t.1.mlirbc
// RUN: cmp %t.1.mlirbc %t.2.mlirbc
// RUN: echo '{"rules": [{"match": {"ordinal": 0}, "quantize": {"dtype": "int4", "granularity": "per_block", "block-size": 32, "symmetric-range": "full"}}, {"quantize": {"dtype": "uint4", "qscheme": "asymmetric", "granularity": "per_block", "block-size": 32}}]}' > %t.same.json
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.same.json})' -emit-bytecode -o %t.recipe.mlirbc
// RUN: cmp %t.1.mlirbc %t.recipe.mlirbc

// Option errors.
// RUN: not coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=5 min-sqnr=20})' 2>&1 | FileCheck %s --check-prefix=E-BOTH --implicit-check-not=coreai.graph
// E-BOTH: error: options 'bits-per-weight' and 'min-sqnr' cannot both be set
// RUN: not coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=0})' 2>&1 | FileCheck %s --check-prefix=E-BITS --implicit-check-not=coreai.graph
// RUN: not coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=65})' 2>&1 | FileCheck %s --check-prefix=E-BITS --implicit-check-not=coreai.graph
// E-BITS: error: option 'bits-per-weight' must be in (0, 64], got
// RUN: not coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-compress-weights{min-sqnr=inf})' 2>&1 | FileCheck %s --check-prefix=E-SQNR --implicit-check-not=coreai.graph
// E-SQNR: error: option 'min-sqnr' must be a finite number of dB
// RUN: not coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=5 candidates=int4-block32,int5})' 2>&1 | FileCheck %s --check-prefix=E-NAME --implicit-check-not=coreai.graph
// E-NAME: error: option 'candidates': unknown candidate 'int5'; expected one of lut4-group16, lut4-channel, int4-channel, int4-block32, uint4-block32, lut6-group16, int8-channel, lut3-group16, lut3-channel, lut2-group16, lut2-channel, int4-block16, int4-block8, lut6-channel, lut4-tensor, lut8-tensor
// RUN: not coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=5 candidates=int8-channel,int8-channel})' 2>&1 | FileCheck %s --check-prefix=E-TWICE --implicit-check-not=coreai.graph
// E-TWICE: error: option 'candidates': 'int8-channel' is given twice
// RUN: echo '{"rules": [{"skip": true}]}' > %t.skip.json
// RUN: not coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.skip.json candidates=int8-channel})' 2>&1 | FileCheck %s --check-prefix=E-CAND-ONLY --implicit-check-not=coreai.graph
// E-CAND-ONLY: error: option 'candidates' needs 'bits-per-weight' or 'min-sqnr'

// With a recipe: lm_head at int8, mlp.down skipped, the rest automatic among
// the recipe's candidates (a named scheme object and catalog names). The
// budget counts every weight: the fixed int8 one and the skipped splat too.
// RUN: echo '{"rules": [{"match": {"location": "lm_head"}, "quantize": {"dtype": "int8"}}, {"match": {"location": "mlp"}, "skip": true}, {"auto": true}], "candidates": [{"name": "lut2", "palettize": {"n-bits": 2}}, "int4-channel", "int8-channel"]}' > %t.mixed.json
// RUN: coreai-opt %S/Inputs/recipe-program.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.mixed.json weight-num-threshold=0 bits-per-weight=4 dry-run=true})' | FileCheck %s --check-prefix=MIXED
// MIXED: automatic choice: 3.614 bits per weight (budget 4.000), worst output channel of a compressed weight 6.79 dB
// MIXED: 0 coreai.gather_nd {{.*}} 2-bit LUT per_tensor 2048 146 2.28 9.58 6.79
// MIXED-NEXT: 1 {{.*}} int4 per_channel sym mse full 1024 197 6.16 22.55 20.60
// MIXED-NEXT: 2 {{.*}} int8 per_channel sym 2048 645 10.08 46.48 43.07
// MIXED-NEXT: 3 coreai.conv2d {{.*}} int4 per_channel sym mse full 1152 181 5.03 21.76 20.11
// MIXED-NEXT: 4 {{.*}} bf16 bf16 uncompressed 2048 2 0.02
// MIXED: #4 {{.*}}: excluded by recipe rule 2
// MIXED: weight bytes: 8320 -> 1171 (7.11x smaller), 3.61 bits per weight

// Recipe errors of the automatic mode: each names the rule or entry.
// RUN: echo '{"rules": [{"auto": true}]}' > %t.a1.json
// RUN: not coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.a1.json})' 2>&1 | FileCheck %s --check-prefix=E-AUTO --implicit-check-not=coreai.graph
// E-AUTO: error: recipe rule 1: "auto" needs option 'bits-per-weight' or 'min-sqnr'
// RUN: echo '{"rules": [{"skip": true}], "candidates": ["int8-channel"]}' > %t.a2.json
// RUN: not coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.a2.json})' 2>&1 | FileCheck %s --check-prefix=E-RECIPE-CAND --implicit-check-not=coreai.graph
// E-RECIPE-CAND: error: recipe key 'candidates' needs option 'bits-per-weight' or 'min-sqnr'
// RUN: not coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.a2.json bits-per-weight=8 candidates=int8-channel})' 2>&1 | FileCheck %s --check-prefix=E-CAND-BOTH --implicit-check-not=coreai.graph
// E-CAND-BOTH: error: option 'candidates' and the recipe's key 'candidates' cannot both be given
// RUN: echo '{"rules": [{"auto": true}], "candidates": [3]}' > %t.a3.json
// RUN: not coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.a3.json bits-per-weight=8})' 2>&1 | FileCheck %s --check-prefix=E-ENTRY --implicit-check-not=coreai.graph
// E-ENTRY: error: recipe key 'candidates' entry 1: must be a candidate name or a scheme object
// RUN: echo '{"rules": [{"auto": true}], "candidates": ["int8-channel", "int9"]}' > %t.a4.json
// RUN: not coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.a4.json bits-per-weight=8})' 2>&1 | FileCheck %s --check-prefix=E-ENTRY-NAME --implicit-check-not=coreai.graph
// E-ENTRY-NAME: error: recipe key 'candidates' entry 2: unknown candidate 'int9'; expected one of
// RUN: echo '{"rules": [{"auto": true}], "candidates": [{"quantize": {"dtype": "int8"}, "palettize": {}}]}' > %t.a5.json
// RUN: not coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.a5.json bits-per-weight=8})' 2>&1 | FileCheck %s --check-prefix=E-ENTRY-TWO --implicit-check-not=coreai.graph
// E-ENTRY-TWO: error: recipe key 'candidates' entry 1: must name exactly one of quantize, palettize, sparsify
// RUN: echo '{"rules": [{"auto": true}], "candidates": []}' > %t.a6.json
// RUN: not coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.a6.json bits-per-weight=8})' 2>&1 | FileCheck %s --check-prefix=E-EMPTY --implicit-check-not=coreai.graph
// E-EMPTY: error: recipe: key 'candidates' must be a non-empty list of candidate names and scheme objects
// RUN: echo '{"rules": [{"auto": true}], "candidates": [{"name": 3, "quantize": {"dtype": "int8"}}]}' > %t.a7.json
// RUN: not coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.a7.json bits-per-weight=8})' 2>&1 | FileCheck %s --check-prefix=E-ENTRY-NAMEKEY --implicit-check-not=coreai.graph
// E-ENTRY-NAMEKEY: error: recipe key 'candidates' entry 1: key 'name' must be a string
// RUN: echo '{"rules": [{"auto": true}], "candidates": [{"quantize": {"dtype": "int8", "block": 3}}]}' > %t.a8.json
// RUN: not coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.a8.json bits-per-weight=8})' 2>&1 | FileCheck %s --check-prefix=E-ENTRY-KEY --implicit-check-not=coreai.graph
// E-ENTRY-KEY: error: recipe key 'candidates' entry 1, key 'quantize': unknown key 'block'; expected one of
