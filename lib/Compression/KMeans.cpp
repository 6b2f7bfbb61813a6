//===- KMeans.cpp - Exact 1-D and vector k-means --------------------------===//

#include "coreai/Compression/KMeans.h"
#include "coreai/Compression/Parallel.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#if defined(__x86_64__) && defined(__clang__)
#include <immintrin.h>
#endif

using namespace mlir::coreai;
using llvm::ArrayRef;

namespace {

/// Candidates read past the end of a scan (masked off): the arrays below
/// carry this many padding elements.
constexpr int64_t kPad = 4;

/// Lloyd steps over all points after a fit on a sample (each costs one pass
/// over the data; on a 4096x4096 weight in 2-D vectors the SQNR gains
/// 0.001 dB from the 2nd to the 5th step, 0.001 dB more up to the 10th).
constexpr unsigned kFullDataSteps = 5;

/// Prefix sums of centered values: the cost of a range is exact up to
/// rounding, without the cancellation of raw second moments. One array per
/// sum, so that four candidates are four vector loads.
struct RangeCost {
  std::vector<double> w, s1, s2;

  RangeCost(ArrayRef<double> values, ArrayRef<double> counts) {
    const size_t n = values.size();
    double total = 0, sum = 0;
    for (size_t i = 0; i < n; ++i) {
      total += counts[i];
      sum += counts[i] * values[i];
    }
    const double mean = total > 0 ? sum / total : 0;
    w.assign(n + 1 + kPad, 0.0);
    s1.assign(n + 1 + kPad, 0.0);
    s2.assign(n + 1 + kPad, 0.0);
    for (size_t i = 0; i < n; ++i) {
      double c = values[i] - mean;
      w[i + 1] = w[i] + counts[i];
      s1[i + 1] = s1[i] + counts[i] * c;
      s2[i + 1] = s2[i] + counts[i] * c * c;
    }
  }

  /// Squared error of values [a, b) around their mean (a < b).
  double operator()(int64_t a, int64_t b) const {
    double n = w[b] - w[a], s = s1[b] - s1[a];
    return std::max(0.0, (s2[b] - s2[a]) - s * s / n);
  }
};

/// The best last-cluster start m in [b, e] for the first `i` values:
/// the smallest m minimizing prev[m] + cost(m, i). Lowers `best` and sets
/// `bestM` only when it finds a smaller value.
using CandidateScan = void (*)(const RangeCost &, const double *prev, int64_t b,
                               int64_t e, int64_t i, double &best,
                               int64_t &bestM);

void scanCandidates(const RangeCost &cost, const double *prev, int64_t b,
                    int64_t e, int64_t i, double &best, int64_t &bestM) {
  const double wb = cost.w[i], s1b = cost.s1[i], s2b = cost.s2[i];
  for (int64_t m = b; m <= e; ++m) {
    const double n = wb - cost.w[m], s = s1b - cost.s1[m];
    const double v = prev[m] + std::max(0.0, (s2b - cost.s2[m]) - s * s / n);
    if (v < best) { // ties keep the smallest m
      best = v;
      bestM = m;
    }
  }
}

#if defined(__x86_64__) && defined(__clang__)
[[gnu::target("avx2")]] inline double minOfLanes(__m256d v) {
  __m128d m =
      _mm_min_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));
  return _mm_cvtsd_f64(_mm_min_sd(m, _mm_unpackhi_pd(m, m)));
}

/// scanCandidates four candidates at a time, with the same IEEE operations
/// per candidate (scalar division is several times slower here): lanes past
/// `e` are masked to +inf; each lane keeps its first minimum and the lowest
/// index among the lanes holding the minimum wins.
[[gnu::target("avx2")]] void
scanCandidatesAVX2(const RangeCost &cost, const double *prev, int64_t b,
                   int64_t e, int64_t i, double &bestOut, int64_t &bestMOut) {
  const __m256d wb = _mm256_set1_pd(cost.w[i]);
  const __m256d s1b = _mm256_set1_pd(cost.s1[i]);
  const __m256d s2b = _mm256_set1_pd(cost.s2[i]);
  const __m256d zero = _mm256_setzero_pd();
  const __m256d inf = _mm256_set1_pd(std::numeric_limits<double>::infinity());
  const __m256d four = _mm256_set1_pd(4.0), last = _mm256_set1_pd(double(e));
  __m256d best = inf, bestIdx = zero;
  __m256d idx =
      _mm256_add_pd(_mm256_set1_pd(double(b)), _mm256_setr_pd(0, 1, 2, 3));
  for (int64_t m = b; m <= e; m += 4) {
    __m256d n = _mm256_sub_pd(wb, _mm256_loadu_pd(cost.w.data() + m));
    __m256d s = _mm256_sub_pd(s1b, _mm256_loadu_pd(cost.s1.data() + m));
    __m256d d = _mm256_sub_pd(s2b, _mm256_loadu_pd(cost.s2.data() + m));
    // max(0, x) as std::max(0.0, x) gives it (no NaN can occur: n > 0).
    __m256d c = _mm256_max_pd(
        zero, _mm256_sub_pd(d, _mm256_div_pd(_mm256_mul_pd(s, s), n)));
    __m256d v = _mm256_add_pd(_mm256_loadu_pd(prev + m), c);
    v = _mm256_blendv_pd(v, inf, _mm256_cmp_pd(idx, last, _CMP_GT_OQ));
    __m256d lower = _mm256_cmp_pd(v, best, _CMP_LT_OQ);
    best = _mm256_blendv_pd(best, v, lower);
    bestIdx = _mm256_blendv_pd(bestIdx, idx, lower);
    idx = _mm256_add_pd(idx, four);
  }
  const double value = minOfLanes(best);
  if (!(value < bestOut))
    return;
  __m256d holders = _mm256_blendv_pd(
      inf, bestIdx, _mm256_cmp_pd(best, _mm256_set1_pd(value), _CMP_EQ_OQ));
  bestOut = value;
  bestMOut = static_cast<int64_t>(minOfLanes(holders));
}
#endif

CandidateScan selectCandidateScan() {
#if defined(__x86_64__) && defined(__clang__)
  if (__builtin_cpu_supports("avx2"))
    return scanCandidatesAVX2;
#endif
  return scanCandidates;
}

struct Layer {
  const RangeCost &cost;
  const double *prev;                // D[j-1][m], padded
  std::vector<double> &cur;          // D[j][i]
  std::vector<int32_t> &arg;         // argmin m of D[j][i]
  const std::vector<int32_t> &below; // argmin of D[j-1][i]: a lower bound
  int64_t first;                     // smallest m allowed (j - 1)
  unsigned threads;
  CandidateScan scan;

  /// Solves cur[mid] given optLo <= argmin <= optHi; returns the argmin.
  int64_t solveOne(int64_t mid, int64_t optLo, int64_t optHi) const {
    // With one more cluster the last one starts no earlier (Monge costs).
    const int64_t begin =
        std::max<int64_t>({optLo, first, int64_t(below[mid])});
    const int64_t end = std::min(optHi, mid - 1);
    double best = std::numeric_limits<double>::infinity();
    int64_t bestM = begin;
    if (begin <= end)
      scan(cost, prev, begin, end, mid, best, bestM);
    cur[mid] = best;
    arg[mid] = static_cast<int32_t>(bestM);
    return bestM;
  }

  /// Fills cur[i] for i in [lo, hi] knowing optLo <= argmin <= optHi: the
  /// divide and conquer splits in two threads while ranges are large, then
  /// goes level by level (the ranges of a level are independent, so their
  /// scans overlap in the core instead of waiting on each other).
  void solve(int64_t lo, int64_t hi, int64_t optLo, int64_t optHi) const {
    if (lo > hi)
      return;
    if (threads > 1 && hi - lo > (1 << 14)) {
      const int64_t mid = lo + (hi - lo) / 2;
      const int64_t bestM = solveOne(mid, optLo, optHi);
      parallelFor(2, 2, [&](int64_t half) {
        if (half == 0)
          solve(lo, mid - 1, optLo, bestM);
        else
          solve(mid + 1, hi, bestM, optHi);
      });
      return;
    }
    struct Range {
      int64_t lo, hi, optLo, optHi;
    };
    std::vector<Range> level{{lo, hi, optLo, optHi}}, next;
    while (!level.empty()) {
      next.clear();
      for (const Range &r : level) {
        const int64_t mid = r.lo + (r.hi - r.lo) / 2;
        const int64_t bestM = solveOne(mid, r.optLo, r.optHi);
        if (r.lo < mid)
          next.push_back({r.lo, mid - 1, r.optLo, bestM});
        if (mid < r.hi)
          next.push_back({mid + 1, r.hi, bestM, r.optHi});
      }
      std::swap(level, next);
    }
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
  std::vector<double> prev(n + 1 + kPad,
                           std::numeric_limits<double>::infinity());
  std::vector<double> cur(n + 1 + kPad,
                          std::numeric_limits<double>::infinity());
  for (int64_t i = 1; i <= n; ++i)
    prev[i] = cost(0, i);
  const CandidateScan scan = selectCandidateScan();
  for (int64_t j = 1; j < clusters; ++j) {
    if (j == clusters - 1) {
      // The last layer only answers for all n values: one scan.
      double best = std::numeric_limits<double>::infinity();
      int64_t bestM = std::max<int64_t>(j, arg[j - 1][n]);
      scan(cost, prev.data(), bestM, n - 1, n, best, bestM);
      arg[j][n] = static_cast<int32_t>(bestM);
      break;
    }
    // solve() writes cur[j + 1 .. n]; below that no partition exists.
    std::fill(cur.begin(), cur.begin() + j + 1,
              std::numeric_limits<double>::infinity());
    Layer layer{cost,
                prev.data(),
                cur,
                arg[j],
                arg[j - 1],
                j,
                clampThreadCount(threads),
                scan};
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

/// Nearest centroid of points [b, e) (ties: the lowest index) into labels,
/// and the sum of their squared distances in point order.
double assignRange(const float *points, int64_t dim, int64_t k,
                   const double *centroids, uint32_t *labels, int64_t b,
                   int64_t e, int64_t &changed) {
  double sse = 0;
  for (int64_t i = b; i < e; ++i) {
    const float *p = points + i * dim;
    double best = std::numeric_limits<double>::infinity();
    uint32_t bestC = 0;
    for (int64_t c = 0; c < k; ++c) {
      double d = squaredDistance(p, centroids + c * dim, dim);
      if (d < best) {
        best = d;
        bestC = static_cast<uint32_t>(c);
      }
    }
    changed += labels[i] != bestC;
    labels[i] = bestC;
    sse += best;
  }
  return sse;
}

#if defined(__x86_64__) && defined(__clang__)
/// The same, eight points at a time (two groups of four lanes) against one
/// centroid after another: the same operations in the same order per point
/// (sub, mul, add; no fused multiply-add), so the same labels and the same
/// sum. `Dim` > 0 fixes the dimension at compile time; 0 reads `dim`.
template <int Dim>
[[gnu::target("avx2")]] double
assignRangeAVX2(const float *points, int64_t dim, int64_t k,
                const double *centroids, uint32_t *labels, int64_t b, int64_t e,
                int64_t &changed) {
  if (Dim > 0)
    dim = Dim;
  const int64_t vecEnd = b + (e - b) / 8 * 8;
  double sse = 0;
  std::vector<__m256d> coords(2 * dim);
  for (int64_t i = b; i < vecEnd; i += 8) {
    const float *p = points + i * dim;
    for (int64_t t = 0; t < dim; ++t) {
      coords[2 * t] =
          _mm256_setr_pd(p[t], p[dim + t], p[2 * dim + t], p[3 * dim + t]);
      coords[2 * t + 1] = _mm256_setr_pd(p[4 * dim + t], p[5 * dim + t],
                                         p[6 * dim + t], p[7 * dim + t]);
    }
    const __m256d inf = _mm256_set1_pd(std::numeric_limits<double>::infinity());
    __m256d best0 = inf, best1 = inf;
    __m256d label0 = _mm256_setzero_pd(), label1 = _mm256_setzero_pd();
    __m256d index = _mm256_setzero_pd();
    const __m256d one = _mm256_set1_pd(1.0);
    for (int64_t c = 0; c < k; ++c) {
      const double *q = centroids + c * dim;
      __m256d d0 = _mm256_setzero_pd(), d1 = _mm256_setzero_pd();
      for (int64_t t = 0; t < dim; ++t) {
        const __m256d qt = _mm256_set1_pd(q[t]);
        const __m256d diff0 = _mm256_sub_pd(coords[2 * t], qt);
        const __m256d diff1 = _mm256_sub_pd(coords[2 * t + 1], qt);
        d0 = _mm256_add_pd(d0, _mm256_mul_pd(diff0, diff0));
        d1 = _mm256_add_pd(d1, _mm256_mul_pd(diff1, diff1));
      }
      const __m256d lower0 = _mm256_cmp_pd(d0, best0, _CMP_LT_OQ);
      const __m256d lower1 = _mm256_cmp_pd(d1, best1, _CMP_LT_OQ);
      best0 = _mm256_blendv_pd(best0, d0, lower0);
      best1 = _mm256_blendv_pd(best1, d1, lower1);
      label0 = _mm256_blendv_pd(label0, index, lower0);
      label1 = _mm256_blendv_pd(label1, index, lower1);
      index = _mm256_add_pd(index, one);
    }
    alignas(32) double bestOut[8], labelOut[8];
    _mm256_store_pd(bestOut, best0);
    _mm256_store_pd(bestOut + 4, best1);
    _mm256_store_pd(labelOut, label0);
    _mm256_store_pd(labelOut + 4, label1);
    for (int j = 0; j < 8; ++j) {
      const uint32_t label = static_cast<uint32_t>(labelOut[j]);
      changed += labels[i + j] != label;
      labels[i + j] = label;
      sse += bestOut[j];
    }
  }
  return sse +
         assignRange(points, dim, k, centroids, labels, vecEnd, e, changed);
}

[[gnu::target("avx2")]] double assignRangeAVX2Any(const float *points,
                                                  int64_t dim, int64_t k,
                                                  const double *centroids,
                                                  uint32_t *labels, int64_t b,
                                                  int64_t e, int64_t &changed) {
  switch (dim) {
  case 1:
    return assignRangeAVX2<1>(points, dim, k, centroids, labels, b, e, changed);
  case 2:
    return assignRangeAVX2<2>(points, dim, k, centroids, labels, b, e, changed);
  case 4:
    return assignRangeAVX2<4>(points, dim, k, centroids, labels, b, e, changed);
  default:
    return assignRangeAVX2<0>(points, dim, k, centroids, labels, b, e, changed);
  }
}
#endif

using AssignRange = double (*)(const float *, int64_t, int64_t, const double *,
                               uint32_t *, int64_t, int64_t, int64_t &);

AssignRange selectAssignRange() {
#if defined(__x86_64__) && defined(__clang__)
  if (__builtin_cpu_supports("avx2"))
    return assignRangeAVX2Any;
#endif
  return assignRange;
}

struct Assignment {
  double sse = 0;      ///< total squared error
  int64_t changed = 0; ///< labels that differ from the ones passed in
};

/// Nearest centroid of each point (ties: the lowest index) and the total
/// squared error, on up to `threads` threads. `labels` holds the previous
/// labels (or is resized with zeros).
Assignment assign(ArrayRef<float> points, int64_t dim, int64_t k,
                  const std::vector<double> &centroids,
                  std::vector<uint32_t> &labels, unsigned threads) {
  static const AssignRange kernel = selectAssignRange();
  const int64_t n = points.size() / dim;
  labels.resize(n);
  const int64_t grain = 1 << 14;
  const int64_t chunks = (n + grain - 1) / grain;
  std::vector<double> partial(chunks, 0.0);
  std::vector<int64_t> changed(chunks, 0);
  parallelForChunks(threads, n, grain, [&](int64_t b, int64_t e) {
    partial[b / grain] = kernel(points.data(), dim, k, centroids.data(),
                                labels.data(), b, e, changed[b / grain]);
  });
  Assignment result;
  for (int64_t c = 0; c < chunks; ++c) {
    result.sse += partial[c];
    result.changed += changed[c];
  }
  return result;
}

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

/// Greedy k-means++ seeding (as scikit-learn does it): each next seed is the
/// best, by the resulting sum of squared distances, of 2 + ln k candidates
/// drawn with probability proportional to the squared distance to the seeds
/// so far. Sums run over fixed chunks in order: the thread count does not
/// change the seeds.
std::vector<double> seedKMeansPlusPlus(ArrayRef<float> points, int64_t dim,
                                       int64_t k, int64_t kk,
                                       std::mt19937_64 &rng, unsigned threads) {
  const int64_t m = points.size() / dim;
  const int64_t grain = 1 << 14;
  const int64_t chunks = (m + grain - 1) / grain;
  const int trials = 2 + static_cast<int>(std::log(double(k)));
  std::vector<double> c(k * dim, 0.0);
  std::vector<double> d2(m, std::numeric_limits<double>::infinity());
  std::vector<double> partial(chunks);
  // d2 (or `into`) = min(d2, distance to `seed`), returning the sum.
  auto relax = [&](const float *seed, std::vector<double> *into) {
    std::vector<double> q(seed, seed + dim);
    parallelForChunks(threads, m, grain, [&](int64_t b, int64_t e) {
      double sum = 0;
      for (int64_t i = b; i < e; ++i) {
        double d =
            std::min(d2[i], squaredDistance(&points[i * dim], q.data(), dim));
        if (into)
          (*into)[i] = d;
        else
          d2[i] = d;
        sum += d;
      }
      partial[b / grain] = sum;
    });
    double total = 0;
    for (double v : partial)
      total += v;
    return total;
  };
  int64_t pick = static_cast<int64_t>(rng() % uint64_t(m));
  double total = 0;
  std::vector<double> candidateD2(m), bestD2(m);
  for (int64_t j = 0; j < kk; ++j) {
    if (j == 0) {
      total = relax(&points[pick * dim], nullptr);
    } else {
      if (!(total > 0))
        break; // every point coincides with a seed
      double bestTotal = std::numeric_limits<double>::infinity();
      for (int trial = 0; trial < trials; ++trial) {
        double target = std::uniform_real_distribution<double>(0, total)(rng);
        int64_t candidate = m - 1;
        for (int64_t i = 0; i < m; ++i) {
          target -= d2[i];
          if (target < 0) {
            candidate = i;
            break;
          }
        }
        double candidateTotal = relax(&points[candidate * dim], &candidateD2);
        if (candidateTotal < bestTotal) {
          bestTotal = candidateTotal;
          pick = candidate;
          std::swap(bestD2, candidateD2);
        }
      }
      std::swap(d2, bestD2);
      total = bestTotal;
    }
    for (int64_t t = 0; t < dim; ++t)
      c[j * dim + t] = points[pick * dim + t];
  }
  return c;
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
  // The fitting sample: maxFitPoints points drawn uniformly without
  // replacement, in order (selection sampling, Knuth's algorithm S, from a
  // seeded generator). A stride would follow the layout of the weight (the
  // same rows of every column) and miss whole channels.
  const bool sampled = n > maxFitPoints && maxFitPoints > 0;
  std::vector<float> sample;
  if (sampled) {
    std::mt19937_64 pickRng(seed * 7919 + 17);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    sample.reserve(maxFitPoints * dim);
    int64_t needed = maxFitPoints;
    for (int64_t i = 0; i < n && needed > 0; ++i)
      if (double(n - i) * unit(pickRng) < double(needed)) {
        sample.insert(sample.end(), points.begin() + i * dim,
                      points.begin() + (i + 1) * dim);
        --needed;
      }
  } else {
    sample.assign(points.begin(), points.end());
  }
  const int64_t m = sample.size() / dim;
  const int64_t kk = std::min<int64_t>(k, m);

  std::vector<double> best;
  double bestSSE = std::numeric_limits<double>::infinity();
  std::vector<uint32_t> sampleLabels;
  for (unsigned r = 0; r < std::max(1u, restarts); ++r) {
    std::mt19937_64 rng(seed * 1000003 + r);
    std::vector<double> c =
        seedKMeansPlusPlus(sample, dim, k, kk, rng, threads);
    sampleLabels.clear();
    double sse = assign(sample, dim, kk, c, sampleLabels, threads).sse;
    for (unsigned it = 0; it < maxIterations; ++it) {
      update(sample, dim, kk, sampleLabels, c, /*zeroEmpty=*/false, threads);
      Assignment a = assign(sample, dim, kk, c, sampleLabels, threads);
      sse = a.sse;
      if (a.changed == 0)
        break;
    }
    if (sse < bestSSE) {
      bestSSE = sse;
      best = c;
    }
  }
  // Refine on every point: up to kFullDataSteps Lloyd steps over the whole
  // data (when the fit used a sample), ending with a mean update.
  centroids = best;
  assign(points, dim, kk, centroids, labels, threads);
  const unsigned fullSteps = sampled ? kFullDataSteps : 0;
  for (unsigned it = 0; it < fullSteps; ++it) {
    update(points, dim, kk, labels, centroids, /*zeroEmpty=*/false, threads);
    if (assign(points, dim, kk, centroids, labels, threads).changed == 0)
      break;
  }
  update(points, dim, kk, labels, centroids, /*zeroEmpty=*/true, threads);
  for (int64_t j = kk; j < int64_t(k); ++j)
    for (int64_t t = 0; t < dim; ++t)
      centroids[j * dim + t] = 0.0;
}
