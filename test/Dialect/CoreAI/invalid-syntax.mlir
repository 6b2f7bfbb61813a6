// Parse errors of ops that pass through unregistered, and of #coreai
// attributes.
// RUN: coreai-opt %s -split-input-file -verify-diagnostics

coreai.graph @g(%a: tensor<2xf32>) {
  // expected-error @+1 {{several result types must be parenthesized}}
  %0:2 = coreai.split %a : tensor<2xf32> -> tensor<1xf32>, tensor<1xf32>
  coreai.output
}

// -----

coreai.graph @g(%a: tensor<2xf32>, %b: tensor<2xf32>) {
  // expected-error @+1 {{expected '->' or 'to' between the operand and result types}}
  %0 = coreai.mystery %a, %b : (tensor<2xf32>, tensor<2xf32>)
  coreai.output
}

// -----

coreai.graph @g(%a: tensor<2xf32>) {
  // expected-error @+1 {{expected ':' followed by result types}}
  %0 = coreai.exp %a
  coreai.output
}

// -----

coreai.graph @g(%a: tensor<2xf32>, %b: tensor<2xf32>) {
  // expected-error @+1 {{number of operands and types do not match: got 2 operands and 1 types}}
  %0 = coreai.exp %a, %b : tensor<2xf32> -> tensor<2xf32>
  coreai.output
}

// -----

// expected-error @+1 {{typed #coreai attributes are not supported}}
coreai.graph @g() attributes {mode = #coreai.interpolation_mode<linear> : i32} {
  coreai.output
}
