//===- ScaleSearchTest.cpp - Least-squares integer scales -----------------===//
//
// The search against a brute-force reference: every f16 scale of a wide
// range (and, for asymmetric blocks, every zero point) is tried on each
// block, and the search must come within 0.02 dB of the best of them over a
// set of heavy-tailed blocks, while never doing worse than min-max on any
// block.
//
//===----------------------------------------------------------------------===//

#include "coreai/Compression/FloatFormats.h"
#include "coreai/Compression/Quantize.h"

#include "gtest/gtest.h"

#include <cmath>
#include <random>

using namespace mlir::coreai;

namespace {

std::vector<std::vector<float>> heavyTailedBlocks(int count, int length,
                                                  unsigned seed) {
  std::mt19937 rng(seed);
  std::student_t_distribution<float> dist(4.0f);
  std::vector<std::vector<float>> blocks(count, std::vector<float>(length));
  for (auto &block : blocks)
    for (float &v : block)
      v = decodeF16(encodeF16(0.02f * dist(rng)));
  return blocks;
}

double energy(const std::vector<float> &x) {
  double e = 0;
  for (float v : x)
    e += double(v) * v;
  return e;
}

double dB(double signal, double noise) {
  return 10.0 * std::log10(signal / noise);
}

/// The smallest error of any f16 scale in [amax / 64, 4 amax] (both signs
/// when `bothSigns`) and, unless symmetric, any zero point.
double bruteForceError(const QuantScheme &scheme, const IntRange &range,
                       const std::vector<float> &x, bool bothSigns) {
  float lo = *std::min_element(x.begin(), x.end());
  float hi = *std::max_element(x.begin(), x.end());
  double amax = std::max(std::fabs(lo), std::fabs(hi));
  double best = INFINITY;
  for (uint32_t h = 1; h < 0x7c00; ++h) {
    double s = decodeF16(static_cast<uint16_t>(h));
    if (s < amax / 64 || s > 4 * amax)
      continue;
    for (double sign : {1.0, -1.0}) {
      if (sign < 0 && !bothSigns)
        continue;
      if (scheme.symmetric) {
        best = std::min(best,
                        integerBlockError(range, x.data(), x.size(), sign * s,
                                          range.symmetricZeroPoint));
        continue;
      }
      for (int64_t zp = range.qmin; zp <= range.qmax; ++zp)
        best = std::min(best, integerBlockError(range, x.data(), x.size(),
                                                sign * s, double(zp)));
    }
  }
  return best;
}

struct Case {
  unsigned bits;
  bool isSigned, symmetric, fullRange;
  int length;
  double lowestRatio;
};

TEST(ScaleSearch, WithinAHundredthOfADecibelOfBruteForce) {
  for (Case c : {Case{4, true, true, false, 32, 0.65},
                 Case{4, true, true, true, 32, 0.65},
                 Case{4, true, false, false, 32, 0.65},
                 Case{2, true, false, false, 32, 0.65},
                 Case{4, true, true, false, 288, 0.65},
                 Case{4, false, true, false, 256, 0.30}}) {
    SCOPED_TRACE(testing::Message() << c.bits << " bits signed " << c.isSigned
                                    << " symmetric " << c.symmetric << " full "
                                    << c.fullRange << " length " << c.length);
    QuantScheme scheme{QuantFormat::integer(c.bits, c.isSigned),
                       c.symmetric,
                       ScaleStorage::F16,
                       ScaleSearch::MSE,
                       c.lowestRatio,
                       c.fullRange};
    IntRange range = getIntRange(scheme.format, c.symmetric, c.fullRange);
    double signal = 0, searched = 0, minmax = 0, best = 0;
    for (const auto &x : heavyTailedBlocks(c.length == 32 ? 48 : 12, c.length,
                                           c.bits * 7 + c.length)) {
      float lo = *std::min_element(x.begin(), x.end());
      float hi = *std::max_element(x.begin(), x.end());
      double scale, zero, mmScale, mmZero;
      searchIntegerParam(scheme, range, x.data(), x.size(), lo, hi, scale,
                         zero);
      computeMinMaxParam(scheme, range, lo, hi, mmScale, mmZero);
      double e = integerBlockError(range, x.data(), x.size(), scale, zero);
      double m = integerBlockError(range, x.data(), x.size(), mmScale, mmZero);
      ASSERT_TRUE(std::isfinite(scale));
      ASSERT_EQ(scale, double(decodeF16(encodeF16(scale))))
          << "the scale is stored in f16";
      ASSERT_LE(e, m) << "never worse than min-max";
      signal += energy(x);
      searched += e;
      minmax += m;
      best += bruteForceError(scheme, range, x, c.fullRange);
    }
    std::printf("%u-bit %s%s, blocks of %d: min-max %.2f dB, search %.2f dB, "
                "brute force %.2f dB\n",
                c.bits, c.symmetric ? "sym" : "asym",
                c.fullRange ? " full" : "", c.length, dB(signal, minmax),
                dB(signal, searched), dB(signal, best));
    EXPECT_GE(dB(signal, searched), dB(signal, best) - 0.02);
    EXPECT_GT(dB(signal, searched), dB(signal, minmax) + 0.1);
  }
}

// The row search (symmetric: sixteen blocks at a time with AVX-512, eight
// with AVX2 and FMA; asymmetric: eight) chooses exactly what the
// block-by-block search chooses, on blocks of every kind: heavy-tailed, tiny
// (subnormal f16 scales), all zero, constant, one-signed.
TEST(ScaleSearch, RowSearchMatchesBlockSearch) {
  std::mt19937 rng(5);
  std::student_t_distribution<float> dist(3.0f);
  for (int64_t segLen : {8, 32, 288})
    for (int kind : {0, 1, 2, 3}) // sym, sym full, asym signed, asym unsigned
      for (double lowest : {0.65, 0.30})
        for (unsigned bits : {2u, 4u, 8u}) {
          const bool symmetric = kind < 2, full = kind == 1;
          const bool isSigned = kind != 3;
          // Sixteen blocks (AVX-512 where present), then eight (AVX2), then a
          // remainder the portable code takes.
          const int64_t segs = 27;
          std::vector<float> row(segs * segLen);
          for (int64_t i = 0; i < segs * segLen; ++i) {
            int64_t j = i / segLen;
            float scale = j % 5 == 1 ? 1e-6f : j % 7 == 2 ? 300.0f : 0.02f;
            row[i] = j == 3   ? 0.0f
                     : j == 4 ? 0.5f
                     : j == 6 ? std::fabs(scale * dist(rng))
                              : scale * dist(rng);
            row[i] = decodeF16(encodeF16(row[i]));
          }
          QuantScheme scheme{QuantFormat::integer(bits, isSigned),
                             symmetric,
                             ScaleStorage::F16,
                             ScaleSearch::MSE,
                             lowest,
                             full};
          IntRange range = getIntRange(scheme.format, symmetric, full);
          std::vector<float> lo(segs), hi(segs);
          for (int64_t j = 0; j < segs; ++j) {
            lo[j] = *std::min_element(row.begin() + j * segLen,
                                      row.begin() + (j + 1) * segLen);
            hi[j] = *std::max_element(row.begin() + j * segLen,
                                      row.begin() + (j + 1) * segLen);
          }
          std::vector<double> rowScales(segs), rowZeros(segs);
          for (int64_t j = 0; j < segs; ++j)
            computeMinMaxParam(scheme, range, lo[j], hi[j], rowScales[j],
                               rowZeros[j]);
          searchIntegerRow(scheme, range, row.data(), segs, segLen, lo.data(),
                           hi.data(), rowScales.data(), rowZeros.data());
          for (int64_t j = 0; j < segs; ++j) {
            double scale, zero;
            searchIntegerParam(scheme, range, row.data() + j * segLen, segLen,
                               lo[j], hi[j], scale, zero);
            ASSERT_EQ(rowScales[j], scale)
                << "block " << j << " of " << segLen << ", " << bits
                << " bits, kind " << kind << ", lowest " << lowest;
            ASSERT_EQ(rowZeros[j], zero)
                << "block " << j << " of " << segLen << ", " << bits
                << " bits, kind " << kind << ", lowest " << lowest;
          }
        }
}

TEST(ScaleSearch, ZeroAndConstantBlocks) {
  QuantScheme scheme{QuantFormat::integer(4, true), true, ScaleStorage::F16,
                     ScaleSearch::MSE};
  IntRange range = getIntRange(scheme.format, true);
  std::vector<float> zeros(32, 0.0f), same(32, 0.25f);
  double scale, zero;
  searchIntegerParam(scheme, range, zeros.data(), 32, 0.0f, 0.0f, scale, zero);
  EXPECT_GT(scale, 0.0);
  EXPECT_EQ(integerBlockError(range, zeros.data(), 32, scale, zero), 0.0);
  searchIntegerParam(scheme, range, same.data(), 32, 0.25f, 0.25f, scale, zero);
  EXPECT_TRUE(std::isfinite(scale));
  EXPECT_LT(integerBlockError(range, same.data(), 32, scale, zero), 1e-6);
}

} // namespace

namespace {

double weightedError(const IntRange &range, const std::vector<float> &x,
                     const std::vector<double> &h, double scale,
                     double zeroPoint) {
  double error = 0;
  for (size_t k = 0; k < x.size(); ++k)
    error += h[k] * integerBlockError(range, &x[k], 1, scale, zeroPoint);
  return error;
}

TEST(ScaleSearch, WeightedSearchFollowsTheInputWeights) {
  // Uneven weights (a few inputs a hundred times louder): the weighted
  // search never loses to its starting point and, summed over the blocks,
  // beats the unweighted search on the weighted error by a margin, while the
  // loud elements' own error drops.
  for (bool symmetric : {true, false}) {
    QuantScheme scheme{QuantFormat::integer(4, symmetric), symmetric,
                       ScaleStorage::F16, ScaleSearch::MSE, 0.30};
    const IntRange range = getIntRange(scheme.format, symmetric);
    std::mt19937 rng(5);
    std::uniform_int_distribution<int> pick(0, 63);
    double plainTotal = 0, weightedTotal = 0, plainLoud = 0, weightedLoud = 0;
    for (const auto &x : heavyTailedBlocks(200, 64, symmetric ? 21 : 22)) {
      std::vector<double> h(x.size(), 1.0);
      for (int i = 0; i < 4; ++i)
        h[pick(rng)] = 100.0;
      float lo = *std::min_element(x.begin(), x.end());
      float hi = *std::max_element(x.begin(), x.end());
      double scale, zeroPoint;
      searchIntegerParam(scheme, range, x.data(), x.size(), lo, hi, scale,
                         zeroPoint);
      double s = scale, z = zeroPoint;
      searchWeightedIntegerParam(scheme, range, x.data(), h.data(), x.size(), s,
                                 z);
      const double before = weightedError(range, x, h, scale, zeroPoint);
      const double after = weightedError(range, x, h, s, z);
      ASSERT_LE(after, before);
      if (symmetric)
        ASSERT_EQ(z, zeroPoint);
      plainTotal += before;
      weightedTotal += after;
      std::vector<double> loud(h.size());
      for (size_t k = 0; k < h.size(); ++k)
        loud[k] = h[k] > 1 ? 1.0 : 0.0;
      plainLoud += weightedError(range, x, loud, scale, zeroPoint);
      weightedLoud += weightedError(range, x, loud, s, z);
    }
    EXPECT_LT(weightedTotal, 0.9 * plainTotal) << symmetric;
    EXPECT_LT(weightedLoud, 0.8 * plainLoud) << symmetric;
  }
}

TEST(ScaleSearch, WeightedSearchKeepsWhatItCannotImprove) {
  QuantScheme scheme{QuantFormat::integer(4, true), true, ScaleStorage::F16,
                     ScaleSearch::MSE, 0.30};
  const IntRange range = getIntRange(scheme.format, true);
  std::vector<float> x = heavyTailedBlocks(1, 32, 3)[0];
  // Weights all zero, an all-zero block, a float format: unchanged.
  std::vector<double> zero(x.size(), 0.0), one(x.size(), 1.0);
  double s = 0.125, z = 0;
  searchWeightedIntegerParam(scheme, range, x.data(), zero.data(), x.size(), s,
                             z);
  EXPECT_EQ(s, 0.125);
  std::vector<float> zeros(x.size(), 0.0f);
  searchWeightedIntegerParam(scheme, range, zeros.data(), one.data(),
                             zeros.size(), s, z);
  EXPECT_EQ(s, 0.125);
  QuantScheme fp8{QuantFormat::floating(SmallFloat::F8E4M3FN), true,
                  ScaleStorage::F16, ScaleSearch::MSE, 0.30};
  searchWeightedIntegerParam(fp8, range, x.data(), one.data(), x.size(), s, z);
  EXPECT_EQ(s, 0.125);
}

TEST(ScaleSearch, EightInterleavedBlocksChooseAsOneAtATime) {
  // searchWeightedIntegerParams with eight lanes runs the vector kernel where
  // the CPU has AVX2: its choices must be the portable search's, bit for
  // bit, for every format, symmetric or not, f16 or f32 scales, with blocks
  // that keep their parameters (zero values, zero weights, an unusable
  // starting scale) among the lanes.
  struct Case {
    unsigned bits;
    bool symmetric;
    ScaleStorage storage;
    double lowest;
  };
  const Case cases[] = {{4, true, ScaleStorage::F16, 0.30},
                        {4, false, ScaleStorage::F16, 0.65},
                        {2, true, ScaleStorage::F32, 0.30},
                        {8, false, ScaleStorage::F32, 0.30},
                        {8, true, ScaleStorage::F16, 0.65}};
  std::mt19937 rng(9);
  std::uniform_real_distribution<double> loudness(0.0, 4.0);
  int changed = 0;
  for (const Case &c : cases) {
    QuantScheme scheme{QuantFormat::integer(c.bits, c.symmetric), c.symmetric,
                       c.storage, ScaleSearch::MSE, c.lowest};
    const IntRange range = getIntRange(scheme.format, c.symmetric);
    for (int64_t n : {1, 7, 64}) {
      auto blocks = heavyTailedBlocks(8, n, unsigned(c.bits * 100 + n));
      std::vector<std::vector<double>> weights(8, std::vector<double>(n));
      for (auto &h : weights)
        for (double &v : h)
          v = std::exp(loudness(rng)) - 1.0;
      std::fill(blocks[2].begin(), blocks[2].end(), 0.0f);
      std::fill(weights[5].begin(), weights[5].end(), 0.0);
      std::vector<float> x(8 * n);
      std::vector<double> h(8 * n);
      double scales[8], zeros[8], expectScale[8], expectZero[8];
      for (int b = 0; b < 8; ++b) {
        float lo = *std::min_element(blocks[b].begin(), blocks[b].end());
        float hi = *std::max_element(blocks[b].begin(), blocks[b].end());
        computeMinMaxParam(scheme, range, lo, hi, scales[b], zeros[b]);
        if (b == 6)
          scales[b] = 0.0; // not usable: the portable comparison decides
        for (int64_t k = 0; k < n; ++k) {
          x[k * 8 + b] = blocks[b][k];
          h[k * 8 + b] = weights[b][k];
        }
        expectScale[b] = scales[b];
        expectZero[b] = zeros[b];
        searchWeightedIntegerParam(scheme, range, blocks[b].data(),
                                   weights[b].data(), n, expectScale[b],
                                   expectZero[b]);
      }
      const double before = scales[0];
      searchWeightedIntegerParams(scheme, range, x.data(), h.data(), n, 8,
                                  scales, zeros);
      changed += scales[0] != before;
      for (int b = 0; b < 8; ++b) {
        EXPECT_EQ(scales[b], expectScale[b]) << c.bits << " " << n << " " << b;
        EXPECT_EQ(zeros[b], expectZero[b]) << c.bits << " " << n << " " << b;
      }
    }
  }
  // The searches did choose: not every lane kept its min-max parameters.
  EXPECT_GT(changed, 5);
}

} // namespace
