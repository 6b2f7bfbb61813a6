//===- ScaleSearchKernels.h - The scale search, many blocks at once -*- C++
//-*-//
//
// The least-squares scale search of ScaleSearch.cpp for eight (AVX2/FMA)
// or sixteen (AVX-512, symmetric) blocks at once, one per lane. Each lane
// runs the portable search's arithmetic (f32, fused multiply-adds, element
// after element), so the kernels choose exactly what the portable code
// chooses. The asymmetric search's decisions between its passes over a
// block are made by AsymmetricBlock, shared by both.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_LIB_COMPRESSION_SCALESEARCHKERNELS_H
#define COREAI_LIB_COMPRESSION_SCALESEARCHKERNELS_H

#include "coreai/Compression/Quantize.h"

#include <algorithm>
#include <cmath>
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

/// What the asymmetric search needs of its scheme.
struct AsymmetricSearch {
  float qmin, qmax;     ///< the code range
  int ratios;           ///< clipping ratios 1.10, 1.05, ...
  ScaleStorage storage; ///< how scales are stored
};

/// The sums of one pass over a block's codes q (f32, element after element:
/// sq += q, sxq = fma(x, q, sxq), sqq = fma(q, q, sqq), and for a trial of
/// stored parameters err = fma(e, e, err) with e = fma(-(q - zp), s, x)).
struct CodeSums {
  float sq = 0, sxq = 0, sqq = 0, err = 0;
};

/// One block of the asymmetric search between its passes over the values:
/// which scales to try, and what to keep of each pass. Candidates clip both
/// ends of the range together (ratio r of the span around the min-max zero
/// point) and are scored by the error left after a least-squares fit of
/// scale and offset to their codes; then up to three trials round the best
/// fit to a stored scale and an integer zero point, each kept when its error
/// beats the best so far (the min-max parameters first) and fitted again to
/// its own codes. Its arithmetic is never contracted into fused
/// multiply-adds, whatever the target of the code that inlines it.
class AsymmetricBlock {
public:
  static constexpr int kMaxTrials = 3;

  /// A block of n values in [lo, hi] whose sum is sx and sum of squares sxx,
  /// with min-max parameters (scale, zero).
  AsymmetricBlock(const AsymmetricSearch &search, float lo, float hi, int64_t n,
                  float sx, float sxx, double scale, double zero)
      : search(search), n(double(n)), sx(sx), sxx(sxx), scale(scale),
        zero(zero) {
#pragma clang fp contract(off)
    const double vmin = std::min(0.0, double(lo));
    const double vmax = std::max(0.0, double(hi));
    span = vmax - vmin + 1e-6;
    zp0 = static_cast<float>(std::clamp(
        std::nearbyint(
            (double(search.qmin) * vmax - double(search.qmax) * vmin) / span),
        double(search.qmin), double(search.qmax)));
  }

  /// Candidate i's scale (codes x * (1 / scale) + startZero()).
  float candidateScale(int i) const {
#pragma clang fp contract(off)
    return static_cast<float>((1.10 - 0.05 * i) * span /
                              double(search.qmax - search.qmin));
  }
  float startZero() const { return zp0; }

  /// Candidate codes' sums: kept when their fit leaves the least error.
  void scoreCandidate(const CodeSums &sums) {
#pragma clang fp contract(off)
    double a, b;
    if (!fit(sums, a, b))
      return;
    const double residual = sxx - a * double(sums.sxq) - b * sx;
    if (residual < bestResidual) {
      bestResidual = residual;
      fitA = a;
      fitB = b;
    }
  }

  /// The min-max parameters' error, the one to beat.
  void setStartError(float err) { bestError = err; }

  /// The next trial's stored scale and zero point; false when none is left.
  bool nextTrial(float &s, float &zp) const {
#pragma clang fp contract(off)
    if (!(fitA > 0))
      return false;
    const double stored = roundScale(fitA, search.storage);
    const double z = std::clamp(std::nearbyint(-fitB / stored),
                                double(search.qmin), double(search.qmax));
    s = static_cast<float>(stored);
    zp = static_cast<float>(z);
    return true;
  }

  /// The trial's codes: kept when better, then fitted again (or the search
  /// ends when they do not vary).
  void takeTrial(float s, float zp, const CodeSums &sums) {
    if (sums.err < bestError) {
      bestError = sums.err;
      scale = s;
      zero = zp;
    }
    if (!fit(sums, fitA, fitB))
      fitA = 0;
  }

  /// The chosen parameters.
  double getScale() const { return scale; }
  double getZero() const { return zero; }

private:
  /// The least-squares line x ~ a q + b; false when the codes do not vary or
  /// a <= 0.
  bool fit(const CodeSums &sums, double &a, double &b) const {
#pragma clang fp contract(off)
    const double sq = sums.sq, sqq = sums.sqq;
    const double den = n * sqq - sq * sq;
    if (!(den > 0))
      return false;
    a = (n * double(sums.sxq) - sx * sq) / den;
    b = (sx - a * sq) / n;
    return a > 0;
  }

  AsymmetricSearch search;
  double n, sx, sxx, span;
  float zp0;
  double bestResidual = INFINITY, fitA = 0, fitB = 0;
  float bestError = INFINITY;
  double scale, zero;
};

/// The asymmetric search for eight blocks of `n` values at x + b * n
/// (n % 8 == 0) with values in [lo[b], hi[b]]: scales[b] and zeros[b] hold
/// the block's min-max parameters and receive the chosen ones, exactly as
/// searchIntegerParam chooses them.
void searchAsymmetric8(const float *x, int64_t n, const float *lo,
                       const float *hi, const AsymmetricSearch &search,
                       double *scales, double *zeros);

} // namespace detail
} // namespace coreai
} // namespace mlir

#endif // COREAI_LIB_COMPRESSION_SCALESEARCHKERNELS_H
