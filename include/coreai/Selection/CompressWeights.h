//===- CompressWeights.h - A scheme for each weight -------------*- C++ -*-===//
//
// What coreai-compress-weights does: give each candidate weight its scheme
// (the first recipe rule that matches it, or the automatic choice, every
// candidate scheme measured off the IR, one chosen per weight for a size
// budget or a quality target), then run the shared skeleton over the whole
// program once. A dry run compresses a copy and prints the report.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_SELECTION_COMPRESSWEIGHTS_H
#define COREAI_SELECTION_COMPRESSWEIGHTS_H

#include "coreai/Schemes/CompressionOptions.h"
#include "coreai/Selection/AutoChoice.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>

namespace mlir {
namespace coreai {

/// The options of coreai-compress-weights (see the pass for their meaning).
struct CompressWeightsRequest {
  std::string recipe;
  std::optional<double> bitsPerWeight, minSqnr;
  std::optional<AutoObjective> objective;
  SmallVector<std::string> candidates;
  uint64_t weightNumThreshold = 1024;
  bool dryRun = false;
  /// A sensitivity table (Sensitivity.h) and its per-weight threshold.
  std::string sensitivity;
  std::optional<double> maxLossIncreasePerWeight;
  /// An activation statistics file (Statistics/ActivationStatistics.h).
  std::string activationStatistics;
  /// When given, receives the automatic plan; with `planOnly`, nothing is
  /// compressed.
  AutomaticPlan *planOut = nullptr;
  bool planOnly = false;
};

/// Compresses `module` as `request` says on up to `threads` threads; `label`
/// names the progress line. A dry run leaves `module` as it is and prints the
/// plan and the report to `dryRunOut`. Errors go to the context's handlers
/// and change nothing.
LogicalResult compressWeights(ModuleOp module,
                              const CompressWeightsRequest &request,
                              unsigned threads, StringRef label,
                              llvm::raw_ostream &dryRunOut);

} // namespace coreai
} // namespace mlir

#endif // COREAI_SELECTION_COMPRESSWEIGHTS_H
