//===- LossPlansTest.cpp - Least-loss plans under budgets of bits ---------===//

#include "coreai/Compression/LossPlans.h"

#include "gtest/gtest.h"

#include <cmath>
#include <limits>
#include <random>

using namespace mlir::coreai;

namespace {

using Table = std::vector<std::vector<LossOption>>;

/// The least summed loss within `budget` over every assignment, or +inf.
double bruteForce(const Table &weights, double budget, double threshold,
                  size_t maxOver) {
  double best = std::numeric_limits<double>::infinity();
  std::vector<size_t> choice(weights.size(), 0);
  for (;;) {
    double bits = 0, loss = 0;
    size_t over = 0;
    for (size_t w = 0; w < weights.size(); ++w) {
      bits += weights[w][choice[w]].bits;
      loss += weights[w][choice[w]].loss;
      over += weights[w][choice[w]].loss > threshold;
    }
    if (bits <= budget && over <= maxOver)
      best = std::min(best, loss);
    size_t w = 0;
    while (w < weights.size() && ++choice[w] == weights[w].size())
      choice[w++] = 0;
    if (w == weights.size())
      return best;
  }
}

/// A random table: `n` weights of up to `k` options, whole bits in steps of
/// 8, losses that may be negative.
Table randomTable(std::mt19937 &rng, size_t n, size_t k) {
  std::uniform_int_distribution<int> count(1, int(k)), bytes(1, 100);
  std::uniform_real_distribution<double> loss(-1.0, 20.0);
  Table table(n);
  for (auto &options : table) {
    int c = count(rng);
    for (int i = 0; i < c; ++i)
      options.push_back({8.0 * bytes(rng), std::round(loss(rng) * 100) / 100});
  }
  return table;
}

double bitsOf(const Table &weights, const LossPlan &plan) {
  double bits = 0;
  for (size_t w = 0; w < weights.size(); ++w)
    bits += weights[w][plan.choice[w]].bits;
  return bits;
}

/// No weight has an option of less loss that fits the budget the plan
/// leaves.
void expectNoStepFits(const Table &weights, const LossPlan &plan,
                      double budget) {
  for (size_t w = 0; w < weights.size(); ++w) {
    const LossOption &now = weights[w][plan.choice[w]];
    for (const LossOption &option : weights[w])
      if (option.loss < now.loss)
        EXPECT_GT(plan.bits - now.bits + option.bits, budget)
            << "weight " << w << " could take an option of less loss";
  }
}

// The exact allocation on a grid of one bit is the brute-force optimum on
// every small table and budget; the plan's figures are its options'.
TEST(LossPlansTest, ExactMatchesBruteForce) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 300; ++trial) {
    Table weights = randomTable(rng, 1 + trial % 5, 4);
    std::vector<double> budgets;
    for (double b = 0; b <= 2400; b += 37)
      budgets.push_back(b);
    std::vector<std::optional<LossPlan>> plans =
        planLeastLoss(weights, budgets);
    for (size_t i = 0; i < budgets.size(); ++i) {
      double best = bruteForce(weights, budgets[i], INFINITY, 0);
      ASSERT_EQ(plans[i].has_value(), std::isfinite(best))
          << "trial " << trial << " budget " << budgets[i];
      if (!plans[i])
        continue;
      EXPECT_TRUE(plans[i]->exact);
      EXPECT_NEAR(plans[i]->loss, best, 1e-9)
          << "trial " << trial << " budget " << budgets[i];
      EXPECT_EQ(plans[i]->bits, bitsOf(weights, *plans[i]));
      EXPECT_LE(plans[i]->bits, budgets[i]);
      expectNoStepFits(weights, *plans[i], budgets[i]);
    }
  }
}

// The Lagrangian allocation (forced by a table of no cells) is feasible,
// leaves no step that fits, never beats the optimum, and its loss never
// rises with the budget.
TEST(LossPlansTest, LagrangianIsFilledAndMonotone) {
  std::mt19937 rng(11);
  LossPlanOptions lagrangian;
  lagrangian.maxTableCells = 0;
  for (int trial = 0; trial < 200; ++trial) {
    Table weights = randomTable(rng, 1 + trial % 6, 4);
    std::vector<double> budgets;
    for (double b = 3000; b >= 0; b -= 29) // any order
      budgets.push_back(b);
    std::vector<std::optional<LossPlan>> plans =
        planLeastLoss(weights, budgets, lagrangian);
    double previous = -INFINITY;
    for (size_t i = budgets.size(); i-- > 0;) {
      if (!plans[i])
        continue;
      EXPECT_FALSE(plans[i]->exact);
      EXPECT_LE(plans[i]->bits, budgets[i]);
      EXPECT_GE(plans[i]->loss,
                bruteForce(weights, budgets[i], INFINITY, 0) - 1e-9);
      expectNoStepFits(weights, *plans[i], budgets[i]);
      if (previous != -INFINITY)
        EXPECT_LE(plans[i]->loss, previous) << "budget " << budgets[i];
      previous = plans[i]->loss;
    }
  }
}

// One large step holds no smaller one back: the hull steps by loss removed
// per bit put the large weight's first, and a plan made of a prefix of them
// stays at the cheapest options (1300 bits) until that step (1200 bits)
// fits. The exact plans spend the budget on the small weights meanwhile.
TEST(LossPlansTest, LargeStepDoesNotHoldSmallOnesBack) {
  Table weights = {
      {{1000, 500.0}, {2200, 0.0}},
      {{100, 4.0}, {400, 0.0}},
      {{100, 4.0}, {400, 0.0}},
      {{100, 4.0}, {400, 0.0}},
  };
  std::vector<std::optional<LossPlan>> plans =
      planLeastLoss(weights, {1900, 2200, 2800, 3100});
  EXPECT_EQ(plans[0]->choice, (std::vector<size_t>{0, 1, 1, 0}));
  EXPECT_EQ(plans[0]->loss, 504.0);
  EXPECT_EQ(plans[1]->choice, (std::vector<size_t>{0, 1, 1, 1}));
  EXPECT_EQ(plans[1]->bits, 2200);
  EXPECT_EQ(plans[2]->choice, (std::vector<size_t>{1, 1, 0, 0}));
  EXPECT_EQ(plans[2]->loss, 8.0);
  EXPECT_EQ(plans[3]->choice, (std::vector<size_t>{1, 1, 1, 0}));
  EXPECT_EQ(plans[3]->bits, 3100);
  // The Lagrangian allocation skips the large step where it does not fit
  // and takes the small ones.
  LossPlanOptions lagrangian;
  lagrangian.maxTableCells = 0;
  EXPECT_EQ(planLeastLoss(weights, {2200}, lagrangian)[0]->choice,
            (std::vector<size_t>{0, 1, 1, 1}));
}

// Plans are not nested: a larger budget may give a weight an option of
// more loss, where that pays elsewhere.
TEST(LossPlansTest, PlansAreNotNested) {
  Table weights = {
      {{100, 10.0}, {200, 5.0}, {400, 0.0}},
      {{100, 9.0}, {300, 0.0}},
  };
  std::vector<std::optional<LossPlan>> plans =
      planLeastLoss(weights, {300, 400});
  EXPECT_EQ(plans[0]->choice, (std::vector<size_t>{1, 0})); // 14
  EXPECT_EQ(plans[1]->choice, (std::vector<size_t>{0, 1})); // 10
}

// Rounding to a coarse grid costs a plan at most `resolutionBits`: the
// plan is at least as good as the exact one of that much less budget.
TEST(LossPlansTest, ResolutionBoundsRounding) {
  std::mt19937 rng(3);
  LossPlanOptions coarse;
  coarse.resolutionBits = 400; // cells of 100 bits for 4 weights
  for (int trial = 0; trial < 100; ++trial) {
    Table weights = randomTable(rng, 4, 4);
    for (double budget = 400; budget <= 3200; budget += 113) {
      std::optional<LossPlan> plan =
          planLeastLoss(weights, {budget}, coarse)[0];
      double exact = bruteForce(weights, budget, INFINITY, 0);
      double slack = bruteForce(weights, budget - 400, INFINITY, 0);
      if (!plan) {
        EXPECT_FALSE(std::isfinite(exact));
        continue;
      }
      EXPECT_TRUE(plan->exact);
      EXPECT_LE(plan->bits, budget);
      EXPECT_GE(plan->loss, exact - 1e-9);
      if (std::isfinite(slack))
        EXPECT_LE(plan->loss, slack + 1e-9);
    }
  }
}

// A plan's loss is the sum of its options' losses, not a running sum of
// differences (which ends at 1.1e-16 here instead of 0).
TEST(LossPlansTest, SumsDoNotDrift) {
  Table weights = {
      {{100, 0.1}, {200, 0.0}},
      {{100, 0.2}, {300, 0.0}},
      {{100, 0.3}, {400, 0.0}},
  };
  std::vector<std::optional<LossPlan>> plans =
      planLeastLoss(weights, {300, 900});
  EXPECT_EQ(plans[0]->loss, 0.6);
  EXPECT_EQ(plans[1]->loss, 0.0);
  EXPECT_EQ(getCheapestBits(weights), 300);
  EXPECT_EQ(getLeastLossBits(weights), 900);
}

// The threshold is a constraint: options above it are out while the budget
// can be met without them; else weights are let back in one at a time, the
// least excess first, until it can.
TEST(LossPlansTest, ThresholdLetsWeightsBackInLeastExcessFirst) {
  Table weights = {
      // Over the threshold of 5 by 1 at 400 bits; saves 400 bits.
      {{400, 6.0}, {800, 1.0}},
      // Over it by 35; saves 1000 bits.
      {{400, 40.0}, {1400, 0.0}},
      // Over it by 2; saves 200 bits.
      {{100, 7.0}, {300, 0.0}},
  };
  LossPlanOptions guarded;
  guarded.maxLossPerWeight = 5;
  // Without over-threshold options the plan takes 2500 bits.
  std::vector<std::optional<LossPlan>> plans =
      planLeastLoss(weights, {2500, 2300, 2100, 1900, 1500, 899}, guarded);
  EXPECT_EQ(plans[0]->choice, (std::vector<size_t>{1, 1, 1}));
  EXPECT_TRUE(plans[0]->letIn.empty());
  // 200 short: w0 (least excess) makes it up.
  EXPECT_EQ(plans[1]->letIn, (std::vector<size_t>{0}));
  EXPECT_EQ(plans[1]->choice, (std::vector<size_t>{0, 1, 1}));
  EXPECT_EQ(plans[1]->loss, 6.0);
  // 400 short: still w0 alone.
  EXPECT_EQ(plans[2]->letIn, (std::vector<size_t>{0}));
  // 600 short: w0 and w2 (by 2), not w1 (by 35) that alone would do.
  EXPECT_EQ(plans[3]->letIn, (std::vector<size_t>{0, 2}));
  EXPECT_EQ(plans[3]->choice, (std::vector<size_t>{0, 1, 0}));
  EXPECT_EQ(plans[3]->loss, 13.0);
  // 1000 short: all three; w1 must take its cheapest, the others choose.
  EXPECT_EQ(plans[4]->letIn, (std::vector<size_t>{0, 1, 2}));
  EXPECT_EQ(plans[4]->choice, (std::vector<size_t>{1, 0, 1}));
  // Below every cheapest option: no plan.
  EXPECT_FALSE(plans[5]);
  // With the budget for everything the threshold changes nothing.
  EXPECT_EQ(planLeastLoss(weights, {1e9}, guarded)[0]->choice,
            (std::vector<size_t>{1, 1, 1}));

  // Every random table: a weight over the threshold is one let in, and
  // without the last one let in (the one of most excess) the budget could
  // not be met.
  std::mt19937 rng(5);
  for (int trial = 0; trial < 200; ++trial) {
    Table table = randomTable(rng, 4, 3);
    for (double budget = 200; budget <= 2400; budget += 97) {
      std::optional<LossPlan> plan = planLeastLoss(table, {budget}, guarded)[0];
      if (!plan)
        continue;
      std::vector<bool> in(table.size(), false);
      for (size_t w : plan->letIn)
        in[w] = true;
      // The least bits with the weights let in except `out`.
      auto leastBits = [&](size_t out) {
        double bits = 0;
        for (size_t w = 0; w < table.size(); ++w) {
          double least = INFINITY, any = INFINITY;
          for (const LossOption &o : table[w]) {
            any = std::min(any, o.bits);
            if (o.loss <= 5 || (in[w] && w != out))
              least = std::min(least, o.bits);
          }
          bits += std::isfinite(least) ? least : any; // none within: in
        }
        return bits;
      };
      double mostExcess = -INFINITY;
      size_t last = table.size();
      for (size_t w = 0; w < table.size(); ++w) {
        if (table[w][plan->choice[w]].loss > 5)
          EXPECT_TRUE(in[w]);
        bool within = false;
        double cheapest = INFINITY, excess = 0;
        for (const LossOption &o : table[w]) {
          within |= o.loss <= 5;
          if (o.bits < cheapest ||
              (o.bits == cheapest && o.loss - 5 < excess)) {
            cheapest = o.bits;
            excess = o.loss - 5;
          }
        }
        if (in[w] && within && excess >= mostExcess) {
          mostExcess = excess;
          last = w;
        }
      }
      if (last != table.size())
        EXPECT_GT(leastBits(last), budget)
            << "trial " << trial << " budget " << budget;
    }
  }
}

// A synthetic table of 500 weights of 9 options: the Lagrangian allocation
// lands within 1 % of the exact one (its bits lie on a grid of 8192, so
// that a grid of that cell is exact). utils/bench.py --plans-only measures
// 2,000 weights.
TEST(LossPlansTest, LagrangianNearExactOnManyWeights) {
  std::mt19937 rng(1);
  std::uniform_int_distribution<int> size(1, 16);
  std::lognormal_distribution<double> scale(0.0, 2.0);
  Table weights(500);
  for (auto &options : weights) {
    double elements = 8192.0 * size(rng), s = scale(rng);
    // 2 to 16 bits per element, the loss halving per bit with noise.
    for (int b = 2; b <= 16; b += (b < 8 ? 1 : 4))
      options.push_back(
          {elements * b,
           s * std::pow(0.5, b) *
               (0.5 + std::uniform_real_distribution<>(0, 1)(rng))});
  }
  double elements = 0;
  for (auto &options : weights)
    elements += options.front().bits / 2;
  std::vector<double> budgets;
  for (double bpw = 2.25; bpw <= 4.0; bpw += 0.25)
    budgets.push_back(bpw * elements);
  LossPlanOptions exact, lagrangian;
  exact.resolutionBits = 8192.0 * 500;
  exact.maxTableCells = uint64_t(1) << 28;
  lagrangian.maxTableCells = 0;
  auto best = planLeastLoss(weights, budgets, exact);
  auto near = planLeastLoss(weights, budgets, lagrangian);
  for (size_t i = 0; i < budgets.size(); ++i) {
    ASSERT_TRUE(best[i] && near[i]);
    EXPECT_TRUE(best[i]->exact);
    EXPECT_LE(best[i]->loss, near[i]->loss);
    EXPECT_LE(near[i]->loss, best[i]->loss * 1.01) << "budget " << budgets[i];
  }
}

} // namespace
