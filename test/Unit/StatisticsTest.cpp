//===- StatisticsTest.cpp - Exact accumulation of activation statistics ---===//

#include "coreai/Statistics/ActivationStatistics.h"

#include "gtest/gtest.h"

#include <cmath>
#include <cstring>
#include <random>

using namespace mlir::coreai;

namespace {

__int128 reference(double v) {
  return static_cast<__int128>(std::nearbyint(std::ldexp(v, 64)));
}

TEST(StatisticsTest, FixedPointRoundsLikeNearbyint) {
  // Exact powers, ties at every scale (half of a unit of 2^-64 and odd
  // multiples of it), the smallest normal and subnormal numbers, the limit.
  std::vector<double> values = {0.0,
                                -0.0,
                                1.0,
                                -1.0,
                                std::ldexp(1.0, -64),
                                std::ldexp(1.0, -65),
                                std::ldexp(3.0, -65),
                                std::ldexp(5.0, -65),
                                -std::ldexp(3.0, -65),
                                std::ldexp(1.0, -66) * 3,
                                std::ldexp(1.0, -1022),
                                std::ldexp(1.0, -1074),
                                std::nextafter(std::ldexp(1.0, 62), 0.0),
                                -std::nextafter(std::ldexp(1.0, 62), 0.0),
                                std::ldexp(1.0, -11) + std::ldexp(1.0, -64),
                                1.0 / 3.0};
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int> exponent(-120, 61);
  std::normal_distribution<double> normal;
  for (int i = 0; i < 200000; ++i)
    values.push_back(std::ldexp(normal(rng), exponent(rng)));
  // Random bit patterns of magnitude below 2^62, ties included by chance.
  for (int i = 0; i < 200000; ++i) {
    uint64_t bits = rng();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    if (std::isfinite(v) && std::fabs(v) < std::ldexp(1.0, 62))
      values.push_back(v);
  }
  for (double v : values)
    ASSERT_TRUE(toFixedPoint(v) == reference(v)) << v;
}

} // namespace
