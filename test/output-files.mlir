// Outputs replace their target only when the whole run succeeded: written
// beside it as .<name>.tmp-XXXXXX and renamed over it.
//
// In place (-o names the input): the same bytes as writing elsewhere, text
// and bytecode, with and without a pipeline; the input's mode is kept.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python %S/Transforms/Inputs/gen_linear.py 16 128 > %t/prog.mlir
// RUN: coreai-opt %t/prog.mlir -o %t/ref.mlir
// RUN: coreai-opt %t/prog.mlir -o %t/in.mlir
// RUN: coreai-opt %t/in.mlir -o %t/in.mlir
// RUN: cmp %t/ref.mlir %t/in.mlir
// RUN: coreai-opt %t/prog.mlir --emit-bytecode -o %t/in.mlirbc
// RUN: chmod 640 %t/in.mlirbc
// RUN: coreai-opt %t/in.mlirbc --emit-bytecode -o %t/ref.mlirbc --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8})'
// RUN: coreai-opt %t/in.mlirbc --emit-bytecode -o %t/in.mlirbc --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int8})'
// RUN: cmp %t/ref.mlirbc %t/in.mlirbc
// RUN: stat -c %%a %t/in.mlirbc | FileCheck %s --check-prefix=MODE
// MODE: 640
// RUN: coreai-opt %t/in.mlirbc --emit-bytecode -o %t/ref2.mlirbc
// RUN: coreai-opt %t/in.mlirbc --emit-bytecode -o %t/in.mlirbc
// RUN: cmp %t/ref2.mlirbc %t/in.mlirbc
//
// A failing pass, a bad option and a bad input leave an existing target
// byte-identical, and no temporary file behind.
// RUN: echo keep > %t/out.mlirbc
// RUN: not coreai-opt %t/prog.mlir -o %t/out.mlirbc --pass-pipeline='builtin.module(coreai-compress-weights{recipe=%t/missing.json})' 2>&1 | FileCheck %s --check-prefix=PASS
// RUN: not coreai-opt %t/prog.mlir -o %t/out.mlirbc --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int9})' 2>&1 | FileCheck %s --check-prefix=OPTION
// RUN: echo 'coreai.graph @broken(' > %t/bad.mlir
// RUN: not coreai-opt %t/bad.mlir -o %t/out.mlirbc 2>&1 | FileCheck %s --check-prefix=INPUT
// RUN: not coreai-opt %t/missing.mlir -o %t/out.mlirbc 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: echo keep | cmp - %t/out.mlirbc
// RUN: ls -A %t | FileCheck %s --check-prefix=CLEAN --implicit-check-not=tmp-
// PASS: error: option 'recipe': cannot read
// OPTION: for the --dtype option: unsupported value 'int9'
// INPUT: bad.mlir:1:22: error: expected non-function type
// MISSING: coreai-opt: error: cannot open input file '{{.*}}missing.mlir': No such file or directory
// CLEAN: out.mlirbc
//
// A directory is refused by name; /dev/null is written, never replaced.
// RUN: not coreai-opt %t/prog.mlir -o %t 2>&1 | FileCheck %s --check-prefix=DIR
// DIR: coreai-opt: error: cannot write '{{.*}}': it is a directory
// RUN: coreai-opt %t/prog.mlir -o /dev/null
// RUN: test -c /dev/null
//
// The weight report's output file: written whole, and left as it was when
// the report fails (a reference that cannot be read).
// RUN: coreai-opt %t/prog.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-weight-report{output=%t/report.txt})'
// RUN: cp %t/report.txt %t/report.before
// RUN: not coreai-opt %t/prog.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-weight-report{output=%t/report.txt reference=%t/missing.mlir})' 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cmp %t/report.before %t/report.txt
// RUN: not coreai-opt %t/prog.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-weight-report{output=%t})' 2>&1 | FileCheck %s --check-prefix=REPORT-DIR
// REPORT: error:
// REPORT-DIR: error: option 'output': cannot write '{{.*}}': it is a directory
//
// What a user of cp and mlir-opt expects of the target. A link is followed
// and stays a link, a dangling one too (the file it names is created).
// RUN: rm -rf %t/p && mkdir -p %t/p/d
// RUN: coreai-opt %t/prog.mlir -o %t/p/ref.mlir
// RUN: ln -s d/real.mlir %t/p/link.mlir
// RUN: coreai-opt %t/prog.mlir -o %t/p/link.mlir
// RUN: test -L %t/p/link.mlir && cmp %t/p/ref.mlir %t/p/d/real.mlir
// A new file gets 0666 less the umask; a replaced one keeps its mode.
// RUN: sh -c 'umask 027 && coreai-opt %t/prog.mlir -o %t/p/new.mlir'
// RUN: stat -c %%a %t/p/new.mlir | FileCheck %s --check-prefix=NEWMODE
// NEWMODE: 640
// A read-only file is not replaced (cp and mlir-opt cannot write it either).
// RUN: echo keep > %t/p/ro.mlir && chmod 444 %t/p/ro.mlir
// RUN: not coreai-opt %t/prog.mlir -o %t/p/ro.mlir 2>&1 | FileCheck %s --check-prefix=RO
// RO: coreai-opt: error: cannot write '{{.*}}ro.mlir': the file is read-only (make it writable or remove it first)
// RUN: echo keep | cmp - %t/p/ro.mlir
// A file with another hard link is rewritten in place: both names see the
// output; a failure leaves both as they were.
// RUN: echo keep > %t/p/a.mlir && ln %t/p/a.mlir %t/p/b.mlir
// RUN: not coreai-opt %t/bad.mlir -o %t/p/a.mlir 2>&1 | FileCheck %s --check-prefix=INPUT
// RUN: echo keep | cmp - %t/p/b.mlir
// RUN: coreai-opt %t/prog.mlir -o %t/p/a.mlir
// RUN: cmp %t/p/ref.mlir %t/p/b.mlir
// RUN: stat -c %%h %t/p/a.mlir | FileCheck %s --check-prefix=LINKS
// LINKS: 2
// RUN: ls -A %t/p | FileCheck %s --check-prefix=NOTEMP --implicit-check-not=tmp-
// NOTEMP: a.mlir
