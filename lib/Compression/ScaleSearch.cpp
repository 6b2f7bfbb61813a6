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

#include "coreai/Compression/Quantize.h"

#include <algorithm>
#include <cmath>

using namespace mlir::coreai;

namespace {

/// The code of x for scale s and zero point zp, exactly as the code kernels
/// compute it (f32 division, ties to even, clamped).
inline float codeOf(float x, float s, float zp, float qmin, float qmax) {
  float t = std::clamp(x / s, -4194304.0f, 4194304.0f);
  t = (t + 12582912.0f) - 12582912.0f;
  return std::clamp(t + zp, qmin, qmax);
}

/// Clipping ratios from 1.10 down to `lowest` in steps of 0.05.
int numRatios(double lowest) {
  return 1 + static_cast<int>(std::floor((1.10 - lowest) / 0.05 + 1e-9));
}
double ratio(int i) { return 1.10 - 0.05 * i; }

/// Rounds a signed scale to its storage, keeping the sign.
double storeScale(double s, ScaleStorage storage) {
  double stored = roundScale(std::fabs(s), storage);
  return s < 0 ? -stored : stored;
}

/// Symmetric: the codes run over [-neg, pos] around the zero point.
void searchSymmetric(const QuantScheme &scheme, const IntRange &range,
                     const float *x, int64_t n, float lo, float hi,
                     double &scale) {
  const double zp = double(range.symmetricZeroPoint);
  const float qmin = float(range.qmin - range.symmetricZeroPoint);
  const float qmax = float(range.qmax - range.symmetricZeroPoint);
  const double absMax = std::max(std::fabs(double(lo)), std::fabs(double(hi)));
  // Orientations: the largest magnitude on the largest positive code, and
  // (full range) on the extra negative code.
  struct Orientation {
    double sign, reach;
  };
  Orientation orientations[2] = {{1.0, double(qmax)}, {0, 0}};
  int numOrientations = 1;
  if (-qmin > qmax) {
    const bool positive = double(hi) >= -double(lo);
    orientations[numOrientations++] = {positive ? -1.0 : 1.0, double(-qmin)};
  }
  double bestScore = -1, bestScale = 0;
  const int ratios = numRatios(scheme.lowestRatio);
  for (int o = 0; o < numOrientations; ++o)
    for (int i = 0; i < ratios; ++i) {
      const double s =
          orientations[o].sign * ratio(i) * absMax / orientations[o].reach;
      const float sf = static_cast<float>(s);
      double sxq = 0, sqq = 0;
      for (int64_t k = 0; k < n; ++k) {
        float q = codeOf(x[k], sf, 0.0f, qmin, qmax);
        sxq += double(x[k]) * q;
        sqq += double(q) * q;
      }
      if (sqq <= 0)
        continue;
      const double score = sxq * sxq / sqq;
      if (score > bestScore) {
        bestScore = score;
        bestScale = sxq / sqq; // the least-squares refit
      }
    }
  if (bestScore <= 0 || !(std::fabs(bestScale) > 0))
    return;
  const double refit = storeScale(bestScale, scheme.scaleStorage);
  if (integerBlockError(range, x, n, refit, zp) <
      integerBlockError(range, x, n, scale, zp))
    scale = refit;
}

/// Sums of a block against its codes, for a least-squares fit x ~ a q + b.
struct FitSums {
  double n = 0, sx = 0, sq = 0, sxq = 0, sqq = 0, sxx = 0;

  /// The fit (a, b); false when the codes do not vary or a <= 0.
  bool fit(double &a, double &b) const {
    const double den = n * sqq - sq * sq;
    if (!(den > 0))
      return false;
    a = (n * sxq - sx * sq) / den;
    b = (sx - a * sq) / n;
    return a > 0;
  }
  /// The squared error left by the fit.
  double residual(double a, double b) const { return sxx - a * sxq - b * sx; }
};

FitSums sumsFor(const float *x, int64_t n, float s, float zp, float qmin,
                float qmax) {
  FitSums sums;
  sums.n = double(n);
  for (int64_t k = 0; k < n; ++k) {
    float q = codeOf(x[k], s, zp, qmin, qmax);
    sums.sx += x[k];
    sums.sq += q;
    sums.sxq += double(x[k]) * q;
    sums.sqq += double(q) * q;
    sums.sxx += double(x[k]) * x[k];
  }
  return sums;
}

/// Asymmetric: clip both ends of the range together; score each candidate's
/// codes by the error left after fitting scale and offset to them; round
/// the best fit to a stored scale and an integer zero point, and refine it
/// by fitting again to its own codes.
void searchAsymmetric(const QuantScheme &scheme, const IntRange &range,
                      const float *x, int64_t n, float lo, float hi,
                      double &scale, double &zero) {
  const float qmin = float(range.qmin), qmax = float(range.qmax);
  const double vmin = std::min(0.0, double(lo));
  const double vmax = std::max(0.0, double(hi));
  const double span = vmax - vmin + 1e-6;
  const float zp0 = static_cast<float>(
      std::clamp(std::nearbyint((range.qmin * vmax - range.qmax * vmin) / span),
                 double(range.qmin), double(range.qmax)));
  double bestResidual = INFINITY, a = 0, b = 0;
  const int ratios = numRatios(scheme.lowestRatio);
  for (int i = 0; i < ratios; ++i) {
    const float s = static_cast<float>(ratio(i) * span / double(qmax - qmin));
    FitSums sums = sumsFor(x, n, s, zp0, qmin, qmax);
    double ca, cb;
    if (!sums.fit(ca, cb))
      continue;
    const double residual = sums.residual(ca, cb);
    if (residual < bestResidual) {
      bestResidual = residual;
      a = ca;
      b = cb;
    }
  }
  double bestError = integerBlockError(range, x, n, scale, zero);
  for (int iteration = 0; iteration < 3 && a > 0; ++iteration) {
    const double s = storeScale(a, scheme.scaleStorage);
    const double zp = std::clamp(std::nearbyint(-b / s), double(range.qmin),
                                 double(range.qmax));
    const double error = integerBlockError(range, x, n, s, zp);
    if (error < bestError) {
      bestError = error;
      scale = s;
      zero = zp;
    }
    if (!sumsFor(x, n, static_cast<float>(s), static_cast<float>(zp), qmin,
                 qmax)
             .fit(a, b))
      break;
  }
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
    searchAsymmetric(scheme, range, x, n, lo, hi, scale, zeroPoint);
}
