// Bytecode input runs its pipeline without MlirOptMain (which would scan the
// whole binary input for expected-* lines even without -verify-diagnostics):
// the same output as the text of the same program, and the command line's
// pass manager, timing, threading and diagnostic options still apply.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python %S/Transforms/Inputs/gen_linear.py 64 128 > %t/prog.mlir
// RUN: coreai-opt %t/prog.mlir --emit-bytecode -o %t/prog.mlirbc
//
// The same text (locations included) and the same bytes from either input,
// with a pipeline and without one, with threads and without.
// RUN: coreai-opt %t/prog.mlir --mlir-print-debuginfo -o %t/text.mlir --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8})'
// RUN: coreai-opt %t/prog.mlirbc --mlir-print-debuginfo -o %t/bc.mlir --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8})'
// RUN: cmp %t/text.mlir %t/bc.mlir
// RUN: FileCheck %s --check-prefix=INT8 < %t/bc.mlir
// INT8: coreai.constant dense_resource<{{.*}}> : tensor<64x128xsi8> loc(#[[LOC:.*]])
// INT8: #[[LOC]] = loc("{{.*}}prog.mlir":3:9)
// RUN: coreai-opt %t/prog.mlir --emit-bytecode -o %t/text.mlirbc --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=4})'
// RUN: coreai-opt %t/prog.mlirbc --emit-bytecode -o %t/bc.mlirbc --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=4})'
// RUN: cmp %t/text.mlirbc %t/bc.mlirbc
// RUN: coreai-opt %t/prog.mlirbc --emit-bytecode -o %t/serial.mlirbc --mlir-disable-threading --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=4})'
// RUN: cmp %t/text.mlirbc %t/serial.mlirbc
// RUN: coreai-opt %t/prog.mlir -o %t/text-plain.mlir
// RUN: coreai-opt %t/prog.mlirbc -o %t/bc-plain.mlir
// RUN: cmp %t/text-plain.mlir %t/bc-plain.mlir
//
// Timing and IR printing.
// RUN: coreai-opt %t/prog.mlirbc -o /dev/null --mlir-timing --mlir-timing-display=list --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8})' 2>&1 | FileCheck %s --check-prefix=TIMING
// TIMING-DAG: Parser
// TIMING-DAG: CoreAIQuantizeWeightsPass
// TIMING-DAG: Output
// RUN: coreai-opt %t/prog.mlirbc -o /dev/null --mlir-print-ir-after-all --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8})' 2>&1 | FileCheck %s --check-prefix=AFTER
// AFTER: IR Dump After CoreAIQuantizeWeightsPass (coreai-quantize-weights)
// AFTER: tensor<64x128xsi8>
//
// Errors: a pass's error at the weight's location (carried by the bytecode),
// a bad pipeline option, a bytecode version without bytecode output, an op of
// an unregistered dialect; each exits non-zero and writes nothing.
// RUN: %python %S/Transforms/Inputs/gen_linear.py 64 128 8 > %t/other.mlir
// RUN: coreai-opt %t/other.mlir --emit-bytecode -o %t/other.mlirbc
// RUN: not coreai-opt %t/other.mlirbc -o %t/out --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%S/Transforms/Inputs/sensitivity-linear.json bits-per-weight=5})' 2>&1 | FileCheck %s --check-prefix=SHA
// SHA: other.mlir:3:9: error: option 'sensitivity': weight #0 does not match the table
// RUN: not coreai-opt %t/prog.mlirbc -o %t/out --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int9})' 2>&1 | FileCheck %s --check-prefix=OPTION
// OPTION: for the --dtype option: unsupported value 'int9'
// RUN: not coreai-opt %t/prog.mlirbc -o %t/out --emit-bytecode-version=1 2>&1 | FileCheck %s --check-prefix=VERSION
// VERSION: error: bytecode version while not emitting bytecode
// RUN: printf '"other.op"() : () -> ()\n' > %t/unregistered.mlir
// RUN: coreai-opt %t/unregistered.mlir --allow-unregistered-dialect --emit-bytecode -o %t/unregistered.mlirbc
// RUN: not coreai-opt %t/unregistered.mlirbc -o %t/out 2>&1 | FileCheck %s --check-prefix=UNREGISTERED
// UNREGISTERED: unregistered.mlirbc:0:0: error: dialect 'other' is unknown
// RUN: coreai-opt %t/unregistered.mlirbc --allow-unregistered-dialect | FileCheck %s --check-prefix=ALLOWED
// ALLOWED: "other.op"() : () -> ()
// RUN: not test -e %t/out
