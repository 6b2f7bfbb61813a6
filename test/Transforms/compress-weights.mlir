// coreai-compress-weights: each weight of Inputs/recipe-program.mlir gets the
// scheme of the first recipe rule that matches it. The weights (their # in
// the report): 0 embedding 32x16 (gather_nd, loc "embed"), 1 q_proj 16x16
// (transpose + matmul, loc "layers.0.q_proj"), 2 lm_head 32x16, 3 conv
// 8x4x3x3, 4 a bf16 64x16 matmul weight.
// RUN: coreai-opt %S/Inputs/recipe-program.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%S/Inputs/recipe-transformer.json weight-num-threshold=100},coreai-weight-report)' | FileCheck %s --check-prefix=TRANSFORMER
// Rule by rule: op, location, type + skip, op list + palettize, then an
// ordered list where block size 32 does not divide 16 input channels and 8
// does.
// TRANSFORMER: 0 coreai.gather_nd {{.*}} 32x16 f32 f32,si8 int8 per_channel sym 2048
// TRANSFORMER: 1 coreai.decomposable.broadcasting_batch_matmul {{.*}} 16x16 f32 f32,si4 int4 per_block 8 sym mse 1024
// TRANSFORMER: 2 coreai.decomposable.broadcasting_batch_matmul {{.*}} 32x16 f32 f32,si8 int8 per_channel sym 2048
// TRANSFORMER: 3 coreai.conv2d {{.*}} 8x4x3x3 f32 si16,f32,ui4 4-bit LUT per_channel 1152
// TRANSFORMER: 4 coreai.decomposable.broadcasting_batch_matmul {{.*}} 64x16 bf16 bf16 uncompressed 2048
// TRANSFORMER: weights: 5, compressed 4, uncompressed 1

// The same chains as the single passes: materialize decodes them, and the
// result does not depend on the thread count.
// RUN: coreai-opt %S/Inputs/recipe-program.mlir --mlir-disable-threading --emit-bytecode -o %t.1.mlirbc --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%S/Inputs/recipe-transformer.json weight-num-threshold=100})'
// RUN: coreai-opt %S/Inputs/recipe-program.mlir --emit-bytecode -o %t.2.mlirbc --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%S/Inputs/recipe-transformer.json weight-num-threshold=100})'
// RUN: cmp %t.1.mlirbc %t.2.mlirbc
// RUN: coreai-opt %t.1.mlirbc --pass-pipeline='builtin.module(coreai-materialize-weights)' | FileCheck %s --check-prefix=MATERIALIZED --implicit-check-not=blockwise_shift_scale --implicit-check-not=lut_to_dense
// MATERIALIZED: coreai.gather_nd
// MATERIALIZED: coreai.conv2d

// Selectors. Ordinals:
// RUN: echo '{"rules": [{"match": {"ordinal": [1, 3]}, "quantize": {"dtype": "int8"}}]}' > %t.ordinal.json
// RUN: coreai-opt %S/Inputs/recipe-program.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.ordinal.json weight-num-threshold=100},coreai-weight-report)' | FileCheck %s --check-prefix=ORDINAL
// ORDINAL: 0 coreai.gather_nd {{.*}} uncompressed
// ORDINAL: 1 coreai.{{.*}} int8 per_channel sym
// ORDINAL: 2 coreai.{{.*}} uncompressed
// ORDINAL: 3 coreai.conv2d {{.*}} int8 per_channel sym
// A location regex (the NameLoc of the constant):
// RUN: echo '{"rules": [{"match": {"location": "layers\\.[0-9]+\\.q_proj"}, "sparsify": {}}]}' > %t.location.json
// RUN: coreai-opt %S/Inputs/recipe-program.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.location.json weight-num-threshold=100},coreai-weight-report)' | FileCheck %s --check-prefix=LOCATION
// LOCATION: 0 coreai.gather_nd {{.*}} uncompressed
// LOCATION: 1 coreai.{{.*}} 50.0% sparse
// LOCATION: 2 coreai.{{.*}} uncompressed
// A shape, and an element-count range (512 elements: 0 and 2):
// RUN: echo '{"rules": [{"match": {"shape": [8, 4, 3, 3]}, "quantize": {"dtype": "int8"}}]}' > %t.shape.json
// RUN: coreai-opt %S/Inputs/recipe-program.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.shape.json weight-num-threshold=100},coreai-weight-report)' | FileCheck %s --check-prefix=SHAPE
// SHAPE: weights: 5, compressed 1, uncompressed 4
// RUN: echo '{"rules": [{"match": {"min-elements": 300, "max-elements": 600}, "quantize": {"dtype": "int8"}}]}' > %t.count.json
// RUN: coreai-opt %S/Inputs/recipe-program.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.count.json weight-num-threshold=100},coreai-weight-report)' | FileCheck %s --check-prefix=COUNT
// COUNT: 0 coreai.gather_nd {{.*}} int8 per_channel sym
// COUNT: 1 coreai.{{.*}} uncompressed
// COUNT: 2 coreai.{{.*}} int8 per_channel sym
// COUNT: 3 coreai.conv2d {{.*}} uncompressed
// An element type, and the first matching rule winning over a later one:
// RUN: echo '{"rules": [{"match": {"type": ["bf16"]}, "quantize": {"dtype": "int4"}}, {"match": {"type": "bf16"}, "skip": true}, {"skip": true}]}' > %t.type.json
// RUN: coreai-opt %S/Inputs/recipe-program.mlir -o /dev/null --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-compress-weights{recipe=%t.type.json weight-num-threshold=100},coreai-weight-report)' | FileCheck %s --check-prefix=TYPE
// TYPE: 4 coreai.{{.*}} 64x16 bf16 bf16,si4 int4 per_channel sym mse
// TYPE: weights: 5, compressed 1, uncompressed 4
// The threshold still applies: nothing above 600 elements but the bf16 one.
// RUN: echo '{"rules": [{"quantize": {"dtype": "int8"}}]}' > %t.all.json
// RUN: coreai-opt %S/Inputs/recipe-program.mlir -o /dev/null --pass-pipeline='builtin.module(test-coreai-vary-splats,coreai-compress-weights{recipe=%t.all.json weight-num-threshold=600},coreai-weight-report)' | FileCheck %s --check-prefix=THRESHOLD
// THRESHOLD: weights: 5, compressed 1, uncompressed 4
// No scheme of the list applies: a warning at the weight, which stays.
// RUN: echo '{"rules": [{"name": "blocks", "schemes": [{"quantize": {"dtype": "int4", "granularity": "per_block", "block-size": 64}}]}]}' > %t.none.json
// RUN: coreai-opt %S/Inputs/recipe-program.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.none.json weight-num-threshold=100})' 2>&1 | FileCheck %s --check-prefix=NONE
// NONE: warning: loc("layers.0.q_proj"): recipe rule 1 ('blocks'): no scheme applies (block size 64 does not divide input channel axis 1 (size 16); weight left unquantized)

// Errors: each names the rule and the key, exit 1, no output.
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-compress-weights)' 2>&1 | FileCheck %s --check-prefix=E-REQUIRED --implicit-check-not=coreai.graph
// E-REQUIRED: error: one of options 'recipe', 'bits-per-weight' or 'min-sqnr' is required
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.missing.json})' 2>&1 | FileCheck %s --check-prefix=E-FILE --implicit-check-not=coreai.graph
// E-FILE: error: option 'recipe': cannot read '{{.*}}missing.json': No such file or directory
// RUN: echo '{"rules": [' > %t.e1.json
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.e1.json})' 2>&1 | FileCheck %s --check-prefix=E-JSON --implicit-check-not=coreai.graph
// E-JSON: error: recipe: invalid JSON: {{.*}}
// RUN: echo '{"rule": []}' > %t.e2.json
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.e2.json})' 2>&1 | FileCheck %s --check-prefix=E-TOP --implicit-check-not=coreai.graph
// E-TOP: error: recipe: unknown key 'rule'; expected one of rules, candidates
// RUN: echo '{"rules": [{"name": "r", "skip": true, "when": {}}]}' > %t.e3.json
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.e3.json})' 2>&1 | FileCheck %s --check-prefix=E-RULE-KEY --implicit-check-not=coreai.graph
// E-RULE-KEY: error: recipe rule 1 ('r'): unknown key 'when'; expected one of name, match, skip, auto, quantize, palettize, sparsify, schemes
// RUN: echo '{"rules": [{"skip": true}, {"match": {"opname": "x"}, "skip": true}]}' > %t.e4.json
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.e4.json})' 2>&1 | FileCheck %s --check-prefix=E-MATCH-KEY --implicit-check-not=coreai.graph
// E-MATCH-KEY: error: recipe rule 2, key 'match': unknown key 'opname'; expected one of op, ordinal, location, shape, min-elements, max-elements, type
// RUN: echo '{"rules": [{"quantize": {"dtype": "int4", "bits": 4}}]}' > %t.e5.json
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.e5.json})' 2>&1 | FileCheck %s --check-prefix=E-OPTION-KEY --implicit-check-not=coreai.graph
// E-OPTION-KEY: error: recipe rule 1, key 'quantize': unknown key 'bits'; expected one of dtype, qscheme, granularity, block-size, scale-dtype, scale-search, symmetric-range
// RUN: echo '{"rules": [{"palettize": {"n-bits": "four"}}]}' > %t.e6.json
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.e6.json})' 2>&1 | FileCheck %s --check-prefix=E-TYPE --implicit-check-not=coreai.graph
// E-TYPE: error: recipe rule 1, key 'palettize': key 'n-bits' must be a non-negative integer
// RUN: echo '{"rules": [{"quantize": {"dtype": "int3"}}]}' > %t.e7.json
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.e7.json})' 2>&1 | FileCheck %s --check-prefix=E-ENUM --implicit-check-not=coreai.graph
// E-ENUM: error: recipe rule 1, key 'quantize': key 'dtype' must be one of none, int8, uint8, int4, uint4, int2, uint2, fp8_e4m3fn, fp8_e5m2, fp4_e2m1fn
// RUN: echo '{"rules": [{"name": "lut", "palettize": {"n-bits": 5}}]}' > %t.e8.json
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.e8.json})' 2>&1 | FileCheck %s --check-prefix=E-VALUE --implicit-check-not=coreai.graph
// E-VALUE: error: recipe rule 1 ('lut'), key 'palettize': option 'n-bits' must be one of 1, 2, 3, 4, 6 or 8, got 5
// RUN: echo '{"rules": [{"skip": true, "quantize": {"dtype": "int8"}}]}' > %t.e9.json
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.e9.json})' 2>&1 | FileCheck %s --check-prefix=E-ACTIONS --implicit-check-not=coreai.graph
// RUN: echo '{"rules": [{"match": {"op": "coreai.conv2d"}}]}' > %t.e10.json
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.e10.json})' 2>&1 | FileCheck %s --check-prefix=E-ACTIONS --implicit-check-not=coreai.graph
// E-ACTIONS: error: recipe rule 1: needs exactly one action: "skip": true, "auto": true, one of quantize, palettize, sparsify, or "schemes"
// RUN: echo '{"rules": [{"match": {"location": "lm_(head"}, "skip": true}]}' > %t.e11.json
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.e11.json})' 2>&1 | FileCheck %s --check-prefix=E-REGEX --implicit-check-not=coreai.graph
// E-REGEX: error: recipe rule 1, key 'match': key 'location': invalid regular expression: {{.*}}
// RUN: echo '{"rules": [{"schemes": [{"quantize": {"dtype": "int8"}, "sparsify": {}}]}]}' > %t.e12.json
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.e12.json})' 2>&1 | FileCheck %s --check-prefix=E-ENTRY --implicit-check-not=coreai.graph
// E-ENTRY: error: recipe rule 1, key 'schemes' entry 1: must name exactly one of quantize, palettize, sparsify
// RUN: echo '{"rules": [{"match": {"ordinal": "one"}, "skip": true}]}' > %t.e13.json
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.e13.json})' 2>&1 | FileCheck %s --check-prefix=E-ORDINAL --implicit-check-not=coreai.graph
// E-ORDINAL: error: recipe rule 1, key 'match': key 'ordinal' must be an integer or a list of integers
// RUN: echo '{"rules": [{"sparsify": {"target-sparsity": 0.5, "n-m-ratio": [2, 4]}}]}' > %t.e14.json
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t.e14.json})' 2>&1 | FileCheck %s --check-prefix=E-CROSS --implicit-check-not=coreai.graph
// E-CROSS: error: recipe rule 1, key 'sparsify': options 'target-sparsity' and 'n-m-ratio' cannot both be set

coreai.graph @main(%x: tensor<2x2048xf32>) -> tensor<2x1xf32> {
  %w = coreai.constant dense<0.5> : tensor<2048x1xf32>
  %r = coreai.batch_matmul %x, %w : (tensor<2x2048xf32>, tensor<2048x1xf32>) -> tensor<2x1xf32>
  coreai.output %r : tensor<2x1xf32>
}
