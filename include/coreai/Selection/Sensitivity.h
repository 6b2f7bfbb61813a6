//===- Sensitivity.h - Measured loss increases per weight -------*- C++ -*-===//
//
// A sensitivity table: for each weight of a program (by its id, the `#` of
// the weight report, and the SHA-256 of its payload bytes) and each
// candidate scheme of the automatic choice, the increase of the user's loss
// measured with that weight alone compressed by that candidate. Python's
// `measure_sensitivity` writes it (docs/Sensitivity.md gives the JSON);
// coreai-compress-weights{sensitivity=FILE} reads it and chooses, per
// weight, the candidates that minimize the summed increase under the
// budget.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_SELECTION_SENSITIVITY_H
#define COREAI_SELECTION_SENSITIVITY_H

#include "coreai/Analysis/WeightAnalysis.h"
#include "mlir/IR/BuiltinAttributeInterfaces.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <optional>
#include <string>
#include <vector>

namespace mlir {
namespace coreai {

/// What the table holds for one weight.
struct WeightSensitivity {
  int64_t id = -1;
  std::string sha256, location;
  /// The measured (or predicted) loss increase of each candidate that
  /// applies, by candidate name.
  llvm::StringMap<double> lossIncrease;
};

struct SensitivityTable {
  double baselineLoss = 0;
  /// The candidates it was measured with, in its order.
  std::vector<std::string> candidates;
  std::vector<WeightSensitivity> weights;

  /// The entry of weight `id`, or nullptr.
  const WeightSensitivity *find(int64_t id) const;
};

/// Reads the table at `path` for a program of `programWeights` weights
/// (which bounds its size: Asset/JsonLimits.h); a diagnostic from `diag`
/// names the file and the key when it cannot.
FailureOr<SensitivityTable>
readSensitivityTable(StringRef path, size_t programWeights,
                     function_ref<InFlightDiagnostic()> diag);

} // namespace coreai
} // namespace mlir

#endif // COREAI_SELECTION_SENSITIVITY_H
