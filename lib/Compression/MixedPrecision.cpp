//===- MixedPrecision.cpp - Choosing a scheme per weight ------------------===//

#include "coreai/Compression/MixedPrecision.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <numeric>
#include <queue>

using namespace mlir::coreai;

namespace {

/// The options worth choosing, cheapest first: each one's worst channel is
/// better than that of every cheaper option (among equal costs, the best).
std::vector<size_t> getFrontier(const std::vector<StorageOption> &options) {
  std::vector<size_t> order(options.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (options[a].bits != options[b].bits)
      return options[a].bits < options[b].bits;
    if (options[a].worstSqnrDb != options[b].worstSqnrDb)
      return options[a].worstSqnrDb > options[b].worstSqnrDb;
    return a < b;
  });
  std::vector<size_t> frontier;
  for (size_t i : order)
    if (frontier.empty() ||
        options[i].worstSqnrDb > options[frontier.back()].worstSqnrDb)
      frontier.push_back(i);
  return frontier;
}

} // namespace

std::optional<std::vector<size_t>>
mlir::coreai::chooseWithinBudget(WeightOptionLists weights, double fixedBits,
                                 double budgetBits) {
  std::vector<std::vector<size_t>> frontiers;
  frontiers.reserve(weights.size());
  std::vector<size_t> step(weights.size(), 0);
  double used = fixedBits;
  for (const std::vector<StorageOption> &options : weights) {
    frontiers.push_back(getFrontier(options));
    used += options[frontiers.back().front()].bits;
  }
  if (used > budgetBits)
    return std::nullopt;

  // The weight with the worst channel first; ties to the lower index.
  auto sqnrOf = [&](size_t w) {
    return weights[w][frontiers[w][step[w]]].worstSqnrDb;
  };
  auto later = [&](size_t a, size_t b) {
    double sa = sqnrOf(a), sb = sqnrOf(b);
    return sa != sb ? sa > sb : a > b;
  };
  std::priority_queue<size_t, std::vector<size_t>, decltype(later)> queue(
      later);
  for (size_t w = 0; w < weights.size(); ++w)
    if (frontiers[w].size() > 1)
      queue.push(w);
  while (!queue.empty()) {
    size_t w = queue.top();
    queue.pop();
    const double extra = weights[w][frontiers[w][step[w] + 1]].bits -
                         weights[w][frontiers[w][step[w]]].bits;
    if (used + extra > budgetBits)
      continue; // stays; the budget goes to the next worst
    used += extra;
    ++step[w];
    if (step[w] + 1 < frontiers[w].size())
      queue.push(w);
  }
  std::vector<size_t> choice(weights.size());
  for (size_t w = 0; w < weights.size(); ++w)
    choice[w] = frontiers[w][step[w]];
  return choice;
}

std::vector<size_t> mlir::coreai::chooseForQuality(WeightOptionLists weights,
                                                   double minSqnrDb) {
  std::vector<size_t> choice;
  choice.reserve(weights.size());
  for (const std::vector<StorageOption> &options : weights) {
    std::vector<size_t> frontier = getFrontier(options);
    auto reaches = llvm::find_if(frontier, [&](size_t i) {
      return options[i].worstSqnrDb >= minSqnrDb;
    });
    choice.push_back(reaches != frontier.end() ? *reaches : frontier.back());
  }
  return choice;
}

double mlir::coreai::getTotalBits(WeightOptionLists weights,
                                  llvm::ArrayRef<size_t> choice) {
  double bits = 0;
  for (size_t w = 0; w < weights.size(); ++w)
    bits += weights[w][choice[w]].bits;
  return bits;
}
