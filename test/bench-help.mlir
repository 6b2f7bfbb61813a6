// The benchmark tools' --help lists their own options, not LLVM's backend
// flags (which the driver, like upstream mlir-opt, keeps).
// RUN: coreai-pass-bench --help | FileCheck %s --check-prefix=PASS-BENCH --implicit-check-not=--x86 --implicit-check-not=--amdgpu --implicit-check-not=--mlir-
// RUN: coreai-bench --help | FileCheck %s --check-prefix=BENCH --implicit-check-not=--x86 --implicit-check-not=--amdgpu --implicit-check-not=--mlir-
// RUN: coreai-opt --help | FileCheck %s --check-prefix=OPT
// PASS-BENCH: coreai-pass-bench options:
// PASS-BENCH: --write-model=<string>
// BENCH: coreai-bench options:
// BENCH: --elements=<long>
// BENCH: --repeat=<int>
// OPT: --mlir-
