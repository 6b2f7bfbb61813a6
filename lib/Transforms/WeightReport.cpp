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
#include "coreai/Compression/Gptq.h"
#include "coreai/Statistics/ActivationStatistics.h"
#include "coreai/Transforms/Passes.h"
#include "coreai/Weights/WeightPassDriver.h"

#include "mlir/Parser/Parser.h"

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

  /// Compares with the reference, through the statistics when given.
  LogicalResult compare(WeightAnalysis &analysis) {
    ModuleOp module = getOperation();
    const unsigned threads = getPassThreadCount(&getContext());
    if (activationStatistics.empty())
      return reference.empty() ? success()
                               : analysis.compareWith(reference, threads);
    if (reference.empty())
      return emitError(module.getLoc())
             << "option 'activation-statistics' needs option 'reference': "
                "the output error is measured against the reference's weights";
    OwningOpRef<ModuleOp> ref =
        parseSourceFile<ModuleOp>(reference, &getContext());
    if (!ref)
      return emitError(module.getLoc())
             << "option 'reference': cannot read the program '" << reference
             << "'";
    auto byConstant = readActivationStatistics(*ref, activationStatistics);
    if (failed(byConstant))
      return failure();
    // Weights are matched by order: the reference's i-th weight operand
    // reads the constant whose statistics apply.
    WeightAnalysis refAnalysis(*ref);
    std::vector<const InputStatistics *> statistics;
    for (const WeightRecord &r : refAnalysis.getWeights()) {
      auto it = byConstant->find(r.source.getDefiningOp());
      statistics.push_back(it == byConstant->end() ? nullptr
                                                   : it->second.get());
    }
    ArrayRef<WeightRecord> records = analysis.getWeights();
    auto outputSqnr = [&](size_t i, ArrayRef<double> a,
                          ArrayRef<double> b) -> std::optional<double> {
      if (i >= statistics.size() || !statistics[i])
        return std::nullopt;
      std::vector<ErrorStats> channels;
      if (!compareOutputChannels(records[i].type.getShape(),
                                 records[i].axes.out, *statistics[i], a, b,
                                 channels))
        return std::nullopt;
      ErrorStats total;
      for (const ErrorStats &channel : channels)
        total.merge(channel);
      return total.getSqnrDb();
    };
    return analysis.compareWith(*ref, reference, threads, outputSqnr);
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    markAllAnalysesPreserved();
    WeightAnalysis analysis(module);
    if (failed(compare(analysis)))
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
