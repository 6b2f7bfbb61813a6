//===- WeightReport.cpp - coreai-weight-report ----------------------------===//
//
// Prints the WeightAnalysis of the program: every weight operand of every
// weight consumer, the scheme its decoder chain encodes, its sizes before
// and after, and, against a reference program, the error of its
// materialized values. Changes nothing.
//
//===----------------------------------------------------------------------===//

#include "coreai/Analysis/WeightAnalysis.h"
#include "coreai/Asset/AtomicFile.h"
#include "coreai/Transforms/Passes.h"
#include "coreai/Weights/WeightPassDriver.h"

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

    if (output == "-") {
      printWeightReport(analysis, format, llvm::outs());
      return;
    }
    // The file replaces an existing one only once the report is whole.
    llvm::Expected<std::unique_ptr<AtomicOutputFile>> file =
        AtomicOutputFile::open(output);
    llvm::Error error = file.takeError();
    if (!error) {
      printWeightReport(analysis, format, (*file)->os());
      error = (*file)->commit();
    }
    if (error) {
      emitError(module.getLoc())
          << "option 'output': " << llvm::toString(std::move(error));
      return signalPassFailure();
    }
  }
};

} // namespace
