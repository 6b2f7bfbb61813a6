// REQUIRES: as-nobody
// A writable file in a directory that cannot hold a new file (read-only):
// written in place once the whole output is ready, as mlir-opt writes it;
// a new file there is an error that names it. Runs as nobody where the
// tests run as root (root ignores the directory's mode); the output waits
// in $TMPDIR (lit's own is not nobody's).
// RUN: rm -rf %t && mkdir -p %t/d && chmod 755 %t
// RUN: %python %S/Transforms/Inputs/gen_linear.py 16 128 > %t/prog.mlir
// RUN: coreai-opt %t/prog.mlir -o %t/ref.mlir
// RUN: echo keep > %t/d/out.mlir && chmod 666 %t/d/out.mlir && chmod 644 %t/prog.mlir && chmod 555 %t/d
// RUN: not %as_nobody coreai-opt %t/d/missing-input.mlir -o %t/d/out.mlir
// RUN: echo keep | cmp - %t/d/out.mlir
// RUN: env TMPDIR=/tmp %as_nobody coreai-opt %t/prog.mlir -o %t/d/out.mlir
// RUN: cmp %t/ref.mlir %t/d/out.mlir
// RUN: not %as_nobody coreai-opt %t/prog.mlir -o %t/d/new.mlir 2>&1 | FileCheck %s
// CHECK: coreai-opt: error: cannot write '{{.*}}new.mlir': Permission denied
// RUN: chmod 755 %t/d
