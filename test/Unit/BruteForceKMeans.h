//===- BruteForceKMeans.h - Reference optimum for k-means tests -*- C++ -*-===//
//
// The least squared error of 1-D k-means by enumeration, for unit tests.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_TEST_UNIT_BRUTEFORCEKMEANS_H
#define COREAI_TEST_UNIT_BRUTEFORCEKMEANS_H

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

namespace coreai_test {

/// The squared error of sorted values `v` (weights `w`) cut at `starts`.
inline double partitionSSE(const std::vector<double> &v,
                           const std::vector<double> &w,
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
inline double bruteForce(const std::vector<double> &v,
                         const std::vector<double> &w, unsigned k) {
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

/// The least squared error of any assignment of `values` to k means.
inline double bruteForceSSE(std::vector<double> values, unsigned k) {
  std::sort(values.begin(), values.end());
  std::vector<double> v, w;
  for (double x : values)
    if (!v.empty() && v.back() == x)
      w.back() += 1;
    else
      v.push_back(x), w.push_back(1);
  return bruteForce(v, w, k);
}

} // namespace coreai_test

#endif // COREAI_TEST_UNIT_BRUTEFORCEKMEANS_H
