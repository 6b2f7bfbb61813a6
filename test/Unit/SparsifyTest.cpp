//===- SparsifyTest.cpp - Magnitude pruning -------------------------------===//

#include "coreai/Compression/Sparsify.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <numeric>
#include <random>

using namespace mlir::coreai;

namespace {

/// The reference: a full sort by (|w|, index).
std::vector<uint8_t> sortedReference(const std::vector<float> &w,
                                     int64_t count) {
  std::vector<int64_t> order(w.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
    return std::abs(w[a]) < std::abs(w[b]);
  });
  std::vector<uint8_t> keep(w.size(), 1);
  for (int64_t i = 0; i < count; ++i)
    keep[order[i]] = 0;
  for (size_t i = 0; i < w.size(); ++i)
    keep[i] &= w[i] != 0.0f;
  return keep;
}

TEST(Sparsify, SmallestMatchesSortWithTies) {
  std::mt19937 rng(1);
  for (int trial = 0; trial < 20; ++trial) {
    const int64_t n = 1 + rng() % 5000;
    std::vector<float> w(n);
    for (float &v : w) // few distinct magnitudes: many ties, both signs
      v = float(int(rng() % 9) - 4) * 0.25f;
    for (int64_t count : {int64_t(0), n / 3, n / 2, n - 1, n}) {
      UninitVector<uint8_t> keep;
      pruneSmallest(w, count, keep, 1 + trial % 2);
      EXPECT_EQ(std::vector<uint8_t>(keep.begin(), keep.end()),
                sortedReference(w, count))
          << "n " << n << " count " << count;
    }
  }
  // Large, continuous values across several radix chunks, 2 threads.
  std::normal_distribution<float> d(0, 1);
  std::vector<float> big(3'000'001);
  for (float &v : big)
    v = d(rng);
  UninitVector<uint8_t> one, two;
  pruneSmallest(big, big.size() / 2, one, 1);
  pruneSmallest(big, big.size() / 2, two, 2);
  EXPECT_EQ(std::count(one.begin(), one.end(), 0), int64_t(big.size() / 2));
  EXPECT_TRUE(std::equal(one.begin(), one.end(), two.begin()));
}

TEST(Sparsify, NMPrunesTheSmallestOfEachGroup) {
  // [2, 8], n:m = 2:4 along axis 1; ties keep index order.
  std::vector<float> w = {1,  -4, 3,  2, 0.5f, 0.5f, 0.5f, 9,
                          -1, 1,  -1, 1, 5,    6,    7,    8};
  UninitVector<uint8_t> keep;
  pruneNM(w, {2, 8}, 1, 2, 4, keep);
  std::vector<uint8_t> expected = {0, 1, 1, 0, 0, 0, 1, 1,
                                   0, 0, 1, 1, 0, 0, 1, 1};
  EXPECT_EQ(std::vector<uint8_t>(keep.begin(), keep.end()), expected);
  // Along axis 0 of [4, 2] with 1:2.
  std::vector<float> v = {1, 5, 2, 4, 3, 3, 0, 1};
  pruneNM(v, {4, 2}, 0, 1, 2, keep);
  expected = {0, 1, 1, 0, 1, 1, 0, 0};
  EXPECT_EQ(std::vector<uint8_t>(keep.begin(), keep.end()), expected);
}

TEST(Sparsify, BlocksAlongTheOutputAxis) {
  // [4, 3], blocks of 2 rows per column: norms col0 {1, 5}, col1 {2, 0.1},
  // col2 {3, 4}. Pruning 6 elements removes the 3 weakest blocks.
  std::vector<float> w = {1, 2, 3, 0, 0, 0, 3, 0.1f, 4, 4, 0, 0};
  UninitVector<uint8_t> keep;
  pruneBlocks(w, {4, 3}, 0, 2, 6, keep);
  std::vector<uint8_t> expected = {0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0};
  EXPECT_EQ(std::vector<uint8_t>(keep.begin(), keep.end()), expected);
}

} // namespace
