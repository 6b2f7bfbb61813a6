// A recipe or a sensitivity table nested 50,000 deep (100 KB) is an error
// that names the limit, not a stack overflow in the JSON parser; a table
// nested exactly at the limit is read (and then refused for what it is).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "print('[' * 50000 + ']' * 50000)" > %t/deep.json
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t/deep.json})' 2>&1 | FileCheck %s --check-prefix=RECIPE --implicit-check-not=coreai.graph
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t/deep.json bits-per-weight=8})' 2>&1 | FileCheck %s --check-prefix=TABLE --implicit-check-not=coreai.graph
// RUN: %python -c "print('[' * 32 + ']' * 32)" > %t/limit.json
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t/limit.json})' 2>&1 | FileCheck %s --check-prefix=LIMIT
// RECIPE: error: recipe: nested deeper than 32 levels
// TABLE: error: option 'sensitivity': '{{.*}}deep.json' is nested deeper than 32 levels
// LIMIT: error: recipe: must be an object with a "rules" list
// Many small arrays (llvm::json keeps 1-5 KB of each): a 20 MB recipe took
// gigabytes; more than 32768 is an error before parsing.
// RUN: %python -c "print('{\"rules\": [' + ','.join(['[]'] * 40000) + ']}')" > %t/many.json
// RUN: not coreai-opt %s --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t/many.json})' 2>&1 | FileCheck %s --check-prefix=MANY
// MANY: error: recipe: more than 32768 arrays and objects

coreai.graph @main(%x: tensor<2x40xf32>) -> tensor<2x30xf32> {
  %w = coreai.constant dense<0.5> : tensor<40x30xf32>
  %y = coreai.batch_matmul %x, %w : (tensor<2x40xf32>, tensor<40x30xf32>) -> tensor<2x30xf32>
  coreai.output %y : tensor<2x30xf32>
}
