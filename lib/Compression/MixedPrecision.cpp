//===- MixedPrecision.cpp - Choosing a scheme per weight ------------------===//

#include "coreai/Compression/MixedPrecision.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <cmath>
#include <limits>
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

namespace {

/// The worst channel's noise-to-signal ratio.
double getNoise(double sqnrDb) {
  if (std::isinf(sqnrDb))
    return sqnrDb > 0 ? 0.0 : 1e6;
  return std::pow(10.0, -sqnrDb / 10.0);
}

/// The options of the lower convex hull of (bits, noise) along the
/// frontier, cheapest first: each step removes less noise per bit than the
/// one before.
std::vector<size_t> getHull(const std::vector<StorageOption> &options,
                            double floorDb) {
  std::vector<size_t> frontier = getFrontier(options);
  // Start at the cheapest option that reaches the floor (or the best).
  size_t first = 0;
  while (first + 1 < frontier.size() &&
         options[frontier[first]].worstSqnrDb < floorDb)
    ++first;
  std::vector<size_t> hull;
  for (size_t i : llvm::ArrayRef(frontier).drop_front(first)) {
    auto slope = [&](size_t a, size_t b) {
      return (getNoise(options[a].worstSqnrDb) -
              getNoise(options[b].worstSqnrDb)) /
             (options[b].bits - options[a].bits);
    };
    // Drop the last point while it lies on or above the chord to `i`.
    while (hull.size() >= 2 &&
           slope(hull[hull.size() - 2], hull.back()) <= slope(hull.back(), i))
      hull.pop_back();
    hull.push_back(i);
  }
  return hull;
}

} // namespace

std::optional<std::vector<size_t>>
mlir::coreai::chooseLeastNoise(WeightOptionLists weights, double fixedBits,
                               double budgetBits, double floorDb) {
  std::vector<std::vector<size_t>> hulls;
  hulls.reserve(weights.size());
  std::vector<size_t> step(weights.size(), 0);
  double used = fixedBits;
  for (const std::vector<StorageOption> &options : weights) {
    hulls.push_back(getHull(options, floorDb));
    used += options[hulls.back().front()].bits;
  }
  if (used > budgetBits)
    return std::nullopt;
  auto extraBits = [&](size_t w) {
    return weights[w][hulls[w][step[w] + 1]].bits -
           weights[w][hulls[w][step[w]]].bits;
  };
  auto gain = [&](size_t w) {
    return (getNoise(weights[w][hulls[w][step[w]]].worstSqnrDb) -
            getNoise(weights[w][hulls[w][step[w] + 1]].worstSqnrDb)) /
           extraBits(w);
  };
  // The step that removes the most noise per bit first; ties to the lower
  // index.
  auto later = [&](const std::pair<double, size_t> &a,
                   const std::pair<double, size_t> &b) {
    return a.first != b.first ? a.first < b.first : a.second > b.second;
  };
  std::priority_queue<std::pair<double, size_t>,
                      std::vector<std::pair<double, size_t>>, decltype(later)>
      queue(later);
  for (size_t w = 0; w < weights.size(); ++w)
    if (hulls[w].size() > 1)
      queue.push({gain(w), w});
  while (!queue.empty()) {
    size_t w = queue.top().second;
    queue.pop();
    if (used + extraBits(w) > budgetBits)
      continue; // its later steps cost more and gain less per bit
    used += extraBits(w);
    ++step[w];
    if (step[w] + 1 < hulls[w].size())
      queue.push({gain(w), w});
  }
  std::vector<size_t> choice(weights.size());
  for (size_t w = 0; w < weights.size(); ++w)
    choice[w] = hulls[w][step[w]];
  return choice;
}

std::optional<std::vector<size_t>>
mlir::coreai::chooseBalanced(WeightOptionLists weights, double fixedBits,
                             double budgetBits) {
  // The floors worth trying: every finite worst channel of an option.
  std::vector<double> floors;
  for (const std::vector<StorageOption> &options : weights)
    for (const StorageOption &option : options)
      if (std::isfinite(option.worstSqnrDb))
        floors.push_back(option.worstSqnrDb);
  llvm::sort(floors);
  floors.erase(std::unique(floors.begin(), floors.end()), floors.end());
  auto fits = [&](double floorDb) {
    return fixedBits +
               getTotalBits(weights, chooseForQuality(weights, floorDb)) <=
           budgetBits;
  };
  // The cost of a floor grows with it: the highest that fits, by bisection.
  double best = -std::numeric_limits<double>::infinity();
  size_t lo = 0, hi = floors.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (fits(floors[mid])) {
      best = floors[mid];
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return chooseLeastNoise(weights, fixedBits, budgetBits, best);
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
