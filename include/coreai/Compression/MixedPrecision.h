//===- MixedPrecision.h - Choosing a scheme per weight ----------*- C++ -*-===//
//
// Given, for every weight, the options it can be stored as (its size and the
// SQNR of its worst output channel), chooses one option per weight:
//   - under a budget of bits: maximize the worst output-channel SQNR of the
//     program, then the next worst, and so on (greedy upgrades of the
//     currently worst weight to its next better option while the budget
//     allows; a weight whose next option does not fit stays where it is);
//   - for a quality target: each weight's cheapest option that reaches it.
// Pure numerics: no IR.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_COMPRESSION_MIXEDPRECISION_H
#define COREAI_COMPRESSION_MIXEDPRECISION_H

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace mlir {
namespace coreai {

/// One way to store a weight.
struct StorageOption {
  /// Bits it takes (in the program's total, every use counted).
  double bits = 0;
  /// SQNR of its worst output channel (+inf when exact, -inf when a zero
  /// channel gets noise).
  double worstSqnrDb = 0;
};

/// The options of every weight. Each list must hold at least one option;
/// options that cost more than a cheaper one without a better worst channel
/// are never chosen.
using WeightOptionLists = llvm::ArrayRef<std::vector<StorageOption>>;

/// Returns the index of the option each weight gets so that
/// `fixedBits` + the chosen bits <= `budgetBits`, maximizing the worst
/// channel lexicographically (see above); std::nullopt when even the
/// cheapest options exceed the budget. Ties go to the weight listed first.
std::optional<std::vector<size_t>> chooseWithinBudget(WeightOptionLists weights,
                                                      double fixedBits,
                                                      double budgetBits);

/// Returns, for each weight, its cheapest option whose worst channel reaches
/// `minSqnrDb`, or its best option when none does.
std::vector<size_t> chooseForQuality(WeightOptionLists weights,
                                     double minSqnrDb);

/// The sum of the bits of `choice`.
double getTotalBits(WeightOptionLists weights, llvm::ArrayRef<size_t> choice);

} // namespace coreai
} // namespace mlir

#endif // COREAI_COMPRESSION_MIXEDPRECISION_H
