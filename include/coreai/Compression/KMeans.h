//===- KMeans.h - Exact 1-D and vector k-means ------------------*- C++ -*-===//
//
// The clustering of coreai-palettize-weights, free of IR:
// - optimalKMeans1D: the exact least-squares partition of weighted scalar
//   values into k clusters. 1-D k-means optima are contiguous in sorted
//   order, so a dynamic program over the sorted distinct values finds it:
//   D[j][i] = min_m D[j-1][m] + cost(m, i), with cost from prefix sums and
//   the optimal m monotone in i, which divide and conquer exploits
//   (O(k n log n) for n distinct values).
// - vectorKMeans: Lloyd's algorithm with greedy k-means++ seeding and
//   several deterministic restarts, keeping the lowest sum of squared
//   errors.
// Results never depend on the thread count.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_COMPRESSION_KMEANS_H
#define COREAI_COMPRESSION_KMEANS_H

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <vector>

namespace mlir {
namespace coreai {

/// Partitions the sorted distinct `values` with multiplicities `counts` into
/// at most `k` contiguous clusters minimizing the sum over values of
/// count * (value - cluster mean)^2. Returns the index of the first value of
/// each cluster (ascending, starting at 0): min(k, values.size()) clusters.
std::vector<int64_t> optimalKMeans1D(llvm::ArrayRef<double> values,
                                     llvm::ArrayRef<double> counts, unsigned k,
                                     unsigned threads = 1);

/// Clusters `points` (n x dim, row-major) into at most `k` centroids.
/// Fits on at most `maxFitPoints` points drawn uniformly (seeded), then runs
/// a few Lloyd steps over every point and sets each centroid to the mean of
/// its members. `centroids`
/// gets k x dim values (entries of empty clusters are 0) and `labels` one
/// centroid per point.
void vectorKMeans(llvm::ArrayRef<float> points, int64_t dim, unsigned k,
                  uint64_t seed, std::vector<double> &centroids,
                  std::vector<uint32_t> &labels, unsigned threads = 1,
                  int64_t maxFitPoints = int64_t(1) << 18,
                  unsigned restarts = 3, unsigned maxIterations = 100);

} // namespace coreai
} // namespace mlir

#endif // COREAI_COMPRESSION_KMEANS_H
