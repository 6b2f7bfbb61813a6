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

/// The number of clipping ratios from 1.10 down to `lowest` in steps of
/// 0.05 (ratio i is 1.10 - 0.05 i).
inline int numRatios(double lowest) {
  return 1 + static_cast<int>(std::floor((1.10 - lowest) / 0.05 + 1e-9));
}

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

/// One block of the weighted search (searchWeightedIntegerParam) between its
/// passes over the values, shared by the portable loop and the kernel so
/// that both decide alike: the candidates' code parameters, the best refit
/// of their sums, and the trial that may replace the block's parameters.
/// Its arithmetic is never contracted into fused multiply-adds.
class WeightedBlock {
public:
  /// A block with values in [lo, hi] (lo <= 0 <= hi) whose weights sum to
  /// `weight`.
  WeightedBlock(const QuantScheme &scheme, const IntRange &range, double lo,
                double hi, double weight)
      : scheme(&scheme), range(&range), lo(lo), hi(hi),
        active((lo != 0 || hi != 0) && weight > 0 && std::isfinite(weight)) {}

  /// False for all-zero blocks and blocks of zero weight: they keep their
  /// parameters.
  bool isActive() const { return active; }

  /// Candidate i's codes: round(x * inv) + zf, less zp; false when it
  /// cannot be scored.
  bool candidate(int i, float &inv, float &zf, double &zp) const {
#pragma clang fp contract(off)
    const double r = 1.10 - 0.05 * i;
    const double qmin = double(range->qmin), qmax = double(range->qmax);
    double s;
    if (scheme->symmetric) {
      zp = double(range->symmetricZeroPoint);
      s = r * std::max(-lo, hi) / (qmax - zp);
    } else {
      const double center = 0.5 * (lo + hi), half = 0.5 * r * (hi - lo);
      s = 2 * half / (qmax - qmin);
      zp = std::clamp(std::nearbyint(qmin - (center - half) / s), qmin, qmax);
    }
    inv = static_cast<float>(1.0 / s);
    zf = static_cast<float>(zp);
    return s > 0 && std::isfinite(inv);
  }

  /// A candidate's sums sxc = sum h x c and scc = sum h c^2: refitting the
  /// scale to its codes leaves sum h x^2 - sxc^2 / scc, so the largest
  /// sxc^2 / scc is kept.
  void score(double sxc, double scc, double zp) {
#pragma clang fp contract(off)
    if (!(scc > 0) || !(sxc > 0))
      return;
    const double value = sxc * sxc / scc;
    if (value > bestScore) {
      bestScore = value;
      bestScale = sxc / scc;
      bestZero = zp;
    }
  }

  /// The best refit rounded to its storage; false when there is none or it
  /// is not usable.
  bool trial(double &s, double &zp) const {
    if (!(bestScore > 0))
      return false;
    const double stored = roundScale(bestScale, scheme->scaleStorage);
    if (!(static_cast<float>(stored) > 0.0f) ||
        !std::isfinite(1.0f / static_cast<float>(stored)))
      return false;
    s = stored;
    zp = bestZero;
    return true;
  }

private:
  const QuantScheme *scheme;
  const IntRange *range;
  double lo, hi;
  bool active;
  double bestScore = 0, bestScale = 0, bestZero = 0;
};

/// sum h (x - (code(x) - zp) * s)^2 of the block whose value k is
/// x[k * stride] and its weight h[k * stride], for the stored scale `s`,
/// codes as the code kernels compute them (from x / s).
double weightedBlockError(const IntRange &range, const float *x,
                          const double *h, int64_t n, int64_t stride, double s,
                          double zp);

/// searchWeightedIntegerParam for eight blocks of `n` values, interleaved:
/// value k of block b at x[k * 8 + b], its weight at h[k * 8 + b]; scales[b]
/// and zeros[b] hold the block's parameters and receive the chosen ones,
/// bit for bit as the portable search chooses them. Needs haveSearchKernels.
void searchWeighted8(const QuantScheme &scheme, const IntRange &range,
                     const float *x, const double *h, int64_t n, double *scales,
                     double *zeros);

} // namespace detail
} // namespace coreai
} // namespace mlir

#endif // COREAI_LIB_COMPRESSION_SCALESEARCHKERNELS_H
