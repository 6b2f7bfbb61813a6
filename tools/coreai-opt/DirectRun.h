//===- DirectRun.h - Pipeline runs on bytecode without MlirOptMain -*- C++
//-*-===//
//
// MlirOptMain builds a diagnostic verifier over the whole input even when
// `-verify-diagnostics` is off: it splits the input into lines and matches
// each against a regular expression, which on bytecode (binary, a line break
// every few hundred bytes) costs about 0.85 s per GB before anything else
// runs. `runPipeline` takes the same steps itself (parse, the pipeline of the
// command line with its timing, IR printing and crash reproducer options,
// print or write bytecode) when the input is bytecode and no option needs
// MlirOptMain's own machinery; otherwise it calls MlirOptMain.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_OPT_DIRECTRUN_H
#define COREAI_OPT_DIRECTRUN_H

#include "mlir/Support/LLVM.h"
#include <memory>

namespace llvm {
class MemoryBuffer;
} // namespace llvm

namespace mlir {
class DialectRegistry;
class MlirOptMainConfig;
} // namespace mlir

namespace coreai_opt {

/// Runs `config`'s pipeline on `input` and prints (or writes as bytecode) the
/// result into `os`, as `mlir::MlirOptMain` does.
mlir::LogicalResult runPipeline(llvm::raw_ostream &os,
                                std::unique_ptr<llvm::MemoryBuffer> input,
                                mlir::DialectRegistry &registry,
                                const mlir::MlirOptMainConfig &config);

} // namespace coreai_opt

#endif // COREAI_OPT_DIRECTRUN_H
