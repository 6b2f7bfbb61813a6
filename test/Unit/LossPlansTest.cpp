//===- LossPlansTest.cpp - Least-loss plans under budgets of bits ---------===//

#include "coreai/Compression/LossPlans.h"

#include "llvm/ADT/STLExtras.h"
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

// The threshold comes first: a plan minimizes the summed excess over it,
// then the loss. Options above it are out while the budget can be met
// without them; else the least excess is kept.
TEST(LossPlansTest, ThresholdKeepsTheLeastExcess) {
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
  // Without options above it the plan takes 2500 bits.
  std::vector<std::optional<LossPlan>> plans =
      planLeastLoss(weights, {2500, 2300, 1900, 1500, 1499, 899}, guarded);
  EXPECT_EQ(plans[0]->choice, (std::vector<size_t>{1, 1, 1}));
  EXPECT_TRUE(plans[0]->overThreshold.empty());
  EXPECT_EQ(plans[0]->excess, 0.0);
  // 200 short: w0 (by 1) rather than w2 (by 2), though w2 alone saves it.
  EXPECT_EQ(plans[1]->choice, (std::vector<size_t>{0, 1, 1}));
  EXPECT_EQ(plans[1]->overThreshold, (std::vector<size_t>{0}));
  EXPECT_EQ(plans[1]->excess, 1.0);
  EXPECT_EQ(plans[1]->loss, 6.0);
  // 600 short: w0 and w2 (3 in all) rather than w1 alone (35).
  EXPECT_EQ(plans[2]->choice, (std::vector<size_t>{0, 1, 0}));
  EXPECT_EQ(plans[2]->overThreshold, (std::vector<size_t>{0, 2}));
  EXPECT_EQ(plans[2]->loss, 13.0);
  // 1000 short: only w1 saves that much.
  EXPECT_EQ(plans[3]->choice, (std::vector<size_t>{1, 0, 1}));
  EXPECT_EQ(plans[3]->excess, 35.0);
  // 1001 short: w1 and w0 (36) rather than w1 and w2 (37).
  EXPECT_EQ(plans[4]->choice, (std::vector<size_t>{0, 0, 1}));
  EXPECT_EQ(plans[4]->excess, 36.0);
  EXPECT_EQ(plans[4]->loss, 46.0);
  EXPECT_FALSE(plans[5]);
  // Where the least loss needs some excess, the threshold gives up loss:
  // two upgrades below it (loss 11, one weight over by 1) or one that
  // leaves none over (loss 18).
  Table trade = {
      {{100, 11.0}, {300, 0.0}},
      {{100, 9.0}, {200, 0.0}},
      {{100, 9.0}, {200, 0.0}},
  };
  LossPlanOptions ten;
  ten.maxLossPerWeight = 10;
  EXPECT_EQ(planLeastLoss(trade, {500})[0]->choice,
            (std::vector<size_t>{0, 1, 1}));
  EXPECT_EQ(planLeastLoss(trade, {500}, ten)[0]->choice,
            (std::vector<size_t>{1, 0, 0}));

  // Every random table: the exact plan is the brute-force optimum of
  // (excess, loss); its excess never rises with the budget.
  std::mt19937 rng(5);
  for (int trial = 0; trial < 200; ++trial) {
    Table table = randomTable(rng, 4, 3);
    std::vector<double> budgets;
    for (double budget = 200; budget <= 2400; budget += 97)
      budgets.push_back(budget);
    std::vector<std::optional<LossPlan>> found =
        planLeastLoss(table, budgets, guarded);
    double previous = INFINITY;
    for (size_t i = 0; i < budgets.size(); ++i) {
      // The brute-force (excess, loss).
      std::pair<double, double> best = {INFINITY, INFINITY};
      std::vector<size_t> choice(table.size(), 0);
      for (;;) {
        double bits = 0, excess = 0, loss = 0;
        for (size_t w = 0; w < table.size(); ++w) {
          bits += table[w][choice[w]].bits;
          loss += table[w][choice[w]].loss;
          excess += std::max(0.0, table[w][choice[w]].loss - 5);
        }
        if (bits <= budgets[i])
          best = std::min(best, std::make_pair(excess, loss));
        size_t w = 0;
        while (w < table.size() && ++choice[w] == table[w].size())
          choice[w++] = 0;
        if (w == table.size())
          break;
      }
      ASSERT_EQ(found[i].has_value(), std::isfinite(best.first));
      if (!found[i])
        continue;
      EXPECT_NEAR(found[i]->excess, best.first, 1e-9);
      EXPECT_NEAR(found[i]->loss, best.second, 1e-9)
          << "trial " << trial << " budget " << budgets[i];
      for (size_t w = 0; w < table.size(); ++w)
        EXPECT_EQ(table[w][found[i]->choice[w]].loss > 5,
                  llvm::is_contained(found[i]->overThreshold, w));
      EXPECT_LE(found[i]->excess, previous);
      previous = found[i]->excess;
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
