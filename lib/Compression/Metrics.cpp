//===- Metrics.cpp - How far a compressed weight is from its source -------===//

#include "coreai/Compression/Metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace mlir::coreai;

double ErrorStats::getSqnrDb() const {
  if (noise == 0)
    return std::numeric_limits<double>::infinity();
  if (signal == 0)
    return -std::numeric_limits<double>::infinity();
  return 10.0 * std::log10(signal / noise);
}

void ErrorStats::merge(const ErrorStats &other) {
  signal += other.signal;
  noise += other.noise;
  maxAbsError = std::max(maxAbsError, other.maxAbsError);
}

template <typename T>
static ErrorStats compare(llvm::ArrayRef<T> reference,
                          llvm::ArrayRef<double> actual) {
  ErrorStats stats;
  const size_t n = std::min(reference.size(), actual.size());
  for (size_t i = 0; i < n; ++i) {
    double r = reference[i], e = r - actual[i];
    stats.signal += r * r;
    stats.noise += e * e;
    stats.maxAbsError = std::max(stats.maxAbsError, std::fabs(e));
  }
  return stats;
}

ErrorStats mlir::coreai::compareValues(llvm::ArrayRef<double> reference,
                                       llvm::ArrayRef<double> actual) {
  return compare(reference, actual);
}

ErrorStats mlir::coreai::compareValues(llvm::ArrayRef<float> reference,
                                       llvm::ArrayRef<double> actual) {
  return compare(reference, actual);
}

std::vector<ErrorStats>
mlir::coreai::compareChannels(llvm::ArrayRef<double> reference,
                              llvm::ArrayRef<double> actual,
                              llvm::ArrayRef<int64_t> shape, int64_t axis) {
  int64_t channels = shape.empty() ? 1 : shape[axis], inner = 1;
  for (size_t d = axis + 1; d < shape.size(); ++d)
    inner *= shape[d];
  std::vector<ErrorStats> stats(std::max<int64_t>(channels, 1));
  const int64_t n = std::min(reference.size(), actual.size());
  // Runs of `inner` elements belong to one channel, cycling over them.
  for (int64_t start = 0, c = 0; start < n;
       start += inner, c = (c + 1) % channels)
    stats[c].merge(
        compareValues(reference.slice(start, std::min(inner, n - start)),
                      actual.slice(start, std::min(inner, n - start))));
  return stats;
}

double mlir::coreai::getWorstSqnrDb(llvm::ArrayRef<ErrorStats> channels) {
  double worst = std::numeric_limits<double>::infinity();
  for (const ErrorStats &c : channels)
    worst = std::min(worst, c.getSqnrDb());
  return worst;
}
