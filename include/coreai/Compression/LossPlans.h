//===- LossPlans.h - Least-loss plans under budgets of bits -----*- C++ -*-===//
//
// Given, for every weight, the ways it can be stored (bits, and the loss
// increase measured or predicted with that way alone), chooses one way per
// weight so that the summed loss is least within a budget of bits: a
// multiple-choice knapsack.
//
//   - Exact, by dynamic programming over a grid of bits: each weight's
//     extra bits over its cheapest option rounded up to the grid, whose
//     cell is `resolutionBits` / (number of weights), so that rounding
//     costs a plan at most `resolutionBits` of its budget. One table serves
//     every budget.
//   - Where that table would exceed `maxTableCells` (thousands of weights
//     at a fine resolution), a Lagrangian solution: the steps along each
//     weight's lower convex hull of (bits, loss), the most loss removed per
//     bit first, a step that does not fit skipped.
//   - Either way then a fill step: while some weight has an option of less
//     loss that fits the unused budget, the one removing the most loss is
//     taken. No plan leaves unused a budget into which a better option fits.
//
// Plans for several budgets never get worse with the budget: a larger
// budget's plan is never predicted worse (excess, then loss) than a smaller
// one's, which it could have chosen. Plans are not nested: a larger budget may
// give a weight an option of larger loss.
//
// The per-weight threshold `maxLossPerWeight` comes first: a plan minimizes
// the summed excess of its options' losses over it, then the summed loss.
// So options above it are excluded while the budget can be met without
// them, and where it cannot, the plan keeps the least excess (spread over
// the weights where that costs least), not the fewest weights above it:
// letting in the fewest weights (the largest savings first), or weights one
// at a time by least excess, then let the knapsack give them their most
// harmful options, and read 0 of 30 test lines on the real recognizer where
// no threshold read 30.
//
// Pure numerics: no IR.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_COMPRESSION_LOSSPLANS_H
#define COREAI_COMPRESSION_LOSSPLANS_H

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace mlir {
namespace coreai {

/// One way to store a weight, priced by a measured loss increase.
struct LossOption {
  /// Bits it takes (in the program's total, every use counted): a whole
  /// number.
  double bits = 0;
  /// The loss increase with it alone (lower is better; may be negative).
  double loss = 0;
};

struct LossPlanOptions {
  /// Options above this loss are excluded while the budget allows, the
  /// least excess over it kept otherwise (see above).
  double maxLossPerWeight = std::numeric_limits<double>::infinity();
  /// The most bits of its budget that rounding may cost a plan.
  double resolutionBits = 1;
  /// The largest table (weights x grid cells, one byte each) the exact
  /// allocation may use; above it the Lagrangian one runs.
  uint64_t maxTableCells = uint64_t(1) << 26;
};

/// A plan: one option per weight.
struct LossPlan {
  /// The option of each weight.
  std::vector<size_t> choice;
  /// Its total bits, summed loss and summed excess over the threshold
  /// (summed exactly as the options' sums).
  double bits = 0, loss = 0, excess = 0;
  /// The weights whose option exceeds the threshold, ascending.
  std::vector<size_t> overThreshold;
  /// Whether the exact allocation made it (else the Lagrangian one).
  bool exact = false;
};

/// The plan of least summed loss within each of `budgetBits` (any order),
/// std::nullopt where even the cheapest options exceed it. Each weight's
/// list holds at least one option.
std::vector<std::optional<LossPlan>>
planLeastLoss(llvm::ArrayRef<std::vector<LossOption>> weights,
              llvm::ArrayRef<double> budgetBits,
              const LossPlanOptions &options = {});

/// The bits of every weight at its cheapest option.
double getCheapestBits(llvm::ArrayRef<std::vector<LossOption>> weights);

/// The bits of every weight at its option of least loss (the cheapest among
/// equals): the budget beyond which no plan improves.
double getLeastLossBits(llvm::ArrayRef<std::vector<LossOption>> weights);

} // namespace coreai
} // namespace mlir

#endif // COREAI_COMPRESSION_LOSSPLANS_H
