//===- SparsifyTest.cpp - Magnitude pruning -------------------------------===//

#include "coreai/Compression/Sparsify.h"
#include "coreai/Compression/FloatFormats.h"

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

/// f16 bit patterns of a few values with many ties, zeros of both signs and
/// subnormals; and their f32 values.
void makeF16Weight(std::mt19937 &rng, int64_t n, std::vector<uint16_t> &bits,
                   std::vector<float> &values) {
  bits.resize(n);
  values.resize(n);
  for (int64_t i = 0; i < n; ++i) {
    uint16_t h = rng() % 5 == 0 ? uint16_t(rng() % 8) << 8  // few magnitudes
                                : uint16_t(rng() % 0x7c00); // any finite
    if (rng() % 16 == 0)
      h = 0; // zero
    h |= uint16_t(rng() % 2) << 15;
    bits[i] = h;
    values[i] = decodeF16(h);
  }
}

TEST(Sparsify, F16BitsMatchTheDecodedValues) {
  std::mt19937 rng(7);
  std::vector<uint16_t> bits;
  std::vector<float> values;
  for (int trial = 0; trial < 12; ++trial) {
    const int64_t rows = 2 + rng() % 40, cols = 4 * (1 + rng() % 24);
    makeF16Weight(rng, rows * cols, bits, values);
    const int64_t n = rows * cols;
    const unsigned threads = 1 + trial % 2;
    UninitVector<uint8_t> fromBits, fromValues;
    for (int64_t count : {int64_t(0), n / 3, n / 2, n}) {
      pruneSmallest(F16Bits{bits}, count, fromBits, threads);
      pruneSmallest(values, count, fromValues, threads);
      EXPECT_EQ(std::vector<uint8_t>(fromBits.begin(), fromBits.end()),
                sortedReference(values, count));
      EXPECT_TRUE(
          std::equal(fromBits.begin(), fromBits.end(), fromValues.begin()));
    }
    pruneBlocks(F16Bits{bits}, {rows, cols}, 0, 2, n / 2, fromBits, threads);
    pruneBlocks(values, {rows, cols}, 0, 2, n / 2, fromValues, threads);
    EXPECT_TRUE(
        std::equal(fromBits.begin(), fromBits.end(), fromValues.begin()));
    pruneNM(F16Bits{bits}, {rows, cols}, 1, 2, 4, fromBits, threads);
    pruneNM(values, {rows, cols}, 1, 2, 4, fromValues, threads);
    EXPECT_TRUE(
        std::equal(fromBits.begin(), fromBits.end(), fromValues.begin()));
  }
}

/// n:m against a sort of each group, for small groups (ranked pairwise)
/// and large ones (sorted), along either axis.
TEST(Sparsify, NMMatchesSortPerGroup) {
  std::mt19937 rng(3);
  for (int64_t m : {2, 3, 4, 8, 16, 17, 32}) {
    for (int64_t axis : {0, 1}) {
      const int64_t rows = axis == 0 ? 2 * m : 5, cols = axis == 1 ? 2 * m : 3;
      std::vector<float> w(rows * cols);
      for (float &v : w)
        v = float(int(rng() % 7) - 3) * 0.5f; // ties and zeros
      const int64_t n = m / 2 + 1;
      UninitVector<uint8_t> keep;
      pruneNM(w, {rows, cols}, axis, n, m, keep, 2);
      // Every group of m along `axis`, by (|w|, index).
      const int64_t groups = (axis == 0 ? rows : cols) / m;
      const int64_t others = axis == 0 ? cols : rows;
      for (int64_t g = 0; g < groups; ++g)
        for (int64_t x = 0; x < others; ++x) {
          std::vector<float> group(m);
          std::vector<int64_t> at(m);
          for (int64_t k = 0; k < m; ++k) {
            at[k] = axis == 0 ? (g * m + k) * cols + x : x * cols + g * m + k;
            group[k] = w[at[k]];
          }
          std::vector<uint8_t> expected = sortedReference(group, n);
          for (int64_t k = 0; k < m; ++k)
            EXPECT_EQ(keep[at[k]], expected[k])
                << "m " << m << " axis " << axis;
        }
    }
  }
}

TEST(Sparsify, PackedMaskAndKeptValues) {
  std::mt19937 rng(5);
  // Sizes around the packing chunk (2^20 elements) and not multiples of 8.
  for (int64_t n :
       {int64_t(1), int64_t(13), int64_t(1 << 20) + 3, int64_t(3 << 20) - 5}) {
    std::vector<uint8_t> keep(n);
    std::vector<uint16_t> in(n);
    for (int64_t i = 0; i < n; ++i) {
      keep[i] = rng() % 3 != 0;
      in[i] = uint16_t(rng());
    }
    for (unsigned threads : {1u, 2u}) {
      KeptLayout layout = packKeepMask(keep, threads);
      ASSERT_EQ(int64_t(layout.mask.size()), (n + 7) / 8);
      std::vector<uint16_t> expected;
      for (int64_t i = 0; i < n; ++i) {
        const uint8_t bit = (uint8_t(layout.mask[i / 8]) >> (i % 8)) & 1;
        ASSERT_EQ(bit, keep[i]) << "n " << n << " element " << i;
        if (keep[i])
          expected.push_back(in[i]);
      }
      // Bits past the end are zero.
      if (n % 8)
        EXPECT_EQ(uint8_t(layout.mask.back()) >> (n % 8), 0);
      ASSERT_EQ(layout.numKept, int64_t(expected.size()));
      std::vector<uint16_t> out(layout.numKept);
      gatherKept(keep, layout, in, out.data(), threads);
      EXPECT_EQ(out, expected);
    }
  }
}

} // namespace
