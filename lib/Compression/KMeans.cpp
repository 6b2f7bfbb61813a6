//===- KMeans.cpp - Exact 1-D and vector k-means --------------------------===//

#include "coreai/Compression/KMeans.h"
#include "coreai/Compression/Parallel.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace mlir::coreai;
using llvm::ArrayRef;

namespace {

/// Prefix sums of centered values: the cost of a range is exact up to
/// rounding, without the cancellation of raw second moments.
struct RangeCost {
  /// Prefix sums side by side with the previous layer's D[j-1][m]: one
  /// 32-byte load serves a candidate.
  struct Prefix {
    double w, s1, s2, prev;
  };
  std::vector<Prefix> p;

  RangeCost(ArrayRef<double> values, ArrayRef<double> counts) {
    const size_t n = values.size();
    double total = 0, sum = 0;
    for (size_t i = 0; i < n; ++i) {
      total += counts[i];
      sum += counts[i] * values[i];
    }
    const double mean = total > 0 ? sum / total : 0;
    p.assign(n + 1, Prefix{0, 0, 0, 0});
    for (size_t i = 0; i < n; ++i) {
      double c = values[i] - mean;
      p[i + 1].w = p[i].w + counts[i];
      p[i + 1].s1 = p[i].s1 + counts[i] * c;
      p[i + 1].s2 = p[i].s2 + counts[i] * c * c;
    }
  }

  /// Squared error of values [a, b) around their mean (a < b).
  double operator()(int64_t a, int64_t b) const {
    const Prefix &x = p[a], &y = p[b];
    double n = y.w - x.w, s = y.s1 - x.s1;
    return std::max(0.0, (y.s2 - x.s2) - s * s / n);
  }
};

struct Layer {
  const RangeCost &cost;
  const std::vector<double> &prev;   // D[j-1][m]
  std::vector<double> &cur;          // D[j][i]
  std::vector<int32_t> &arg;         // argmin m of D[j][i]
  const std::vector<int32_t> &below; // argmin of D[j-1][i]: a lower bound
  int64_t first;                     // smallest m allowed (j - 1)
  unsigned threads;

  /// Fills cur[i] for i in [lo, hi] knowing optLo <= argmin <= optHi.
  void solve(int64_t lo, int64_t hi, int64_t optLo, int64_t optHi) const {
    if (lo > hi)
      return;
    const int64_t mid = lo + (hi - lo) / 2;
    double best = std::numeric_limits<double>::infinity();
    // With one more cluster the last one starts no earlier (Monge costs).
    const int64_t begin =
        std::max<int64_t>({optLo, first, int64_t(below[mid])});
    int64_t bestM = begin;
    const RangeCost::Prefix *p = cost.p.data();
    const double wb = p[mid].w, s1b = p[mid].s1, s2b = p[mid].s2;
    for (int64_t m = begin, e = std::min(optHi, mid - 1); m <= e; ++m) {
      const RangeCost::Prefix &x = p[m];
      const double n = wb - x.w, s = s1b - x.s1;
      const double v = x.prev + std::max(0.0, (s2b - x.s2) - s * s / n);
      if (v < best) { // ties keep the smallest m
        best = v;
        bestM = m;
      }
    }
    cur[mid] = best;
    arg[mid] = static_cast<int32_t>(bestM);
    if (threads > 1 && hi - lo > (1 << 14)) {
      parallelFor(2, 2, [&](int64_t half) {
        if (half == 0)
          solve(lo, mid - 1, optLo, bestM);
        else
          solve(mid + 1, hi, bestM, optHi);
      });
      return;
    }
    solve(lo, mid - 1, optLo, bestM);
    solve(mid + 1, hi, bestM, optHi);
  }
};

} // namespace

std::vector<int64_t> mlir::coreai::optimalKMeans1D(ArrayRef<double> values,
                                                   ArrayRef<double> counts,
                                                   unsigned k,
                                                   unsigned threads) {
  const int64_t n = values.size();
  const int64_t clusters = std::min<int64_t>(k, n);
  if (clusters <= 1)
    return n ? std::vector<int64_t>{0} : std::vector<int64_t>{};
  RangeCost cost(values, counts);
  // arg[j][i]: the start of the last cluster of the best j+1-partition of
  // the first i values.
  // Layer 0 starts every cluster at 0; the others are written for every i
  // they are read at before they are read.
  std::vector<std::vector<int32_t>> arg(clusters);
  arg[0].assign(n + 1, 0);
  for (int64_t j = 1; j < clusters; ++j)
    arg[j].resize(n + 1);
  std::vector<double> prev(n + 1, std::numeric_limits<double>::infinity());
  std::vector<double> cur(n + 1);
  for (int64_t i = 1; i <= n; ++i)
    prev[i] = cost(0, i);
  for (int64_t j = 1; j < clusters; ++j) {
    // solve() writes cur[j + 1 .. n]; below that no partition exists.
    std::fill(cur.begin(), cur.begin() + j + 1,
              std::numeric_limits<double>::infinity());
    if (j == clusters - 1) {
      // The last layer only answers for all n values: one scan.
      double best = std::numeric_limits<double>::infinity();
      int64_t bestM = std::max<int64_t>(j, arg[j - 1][n]);
      for (int64_t m = bestM, e = n - 1; m <= e; ++m) {
        double v = prev[m] + cost(m, n);
        if (v < best) {
          best = v;
          bestM = m;
        }
      }
      arg[j][n] = static_cast<int32_t>(bestM);
      break;
    }
    for (int64_t m = 0; m <= n; ++m)
      cost.p[m].prev = prev[m];
    Layer layer{
        cost, prev, cur, arg[j], arg[j - 1], j, clampThreadCount(threads)};
    layer.solve(j + 1, n, j, n - 1);
    std::swap(prev, cur);
  }
  std::vector<int64_t> starts(clusters);
  int64_t end = n;
  for (int64_t j = clusters - 1; j > 0; --j) {
    starts[j] = arg[j][end];
    end = starts[j];
  }
  starts[0] = 0;
  return starts;
}

namespace {

double squaredDistance(const float *p, const double *c, int64_t dim) {
  double d = 0;
  for (int64_t t = 0; t < dim; ++t) {
    double e = p[t] - c[t];
    d += e * e;
  }
  return d;
}

/// Nearest centroid of each point (ties: the lowest index) and the total
/// squared error, on up to `threads` threads.
double assign(ArrayRef<float> points, int64_t dim, int64_t k,
              const std::vector<double> &centroids,
              std::vector<uint32_t> &labels, unsigned threads) {
  const int64_t n = points.size() / dim;
  labels.resize(n);
  const int64_t grain = 1 << 14;
  std::vector<double> partial((n + grain - 1) / grain, 0.0);
  parallelForChunks(threads, n, grain, [&](int64_t b, int64_t e) {
    double sse = 0;
    for (int64_t i = b; i < e; ++i) {
      const float *p = points.data() + i * dim;
      double best = std::numeric_limits<double>::infinity();
      uint32_t bestC = 0;
      for (int64_t c = 0; c < k; ++c) {
        double d = squaredDistance(p, centroids.data() + c * dim, dim);
        if (d < best) {
          best = d;
          bestC = static_cast<uint32_t>(c);
        }
      }
      labels[i] = bestC;
      sse += best;
    }
    partial[b / grain] = sse;
  });
  double total = 0;
  for (double v : partial)
    total += v;
  return total;
}

/// Centroids as the means of their members (empty clusters keep theirs).
/// Centroids as the means of their members (empty clusters keep theirs, or
/// become 0 with `zeroEmpty`). Sums run over fixed chunks merged in order,
/// so the result does not depend on the thread count.
void update(ArrayRef<float> points, int64_t dim, int64_t k,
            const std::vector<uint32_t> &labels, std::vector<double> &centroids,
            bool zeroEmpty, unsigned threads = 1) {
  const int64_t n = labels.size();
  const int64_t grain = 1 << 15;
  const int64_t chunks = std::max<int64_t>(1, (n + grain - 1) / grain);
  std::vector<std::vector<double>> partial(chunks);
  parallelFor(threads, chunks, [&](int64_t c) {
    std::vector<double> &acc = partial[c];
    acc.assign(k * (dim + 1), 0.0); // sums, then counts
    for (int64_t i = c * grain, e = std::min(n, (c + 1) * grain); i < e; ++i) {
      acc[k * dim + labels[i]] += 1;
      for (int64_t t = 0; t < dim; ++t)
        acc[labels[i] * dim + t] += points[i * dim + t];
    }
  });
  std::vector<double> total(k * (dim + 1), 0.0);
  for (const std::vector<double> &acc : partial)
    for (size_t i = 0; i < acc.size(); ++i)
      total[i] += acc[i];
  for (int64_t c = 0; c < k; ++c) {
    const double count = total[k * dim + c];
    for (int64_t t = 0; t < dim; ++t)
      if (count > 0)
        centroids[c * dim + t] = total[c * dim + t] / count;
      else if (zeroEmpty)
        centroids[c * dim + t] = 0.0;
  }
}

} // namespace

void mlir::coreai::vectorKMeans(ArrayRef<float> points, int64_t dim, unsigned k,
                                uint64_t seed, std::vector<double> &centroids,
                                std::vector<uint32_t> &labels, unsigned threads,
                                int64_t maxFitPoints, unsigned restarts,
                                unsigned maxIterations) {
  const int64_t n = points.size() / dim;
  centroids.assign(int64_t(k) * dim, 0.0);
  labels.assign(n, 0);
  if (n == 0)
    return;
  // The fitting sample: every stride-th point.
  const int64_t stride = std::max<int64_t>(
      1, (n + maxFitPoints - 1) / std::max<int64_t>(1, maxFitPoints));
  std::vector<float> sample;
  for (int64_t i = 0; i < n; i += stride)
    sample.insert(sample.end(), points.begin() + i * dim,
                  points.begin() + (i + 1) * dim);
  const int64_t m = sample.size() / dim;
  const int64_t kk = std::min<int64_t>(k, m);

  std::vector<double> best;
  double bestSSE = std::numeric_limits<double>::infinity();
  std::vector<uint32_t> sampleLabels;
  for (unsigned r = 0; r < std::max(1u, restarts); ++r) {
    std::mt19937_64 rng(seed * 1000003 + r);
    // k-means++ seeding.
    std::vector<double> c(int64_t(k) * dim, 0.0);
    std::vector<double> d2(m, std::numeric_limits<double>::infinity());
    int64_t pick = static_cast<int64_t>(rng() % uint64_t(m));
    for (int64_t j = 0; j < kk; ++j) {
      for (int64_t t = 0; t < dim; ++t)
        c[j * dim + t] = sample[pick * dim + t];
      double total = 0;
      for (int64_t i = 0; i < m; ++i) {
        d2[i] = std::min(d2[i],
                         squaredDistance(&sample[i * dim], &c[j * dim], dim));
        total += d2[i];
      }
      if (!(total > 0))
        break; // every point coincides with a seed
      double target = std::uniform_real_distribution<double>(0, total)(rng);
      pick = m - 1;
      for (int64_t i = 0; i < m; ++i) {
        target -= d2[i];
        if (target < 0) {
          pick = i;
          break;
        }
      }
    }
    double sse = assign(sample, dim, kk, c, sampleLabels, threads);
    for (unsigned it = 0; it < maxIterations; ++it) {
      std::vector<uint32_t> old = sampleLabels;
      update(sample, dim, kk, sampleLabels, c, /*zeroEmpty=*/false, threads);
      sse = assign(sample, dim, kk, c, sampleLabels, threads);
      if (sampleLabels == old)
        break;
    }
    if (sse < bestSSE) {
      bestSSE = sse;
      best = c;
    }
  }
  // Refine on every point: a few Lloyd steps over the whole data (when the
  // fit used a sample), ending with a mean update.
  centroids = best;
  assign(points, dim, kk, centroids, labels, threads);
  const unsigned fullSteps = stride > 1 ? 2 : 0;
  for (unsigned it = 0; it < fullSteps; ++it) {
    update(points, dim, kk, labels, centroids, /*zeroEmpty=*/false, threads);
    std::vector<uint32_t> old = labels;
    assign(points, dim, kk, centroids, labels, threads);
    if (labels == old)
      break;
  }
  update(points, dim, kk, labels, centroids, /*zeroEmpty=*/true, threads);
  for (int64_t j = kk; j < int64_t(k); ++j)
    for (int64_t t = 0; t < dim; ++t)
      centroids[j * dim + t] = 0.0;
}
