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
//   - for a quality target: each weight's cheapest option that reaches it;
//   - from measured loss increases (the user's evaluation of each weight's
//     option alone), the nested plans that minimize their sum: each weight
//     on the lower convex hull of (bits, loss), the step with the most loss
//     removed per bit first, a plan for a budget being the longest prefix
//     of those steps that fits it (so a larger budget never gives a weight
//     an option of larger loss).
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

/// One way to store a weight, priced by a measured loss increase.
struct LossOption {
  /// Bits it takes (in the program's total, every use counted).
  double bits = 0;
  /// The loss increase measured with it alone (lower is better; may be
  /// negative).
  double loss = 0;
};

/// The nested plans of planLeastLoss, smallest first: the cheapest option
/// of every weight, then one more step along one weight's hull per plan (its
/// bits never fall, its loss never rises), so that plans take memory in
/// their number plus the weights', not in their product.
struct NestedPlans {
  /// The option of each weight in the smallest plan.
  std::vector<size_t> start;
  /// The (weight, option) that plan k + 1 changes.
  std::vector<std::pair<size_t, size_t>> steps;
  /// Total bits and summed loss of each plan (steps.size() + 1 of each).
  std::vector<double> bits, loss;

  /// The option of each weight in plan `k`.
  std::vector<size_t> getPlan(size_t k) const;
  /// The largest plan within `budgetBits` (given `fixedBits` of other
  /// weights); std::nullopt when even the smallest exceeds it.
  std::optional<size_t> find(double fixedBits, double budgetBits) const;
};

/// The nested plans minimizing the summed loss of the options of each
/// weight (each list holds at least one option): each weight's options
/// reduced to the lower convex hull of (bits, loss), the steps along the
/// hulls ordered by loss removed per bit (a Lagrangian relaxation), and a
/// plan per prefix of those steps, from every weight at its cheapest option
/// (the least loss among equally cheap) to every step taken. With
/// `maxLossPerWeight`, the part of an option's loss above it counts a
/// million times: such options are left first, the ones with the largest
/// excess per bit first, and kept only where the budget allows no other.
/// Ties go to the weight listed first.
NestedPlans planLeastLoss(
    llvm::ArrayRef<std::vector<LossOption>> weights,
    double maxLossPerWeight = std::numeric_limits<double>::infinity());

/// The sum of the bits of `choice`.
double getTotalBits(WeightOptionLists weights, llvm::ArrayRef<size_t> choice);

} // namespace coreai
} // namespace mlir

#endif // COREAI_COMPRESSION_MIXEDPRECISION_H
