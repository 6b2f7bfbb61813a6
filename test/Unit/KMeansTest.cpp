//===- KMeansTest.cpp - Exact 1-D and vector k-means ----------------------===//

#include "coreai/Compression/KMeans.h"

#include "gtest/gtest.h"

#include <cmath>
#include <functional>
#include <limits>
#include <random>

using namespace mlir::coreai;

namespace {

double partitionSSE(const std::vector<double> &v, const std::vector<double> &w,
                    const std::vector<int64_t> &starts) {
  double sse = 0;
  for (size_t c = 0; c < starts.size(); ++c) {
    int64_t b = starts[c], e = c + 1 < starts.size() ? starts[c + 1] : v.size();
    double n = 0, s = 0;
    for (int64_t i = b; i < e; ++i)
      n += w[i], s += w[i] * v[i];
    double mean = s / n;
    for (int64_t i = b; i < e; ++i)
      sse += w[i] * (v[i] - mean) * (v[i] - mean);
  }
  return sse;
}

/// The best SSE over every way to cut n sorted values into k ranges (and
/// over every assignment: 1-D optima are contiguous, so this is the optimum).
double bruteForce(const std::vector<double> &v, const std::vector<double> &w,
                  unsigned k) {
  double best = std::numeric_limits<double>::infinity();
  std::vector<int64_t> starts{0};
  std::function<void(int64_t)> rec = [&](int64_t from) {
    if (starts.size() == std::min<size_t>(k, v.size())) {
      best = std::min(best, partitionSSE(v, w, starts));
      return;
    }
    for (int64_t s = from; s < int64_t(v.size()); ++s) {
      starts.push_back(s);
      rec(s + 1);
      starts.pop_back();
    }
  };
  rec(1);
  return best;
}

TEST(KMeans, Optimal1DEqualsBruteForce) {
  std::mt19937 rng(1);
  std::student_t_distribution<double> t(3.0);
  for (int trial = 0; trial < 200; ++trial) {
    int n = 1 + trial % 12;
    std::vector<double> v(n), w(n);
    for (int i = 0; i < n; ++i)
      v[i] = t(rng), w[i] = 1 + rng() % 5;
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    w.resize(v.size());
    for (unsigned k : {1u, 2u, 3u, 4u, 8u}) {
      std::vector<int64_t> starts = optimalKMeans1D(v, w, k);
      ASSERT_EQ(starts.size(), std::min<size_t>(k, v.size()));
      ASSERT_NEAR(partitionSSE(v, w, starts), bruteForce(v, w, k), 1e-9)
          << "trial " << trial << " k " << k;
    }
  }
}

TEST(KMeans, Optimal1DThreadsAndLargeInputs) {
  std::mt19937 rng(2);
  std::normal_distribution<double> d(0, 1);
  std::vector<double> v(100000), w(100000, 1.0);
  for (double &x : v)
    x = d(rng);
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  w.resize(v.size());
  EXPECT_EQ(optimalKMeans1D(v, w, 16, 1), optimalKMeans1D(v, w, 16, 2));
}

TEST(KMeans, VectorKMeansFindsSeparatedClusters) {
  // Four well separated 2-D blobs: every point lands with its blob.
  std::mt19937 rng(3);
  std::normal_distribution<float> d(0, 0.01f);
  const float centers[4][2] = {{1, 1}, {-1, 1}, {1, -1}, {-1, -1}};
  std::vector<float> points;
  for (int i = 0; i < 4000; ++i)
    for (int t = 0; t < 2; ++t)
      points.push_back(centers[i % 4][t] + d(rng));
  std::vector<double> c1, c2;
  std::vector<uint32_t> l1, l2;
  vectorKMeans(points, 2, 4, 7, c1, l1, 1);
  vectorKMeans(points, 2, 4, 7, c2, l2, 2);
  EXPECT_EQ(c1, c2);
  EXPECT_EQ(l1, l2);
  for (int i = 4; i < 4000; ++i)
    EXPECT_EQ(l1[i], l1[i % 4]);
  for (int c = 0; c < 4; ++c)
    EXPECT_NEAR(std::abs(c1[2 * c]) + std::abs(c1[2 * c + 1]), 2.0, 0.01);
}

} // namespace
