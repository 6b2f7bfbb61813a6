//===- GptqTest.cpp - GPTQ error feedback ---------------------------------===//

#include "coreai/Compression/Gptq.h"

#include "gtest/gtest.h"

#include <cmath>
#include <dlfcn.h>
#include <random>
#include <vector>

using namespace mlir::coreai;

namespace {

/// A Gram matrix of `samples` correlated random inputs of `cols` columns.
std::vector<double> randomGram(int64_t cols, int64_t samples, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> normal;
  std::vector<double> mix(cols * cols), x(cols), h(cols * cols, 0.0);
  for (double &m : mix)
    m = normal(rng);
  for (int64_t s = 0; s < samples; ++s) {
    std::vector<double> z(cols);
    for (double &v : z)
      v = normal(rng);
    for (int64_t i = 0; i < cols; ++i) {
      x[i] = 0;
      for (int64_t j = 0; j <= i; ++j)
        x[i] += mix[i * cols + j] * z[j];
      x[i] *= 1.0 + i % 3; // uneven column scales
    }
    for (int64_t i = 0; i < cols; ++i)
      for (int64_t j = 0; j < cols; ++j)
        h[i * cols + j] += x[i] * x[j];
  }
  return h;
}

std::vector<float> randomWeight(int64_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> normal;
  std::vector<float> w(n);
  for (float &v : w)
    v = normal(rng);
  return w;
}

/// Rounds to a grid of step 0.25 in [-2, 2] (a 4-bit-like quantizer).
float roundToGrid(float v) {
  return std::clamp(std::nearbyint(v * 4.0f), -8.0f, 8.0f) / 4.0f;
}

/// GPTQ as the optimal-brain-surgeon recursion, without Cholesky or blocks:
/// quantize column q, move the rest by -err / Hinv[q][q] * Hinv[q][:], then
/// eliminate q from Hinv (Gaussian elimination), all in double.
std::vector<double> bruteForce(int64_t rows, int64_t cols,
                               const std::vector<float> &w,
                               const std::vector<double> &h, double damping,
                               const std::vector<int64_t> &order) {
  // Hinv by Gauss-Jordan.
  std::vector<double> a(h);
  double mean = 0;
  for (int64_t i = 0; i < cols; ++i)
    mean += h[i * cols + i];
  for (int64_t i = 0; i < cols; ++i)
    a[i * cols + i] += damping * mean / cols;
  std::vector<double> inv(cols * cols, 0.0);
  for (int64_t i = 0; i < cols; ++i)
    inv[i * cols + i] = 1;
  for (int64_t p = 0; p < cols; ++p) {
    double d = a[p * cols + p];
    for (int64_t j = 0; j < cols; ++j)
      a[p * cols + j] /= d, inv[p * cols + j] /= d;
    for (int64_t i = 0; i < cols; ++i)
      if (i != p) {
        double f = a[i * cols + p];
        for (int64_t j = 0; j < cols; ++j)
          a[i * cols + j] -= f * a[p * cols + j],
              inv[i * cols + j] -= f * inv[p * cols + j];
      }
  }
  std::vector<double> out(w.begin(), w.end());
  for (int64_t r = 0; r < rows; ++r) {
    std::vector<double> hi(inv);
    std::vector<bool> done(cols, false);
    double *x = &out[r * cols];
    for (int64_t q : order) {
      double quantized = roundToGrid(float(x[q]));
      double err = (x[q] - quantized) / hi[q * cols + q];
      for (int64_t j = 0; j < cols; ++j)
        if (!done[j])
          x[j] -= err * hi[q * cols + j];
      x[q] = quantized;
      done[q] = true;
      // Remove q from the inverse.
      double d = hi[q * cols + q];
      std::vector<double> row(hi.begin() + q * cols,
                              hi.begin() + (q + 1) * cols);
      for (int64_t i = 0; i < cols; ++i) {
        double f = hi[i * cols + q] / d;
        for (int64_t j = 0; j < cols; ++j)
          hi[i * cols + j] -= f * row[j];
      }
    }
  }
  return out;
}

std::vector<float> runGptq(int64_t rows, int64_t cols, std::vector<float> w,
                           const std::vector<double> &h,
                           const GptqOptions &options, unsigned threads = 1) {
  std::string error;
  EXPECT_TRUE(gptqQuantize(
      rows, cols, w.data(), h.data(), options,
      [](int64_t, int64_t r0, int64_t r1, float *v) {
        for (int64_t r = r0; r < r1; ++r)
          v[r - r0] = roundToGrid(v[r - r0]);
      },
      threads, error))
      << error;
  return w;
}

double outputError(int64_t rows, int64_t cols, const std::vector<float> &w,
                   const std::vector<float> &q, const std::vector<double> &h) {
  std::vector<float> d(w.size());
  for (size_t i = 0; i < w.size(); ++i)
    d[i] = w[i] - q[i];
  return getOutputError(rows, cols, d.data(), h.data());
}

TEST(Gptq, IdentityGramIsPlainRounding) {
  const int64_t rows = 37, cols = 50;
  std::vector<float> w = randomWeight(rows * cols, 1);
  std::vector<double> h(cols * cols, 0.0);
  for (int64_t i = 0; i < cols; ++i)
    h[i * cols + i] = 1;
  std::vector<float> q = runGptq(rows, cols, w, h, GptqOptions());
  for (size_t i = 0; i < w.size(); ++i)
    ASSERT_EQ(q[i], roundToGrid(w[i])) << i;
}

TEST(Gptq, MatchesTheBruteForceRecursion) {
  for (bool actOrder : {false, true})
    for (int64_t block : {1, 4, 128}) {
      const int64_t rows = 9, cols = 13;
      std::vector<float> w = randomWeight(rows * cols, 2);
      std::vector<double> h = randomGram(cols, 40, 3);
      GptqOptions options;
      options.actOrder = actOrder;
      options.blockColumns = block;
      std::vector<float> q = runGptq(rows, cols, w, h, options);
      std::vector<int64_t> order(cols);
      for (int64_t i = 0; i < cols; ++i)
        order[i] = i;
      if (actOrder)
        std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
          return h[a * cols + a] > h[b * cols + b];
        });
      std::vector<double> ref = bruteForce(rows, cols, w, h, 0.01, order);
      // Float updates against double ones may move a value across a
      // rounding boundary, and the row then goes its own way: at most one
      // row of nine may differ.
      int64_t rowsDiffering = 0;
      for (int64_t r = 0; r < rows; ++r) {
        bool same = true;
        for (int64_t c = 0; c < cols; ++c)
          same &= q[r * cols + c] == float(ref[r * cols + c]);
        rowsDiffering += !same;
      }
      EXPECT_LE(rowsDiffering, 1)
          << "actOrder " << actOrder << " block " << block;
    }
}

TEST(Gptq, LowersTheOutputError) {
  for (unsigned seed = 0; seed < 5; ++seed) {
    const int64_t rows = 64, cols = 96;
    std::vector<float> w = randomWeight(rows * cols, 10 + seed);
    std::vector<double> h = randomGram(cols, 200, 20 + seed);
    std::vector<float> plain(w);
    for (float &v : plain)
      v = roundToGrid(v);
    std::vector<float> q = runGptq(rows, cols, w, h, GptqOptions());
    double gptq = outputError(rows, cols, w, q, h);
    double rounding = outputError(rows, cols, w, plain, h);
    EXPECT_LT(gptq, 0.7 * rounding) << seed;
    // Every value is on the grid.
    for (float v : q)
      ASSERT_EQ(v, roundToGrid(v));
  }
}

TEST(Gptq, SameBytesForAnyThreadCount) {
  const int64_t rows = 200, cols = 160;
  std::vector<float> w = randomWeight(rows * cols, 5);
  std::vector<double> h = randomGram(cols, 300, 6);
  GptqOptions options;
  options.blockColumns = 32;
  EXPECT_EQ(runGptq(rows, cols, w, h, options, 1),
            runGptq(rows, cols, w, h, options, 2));
}

TEST(Gptq, LeavesOpenBlasThreadsAsTheyWere) {
  // The sweep calls OpenBLAS from its own threads with OpenBLAS's pool set
  // to one thread, and gives the pool its size back afterwards (the process
  // may use OpenBLAS for other things: numpy in Python).
  using Get = int (*)();
  using Set = void (*)(int);
  auto get =
      reinterpret_cast<Get>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
  auto set =
      reinterpret_cast<Set>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
  ASSERT_TRUE(get && set);
  const int before = get();
  set(3);
  const int64_t rows = 300, cols = 64;
  runGptq(rows, cols, randomWeight(rows * cols, 7), randomGram(cols, 100, 8),
          GptqOptions(), 2);
  EXPECT_EQ(get(), 3);
  set(before);
}

TEST(Gptq, DeadColumnsAndBadStatistics) {
  const int64_t rows = 4, cols = 6;
  std::vector<float> w = randomWeight(rows * cols, 7);
  std::vector<double> h = randomGram(cols, 30, 8);
  // Input 2 was always zero: its row and column of H are zero.
  for (int64_t i = 0; i < cols; ++i)
    h[2 * cols + i] = h[i * cols + 2] = 0;
  std::vector<float> q = runGptq(rows, cols, w, h, GptqOptions());
  for (float v : q)
    ASSERT_EQ(v, roundToGrid(v));
  h[0] = NAN;
  std::string error;
  EXPECT_FALSE(gptqQuantize(
      rows, cols, w.data(), h.data(), GptqOptions(),
      [](int64_t, int64_t, int64_t, float *) {}, 1, error));
  EXPECT_EQ(error, "the activation statistics hold Inf or NaN");
}

TEST(Gptq, TensorLayoutAndGroups) {
  // A [K=6, N=4] matmul weight (output axis 1): columns run along axis 0.
  const int64_t k = 6, n = 4;
  std::vector<float> w = randomWeight(k * n, 9);
  std::vector<double> h = randomGram(k, 30, 10);
  std::vector<float> viaTensor(w);
  std::string error;
  auto quantize = [](const GptqElement &, float v) { return roundToGrid(v); };
  ASSERT_TRUE(gptqQuantizeTensor({k, n}, 1, 1, h.data(), viaTensor.data(),
                                 GptqOptions(), quantize, 1, error));
  std::vector<float> transposed(n * k);
  for (int64_t i = 0; i < k; ++i)
    for (int64_t j = 0; j < n; ++j)
      transposed[j * k + i] = w[i * n + j];
  std::vector<float> q = runGptq(n, k, transposed, h, GptqOptions());
  for (int64_t i = 0; i < k; ++i)
    for (int64_t j = 0; j < n; ++j)
      ASSERT_EQ(viaTensor[i * n + j], q[j * k + i]);
  // Two groups of a [4, 3, 1, 1] conv weight: rows 0-1 see H0, rows 2-3 H1.
  std::vector<float> conv = randomWeight(4 * 3, 11);
  std::vector<double> h0 = randomGram(3, 20, 12), h1 = randomGram(3, 20, 13);
  std::vector<double> both(h0);
  both.insert(both.end(), h1.begin(), h1.end());
  std::vector<float> grouped(conv);
  ASSERT_TRUE(gptqQuantizeTensor({4, 3, 1, 1}, 0, 2, both.data(),
                                 grouped.data(), GptqOptions(), quantize, 1,
                                 error));
  std::vector<float> first(conv.begin(), conv.begin() + 6),
      second(conv.begin() + 6, conv.end());
  first = runGptq(2, 3, first, h0, GptqOptions());
  second = runGptq(2, 3, second, h1, GptqOptions());
  first.insert(first.end(), second.begin(), second.end());
  EXPECT_EQ(grouped, first);
  EXPECT_FALSE(gptqQuantizeTensor({4, 3, 1, 1}, 0, 3, both.data(),
                                  grouped.data(), GptqOptions(), quantize, 1,
                                  error));
}

TEST(Gptq, OutputAxisInTheMiddle) {
  // A [2, 4, 3] weight with output axis 1: neither rows nor columns are
  // contiguous (the copying path). Column c is (axis 0, axis 2) = (c / 3,
  // c % 3); the quantizer hears each element's index, row and column.
  const int64_t rows = 4, cols = 6;
  std::vector<float> w = randomWeight(2 * rows * 3, 21);
  std::vector<double> h = randomGram(cols, 40, 22);
  auto indexOf = [&](int64_t r, int64_t c) {
    return ((c / 3) * rows + r) * 3 + c % 3;
  };
  std::vector<float> tensor(w);
  std::vector<int> seen(w.size(), 0);
  bool consistent = true;
  auto quantize = [&](const GptqElement &e, float v) {
    consistent &= e.index == indexOf(e.row, e.column);
    ++seen[e.index];
    return roundToGrid(v);
  };
  std::string error;
  ASSERT_TRUE(gptqQuantizeTensor({2, rows, 3}, 1, 1, h.data(), tensor.data(),
                                 GptqOptions(), quantize, 2, error));
  EXPECT_TRUE(consistent);
  EXPECT_EQ(seen, std::vector<int>(w.size(), 1));
  std::vector<float> matrix(rows * cols);
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c)
      matrix[r * cols + c] = w[indexOf(r, c)];
  std::vector<float> q = runGptq(rows, cols, matrix, h, GptqOptions());
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c)
      ASSERT_EQ(tensor[indexOf(r, c)], q[r * cols + c]) << r << " " << c;
}

} // namespace

namespace {

TEST(Gptq, ElementInputWeights) {
  // A [K=3, N=2] matmul weight (output axis 1), full H over 2 samples: the
  // element (k, n) weighs H[k][k] / 2.
  InputStatistics stats;
  stats.columns = 3;
  stats.samples = 2;
  stats.gram = {4, 1, 0, 1, 8, 0, 0, 0, 2};
  UninitVector<double> weights;
  ASSERT_TRUE(getElementInputWeights({3, 2}, 1, stats, weights));
  EXPECT_EQ(std::vector<double>(weights.begin(), weights.end()),
            (std::vector<double>{2, 2, 4, 4, 1, 1}));
  // Its output energies d_r H d_r^T, with D the [2, 3] transpose: row 0 is
  // (1, 0, 2), row 1 (0, 1, 0).
  std::vector<double> d2 = {1, 0, 0, 1, 2, 0}, energies;
  ASSERT_TRUE(getRowOutputEnergies({3, 2}, 1, stats, d2, energies));
  EXPECT_EQ(energies, (std::vector<double>{4 + 4 * 2, 8}));
  // A [4, 3, 1, 1] conv weight in two groups, diagonal only: row r reads
  // the diagonal of group r / 2.
  stats.groups = 2;
  stats.full = false;
  stats.samples = 1;
  stats.gram = {1, 2, 3, 10, 20, 30};
  ASSERT_TRUE(getElementInputWeights({4, 3, 1, 1}, 0, stats, weights, 2));
  EXPECT_EQ(std::vector<double>(weights.begin(), weights.end()),
            (std::vector<double>{1, 2, 3, 1, 2, 3, 10, 20, 30, 10, 20, 30}));
  // The output energies of a [4, 3, 1, 1] conv tensor in these two groups
  // (diagonal only): per row, its group's sum_c h_c d_rc^2.
  std::vector<double> d = {1, 0, 1, 0, 2, 0, 1, 1, 1, 0, 0, 3};
  ASSERT_TRUE(getRowOutputEnergies({4, 3, 1, 1}, 0, stats, d, energies));
  EXPECT_EQ(energies,
            (std::vector<double>{1 + 3, 2 * 4, 10 + 20 + 30, 30 * 9}));
  // The output SQNR's parts: reference d, actual 0 -- each channel's noise
  // is its signal.
  std::vector<ErrorStats> channels;
  ASSERT_TRUE(compareOutputChannels({4, 3, 1, 1}, 0, stats, d,
                                    std::vector<double>(12, 0.0), channels));
  ASSERT_EQ(channels.size(), 4u);
  for (size_t r = 0; r < 4; ++r) {
    EXPECT_EQ(channels[r].signal, energies[r]);
    EXPECT_EQ(channels[r].noise, energies[r]);
  }
  // Statistics of another shape, or groups that do not divide the rows.
  EXPECT_FALSE(getElementInputWeights({4, 2, 1, 1}, 0, stats, weights));
  stats.groups = 3;
  EXPECT_FALSE(getElementInputWeights({4, 3, 1, 1}, 0, stats, weights));
}

} // namespace
