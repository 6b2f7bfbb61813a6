//===- Metrics.h - Errors of a compressed weight ----------------*- C++ -*-===//
//
// The one definition of SQNR and largest absolute error, used by the weight
// report, the benchmarks and the tests.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_COMPRESSION_METRICS_H
#define COREAI_COMPRESSION_METRICS_H

#include "llvm/ADT/ArrayRef.h"

#include <vector>

namespace mlir {
namespace coreai {

/// Signal and error energy of a reconstruction, accumulated in f64.
struct ErrorStats {
  double signal = 0; ///< sum of reference^2
  double noise = 0;  ///< sum of (reference - actual)^2
  double maxAbsError = 0;

  /// 10 log10(signal / noise) in dB: +inf for an exact reconstruction
  /// (including an all-zero one), -inf when a zero signal got noise.
  double getSqnrDb() const;
  /// Adds the statistics of another part of the same tensor.
  void merge(const ErrorStats &other);
};

/// Compares `actual` with `reference`, element by element (equal sizes).
ErrorStats compareValues(llvm::ArrayRef<double> reference,
                         llvm::ArrayRef<double> actual);
ErrorStats compareValues(llvm::ArrayRef<float> reference,
                         llvm::ArrayRef<double> actual);

/// The statistics of every slice along `axis` of tensors of `shape`
/// (row-major): entry c covers the elements whose index along `axis` is c,
/// e.g. an output channel.
std::vector<ErrorStats> compareChannels(llvm::ArrayRef<double> reference,
                                        llvm::ArrayRef<double> actual,
                                        llvm::ArrayRef<int64_t> shape,
                                        int64_t axis);

/// The lowest SQNR of `channels` (-inf when a channel of zeros got noise).
double getWorstSqnrDb(llvm::ArrayRef<ErrorStats> channels);

} // namespace coreai
} // namespace mlir

#endif // COREAI_COMPRESSION_METRICS_H
