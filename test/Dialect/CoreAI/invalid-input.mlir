// Inputs that make MLIR's own parser abort or read out of bounds are refused
// by coreai-opt first, at the offending bytes, with exit code 1.
//
// A textual resource blob whose alignment header is 0 (MLIR: "out of memory"):
// RUN: not coreai-opt %s 2>&1 | FileCheck %s
// A non-power of 2 is MLIR's own error.
// RUN: sed 's/0x00000000/0x03000000/' %s | not coreai-opt - 2>&1 | FileCheck %s --check-prefix=THREE

// A string literal left open at the very end of the input (MLIR's lexer reads
// past the end of the buffer after reporting it):
// RUN: printf 'module {}\n{-# dialect_resources: { builtin: {\n  w: "0x1000' > %t.open.mlir
// RUN: not coreai-opt %t.open.mlir 2>&1 | FileCheck %s --check-prefix=OPEN
// OPEN: open.mlir:3:6: error: string literal is not terminated before the end of the input
// An escaped quote does not close it; a comment does not open one.
// RUN: printf 'module {}\n// "x' > %t.comment.mlir
// RUN: coreai-opt %t.comment.mlir | FileCheck %s --check-prefix=COMMENT
// COMMENT: module
// RUN: printf 'module attributes {a = "x\\"' > %t.escape.mlir
// RUN: not coreai-opt %t.escape.mlir 2>&1 | FileCheck %s --check-prefix=OPEN2
// OPEN2: escape.mlir:1:24: error: string literal is not terminated before the end of the input

// Brackets nested deeper than 1000 levels (MLIR's recursive parser would
// overflow the stack); 1000 levels are left to MLIR, which reports its own
// error. Brackets in strings, comments and "->" do not count.
// RUN: %python -c "print('coreai.graph @main() -> ' + '(' * 1001)" > %t.deep.mlir
// RUN: not coreai-opt %t.deep.mlir 2>&1 | FileCheck %s --check-prefix=DEEP
// DEEP: deep.mlir:1:1025: error: brackets nested more than 1000 levels deep
// RUN: %python -c "print('// ' + '(' * 2000); print('coreai.graph @main() -> ' + '(' * 999 + ' \\\"' + '[' * 2000 + '\\\"')" > %t.shallow.mlir
// RUN: not coreai-opt %t.shallow.mlir 2>&1 | FileCheck %s --check-prefix=SHALLOW --implicit-check-not="nested more than"
// SHALLOW: error: expected non-function type

// A NUL in the text of a #coreai attribute or type kept verbatim could not
// be read back from bytecode (which stores that text as a C string): refused
// at the symbol (found by the fuzzer).
// RUN: printf 'module attributes {c = #coreai.composite_declaration<"a\000b" = {}>} {}' | not coreai-opt 2>&1 | FileCheck %s --check-prefix=NUL-ATTR
// NUL-ATTR: error: a #coreai attribute kept verbatim may not contain a NUL character
// RUN: printf 'module attributes {t = !coreai.future<"a\000b">} {}' | not coreai-opt 2>&1 | FileCheck %s --check-prefix=NUL-TYPE
// NUL-TYPE: error: a #coreai type kept verbatim may not contain a NUL character
// Without one, both survive bytecode.
// RUN: printf 'module attributes {x.c = #coreai.composite_declaration<"ab" = {}>, x.t = !coreai.future<"ab">} {}' | coreai-opt -emit-bytecode | coreai-opt | FileCheck %s --check-prefix=VERBATIM
// VERBATIM: #coreai.composite_declaration<"ab" = {}>
// VERBATIM-SAME: !coreai.future<"ab">

// CHECK: invalid-input.mlir:[[@LINE+11]]:14: error: resource blob declares alignment 0 in its first 4 bytes; expected a power of 2
// CHECK-NOT: LLVM ERROR
// THREE: error: expected hex string blob for key 'blob1' to encode alignment in first 4 bytes, but got non-power-of-2 value: 3
coreai.graph @main() -> tensor<4xsi8> {
  %w = coreai.constant dense_resource<blob1> : tensor<4xsi8>
  coreai.output %w : tensor<4xsi8>
}

{-#
  dialect_resources: {
    builtin: {
      blob1: "0x0000000001020304"
    }
  }
#-}
