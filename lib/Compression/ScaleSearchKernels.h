//===- ScaleSearchKernels.h - The symmetric scale search --------*- C++ -*-===//
//
// The symmetric least-squares scale search of ScaleSearch.cpp for eight
// (AVX2/FMA) or sixteen (AVX-512) blocks at once, one per lane. Each lane
// runs the portable search's arithmetic (f32, fused multiply-adds, element
// after element), so the kernels choose exactly what the portable code
// chooses.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_LIB_COMPRESSION_SCALESEARCHKERNELS_H
#define COREAI_LIB_COMPRESSION_SCALESEARCHKERNELS_H

#include "coreai/Compression/Quantize.h"

#include <cstdint>

namespace mlir {
namespace coreai {
namespace detail {

/// At most 17 clipping ratios in each of two orientations.
constexpr int kMaxCandidates = 34;

/// Whether this machine runs searchSymmetric8 (AVX2, FMA and F16C).
bool haveSearchKernels();

/// What searchSymmetric8 needs of a symmetric scheme whose scales are stored
/// as f16 or f32.
struct SymmetricSearch {
  float qmin, qmax; ///< codes relative to the zero point
  double pos, neg;  ///< their reach on each side
  int orientations; ///< 2 for the full range, else 1
  int ratios;       ///< clipping ratios 1.10, 1.05, ...
  bool f16;         ///< scales stored as f16 (else f32)
};

/// The whole symmetric search for eight blocks of `n` values at x + b * n
/// (n % 8 == 0) with values in [lo[b], hi[b]]: scales[b] holds the block's
/// stored min-max scale and receives the chosen one, exactly as
/// searchIntegerParam chooses it.
void searchSymmetric8(const float *x, int64_t n, const float *lo,
                      const float *hi, const SymmetricSearch &search,
                      double *scales);

/// Whether this machine also runs searchSymmetric16 (AVX-512 F and DQ).
bool haveWideSearchKernels();

/// searchSymmetric8 for sixteen blocks.
void searchSymmetric16(const float *x, int64_t n, const float *lo,
                       const float *hi, const SymmetricSearch &search,
                       double *scales);

} // namespace detail
} // namespace coreai
} // namespace mlir

#endif // COREAI_LIB_COMPRESSION_SCALESEARCHKERNELS_H
