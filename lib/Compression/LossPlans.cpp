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

/// One option worth choosing.
struct Point {
  Bits bits;
  double loss;
  size_t option;
};

/// The options among `options` (those within `threshold` unless `all`)
/// worth choosing, cheapest first: each removes loss over every cheaper one
/// (among equal bits, the least loss; then the one listed first).
std::vector<Point> getPareto(const std::vector<LossOption> &options,
                             double threshold, bool all) {
  std::vector<Point> points;
  for (auto [i, option] : llvm::enumerate(options))
    if (all || option.loss <= threshold)
      points.push_back({Bits(std::llround(option.bits)), option.loss, i});
  llvm::sort(points, [](const Point &a, const Point &b) {
    if (a.bits != b.bits)
      return a.bits < b.bits;
    if (a.loss != b.loss)
      return a.loss < b.loss;
    return a.option < b.option;
  });
  std::vector<Point> pareto;
  for (const Point &point : points)
    if (pareto.empty() || point.loss < pareto.back().loss)
      pareto.push_back(point);
  return pareto;
}

/// The weights' options with one set of weights let in over the threshold.
struct Problem {
  std::vector<std::vector<Point>> pareto;
  std::vector<size_t> letIn;
  Bits cheapest = 0;

  Problem(llvm::ArrayRef<std::vector<LossOption>> weights, double threshold,
          const std::vector<bool> &in) {
    for (auto [w, options] : llvm::enumerate(weights)) {
      pareto.push_back(getPareto(options, threshold, in[w]));
      cheapest += pareto.back().front().bits;
      if (in[w])
        letIn.push_back(w);
    }
  }

  Bits getBits(const std::vector<size_t> &position) const {
    Bits bits = 0;
    for (auto [w, points] : llvm::enumerate(pareto))
      bits += points[position[w]].bits;
    return bits;
  }

  /// While some weight has an option of less loss that fits `budget`, takes
  /// the one that removes the most (ties to the weight listed first).
  void fill(std::vector<size_t> &position, Bits budget) const {
    Bits used = getBits(position);
    for (;;) {
      double bestGain = 0;
      size_t bestWeight = 0, bestPosition = 0;
      for (auto [w, points] : llvm::enumerate(pareto)) {
        const Point &now = points[position[w]];
        for (size_t k = position[w] + 1; k < points.size(); ++k) {
          if (points[k].bits - now.bits > budget - used)
            break;
          // Along the frontier the loss falls: the last that fits.
          double gain = now.loss - points[k].loss;
          if (gain > bestGain) {
            bestGain = gain;
            bestWeight = w;
            bestPosition = k;
          }
        }
      }
      if (bestGain <= 0)
        return;
      used += pareto[bestWeight][bestPosition].bits -
              pareto[bestWeight][position[bestWeight]].bits;
      position[bestWeight] = bestPosition;
    }
  }

  LossPlan makePlan(const std::vector<size_t> &position, bool exact) const {
    LossPlan plan;
    plan.exact = exact;
    plan.letIn = letIn;
    // Neumaier's compensated sum: a plan's loss is its options' sum.
    double loss = 0, carry = 0;
    Bits bits = 0;
    for (auto [w, points] : llvm::enumerate(pareto)) {
      const Point &point = points[position[w]];
      plan.choice.push_back(point.option);
      bits += point.bits;
      double sum = loss + point.loss;
      carry += std::abs(loss) >= std::abs(point.loss)
                   ? (loss - sum) + point.loss
                   : (point.loss - sum) + loss;
      loss = sum;
    }
    plan.bits = double(bits);
    plan.loss = loss + carry;
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

    // least[c]: the least loss of the weights so far within c cells.
    std::vector<double> least(cells, 0.0);
    std::vector<uint8_t> chosen(n * cells);
    for (size_t w = 0; w < n; ++w) {
      const std::vector<Point> &points = pareto[w];
      uint8_t *row = chosen.data() + w * cells;
      // Downwards, so that least[c - cost] is still the previous weights'.
      for (uint64_t c = cells; c-- > 0;) {
        double best = least[c] + points.front().loss;
        uint8_t arg = 0;
        for (size_t k = 1; k < points.size() && uint64_t(cost[w][k]) <= c;
             ++k) {
          double value = least[c - cost[w][k]] + points[k].loss;
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
  /// steps along each weight's lower convex hull of (bits, loss), the most
  /// loss removed per bit first, a weight whose step does not fit left
  /// where it is.
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
      auto slope = [&](size_t a, size_t b) {
        return (points[a].loss - points[b].loss) /
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

/// The weights let in over `threshold` within `budget`: those with no
/// option within it, and, when the budget cannot be met with the others
/// within it, more one at a time, the least excess of their cheapest option
/// first, until it can. std::nullopt when nothing meets it.
std::optional<std::vector<bool>>
chooseLetIn(llvm::ArrayRef<std::vector<LossOption>> weights, double threshold,
            Bits budget) {
  std::vector<bool> in(weights.size(), false);
  struct Candidate {
    Bits saving;
    double excess;
    size_t weight;
  };
  std::vector<Candidate> candidates;
  Bits base = 0, cheapestTotal = 0;
  for (auto [w, options] : llvm::enumerate(weights)) {
    std::vector<Point> all = getPareto(options, threshold, true);
    std::vector<Point> within = getPareto(options, threshold, false);
    cheapestTotal += all.front().bits;
    if (within.empty()) {
      in[w] = true;
      base += all.front().bits;
      continue;
    }
    base += within.front().bits;
    if (within.front().bits > all.front().bits)
      candidates.push_back({within.front().bits - all.front().bits,
                            all.front().loss - threshold, w});
  }
  if (cheapestTotal > budget)
    return std::nullopt;
  llvm::sort(candidates, [](const Candidate &a, const Candidate &b) {
    if (a.excess != b.excess)
      return a.excess < b.excess;
    return a.weight < b.weight;
  });
  for (const Candidate &c : candidates) {
    if (base <= budget)
      break;
    in[c.weight] = true;
    base -= c.saving;
  }
  return in;
}

} // namespace

std::vector<std::optional<LossPlan>>
mlir::coreai::planLeastLoss(llvm::ArrayRef<std::vector<LossOption>> weights,
                            llvm::ArrayRef<double> budgetBits,
                            const LossPlanOptions &options) {
  std::vector<std::optional<LossPlan>> plans(budgetBits.size());
  // The budgets by the weights they let in, each set solved once.
  std::map<std::vector<bool>, std::vector<size_t>> groups;
  for (auto [i, bits] : llvm::enumerate(budgetBits))
    if (std::optional<std::vector<bool>> in =
            chooseLetIn(weights, options.maxLossPerWeight, toBudget(bits)))
      groups[*in].push_back(i);
  for (auto &[in, members] : groups) {
    Problem problem(weights, options.maxLossPerWeight, in);
    std::vector<Bits> budgets;
    for (size_t i : members)
      budgets.push_back(toBudget(budgetBits[i]));
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
  }

  // A larger budget's plan is never worse than a smaller one's that it
  // could have chosen (its let-in weights among its own).
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
    if (previous && previous->loss < plans[i]->loss &&
        std::includes(plans[i]->letIn.begin(), plans[i]->letIn.end(),
                      previous->letIn.begin(), previous->letIn.end())) {
      std::vector<size_t> letIn = plans[i]->letIn;
      plans[i] = *previous;
      plans[i]->letIn = std::move(letIn);
    }
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
    bits += double(getPareto(options, 0, true).back().bits);
  return bits;
}
