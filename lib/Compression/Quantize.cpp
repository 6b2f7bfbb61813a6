//===- Quantize.cpp - Blockwise weight quantization -----------------------===//

#include "coreai/Compression/Quantize.h"
#include "QuantizeKernels.h"
#include "coreai/Compression/Packing.h"
#include "coreai/Compression/Parallel.h"

#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

using namespace mlir::coreai;
using llvm::ArrayRef;

IntRange mlir::coreai::getIntRange(QuantFormat format, bool symmetric,
                                   bool fullRange) {
  int64_t levels = int64_t(1) << format.bits;
  const bool dropCode = symmetric && !fullRange;
  if (format.isSigned) {
    int64_t qmin = -levels / 2, qmax = levels / 2 - 1;
    return {dropCode ? qmin + 1 : qmin, qmax, 0};
  }
  int64_t qmax = dropCode ? levels - 2 : levels - 1;
  return {0, qmax, !symmetric ? 0 : fullRange ? levels / 2 : qmax / 2};
}

double mlir::coreai::roundScale(double scale, ScaleStorage storage) {
  double stored = 0, smallest = 0, largest = 0;
  switch (storage) {
  case ScaleStorage::F32:
    stored = static_cast<float>(scale);
    smallest = std::numeric_limits<float>::denorm_min();
    largest = std::numeric_limits<float>::max();
    break;
  case ScaleStorage::F16:
    stored = decodeF16(encodeF16(scale));
    smallest = 5.9604644775390625e-8; // 2^-24
    largest = 65504.0;
    break;
  case ScaleStorage::BF16:
    stored = decodeBF16(encodeBF16(scale));
    smallest = 9.183549615799121e-41; // 2^-133
    largest = decodeBF16(0x7f7f);
    break;
  case ScaleStorage::E8M0:
    return smallFloatTable(
        SmallFloat::F8E8M0FNU)[encodeSmallFloat(SmallFloat::F8E8M0FNU, scale)];
  }
  if (!(stored > 0))
    return smallest;
  return std::min(stored, largest);
}

double mlir::coreai::getMXScale(double absMax, SmallFloat elementFormat) {
  if (!(absMax > 0))
    return std::ldexp(1.0, -127);
  int emax = elementFormat == SmallFloat::F4E2M1FN   ? 2
             : elementFormat == SmallFloat::F8E4M3FN ? 8
                                                     : 15;
  int e;
  (void)std::frexp(absMax, &e); // absMax = m * 2^e, m in [0.5, 1)
  return std::ldexp(1.0, std::clamp(e - 1 - emax, -127, 127));
}

double mlir::coreai::decodeQuantCode(QuantFormat format, uint8_t code) {
  if (format.isFloat)
    return smallFloatTable(format.floatFormat)[code];
  if (format.isSigned)
    return static_cast<double>(signExtend(code, format.bits));
  return code;
}

namespace {

/// The weight seen as rows of segments: row r holds elements
/// [r * rowLen, (r + 1) * rowLen); segment j of a row holds `segLen`
/// consecutive elements and uses parameter rowBase[r] + j. rowBase never
/// decreases from one row to the next.
struct RowView {
  int64_t rows = 1, rowLen = 1, segLen = 1, segsPerRow = 1;
  std::vector<int64_t> rowBase;
};

/// Rows of at most this many elements, when a weight can be split so.
constexpr int64_t kRowTarget = 1 << 16;

RowView makeRowView(ArrayRef<int64_t> shapeIn, ArrayRef<int64_t> paramIn) {
  llvm::SmallVector<int64_t> shape(shapeIn), param(paramIn);
  if (shape.empty()) {
    shape.push_back(1);
    param.push_back(1);
  }
  // A trailing dim whose block covers it whole merges into the dim before.
  while (shape.size() >= 2 && param.back() == 1) {
    int64_t last = shape.pop_back_val();
    param.pop_back();
    shape.back() *= last;
  }
  RowView view;
  const size_t r = shape.size();
  view.rowLen = shape.back();
  view.segsPerRow = param.back();
  view.segLen = view.rowLen / view.segsPerRow;
  int64_t numel = 1;
  for (int64_t d : shape)
    numel *= d;
  view.rows = view.rowLen ? numel / view.rowLen : 0;

  // Parameter base of each row: sum over the leading dims of
  // (index / block size) * parameter stride.
  std::vector<int64_t> stride(r, view.segsPerRow);
  for (int64_t d = static_cast<int64_t>(r) - 3; d >= 0; --d)
    stride[d] = stride[d + 1] * param[d + 1];
  view.rowBase.assign(view.rows, 0);
  std::vector<int64_t> index(r, 0);
  for (int64_t row = 0; row < view.rows; ++row) {
    int64_t base = 0;
    for (size_t d = 0; d + 1 < r; ++d)
      base += index[d] / (shape[d] / param[d]) * stride[d];
    view.rowBase[row] = base;
    for (int64_t d = static_cast<int64_t>(r) - 2; d >= 0; --d) {
      if (++index[d] < shape[d])
        break;
      index[d] = 0;
    }
  }

  // Few long rows (per-tensor, per-channel on a merged weight): split each
  // into k sub-rows, k dividing the segments of a row, or the one segment.
  if (view.rows < 64 && view.rowLen > kRowTarget) {
    int64_t divisible = view.segsPerRow > 1 ? view.segsPerRow : view.segLen;
    int64_t k = 1;
    for (int64_t c = 2; c <= std::min<int64_t>(divisible, 1 << 20); ++c)
      if (divisible % c == 0 && view.rowLen / c <= kRowTarget) {
        k = c;
        break;
      }
    if (k > 1) {
      RowView split;
      split.rows = view.rows * k;
      split.rowLen = view.rowLen / k;
      split.segsPerRow = view.segsPerRow > 1 ? view.segsPerRow / k : 1;
      split.segLen = view.segsPerRow > 1 ? view.segLen : split.rowLen;
      split.rowBase.resize(split.rows);
      for (int64_t row = 0; row < view.rows; ++row)
        for (int64_t i = 0; i < k; ++i)
          split.rowBase[row * k + i] =
              view.rowBase[row] +
              (view.segsPerRow > 1 ? i * split.segsPerRow : 0);
      view = std::move(split);
    }
  }
  return view;
}

/// Quantizes one segment: codes[k] for v[k], against stored scale `s` and
/// zero point `zp`. Integers: clamp(rne(v / s) + zp, qmin, qmax) with the
/// division in f32 (IEEE, so every instruction set gives the same codes).
/// Floats: the nearest value of the format to clamp(v / s, +-fmax), ties to
/// even, computed on the f32 bits.
[[gnu::always_inline]] inline void
quantizeSegment(const QuantFormat &format, const IntRange &range, float s,
                float zp, const float *v, uint8_t *codes, int64_t n) {
  if (!format.isFloat) {
    const float qmin = float(range.qmin), qmax = float(range.qmax);
    const uint32_t mask = (1u << format.bits) - 1u;
    for (int64_t k = 0; k < n; ++k) {
      float x = std::clamp(v[k] / s, -4194304.0f, 4194304.0f);
      // Adding and subtracting 1.5 * 2^23 rounds |x| < 2^22 to even.
      x = (x + 12582912.0f) - 12582912.0f;
      float q = std::clamp(x + zp, qmin, qmax);
      codes[k] = static_cast<uint8_t>(
          static_cast<uint32_t>(static_cast<int32_t>(q)) & mask);
    }
    return;
  }
  unsigned expBits = 4, mantBits = 3;
  if (format.floatFormat == SmallFloat::F8E5M2)
    expBits = 5, mantBits = 2;
  else if (format.floatFormat == SmallFloat::F4E2M1FN)
    expBits = 2, mantBits = 1;
  const int32_t bias = (1 << (expBits - 1)) - 1;
  const int32_t emin = 1 - bias;
  const uint32_t shift = 23 - mantBits;
  const uint32_t signShift = 31 - expBits - mantBits;
  const float fmax = smallFloatMax(format.floatFormat);
  // Subnormals: |x| / 2^(emin - mantBits), rounded to even.
  const float subScale = std::ldexp(1.0f, static_cast<int>(mantBits) - emin);
  // The subnormal code is only used below the smallest normal; clamping its
  // input there keeps the int32 conversion defined for every value.
  const float minNormal = std::ldexp(1.0f, emin);
  for (int64_t k = 0; k < n; ++k) {
    float x = std::clamp(v[k] / s, -fmax, fmax);
    uint32_t xb;
    std::memcpy(&xb, &x, 4);
    uint32_t sign = (xb >> 31) << (31 - signShift);
    uint32_t ab = xb & 0x7fffffffu;
    float a;
    std::memcpy(&a, &ab, 4);
    int32_t e = static_cast<int32_t>(ab >> 23) - 127;
    // Normal: rebias the exponent, round the mantissa bits to even; a carry
    // moves into the exponent as it should.
    uint32_t nv = (static_cast<uint32_t>(e + bias) << 23) | (ab & 0x7fffffu);
    nv += ((1u << (shift - 1)) - 1) + ((nv >> shift) & 1);
    uint32_t normal = nv >> shift;
    float sub = (std::min(a, minNormal) * subScale + 12582912.0f) - 12582912.0f;
    uint32_t subnormal = static_cast<uint32_t>(static_cast<int32_t>(sub));
    codes[k] = static_cast<uint8_t>((e >= emin ? normal : subnormal) | sign);
  }
}

/// Quantizes one row of `segs` segments of `segLen` values; segment j uses
/// scales[j] and zeroPoints[j].
[[gnu::always_inline]] inline void
quantizeRow(const QuantFormat &format, const IntRange &range,
            const double *scales, const double *zeroPoints, const float *v,
            uint8_t *codes, int64_t segs, int64_t segLen) {
  for (int64_t j = 0; j < segs; ++j)
    quantizeSegment(format, range, static_cast<float>(scales[j]),
                    static_cast<float>(zeroPoints[j]), v + j * segLen,
                    codes + j * segLen, segLen);
}

using CodeKernel = void (*)(const QuantFormat &, const IntRange &,
                            const double *, const double *, const float *,
                            uint8_t *, int64_t, int64_t);

void quantizeRowDefault(const QuantFormat &format, const IntRange &range,
                        const double *scales, const double *zeroPoints,
                        const float *v, uint8_t *codes, int64_t segs,
                        int64_t segLen) {
  quantizeRow(format, range, scales, zeroPoints, v, codes, segs, segLen);
}

#if defined(__x86_64__) && defined(__clang__)
[[gnu::target("avx2")]] void
quantizeRowAVX2(const QuantFormat &format, const IntRange &range,
                const double *scales, const double *zeroPoints, const float *v,
                uint8_t *codes, int64_t segs, int64_t segLen) {
  quantizeRow(format, range, scales, zeroPoints, v, codes, segs, segLen);
}
#endif

CodeKernel selectCodeKernel() {
#if defined(__x86_64__) && defined(__clang__)
  if (__builtin_cpu_supports("avx2"))
    return quantizeRowAVX2;
#endif
  return quantizeRowDefault;
}

/// Folds v[0, n) into [lo, hi]; returns false if any value is Inf or NaN.
/// Minimum and maximum are exact in any order, so lanes change nothing.
[[gnu::always_inline]] inline bool minMaxSegment(const float *v, int64_t n,
                                                 float &lo, float &hi) {
  constexpr int kLanes = 8;
  float l[kLanes], h[kLanes];
  uint32_t bad[kLanes];
  for (int i = 0; i < kLanes; ++i)
    l[i] = lo, h[i] = hi, bad[i] = 0;
  int64_t k = 0;
  for (; k + kLanes <= n; k += kLanes)
    for (int i = 0; i < kLanes; ++i) {
      float x = v[k + i];
      // Inf and NaN fail |x| <= FLT_MAX.
      bad[i] |= !(std::fabs(x) <= std::numeric_limits<float>::max());
      l[i] = x < l[i] ? x : l[i];
      h[i] = x > h[i] ? x : h[i];
    }
  for (; k < n; ++k) {
    bad[0] |= !(std::fabs(v[k]) <= std::numeric_limits<float>::max());
    l[0] = v[k] < l[0] ? v[k] : l[0];
    h[0] = v[k] > h[0] ? v[k] : h[0];
  }
  uint32_t anyBad = 0;
  for (int i = 0; i < kLanes; ++i) {
    lo = l[i] < lo ? l[i] : lo;
    hi = h[i] > hi ? h[i] : hi;
    anyBad |= bad[i];
  }
  return anyBad == 0;
}

/// Folds each of `segs` segments of `segLen` values into lo[j], hi[j];
/// returns false if any value is Inf or NaN.
[[gnu::always_inline]] inline bool
minMaxRow(const float *v, int64_t segs, int64_t segLen, float *lo, float *hi) {
  bool finite = true;
  for (int64_t j = 0; j < segs; ++j)
    finite &= minMaxSegment(v + j * segLen, segLen, lo[j], hi[j]);
  return finite;
}

using MinMaxKernel = bool (*)(const float *, int64_t, int64_t, float *,
                              float *);

bool minMaxRowDefault(const float *v, int64_t segs, int64_t segLen, float *lo,
                      float *hi) {
  return minMaxRow(v, segs, segLen, lo, hi);
}

#if defined(__x86_64__) && defined(__clang__)
[[gnu::target("avx2")]] bool minMaxRowAVX2(const float *v, int64_t segs,
                                           int64_t segLen, float *lo,
                                           float *hi) {
  return minMaxRow(v, segs, segLen, lo, hi);
}
#endif

MinMaxKernel selectMinMaxKernel() {
#if defined(__x86_64__) && defined(__clang__)
  if (__builtin_cpu_supports("avx2"))
    return minMaxRowAVX2;
#endif
  return minMaxRowDefault;
}

/// Minimum and maximum of a range of parameters, found by one chunk of rows.
struct Partial {
  int64_t firstParam = 0;
  std::vector<float> lo, hi;
  bool finite = true;
};

/// The values of every block of `view`, block after block, each in row
/// order.
UninitVector<float> gatherBlocks(const RowView &view, int64_t numParams,
                                 WeightLoader load) {
  const int64_t numel = view.rows * view.rowLen;
  const int64_t blockLen = numel / numParams;
  UninitVector<float> blocks(numel);
  std::vector<int64_t> fill(numParams, 0);
  std::vector<float> row(view.rowLen);
  for (int64_t r = 0; r < view.rows; ++r) {
    load(r * view.rowLen, (r + 1) * view.rowLen, row.data());
    for (int64_t j = 0; j < view.segsPerRow; ++j) {
      const int64_t p = view.rowBase[r] + j;
      std::copy(row.begin() + j * view.segLen,
                row.begin() + (j + 1) * view.segLen,
                blocks.begin() + p * blockLen + fill[p]);
      fill[p] += view.segLen;
    }
  }
  return blocks;
}

/// The stored scale and zero point of block x[0, n) with values in [lo, hi]:
/// searched when the scheme asks for it and the values are at hand.
void setBlockParam(const QuantScheme &scheme, const IntRange &range,
                   const float *x, int64_t n, float lo, float hi, double &scale,
                   double &zero) {
  if (x && scheme.search == ScaleSearch::MSE && !scheme.format.isFloat)
    searchIntegerParam(scheme, range, x, n, lo, hi, scale, zero);
  else
    computeMinMaxParam(scheme, range, lo, hi, scale, zero);
}

/// quantizeWeight for weights whose rows own their parameters: one pass,
/// each row decoded once, its blocks' parameters computed and its codes
/// written (packed when allowed) while it is in cache.
void quantizeOwnRows(const QuantScheme &scheme, const RowView &view,
                     WeightLoader load, const uint16_t *f16,
                     QuantizedWeight &out, unsigned threads, bool allowPacked) {
  const QuantFormat &format = scheme.format;
  const IntRange range =
      getIntRange(format, scheme.symmetric, scheme.fullRange);
  const bool search = scheme.search == ScaleSearch::MSE && !format.isFloat;
  const int64_t numParams = view.rows * view.segsPerRow;
  const int64_t numel = view.rows * view.rowLen;
  const unsigned bits = format.bits;
  out.packed = allowPacked && bits < 8 && (view.rowLen * bits) % 8 == 0;
  out.codes.resize(out.packed ? numel * bits / 8 : numel);
  out.scales.resize(numParams);
  // Symmetric blocks share their zero point: it is stored once.
  const bool sharedZero = scheme.symmetric;
  out.zeroPoints.resize(sharedZero ? 1 : numParams);
  if (sharedZero)
    out.zeroPoints[0] =
        format.isFloat ? 0.0 : static_cast<double>(range.symmetricZeroPoint);
  const int64_t grain =
      std::max<int64_t>(1, kRowTarget / std::max<int64_t>(view.rowLen, 1));
  const int64_t numChunks = (view.rows + grain - 1) / grain;
  std::vector<char> chunkFinite(numChunks, 1);
  MinMaxKernel minMax = selectMinMaxKernel();
  CodeKernel kernel = selectCodeKernel();
  // f16 integer rows of whole 32-element vectors take the vector kernels.
  const bool vectorRows = f16 && !format.isFloat && view.segLen % 32 == 0 &&
                          detail::haveF16RowKernels();
  // Long blocks are decoded again for their codes (F16C costs less than
  // storing and reloading f32); short ones keep the decoded row.
  // The search reads each block again: it keeps the row.
  const bool keepRow = view.segLen < 256 || search;
  const bool vectorParams = vectorRows && !scheme.fullRange &&
                            (scheme.scaleStorage == ScaleStorage::F16 ||
                             scheme.scaleStorage == ScaleStorage::F32);
  const bool packNibbles = out.packed && bits == 4;
  parallelFor(threads, numChunks, [&](int64_t c) {
    const int64_t rb = c * grain, re = std::min(view.rows, (c + 1) * grain);
    const int64_t segs = view.segsPerRow;
    UninitVector<float> row(view.rowLen), lo(segs), hi(segs), floatScales(segs);
    UninitVector<double> zeros(segs);
    UninitVector<int32_t> intZeros(segs);
    UninitVector<uint8_t> rowCodes(out.packed ? view.rowLen : 0);
    auto *dst = reinterpret_cast<uint8_t *>(out.codes.data());
    for (int64_t r = rb; r < re; ++r) {
      bool finite =
          vectorRows
              ? detail::decodeMinMaxF16Row(f16 + r * view.rowLen,
                                           keepRow ? row.data() : nullptr, segs,
                                           view.segLen, lo.data(), hi.data())
              : (load(r * view.rowLen, (r + 1) * view.rowLen, row.data()),
                 std::fill(lo.begin(), lo.end(),
                           std::numeric_limits<float>::infinity()),
                 std::fill(hi.begin(), hi.end(),
                           -std::numeric_limits<float>::infinity()),
                 minMax(row.data(), segs, view.segLen, lo.data(), hi.data()));
      if (!finite) {
        chunkFinite[c] = 0;
        return;
      }
      const int64_t p = r * segs;
      double *scales = out.scales.data() + p;
      int64_t done = 0;
      if (vectorParams)
        done = detail::integerParams(
            lo.data(), hi.data(), segs, scheme.symmetric, int32_t(range.qmin),
            int32_t(range.qmax), int32_t(range.symmetricZeroPoint),
            scheme.scaleStorage == ScaleStorage::F16, scales, zeros.data(),
            floatScales.data(), intZeros.data());
      for (int64_t j = done; j < segs; ++j)
        computeMinMaxParam(scheme, range, lo[j], hi[j], scales[j], zeros[j]);
      if (search) {
        // The vector parameters leave symmetric zero points unset.
        if (scheme.symmetric)
          std::fill(zeros.begin(), zeros.begin() + done,
                    double(range.symmetricZeroPoint));
        searchIntegerRow(scheme, range, row.data(), segs, view.segLen,
                         lo.data(), hi.data(), scales, zeros.data());
        done = 0;
      }
      for (int64_t j = done; j < segs; ++j) {
        floatScales[j] = static_cast<float>(scales[j]);
        intZeros[j] = static_cast<int32_t>(zeros[j]);
      }
      if (!sharedZero)
        std::copy(zeros.begin(), zeros.end(), out.zeroPoints.begin() + p);
      uint8_t *packedRow = dst + r * view.rowLen * bits / 8;
      uint8_t *codes = !out.packed                 ? dst + r * view.rowLen
                       : packNibbles && vectorRows ? packedRow
                                                   : rowCodes.data();
      if (vectorRows) {
        if (!keepRow)
          detail::integerCodesRow(f16 + r * view.rowLen, floatScales.data(),
                                  intZeros.data(), segs, view.segLen,
                                  int32_t(range.qmin), int32_t(range.qmax),
                                  bits, packNibbles, codes);
        else
          detail::integerCodesRow(row.data(), floatScales.data(),
                                  intZeros.data(), segs, view.segLen,
                                  int32_t(range.qmin), int32_t(range.qmax),
                                  bits, packNibbles, codes);
      } else {
        kernel(format, range, scales, zeros.data(), row.data(), codes, segs,
               view.segLen);
      }
      if (codes == rowCodes.data())
        packBits(
            rowCodes, bits,
            llvm::MutableArrayRef<uint8_t>(packedRow, view.rowLen * bits / 8));
    }
  });
  for (char f : chunkFinite)
    if (!f) {
      out = QuantizedWeight();
      out.finite = false;
      return;
    }
}

} // namespace

void mlir::coreai::computeMinMaxParam(const QuantScheme &scheme,
                                      const IntRange &range, float blockLo,
                                      float blockHi, double &scale,
                                      double &zero) {
  const QuantFormat &format = scheme.format;
  double absMax =
      std::max(std::fabs(double(blockLo)), std::fabs(double(blockHi)));
  if (format.isFloat) {
    scale = scheme.scaleStorage == ScaleStorage::E8M0
                ? getMXScale(absMax, format.floatFormat)
                : roundScale(absMax / smallFloatMax(format.floatFormat),
                             scheme.scaleStorage);
    zero = 0.0;
    return;
  }
  if (scheme.symmetric && scheme.fullRange) {
    // The largest magnitude goes to the extra (negative) code: a negative
    // scale when it is a positive value.
    const double reach = double(range.symmetricZeroPoint - range.qmin);
    const bool positive = double(blockHi) >= -double(blockLo);
    scale = roundScale(absMax / reach, scheme.scaleStorage);
    if (positive && absMax > 0)
      scale = -scale;
    zero = static_cast<double>(range.symmetricZeroPoint);
    return;
  }
  double vmin = scheme.symmetric ? -absMax : std::min(0.0, double(blockLo));
  double vmax = scheme.symmetric ? absMax : std::max(0.0, double(blockHi));
  double span = vmax - vmin + 1e-6;
  scale =
      roundScale(span / double(range.qmax - range.qmin), scheme.scaleStorage);
  if (scheme.symmetric) {
    zero = static_cast<double>(range.symmetricZeroPoint);
    return;
  }
  double zp = std::nearbyint((range.qmin * vmax - range.qmax * vmin) / span);
  zero = std::clamp(zp, double(range.qmin), double(range.qmax));
}

void mlir::coreai::quantizeWeight(const QuantScheme &scheme,
                                  ArrayRef<int64_t> shape,
                                  ArrayRef<int64_t> paramShape,
                                  WeightLoader load, QuantizedWeight &out,
                                  unsigned threads, bool allowPacked,
                                  const uint16_t *f16) {
  RowView view = makeRowView(shape, paramShape);
  int64_t numParams = 1;
  for (int64_t p : paramShape)
    numParams *= p;
  const int64_t grain =
      std::max<int64_t>(1, kRowTarget / std::max<int64_t>(view.rowLen, 1));
  const int64_t numChunks = (view.rows + grain - 1) / grain;
  auto rowsOf = [&](int64_t c) {
    return std::make_pair(c * grain, std::min(view.rows, (c + 1) * grain));
  };

  // Rows that own their parameters (per-channel on the leading axis,
  // per-block) are done in one pass over memory: each row is decoded once
  // and quantized while it is in cache.
  bool ownRows = view.rows * view.segsPerRow == numParams;
  for (int64_t r = 0; ownRows && r < view.rows; ++r)
    ownRows = view.rowBase[r] == r * view.segsPerRow;
  if (ownRows)
    return quantizeOwnRows(scheme, view, load, f16, out, threads, allowPacked);

  // 1. Per-block minimum and maximum (exact in any order, so deterministic).
  std::vector<Partial> partials(numChunks);
  parallelFor(threads, numChunks, [&](int64_t c) {
    auto [rb, re] = rowsOf(c);
    Partial &part = partials[c];
    part.firstParam = view.rowBase[rb];
    int64_t size = view.rowBase[re - 1] + view.segsPerRow - part.firstParam;
    part.lo.assign(size, std::numeric_limits<float>::infinity());
    part.hi.assign(size, -std::numeric_limits<float>::infinity());
    std::vector<float> row(view.rowLen);
    MinMaxKernel minMax = selectMinMaxKernel();
    for (int64_t r = rb; r < re; ++r) {
      load(r * view.rowLen, (r + 1) * view.rowLen, row.data());
      int64_t base = view.rowBase[r] - part.firstParam;
      part.finite &= minMax(row.data(), view.segsPerRow, view.segLen,
                            part.lo.data() + base, part.hi.data() + base);
    }
  });
  std::vector<float> lo(numParams, std::numeric_limits<float>::infinity());
  std::vector<float> hi(numParams, -std::numeric_limits<float>::infinity());
  for (const Partial &part : partials) {
    if (!part.finite) {
      out.finite = false;
      return;
    }
    for (size_t i = 0; i < part.lo.size(); ++i) {
      lo[part.firstParam + i] = std::min(lo[part.firstParam + i], part.lo[i]);
      hi[part.firstParam + i] = std::max(hi[part.firstParam + i], part.hi[i]);
    }
  }

  // 2. Scales (rounded to their storage first) and zero points.
  const QuantFormat &format = scheme.format;
  IntRange range = getIntRange(format, scheme.symmetric, scheme.fullRange);
  out.scales.resize(numParams);
  out.zeroPoints.resize(numParams);
  if (scheme.search == ScaleSearch::MSE && !format.isFloat) {
    // The blocks are spread over rows: gather each one's values (in row
    // order), then search block by block.
    UninitVector<float> blocks = gatherBlocks(view, numParams, load);
    const int64_t blockLen = view.rows * view.rowLen / numParams;
    parallelFor(threads, numParams, [&](int64_t p) {
      setBlockParam(scheme, range, blocks.data() + p * blockLen, blockLen,
                    lo[p], hi[p], out.scales[p], out.zeroPoints[p]);
    });
  } else {
    parallelForChunks(threads, numParams, 1 << 14, [&](int64_t pb, int64_t pe) {
      for (int64_t p = pb; p < pe; ++p)
        setBlockParam(scheme, range, nullptr, 0, lo[p], hi[p], out.scales[p],
                      out.zeroPoints[p]);
    });
  }

  // 3. Codes against the stored scales.
  const int64_t numel = view.rows * view.rowLen;
  const unsigned bits = format.bits;
  // Rows that start on a byte boundary are packed as they are quantized.
  out.packed = allowPacked && bits < 8 && (view.rowLen * bits) % 8 == 0;
  out.codes.resize(out.packed ? numel * bits / 8 : numel);
  CodeKernel kernel = selectCodeKernel();
  parallelFor(threads, numChunks, [&](int64_t c) {
    auto [rb, re] = rowsOf(c);
    std::vector<float> row(view.rowLen);
    std::vector<uint8_t> rowCodes(out.packed ? view.rowLen : 0);
    for (int64_t r = rb; r < re; ++r) {
      load(r * view.rowLen, (r + 1) * view.rowLen, row.data());
      auto *dst = reinterpret_cast<uint8_t *>(out.codes.data());
      uint8_t *codes = out.packed ? rowCodes.data() : dst + r * view.rowLen;
      const int64_t p = view.rowBase[r];
      kernel(format, range, out.scales.data() + p, out.zeroPoints.data() + p,
             row.data(), codes, view.segsPerRow, view.segLen);
      if (out.packed)
        packBits(rowCodes, bits,
                 llvm::MutableArrayRef<uint8_t>(
                     dst + r * view.rowLen * bits / 8, view.rowLen * bits / 8));
    }
  });
  // Symmetric blocks share their zero point: it is stored once.
  if (scheme.symmetric)
    out.zeroPoints.resize(1);
}

QuantizedWeight mlir::coreai::quantizePerTensor(const QuantFormat &format,
                                                ScaleStorage storage,
                                                llvm::ArrayRef<float> values,
                                                unsigned threads) {
  QuantScheme scheme{format, /*symmetric=*/true, storage};
  QuantizedWeight q;
  const int64_t n = values.size();
  quantizeWeight(
      scheme, {n}, {1},
      [&](int64_t b, int64_t e, float *out) {
        std::copy(values.begin() + b, values.begin() + e, out);
      },
      q, threads);
  return q;
}

void mlir::coreai::quantizeValues(const QuantFormat &format,
                                  const IntRange &range, double scale,
                                  double zeroPoint, const float *v,
                                  uint8_t *codes, int64_t n) {
  quantizeSegment(format, range, static_cast<float>(scale),
                  static_cast<float>(zeroPoint), v, codes, n);
}
