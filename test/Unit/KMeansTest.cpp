//===- KMeansTest.cpp - Exact 1-D and vector k-means ----------------------===//

#include "coreai/Compression/KMeans.h"
#include "coreai/Compression/Palettize.h"

#include "BruteForceKMeans.h"

#include "gtest/gtest.h"

#include <cmath>
#include <functional>
#include <limits>
#include <random>

using namespace mlir::coreai;
using coreai_test::bruteForce;
using coreai_test::partitionSSE;

namespace {

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

TEST(KMeans, FitSampleSeesEveryPartOfTheWeight) {
  // Points laid out like a weight's columns: every 16th point comes from
  // blob A, the rest from blobs B and C. A fit on 64 of 1024 points taken
  // with a stride of 16 would see blob A only; the uniform sample sees all
  // three, and every point lands with its blob.
  std::mt19937 rng(5);
  std::normal_distribution<float> d(0, 0.01f);
  const float centers[3][2] = {{5, 5}, {-5, 0}, {0, -5}};
  std::vector<float> points;
  std::vector<int> blob;
  for (int i = 0; i < 1024; ++i) {
    blob.push_back(i % 16 == 0 ? 0 : 1 + (i / 16) % 2);
    for (int t = 0; t < 2; ++t)
      points.push_back(centers[blob.back()][t] + d(rng));
  }
  std::vector<double> c;
  std::vector<uint32_t> labels;
  vectorKMeans(points, 2, 3, 1, c, labels, 2, /*maxFitPoints=*/64);
  std::vector<double> c1;
  std::vector<uint32_t> labels1;
  vectorKMeans(points, 2, 3, 1, c1, labels1, 1, /*maxFitPoints=*/64);
  EXPECT_EQ(c, c1);
  EXPECT_EQ(labels, labels1);
  for (int i = 0; i < 1024; ++i)
    for (int j = 0; j < i; j += 7)
      EXPECT_EQ(labels[i] == labels[j], blob[i] == blob[j]) << i << " " << j;
}

} // namespace

namespace {

TEST(KMeans, WeightedLutRefitIsTheWeightedOptimum) {
  // A [3, 8] weight, one LUT per row (output axis 0), random input weights
  // with some zeros: after the refit, each row's weighted error with its
  // values on their nearest entries is the brute-force weighted optimum.
  std::mt19937 rng(17);
  std::normal_distribution<float> normal;
  std::uniform_real_distribution<double> uniform(0.0, 4.0);
  const int64_t rows = 3, cols = 8;
  for (unsigned bits : {1u, 2u}) {
    std::vector<float> w(rows * cols);
    std::vector<double> h(rows * cols);
    for (int64_t i = 0; i < rows * cols; ++i) {
      w[i] = normal(rng);
      h[i] = i % 5 == 0 ? 0.0 : uniform(rng);
    }
    PalettizeScheme scheme;
    scheme.nbits = bits;
    scheme.groupSize = 1;
    scheme.fastMode = false;
    PalettizedWeight p;
    palettizeWeight(scheme, {rows, cols}, 0, w, p);
    refitLutsWeighted(scheme, {rows, cols}, 0, w, h, p);
    const int64_t k = int64_t(1) << bits;
    for (int64_t r = 0; r < rows; ++r) {
      std::vector<std::pair<double, double>> points;
      double error = 0;
      for (int64_t c = 0; c < cols; ++c) {
        const double v = w[r * cols + c], weight = h[r * cols + c];
        double nearest = INFINITY;
        for (int64_t e = 0; e < k; ++e)
          nearest = std::min(nearest, std::fabs(p.lut[r * k + e] - v));
        error += weight * nearest * nearest;
        if (weight > 0)
          points.emplace_back(v, weight);
      }
      std::sort(points.begin(), points.end());
      std::vector<double> values, weights;
      for (auto [v, weight] : points)
        values.push_back(v), weights.push_back(weight);
      EXPECT_NEAR(error, bruteForce(values, weights, k), 1e-9)
          << "bits " << bits << " row " << r;
    }
  }
  // A group whose weights are all zero keeps its LUT.
  PalettizeScheme scheme;
  scheme.nbits = 1;
  PalettizedWeight p;
  std::vector<float> w = {1, 2, 3, 4};
  palettizeWeight(scheme, {2, 2}, 0, w, p);
  std::vector<double> before = p.lut;
  refitLutsWeighted(scheme, {2, 2}, 0, w, std::vector<double>(4, 0.0), p);
  EXPECT_EQ(p.lut, before);
}

} // namespace
