//===- MixedPrecisionTest.cpp - Choosing a scheme per weight --------------===//

#include "coreai/Compression/MixedPrecision.h"

#include "gtest/gtest.h"

#include <limits>

using namespace mlir::coreai;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Two weights of 100 elements: 4-bit options, an 8-bit one and dense.
std::vector<std::vector<StorageOption>> twoWeights() {
  return {
      {{400, 12.0}, {800, 30.0}, {1600, kInf}},
      {{400, 20.0}, {450, 22.0}, {800, 31.0}, {1600, kInf}},
  };
}

TEST(MixedPrecisionTest, CheapestWhenTheBudgetIsTight) {
  auto weights = twoWeights();
  auto choice = chooseWithinBudget(weights, 0, 800);
  ASSERT_TRUE(choice);
  EXPECT_EQ(*choice, (std::vector<size_t>{0, 0}));
  EXPECT_DOUBLE_EQ(getTotalBits(weights, *choice), 800);
  // Below the cheapest plan there is no choice.
  EXPECT_FALSE(chooseWithinBudget(weights, 0, 799));
  // Fixed bits count against the budget.
  EXPECT_FALSE(chooseWithinBudget(weights, 1, 800));
}

TEST(MixedPrecisionTest, UpgradesTheWorstWeightFirst) {
  auto weights = twoWeights();
  // 1200 bits: weight 0 (12 dB) goes to 8 bits first; weight 1 stays.
  auto choice = chooseWithinBudget(weights, 0, 1200);
  ASSERT_TRUE(choice);
  EXPECT_EQ(*choice, (std::vector<size_t>{1, 0}));
  // 1250 bits: then weight 1 (now the worst, 20 dB) takes its 450-bit step.
  choice = chooseWithinBudget(weights, 0, 1250);
  ASSERT_TRUE(choice);
  EXPECT_EQ(*choice, (std::vector<size_t>{1, 1}));
  // Enough for everything: all dense.
  choice = chooseWithinBudget(weights, 0, 3200);
  ASSERT_TRUE(choice);
  EXPECT_EQ(*choice, (std::vector<size_t>{2, 3}));
}

TEST(MixedPrecisionTest, AWeightThatCannotAffordItsStepLetsOthersGo) {
  // Weight 0 is worst but its next step costs 1000 bits; weight 1's costs
  // 50: the budget goes to weight 1 rather than staying unused.
  std::vector<std::vector<StorageOption>> weights = {
      {{400, 5.0}, {1400, 40.0}},
      {{400, 20.0}, {450, 22.0}},
  };
  auto choice = chooseWithinBudget(weights, 0, 900);
  ASSERT_TRUE(choice);
  EXPECT_EQ(*choice, (std::vector<size_t>{0, 1}));
}

TEST(MixedPrecisionTest, DominatedOptionsAreNeverChosen) {
  // Option 1 costs more than option 0 and is no better; option 2 is listed
  // before the cheaper option 3 of equal quality.
  std::vector<std::vector<StorageOption>> weights = {
      {{400, 15.0}, {450, 14.0}, {900, 30.0}, {800, 30.0}},
  };
  auto choice = chooseWithinBudget(weights, 0, 899);
  ASSERT_TRUE(choice);
  EXPECT_EQ((*choice)[0], 3u);
  choice = chooseWithinBudget(weights, 0, 799);
  ASSERT_TRUE(choice);
  EXPECT_EQ((*choice)[0], 0u);
  EXPECT_EQ(chooseForQuality(weights, 14.5)[0], 0u);
  EXPECT_EQ(chooseForQuality(weights, 16)[0], 3u);
}

TEST(MixedPrecisionTest, NoiseInAZeroChannelIsTheWorst) {
  std::vector<std::vector<StorageOption>> weights = {
      {{400, 10.0}, {800, 30.0}},
      {{400, -kInf}, {800, 35.0}},
  };
  auto choice = chooseWithinBudget(weights, 0, 1200);
  ASSERT_TRUE(choice);
  EXPECT_EQ(*choice, (std::vector<size_t>{0, 1}));
}

TEST(MixedPrecisionTest, QualityTargetTakesTheCheapestThatReachesIt) {
  auto weights = twoWeights();
  EXPECT_EQ(chooseForQuality(weights, 21), (std::vector<size_t>{1, 1}));
  EXPECT_EQ(chooseForQuality(weights, 10), (std::vector<size_t>{0, 0}));
  // Nothing but dense reaches 40 dB.
  EXPECT_EQ(chooseForQuality(weights, 40), (std::vector<size_t>{2, 3}));
  // Without a dense option the best one is taken.
  std::vector<std::vector<StorageOption>> noDense = {{{400, 5}, {800, 9}}};
  EXPECT_EQ(chooseForQuality(noDense, 40), (std::vector<size_t>{1}));
}

TEST(MixedPrecisionTest, TiesGoToTheFirstWeight) {
  std::vector<std::vector<StorageOption>> weights = {
      {{400, 10.0}, {800, 30.0}},
      {{400, 10.0}, {800, 30.0}},
  };
  auto choice = chooseWithinBudget(weights, 0, 1200);
  ASSERT_TRUE(choice);
  EXPECT_EQ(*choice, (std::vector<size_t>{1, 0}));
}

} // namespace

namespace {

// A large output layer that is the worst weight, and a small depthwise
// kernel whose upgrade costs little: with room for one of the two upgrades,
// the least total noise takes the cheap, effective one; the max-min
// objective must lift the worst weight.
std::vector<std::vector<StorageOption>> bigAndSmall() {
  return {
      {{4.0 * 795000, 12.13}, {6.13 * 795000, 22.31}},
      {{4.64 * 12000, 14.50}, {8.64 * 12000, 38.0}},
  };
}

TEST(MixedPrecisionTest, LeastNoiseTakesTheCheapEffectiveStep) {
  auto weights = bigAndSmall();
  const double budget = 4.0 * 795000 + 8.64 * 12000 + 1000;
  auto noise = chooseLeastNoise(weights, 0, budget);
  ASSERT_TRUE(noise);
  EXPECT_EQ(*noise, (std::vector<size_t>{0, 1}));
  // With room for both, both.
  noise = chooseLeastNoise(weights, 0, 6.13 * 795000 + 8.64 * 12000);
  ASSERT_TRUE(noise);
  EXPECT_EQ(*noise, (std::vector<size_t>{1, 1}));
  // The max-min objective lifts the worst weight when it can.
  auto worst = chooseWithinBudget(weights, 0, 6.13 * 795000 + 4.64 * 12000);
  ASSERT_TRUE(worst);
  EXPECT_EQ(*worst, (std::vector<size_t>{1, 0}));
  // Below the cheapest plan there is no choice.
  EXPECT_FALSE(chooseLeastNoise(weights, 0, 4.0 * 795000));
}

TEST(MixedPrecisionTest, LeastNoiseFollowsTheConvexHull) {
  // Option 1 lies above the chord from 0 to 2 (it removes less noise per bit
  // than going straight to 2): it is skipped; option 3 is dominated.
  std::vector<std::vector<StorageOption>> weights = {
      {{100, 10.0}, {150, 10.5}, {200, 30.0}, {250, 29.0}},
  };
  auto choice = chooseLeastNoise(weights, 0, 199);
  ASSERT_TRUE(choice);
  EXPECT_EQ((*choice)[0], 0u);
  choice = chooseLeastNoise(weights, 0, 200);
  ASSERT_TRUE(choice);
  EXPECT_EQ((*choice)[0], 2u);
}

TEST(MixedPrecisionTest, LeastNoiseUpgradesANoisyZeroChannelFirst) {
  std::vector<std::vector<StorageOption>> weights = {
      {{400, 10.0}, {800, 30.0}},
      {{400, -kInf}, {800, 20.0}},
  };
  auto choice = chooseLeastNoise(weights, 0, 1200);
  ASSERT_TRUE(choice);
  EXPECT_EQ(*choice, (std::vector<size_t>{0, 1}));
  // Exact options (dense) end the hull.
  std::vector<std::vector<StorageOption>> dense = {{{400, 10.0}, {1600, kInf}}};
  choice = chooseLeastNoise(dense, 0, 1600);
  ASSERT_TRUE(choice);
  EXPECT_EQ((*choice)[0], 1u);
}

} // namespace

namespace {

TEST(MixedPrecisionTest, BalancedRaisesTheFloorThenSpendsOnNoise) {
  // The large worst weight and the small one: with room for the large
  // one's step, the balanced choice lifts it (the floor) where least noise
  // alone would rather make the small one near-exact.
  auto weights = bigAndSmall();
  const double lift = 6.13 * 795000 + 4.64 * 12000;
  auto balanced = chooseBalanced(weights, 0, lift);
  ASSERT_TRUE(balanced);
  EXPECT_EQ(*balanced, (std::vector<size_t>{1, 0}));
  auto noise = chooseLeastNoise(weights, 0, lift);
  ASSERT_TRUE(noise);
  EXPECT_EQ(*noise, (std::vector<size_t>{0, 1}));
  // Without room for it, the floor stays and the rest removes noise.
  balanced = chooseBalanced(weights, 0, 4.0 * 795000 + 8.64 * 12000);
  ASSERT_TRUE(balanced);
  EXPECT_EQ(*balanced, (std::vector<size_t>{0, 1}));
  // Room for everything: everything.
  balanced = chooseBalanced(weights, 0, 6.13 * 795000 + 8.64 * 12000);
  ASSERT_TRUE(balanced);
  EXPECT_EQ(*balanced, (std::vector<size_t>{1, 1}));
  EXPECT_FALSE(chooseBalanced(weights, 0, 4.0 * 795000));

  // Three weights: the highest floor that fits is 20 dB (weight 0 to its
  // second option; 22 dB would need weight 1's dear step); the 50 bits
  // left go to weight 2's cheap, effective step.
  std::vector<std::vector<StorageOption>> three = {
      {{1000, 10.0}, {1500, 20.0}, {4000, 30.0}},
      {{1000, 20.0}, {1800, 25.0}},
      {{100, 22.0}, {150, 40.0}},
  };
  balanced = chooseBalanced(three, 0, 2650);
  ASSERT_TRUE(balanced);
  EXPECT_EQ(*balanced, (std::vector<size_t>{1, 0, 1}));
  balanced = chooseBalanced(three, 0, 2649);
  ASSERT_TRUE(balanced);
  EXPECT_EQ(*balanced, (std::vector<size_t>{1, 0, 0}));
}

} // namespace
