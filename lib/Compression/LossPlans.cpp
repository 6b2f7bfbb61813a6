//===- LossPlans.cpp - Least-loss plans under budgets of bits -------------===//

#include "coreai/Compression/LossPlans.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

using namespace mlir::coreai;

namespace {

/// Bits as whole numbers, summed exactly.
using Bits = int64_t;

/// A budget as whole bits. A budget computed from a plan's own bits per
/// weight may round just below it: it still reaches it.
Bits toBudget(double bits) {
  const double allowed = bits + std::abs(bits) * 1e-12;
  if (!(allowed < 4e18))
    return Bits(4e18);
  return Bits(std::floor(allowed));
}

/// What a plan minimizes: first the summed excess of its options' losses
/// over the threshold, then the summed loss.
struct Cost {
  double excess = 0, loss = 0;

  Cost operator+(const Cost &other) const {
    return {excess + other.excess, loss + other.loss};
  }
  Cost operator-(const Cost &other) const {
    return {excess - other.excess, loss - other.loss};
  }
  bool operator<(const Cost &other) const {
    if (excess != other.excess)
      return excess < other.excess;
    return loss < other.loss;
  }
};

/// One option worth choosing.
struct Point {
  Bits bits;
  Cost cost;
  size_t option;
};

/// The options worth choosing, cheapest first: each of less cost than every
/// cheaper one (among equal bits, the least cost; then the one listed
/// first).
std::vector<Point> getPareto(const std::vector<LossOption> &options,
                             double threshold) {
  std::vector<Point> points;
  for (auto [i, option] : llvm::enumerate(options))
    points.push_back({Bits(std::llround(option.bits)),
                      {std::max(0.0, option.loss - threshold), option.loss},
                      i});
  llvm::sort(points, [](const Point &a, const Point &b) {
    if (a.bits != b.bits)
      return a.bits < b.bits;
    if (a.cost < b.cost || b.cost < a.cost)
      return a.cost < b.cost;
    return a.option < b.option;
  });
  std::vector<Point> pareto;
  for (const Point &point : points)
    if (pareto.empty() || point.cost < pareto.back().cost)
      pareto.push_back(point);
  return pareto;
}

/// The weights' options worth choosing.
struct Problem {
  std::vector<std::vector<Point>> pareto;
  Bits cheapest = 0;

  Problem(llvm::ArrayRef<std::vector<LossOption>> weights, double threshold) {
    for (const std::vector<LossOption> &options : weights) {
      pareto.push_back(getPareto(options, threshold));
      cheapest += pareto.back().front().bits;
    }
  }

  Bits getBits(const std::vector<size_t> &position) const {
    Bits bits = 0;
    for (auto [w, points] : llvm::enumerate(pareto))
      bits += points[position[w]].bits;
    return bits;
  }

  /// While some weight has an option of less cost that fits `budget`,
  /// takes the one that removes the most (ties to the weight listed first).
  void fill(std::vector<size_t> &position, Bits budget) const {
    Bits used = getBits(position);
    for (;;) {
      Cost bestGain;
      size_t bestWeight = 0, bestPosition = 0;
      for (auto [w, points] : llvm::enumerate(pareto)) {
        const Point &now = points[position[w]];
        for (size_t k = position[w] + 1; k < points.size(); ++k) {
          if (points[k].bits - now.bits > budget - used)
            break;
          Cost gain = now.cost - points[k].cost;
          if (bestGain < gain) {
            bestGain = gain;
            bestWeight = w;
            bestPosition = k;
          }
        }
      }
      if (!(Cost() < bestGain))
        return;
      used += pareto[bestWeight][bestPosition].bits -
              pareto[bestWeight][position[bestWeight]].bits;
      position[bestWeight] = bestPosition;
    }
  }

  LossPlan makePlan(const std::vector<size_t> &position, bool exact) const {
    LossPlan plan;
    plan.exact = exact;
    // Neumaier's compensated sums: a plan's figures are its options' sums.
    double loss = 0, carry = 0, excess = 0, excessCarry = 0;
    auto add = [](double &sum, double &carry, double value) {
      double next = sum + value;
      carry += std::abs(sum) >= std::abs(value) ? (sum - next) + value
                                                : (value - next) + sum;
      sum = next;
    };
    Bits bits = 0;
    for (auto [w, points] : llvm::enumerate(pareto)) {
      const Point &point = points[position[w]];
      plan.choice.push_back(point.option);
      bits += point.bits;
      add(loss, carry, point.cost.loss);
      add(excess, excessCarry, point.cost.excess);
      if (point.cost.excess > 0)
        plan.overThreshold.push_back(w);
    }
    plan.bits = double(bits);
    plan.loss = loss + carry;
    plan.excess = excess + excessCarry;
    return plan;
  }

  /// The exact plans within `budgets` (each at least `cheapest`), or
  /// std::nullopt when the table would exceed `maxCells`.
  std::optional<std::vector<std::vector<size_t>>>
  solveExactly(llvm::ArrayRef<Bits> budgets, double resolutionBits,
               uint64_t maxCells) const {
    const size_t n = pareto.size();
    const Bits cell = std::max<Bits>(
        1, Bits(std::floor(resolutionBits / double(std::max<size_t>(n, 1)))));
    // Each option's extra cells over its weight's cheapest, rounded up.
    std::vector<std::vector<Bits>> cost(n);
    Bits useful = 0;
    for (auto [w, points] : llvm::enumerate(pareto)) {
      if (points.size() > 256)
        return std::nullopt;
      for (const Point &point : points)
        cost[w].push_back((point.bits - points.front().bits + cell - 1) / cell);
      useful += cost[w].back();
    }
    std::vector<Bits> capacity;
    Bits largest = 0;
    for (Bits budget : budgets) {
      capacity.push_back(std::min(useful, (budget - cheapest) / cell));
      largest = std::max(largest, capacity.back());
    }
    const uint64_t cells = uint64_t(largest) + 1;
    if (n != 0 && cells > maxCells / n)
      return std::nullopt;

    // least[c]: the least cost of the weights so far within c cells.
    std::vector<Cost> least(cells);
    std::vector<uint8_t> chosen(n * cells);
    for (size_t w = 0; w < n; ++w) {
      const std::vector<Point> &points = pareto[w];
      uint8_t *row = chosen.data() + w * cells;
      // Downwards, so that least[c - cost] is still the previous weights'.
      for (uint64_t c = cells; c-- > 0;) {
        Cost best = least[c] + points.front().cost;
        uint8_t arg = 0;
        for (size_t k = 1; k < points.size() && uint64_t(cost[w][k]) <= c;
             ++k) {
          Cost value = least[c - cost[w][k]] + points[k].cost;
          if (value < best) {
            best = value;
            arg = uint8_t(k);
          }
        }
        least[c] = best;
        row[c] = arg;
      }
    }
    std::vector<std::vector<size_t>> positions;
    for (Bits c : capacity) {
      std::vector<size_t> position(n);
      for (size_t w = n; w-- > 0;) {
        position[w] = chosen[w * cells + c];
        c -= cost[w][position[w]];
      }
      positions.push_back(std::move(position));
    }
    return positions;
  }

  /// The Lagrangian plans within `budgets` (each at least `cheapest`): the
  /// steps along each weight's lower convex hull of (bits, cost), the most
  /// cost removed per bit first (the excess priced a million times the
  /// loss), a weight whose step does not fit left where it is.
  std::vector<std::vector<size_t>>
  solveByHulls(llvm::ArrayRef<Bits> budgets) const {
    struct Step {
      double gain;
      size_t weight, from, to;
    };
    std::vector<Step> steps;
    for (size_t w = 0; w < pareto.size(); ++w) {
      const std::vector<Point> &points = pareto[w];
      std::vector<size_t> hull;
      auto priced = [&](size_t k) {
        return std::min(1e300,
                        points[k].cost.loss + 1e6 * points[k].cost.excess);
      };
      auto slope = [&](size_t a, size_t b) {
        return (priced(a) - priced(b)) /
               double(points[b].bits - points[a].bits);
      };
      for (size_t k = 0; k < points.size(); ++k) {
        while (hull.size() >= 2 && slope(hull[hull.size() - 2], hull.back()) <=
                                       slope(hull.back(), k))
          hull.pop_back();
        hull.push_back(k);
      }
      for (size_t k = 1; k < hull.size(); ++k)
        steps.push_back({slope(hull[k - 1], hull[k]), w, hull[k - 1], hull[k]});
    }
    // Along one hull the gains fall, so each weight's steps come in turn.
    llvm::sort(steps, [](const Step &a, const Step &b) {
      if (a.gain != b.gain)
        return a.gain > b.gain;
      if (a.weight != b.weight)
        return a.weight < b.weight;
      return a.from < b.from;
    });
    std::vector<std::vector<size_t>> positions;
    for (Bits budget : budgets) {
      std::vector<size_t> position(pareto.size(), 0);
      std::vector<bool> stopped(pareto.size(), false);
      Bits used = cheapest;
      for (const Step &step : steps) {
        if (stopped[step.weight] || position[step.weight] != step.from)
          continue;
        Bits extra = pareto[step.weight][step.to].bits -
                     pareto[step.weight][step.from].bits;
        if (extra > budget - used) {
          stopped[step.weight] = true;
          continue;
        }
        used += extra;
        position[step.weight] = step.to;
      }
      positions.push_back(std::move(position));
    }
    return positions;
  }
};

} // namespace

std::vector<std::optional<LossPlan>>
mlir::coreai::planLeastLoss(llvm::ArrayRef<std::vector<LossOption>> weights,
                            llvm::ArrayRef<double> budgetBits,
                            const LossPlanOptions &options) {
  std::vector<std::optional<LossPlan>> plans(budgetBits.size());
  Problem problem(weights, options.maxLossPerWeight);
  std::vector<size_t> members;
  std::vector<Bits> budgets;
  for (auto [i, bits] : llvm::enumerate(budgetBits))
    if (toBudget(bits) >= problem.cheapest) {
      members.push_back(i);
      budgets.push_back(toBudget(bits));
    }
  std::optional<std::vector<std::vector<size_t>>> positions =
      problem.solveExactly(budgets, options.resolutionBits,
                           options.maxTableCells);
  const bool exact = positions.has_value();
  if (!exact)
    positions = problem.solveByHulls(budgets);
  for (auto [k, i] : llvm::enumerate(members)) {
    problem.fill((*positions)[k], budgets[k]);
    plans[i] = problem.makePlan((*positions)[k], exact);
  }

  // A larger budget's plan is never worse than a smaller one's, which it
  // could have chosen.
  std::vector<size_t> order(budgetBits.size());
  std::iota(order.begin(), order.end(), 0);
  llvm::sort(order, [&](size_t a, size_t b) {
    if (budgetBits[a] != budgetBits[b])
      return budgetBits[a] < budgetBits[b];
    return a < b;
  });
  const LossPlan *previous = nullptr;
  for (size_t i : order) {
    if (!plans[i])
      continue;
    if (previous && Cost{previous->excess, previous->loss} <
                        Cost{plans[i]->excess, plans[i]->loss})
      plans[i] = *previous;
    previous = &*plans[i];
  }
  return plans;
}

double
mlir::coreai::getCheapestBits(llvm::ArrayRef<std::vector<LossOption>> weights) {
  double bits = 0;
  for (const std::vector<LossOption> &options : weights) {
    double cheapest = options.front().bits;
    for (const LossOption &option : options)
      cheapest = std::min(cheapest, option.bits);
    bits += cheapest;
  }
  return bits;
}

double mlir::coreai::getLeastLossBits(
    llvm::ArrayRef<std::vector<LossOption>> weights) {
  double bits = 0;
  for (const std::vector<LossOption> &options : weights)
    bits += double(getPareto(options, 0).back().bits);
  return bits;
}
