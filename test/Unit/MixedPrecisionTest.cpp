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
