//===- WeightReport.cpp - coreai-weight-report ----------------------------===//
//
// Prints the WeightAnalysis of the program: every weight operand of every
// weight consumer, the scheme its decoder chain encodes, its sizes before
// and after, and, against a reference program, the error of its
// materialized values. Changes nothing.
//
//===----------------------------------------------------------------------===//

#include "coreai/Transforms/Passes.h"
#include "coreai/Transforms/WeightAnalysis.h"
#include "coreai/Transforms/WeightPassDriver.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

namespace mlir {
namespace coreai {
#define GEN_PASS_DEF_COREAIWEIGHTREPORTPASS
#include "coreai/Transforms/Passes.h.inc"
} // namespace coreai
} // namespace mlir

using namespace mlir;
using namespace mlir::coreai;

namespace {

struct WeightReportPass
    : public coreai::impl::CoreAIWeightReportPassBase<WeightReportPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    markAllAnalysesPreserved();
    WeightAnalysis analysis(module);
    if (!reference.empty() &&
        failed(
            analysis.compareWith(reference, getPassThreadCount(&getContext()))))
      return signalPassFailure();

    std::unique_ptr<llvm::raw_fd_ostream> file;
    llvm::raw_ostream *os = &llvm::outs();
    if (output != "-") {
      std::error_code ec;
      file = std::make_unique<llvm::raw_fd_ostream>(output, ec,
                                                    llvm::sys::fs::OF_Text);
      if (ec) {
        emitError(module.getLoc()) << "option 'output': cannot write '"
                                   << output << "': " << ec.message();
        return signalPassFailure();
      }
      os = file.get();
    }
    printWeightReport(analysis, format, *os);
  }
};

} // namespace
