//===- ScaleSearchKernels.h - The symmetric scale search --------*- C++ -*-===//
//
// The symmetric least-squares scale search of ScaleSearch.cpp in pieces, so
// that an AVX2/FMA kernel can run eight blocks at once (one per lane) and
// choose exactly what the portable code chooses: both compute in f32, with
// fused multiply-adds, element after element.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_LIB_COMPRESSION_SCALESEARCHKERNELS_H
#define COREAI_LIB_COMPRESSION_SCALESEARCHKERNELS_H

#include "coreai/Compression/Quantize.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <cstdint>

namespace mlir {
namespace coreai {
namespace detail {

/// At most 17 clipping ratios in each of two orientations.
constexpr int kMaxCandidates = 34;

/// The candidate scales of a symmetric block with values in [lo, hi] (codes
/// relative to the zero point); returns how many, or 0 when the block is not
/// searched (all zero, or scales too small to invert in f32).
int symmetricCandidates(const QuantScheme &scheme, const IntRange &range,
                        float lo, float hi, float *scales);

/// Scores `count` candidate scales on x[0, n): (sum x q)^2 / sum q^2 with
/// q = clamp(rint(x / s)) in [qmin, qmax]; returns false when none scores,
/// else the best one's refit sum x q / sum q^2.
bool scoreSymmetric(const float *x, int64_t n, const float *candidates,
                    int count, float qmin, float qmax, float &refit);

/// The squared error of x[0, n) against `scale`, as the search measures it.
float symmetricError(const float *x, int64_t n, float scale, float qmin,
                     float qmax);

/// The stored refit when `error` says it beats the min-max scale, else the
/// min-max scale.
double chooseSymmetricScale(const QuantScheme &scheme, double minMaxScale,
                            float refit,
                            llvm::function_ref<float(float)> error);

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
