//===- MixedPrecision.h - Choosing a scheme per weight ----------*- C++ -*-===//
//
// Given, for every weight, the options it can be stored as (its size and the
// SQNR of its worst output channel), chooses one option per weight:
//   - under a budget of bits, minimizing the sum over the weights of the
//     worst channel's noise-to-signal ratio (10^(-SQNR/10)): each weight's
//     options reduced to the lower convex hull of (bits, noise), then the
//     step with the most noise removed per bit taken first, while the
//     budget allows (a Lagrangian relaxation solved greedily);
//   - under a budget, balancing both: the highest floor on the worst
//     channel of every weight that the budget allows, then the least noise;
//   - or under a budget, maximizing the worst output-channel SQNR of the
//     program, then the next worst, and so on (greedy upgrades of the
//     currently worst weight to its next better option while the budget
//     allows; a weight whose next option does not fit stays where it is);
//   - for a quality target: each weight's cheapest option that reaches it.
// (Plans from measured loss increases: LossPlans.h.)
// Pure numerics: no IR.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_COMPRESSION_MIXEDPRECISION_H
#define COREAI_COMPRESSION_MIXEDPRECISION_H

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <limits>
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

/// Returns the index of the option each weight gets so that `fixedBits` +
/// the chosen bits <= `budgetBits`, minimizing the sum of the weights' worst
/// channel noise-to-signal ratios (a channel of zeros that gets noise counts
/// as 10^6); std::nullopt when even the cheapest options exceed the budget.
/// Ties go to the weight listed first. With `floorDb`, each weight starts
/// from its cheapest option whose worst channel reaches it (or its best).
std::optional<std::vector<size_t>>
chooseLeastNoise(WeightOptionLists weights, double fixedBits, double budgetBits,
                 double floorDb = -std::numeric_limits<double>::infinity());

/// The balance of the two: the highest floor on every weight's worst
/// channel that the budget allows (each weight at its cheapest option
/// reaching it), then the rest of the budget spent as chooseLeastNoise
/// spends it. std::nullopt when even the cheapest options exceed the budget.
std::optional<std::vector<size_t>>
chooseBalanced(WeightOptionLists weights, double fixedBits, double budgetBits);

/// Returns, for each weight, its cheapest option whose worst channel reaches
/// `minSqnrDb`, or its best option when none does.
std::vector<size_t> chooseForQuality(WeightOptionLists weights,
                                     double minSqnrDb);

/// The sum of the bits of `choice`.
double getTotalBits(WeightOptionLists weights, llvm::ArrayRef<size_t> choice);

} // namespace coreai
} // namespace mlir

#endif // COREAI_COMPRESSION_MIXEDPRECISION_H
