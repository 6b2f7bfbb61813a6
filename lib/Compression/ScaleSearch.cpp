//===- ScaleSearch.cpp - Least-squares scales for integer blocks ----------===//
//
// ScaleSearch::MSE: instead of the scale that maps a block's largest
// magnitude onto the largest code, try a few clipped scales, keep the one
// whose rounded codes explain the block best in the least-squares sense,
// refit it to those codes and round it to its storage. Codes are then
// computed against the stored scale by the ordinary kernels, so the output
// format does not change.
//
//===----------------------------------------------------------------------===//

#include "ScaleSearchKernels.h"

#include <algorithm>
#include <cmath>

using namespace mlir::coreai;

// The search must choose exactly what the vector kernel chooses: no
// contraction of separate multiplies and adds into fused ones.
#pragma clang fp contract(off)

/// The scalar search loops call std::fma on every element: where the CPU
/// has the instruction they run a copy compiled with it instead of calling
/// the library's fmaf (the same fused results, several times faster). No
/// other multiply-add may be fused in those copies: the results must not
/// depend on the CPU.
#pragma clang fp contract(off)
#if defined(__x86_64__) && defined(__linux__)
#define COREAI_FMA_CLONES __attribute__((target_clones("fma", "default")))
#else
#define COREAI_FMA_CLONES
#endif

namespace {

/// The code of x for scale s and zero point zp, exactly as the code kernels
/// compute it (f32 division, ties to even, clamped).
inline float codeOf(float x, float s, float zp, float qmin, float qmax) {
  float t = std::clamp(x / s, -4194304.0f, 4194304.0f);
  t = (t + 12582912.0f) - 12582912.0f;
  return std::clamp(t + zp, qmin, qmax);
}

using detail::numRatios;
double ratio(int i) { return 1.10 - 0.05 * i; }

/// Rounds a signed scale to its storage, keeping the sign.
double storeScale(double s, ScaleStorage storage) {
  double stored = roundScale(std::fabs(s), storage);
  return s < 0 ? -stored : stored;
}

/// The candidate scales of a symmetric block with values in [lo, hi] (codes
/// relative to the zero point); returns how many, or 0 when the block is not
/// searched (all zero, or scales too small to invert in f32).
int symmetricCandidates(const QuantScheme &scheme, const IntRange &range,
                        float lo, float hi, float *scales) {
  const double absMax = std::max(std::fabs(double(lo)), std::fabs(double(hi)));
  if (!(absMax > 0))
    return 0;
  const double pos = double(range.qmax - range.symmetricZeroPoint);
  const double neg = double(range.symmetricZeroPoint - range.qmin);
  // Orientations: the largest magnitude on the largest positive code, and
  // (full range) on the extra negative code, which takes a negative scale
  // when the largest magnitude is a positive value.
  double signs[2] = {1.0, double(hi) >= -double(lo) ? -1.0 : 1.0};
  double reaches[2] = {pos, neg};
  const int orientations = neg > pos ? 2 : 1;
  const int ratios = numRatios(scheme.lowestRatio);
  int count = 0;
  for (int o = 0; o < orientations; ++o)
    for (int i = 0; i < ratios; ++i) {
      const float s =
          static_cast<float>(signs[o] * ratio(i) * absMax / reaches[o]);
      if (!(s != 0.0f) || !std::isfinite(1.0f / s))
        return 0;
      scales[count++] = s;
    }
  return count;
}

/// Scores `count` candidate scales on x[0, n): (sum x q)^2 / sum q^2 with
/// q = clamp(rint(x / s)) in [qmin, qmax]; returns false when none scores,
/// else the best one's refit sum x q / sum q^2.
COREAI_FMA_CLONES
bool scoreSymmetric(const float *x, int64_t n, const float *candidates,
                    int count, float qmin, float qmax, float &refit) {
  float best = 0.0f;
  bool found = false;
  for (int c = 0; c < count; ++c) {
    const float inv = 1.0f / candidates[c];
    float sxq = 0.0f, sqq = 0.0f;
    for (int64_t k = 0; k < n; ++k) {
      float t = x[k] * inv;
      float q = std::min(std::max(std::nearbyint(t), qmin), qmax);
      sxq = std::fma(x[k], q, sxq);
      sqq = std::fma(q, q, sqq);
    }
    if (!(sqq > 0.0f))
      continue;
    const float numerator = sxq * sxq;
    const float score = numerator / sqq;
    if (score > best) {
      best = score;
      refit = sxq / sqq;
      found = true;
    }
  }
  return found;
}

/// The squared error of x[0, n) against `scale`, as the search measures it.
COREAI_FMA_CLONES
float symmetricError(const float *x, int64_t n, float scale, float qmin,
                     float qmax) {
  const float inv = 1.0f / scale;
  float error = 0.0f;
  for (int64_t k = 0; k < n; ++k) {
    float t = x[k] * inv;
    float q = std::min(std::max(std::nearbyint(t), qmin), qmax);
    float e = std::fma(-q, scale, x[k]);
    error = std::fma(e, e, error);
  }
  return error;
}

/// Symmetric: candidate scales r * amax / qmax scored by (sum x q)^2 /
/// sum q^2, the best refitted to sum x q / sum q^2 and stored; kept when it
/// beats the min-max scale. In f32 with fused multiply-adds, element after
/// element, so that the vector kernel gives exactly the same choice.
void searchSymmetric(const QuantScheme &scheme, const IntRange &range,
                     const float *x, int64_t n, float lo, float hi,
                     double &scale) {
  float candidates[detail::kMaxCandidates];
  int count = symmetricCandidates(scheme, range, lo, hi, candidates);
  const float qmin = float(range.qmin - range.symmetricZeroPoint);
  const float qmax = float(range.qmax - range.symmetricZeroPoint);
  float refit;
  if (count == 0 || !scoreSymmetric(x, n, candidates, count, qmin, qmax, refit))
    return;
  const double stored = storeScale(refit, scheme.scaleStorage);
  if (symmetricError(x, n, static_cast<float>(stored), qmin, qmax) <
      symmetricError(x, n, static_cast<float>(scale), qmin, qmax))
    scale = stored;
}

/// One pass over the asymmetric codes of x[0, n) for scale 1 / inv and
/// zero point zp, in f32 element after element as the kernel runs it; with
/// `s`, also the squared error against it.
detail::CodeSums asymmetricSums(const float *x, int64_t n, float inv, float zp,
                                float qmin, float qmax, float s = 0) {
  detail::CodeSums sums;
  for (int64_t k = 0; k < n; ++k) {
    float t = std::clamp(x[k] * inv, -4194304.0f, 4194304.0f);
    float q = std::clamp(std::nearbyint(t) + zp, qmin, qmax);
    sums.sq = sums.sq + q;
    sums.sxq = std::fma(x[k], q, sums.sxq);
    sums.sqq = std::fma(q, q, sums.sqq);
    if (s != 0) {
      float e = std::fma(-(q - zp), s, x[k]);
      sums.err = std::fma(e, e, sums.err);
    }
  }
  return sums;
}

/// Asymmetric: the steps of detail::AsymmetricBlock, one pass over the block
/// at a time.
void searchAsymmetric(const detail::AsymmetricSearch &search, const float *x,
                      int64_t n, float lo, float hi, double &scale,
                      double &zero) {
  float sx = 0, sxx = 0;
  for (int64_t k = 0; k < n; ++k) {
    sx = sx + x[k];
    sxx = std::fma(x[k], x[k], sxx);
  }
  detail::AsymmetricBlock block(search, lo, hi, n, sx, sxx, scale, zero);
  for (int i = 0; i < search.ratios; ++i)
    block.scoreCandidate(asymmetricSums(x, n, 1.0f / block.candidateScale(i),
                                        block.startZero(), search.qmin,
                                        search.qmax));
  const float s0 = static_cast<float>(scale);
  block.setStartError(asymmetricSums(x, n, 1.0f / s0, static_cast<float>(zero),
                                     search.qmin, search.qmax, s0)
                          .err);
  float s, zp;
  for (int trial = 0;
       trial < detail::AsymmetricBlock::kMaxTrials && block.nextTrial(s, zp);
       ++trial)
    block.takeTrial(
        s, zp, asymmetricSums(x, n, 1.0f / s, zp, search.qmin, search.qmax, s));
  scale = block.getScale();
  zero = block.getZero();
}

detail::AsymmetricSearch asymmetricSearchFor(const QuantScheme &scheme,
                                             const IntRange &range) {
  return {float(range.qmin), float(range.qmax), numRatios(scheme.lowestRatio),
          scheme.scaleStorage};
}

} // namespace

double mlir::coreai::integerBlockError(const IntRange &range, const float *x,
                                       int64_t n, double scale,
                                       double zeroPoint) {
  const float sf = static_cast<float>(scale),
              zf = static_cast<float>(zeroPoint);
  const float qmin = float(range.qmin), qmax = float(range.qmax);
  double error = 0;
  for (int64_t k = 0; k < n; ++k) {
    float q = codeOf(x[k], sf, zf, qmin, qmax);
    double e = double(x[k]) - (double(q) - zeroPoint) * scale;
    error += e * e;
  }
  return error;
}

void mlir::coreai::searchIntegerParam(const QuantScheme &scheme,
                                      const IntRange &range, const float *x,
                                      int64_t n, float lo, float hi,
                                      double &scale, double &zeroPoint) {
  computeMinMaxParam(scheme, range, lo, hi, scale, zeroPoint);
  if (scheme.format.isFloat || n == 0 || (lo == 0 && hi == 0))
    return;
  if (scheme.symmetric)
    searchSymmetric(scheme, range, x, n, lo, hi, scale);
  else
    searchAsymmetric(asymmetricSearchFor(scheme, range), x, n, lo, hi, scale,
                     zeroPoint);
}

void mlir::coreai::searchIntegerRow(const QuantScheme &scheme,
                                    const IntRange &range, const float *row,
                                    int64_t segs, int64_t segLen,
                                    const float *lo, const float *hi,
                                    double *scales, double *zeroPoints) {
  int64_t j = 0;
  if (scheme.symmetric && !scheme.format.isFloat && segLen % 8 == 0 &&
      (scheme.scaleStorage == ScaleStorage::F16 ||
       scheme.scaleStorage == ScaleStorage::F32) &&
      detail::haveSearchKernels()) {
    detail::SymmetricSearch search;
    search.qmin = float(range.qmin - range.symmetricZeroPoint);
    search.qmax = float(range.qmax - range.symmetricZeroPoint);
    search.pos = double(range.qmax - range.symmetricZeroPoint);
    search.neg = double(range.symmetricZeroPoint - range.qmin);
    search.orientations = search.neg > search.pos ? 2 : 1;
    search.ratios = numRatios(scheme.lowestRatio);
    search.f16 = scheme.scaleStorage == ScaleStorage::F16;
    if (detail::haveWideSearchKernels())
      for (; j + 16 <= segs; j += 16)
        detail::searchSymmetric16(row + j * segLen, segLen, lo + j, hi + j,
                                  search, scales + j);
    for (; j + 8 <= segs; j += 8)
      detail::searchSymmetric8(row + j * segLen, segLen, lo + j, hi + j, search,
                               scales + j);
  }
  if (!scheme.symmetric && !scheme.format.isFloat && segLen % 8 == 0 &&
      detail::haveSearchKernels()) {
    const detail::AsymmetricSearch search = asymmetricSearchFor(scheme, range);
    for (; j + 8 <= segs; j += 8)
      detail::searchAsymmetric8(row + j * segLen, segLen, lo + j, hi + j,
                                search, scales + j, zeroPoints + j);
  }
  for (; j < segs; ++j)
    searchIntegerParam(scheme, range, row + j * segLen, segLen, lo[j], hi[j],
                       scales[j], zeroPoints[j]);
}

double mlir::coreai::detail::weightedBlockError(const IntRange &range,
                                                const float *x, const double *h,
                                                int64_t n, int64_t stride,
                                                double s, double zp) {
  const float sf = static_cast<float>(s), zf = static_cast<float>(zp);
  const float qmin = float(range.qmin), qmax = float(range.qmax);
  double error = 0;
  for (int64_t k = 0; k < n; ++k) {
    const float xk = x[k * stride];
    const double e =
        double(xk) - (double(codeOf(xk, sf, zf, qmin, qmax)) - zp) * s;
    error += h[k * stride] * e * e;
  }
  return error;
}

namespace {

/// searchWeightedIntegerParam on a block whose value k is x[k * stride].
void searchWeightedStrided(const QuantScheme &scheme, const IntRange &range,
                           const float *x, const double *h, int64_t n,
                           int64_t stride, double &scale, double &zeroPoint) {
  if (scheme.format.isFloat || n == 0)
    return;
  double lo = 0, hi = 0, weight = 0;
  for (int64_t k = 0; k < n; ++k) {
    lo = std::min(lo, double(x[k * stride]));
    hi = std::max(hi, double(x[k * stride]));
    weight += h[k * stride];
  }
  detail::WeightedBlock block(scheme, range, lo, hi, weight);
  if (!block.isActive())
    return;
  const float qmin = float(range.qmin), qmax = float(range.qmax);
  const int ratios = numRatios(scheme.lowestRatio);
  for (int i = 0; i < ratios; ++i) {
    float inv, zf;
    double zp;
    if (!block.candidate(i, inv, zf, zp))
      continue;
    double sxc = 0, scc = 0;
    for (int64_t k = 0; k < n; ++k) {
      const float xk = x[k * stride];
      float t = std::clamp(xk * inv, -4194304.0f, 4194304.0f);
      t = (t + 12582912.0f) - 12582912.0f;
      const double c = double(std::clamp(t + zf, qmin, qmax)) - zp;
      sxc += h[k * stride] * double(xk) * c;
      scc += h[k * stride] * c * c;
    }
    block.score(sxc, scc, zp);
  }
  double s, zp;
  if (block.trial(s, zp) &&
      detail::weightedBlockError(range, x, h, n, stride, s, zp) <
          detail::weightedBlockError(range, x, h, n, stride, scale,
                                     zeroPoint)) {
    scale = s;
    zeroPoint = zp;
  }
}

} // namespace

void mlir::coreai::searchWeightedIntegerParam(const QuantScheme &scheme,
                                              const IntRange &range,
                                              const float *x, const double *h,
                                              int64_t n, double &scale,
                                              double &zeroPoint) {
  searchWeightedStrided(scheme, range, x, h, n, 1, scale, zeroPoint);
}

void mlir::coreai::searchWeightedIntegerParams(const QuantScheme &scheme,
                                               const IntRange &range,
                                               const float *x, const double *h,
                                               int64_t n, int64_t lanes,
                                               double *scales,
                                               double *zeroPoints) {
  if (lanes == 8 && !scheme.format.isFloat && n > 0 &&
      detail::haveSearchKernels()) {
    detail::searchWeighted8(scheme, range, x, h, n, scales, zeroPoints);
    return;
  }
  for (int64_t b = 0; b < lanes; ++b)
    searchWeightedStrided(scheme, range, x + b, h + b, n, lanes, scales[b],
                          zeroPoints[b]);
}
