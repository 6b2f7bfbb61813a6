//===- MetricsTest.cpp - SQNR and largest absolute error ------------------===//

#include "coreai/Compression/Metrics.h"

#include "gtest/gtest.h"

#include <cmath>
#include <vector>

using namespace mlir::coreai;

namespace {

TEST(MetricsTest, SqnrAndMaxError) {
  std::vector<double> reference = {1.0, -2.0, 2.0, 0.0};
  std::vector<double> actual = {1.0, -1.5, 2.0, 0.5};
  ErrorStats stats = compareValues(reference, actual);
  EXPECT_DOUBLE_EQ(stats.signal, 9.0);
  EXPECT_DOUBLE_EQ(stats.noise, 0.5);
  EXPECT_DOUBLE_EQ(stats.maxAbsError, 0.5);
  EXPECT_DOUBLE_EQ(stats.getSqnrDb(), 10.0 * std::log10(18.0));
  // The f32 reference form gives the same.
  std::vector<float> referenceF32(reference.begin(), reference.end());
  EXPECT_DOUBLE_EQ(compareValues(referenceF32, actual).getSqnrDb(),
                   stats.getSqnrDb());
}

TEST(MetricsTest, ExactAndZeroSignal) {
  std::vector<double> zeros(4, 0.0), noisy = {0.0, 0.1, 0.0, 0.0};
  EXPECT_TRUE(std::isinf(compareValues(zeros, zeros).getSqnrDb()));
  EXPECT_GT(compareValues(zeros, zeros).getSqnrDb(), 0);
  EXPECT_LT(compareValues(zeros, noisy).getSqnrDb(), 0);
  EXPECT_TRUE(std::isinf(compareValues(zeros, noisy).getSqnrDb()));
}

TEST(MetricsTest, MergeAddsParts) {
  std::vector<double> a = {3.0}, b = {4.0}, ea = {2.0}, eb = {4.5};
  std::vector<double> ab = {3.0, 4.0}, eab = {2.0, 4.5};
  ErrorStats whole = compareValues(ab, eab);
  ErrorStats parts = compareValues(a, ea);
  parts.merge(compareValues(b, eb));
  EXPECT_DOUBLE_EQ(parts.signal, whole.signal);
  EXPECT_DOUBLE_EQ(parts.noise, whole.noise);
  EXPECT_DOUBLE_EQ(parts.maxAbsError, 1.0);
}

TEST(MetricsTest, ChannelsAlongEveryAxis) {
  // A 2x3 tensor: channels along axis 0 are rows, along axis 1 columns.
  std::vector<double> reference = {1, 2, 0, 3, 4, 0};
  std::vector<double> actual = {1, 2, 0.5, 3, 3, 0};
  std::vector<ErrorStats> rows = compareChannels(reference, actual, {2, 3}, 0);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_DOUBLE_EQ(rows[0].signal, 5.0);
  EXPECT_DOUBLE_EQ(rows[0].noise, 0.25);
  EXPECT_DOUBLE_EQ(rows[1].signal, 25.0);
  EXPECT_DOUBLE_EQ(rows[1].noise, 1.0);
  std::vector<ErrorStats> columns =
      compareChannels(reference, actual, {2, 3}, 1);
  ASSERT_EQ(columns.size(), 3u);
  EXPECT_DOUBLE_EQ(columns[0].noise, 0.0);
  EXPECT_DOUBLE_EQ(columns[1].signal, 20.0);
  EXPECT_DOUBLE_EQ(columns[1].noise, 1.0);
  // Column 2 is all zero in the reference and got noise: -inf, the worst.
  EXPECT_TRUE(std::isinf(columns[2].getSqnrDb()));
  EXPECT_LT(getWorstSqnrDb(columns), 0);
  EXPECT_DOUBLE_EQ(getWorstSqnrDb(rows), 10.0 * std::log10(20.0));
}

} // namespace
