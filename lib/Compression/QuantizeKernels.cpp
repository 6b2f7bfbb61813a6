//===- QuantizeKernels.cpp - Vector row kernels of Quantize.cpp -----------===//
//
// One row at a time, in two sweeps over memory that stays in L1: the f16
// row is decoded (F16C) while each segment's minimum and maximum are folded
// and Inf/NaN bit patterns are looked for; then, once the caller has turned
// those into scales and zero points, 32 codes at a time are computed with an
// IEEE f32 division, rounded to even by the conversion, saturated through
// 16-bit lanes and stored as bytes or nibbles.
//
//===----------------------------------------------------------------------===//

#include "QuantizeKernels.h"

#include "llvm/Support/ErrorHandling.h"

#if defined(__x86_64__) && defined(__clang__)
#include <immintrin.h>
#define COREAI_HAVE_F16_ROW_KERNELS 1
#endif

using namespace mlir::coreai::detail;

#ifdef COREAI_HAVE_F16_ROW_KERNELS
namespace {

[[gnu::target("avx2")]] inline float reduceMin(__m256 v) {
  __m128 m = _mm_min_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  m = _mm_min_ps(m, _mm_movehl_ps(m, m));
  m = _mm_min_ss(m, _mm_movehdup_ps(m));
  return _mm_cvtss_f32(m);
}

[[gnu::target("avx2")]] inline float reduceMax(__m256 v) {
  __m128 m = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  m = _mm_max_ps(m, _mm_movehl_ps(m, m));
  m = _mm_max_ss(m, _mm_movehdup_ps(m));
  return _mm_cvtss_f32(m);
}

template <bool Store>
[[gnu::target("avx2,f16c")]] bool
decodeMinMaxImpl(const uint16_t *src, float *row, int64_t segs, int64_t segLen,
                 float *lo, float *hi) {
  const __m256i expMask = _mm256_set1_epi16(0x7c00);
  __m256i bad = _mm256_setzero_si256();
  for (int64_t j = 0; j < segs; ++j) {
    const uint16_t *s = src + j * segLen;
    float *r = Store ? row + j * segLen : nullptr;
    __m256 mn0 = _mm256_set1_ps(__builtin_inff()), mn1 = mn0;
    __m256 mx0 = _mm256_set1_ps(-__builtin_inff()), mx1 = mx0;
    for (int64_t k = 0; k < segLen; k += 32) {
      __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(s + k));
      __m256i b =
          _mm256_loadu_si256(reinterpret_cast<const __m256i *>(s + k + 16));
      // An all-ones exponent is Inf or NaN.
      bad = _mm256_or_si256(
          bad, _mm256_or_si256(
                   _mm256_cmpeq_epi16(_mm256_and_si256(a, expMask), expMask),
                   _mm256_cmpeq_epi16(_mm256_and_si256(b, expMask), expMask)));
      __m256 f0 = _mm256_cvtph_ps(_mm256_castsi256_si128(a));
      __m256 f1 = _mm256_cvtph_ps(_mm256_extracti128_si256(a, 1));
      __m256 f2 = _mm256_cvtph_ps(_mm256_castsi256_si128(b));
      __m256 f3 = _mm256_cvtph_ps(_mm256_extracti128_si256(b, 1));
      if (Store) {
        _mm256_storeu_ps(r + k, f0);
        _mm256_storeu_ps(r + k + 8, f1);
        _mm256_storeu_ps(r + k + 16, f2);
        _mm256_storeu_ps(r + k + 24, f3);
      }
      mn0 = _mm256_min_ps(mn0, _mm256_min_ps(f0, f1));
      mn1 = _mm256_min_ps(mn1, _mm256_min_ps(f2, f3));
      mx0 = _mm256_max_ps(mx0, _mm256_max_ps(f0, f1));
      mx1 = _mm256_max_ps(mx1, _mm256_max_ps(f2, f3));
    }
    lo[j] = reduceMin(_mm256_min_ps(mn0, mn1));
    hi[j] = reduceMax(_mm256_max_ps(mx0, mx1));
  }
  return _mm256_testz_si256(bad, bad);
}

[[gnu::target("avx2,f16c")]] inline __m256 load8(const float *p) {
  return _mm256_loadu_ps(p);
}
[[gnu::target("avx2,f16c")]] inline __m256 load8(const uint16_t *p) {
  return _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p)));
}

template <typename Source>
[[gnu::target("avx2,f16c")]] void
integerCodesImpl(const Source *row, const float *scales,
                 const int32_t *zeroPoints, int64_t segs, int64_t segLen,
                 int32_t qmin, int32_t qmax, unsigned bits, bool packNibbles,
                 uint8_t *dst) {
  const __m256 lim = _mm256_set1_ps(4194304.0f);
  const __m256 negLim = _mm256_set1_ps(-4194304.0f);
  const __m256i lo16 = _mm256_set1_epi16(static_cast<int16_t>(qmin));
  const __m256i hi16 = _mm256_set1_epi16(static_cast<int16_t>(qmax));
  const __m256i order = _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7);
  const __m256i mask = _mm256_set1_epi8(static_cast<char>((1u << bits) - 1u));
  const __m256i nibbleWeights = _mm256_set1_epi16(0x1001); // bytes 1, 16
  const bool signedCodes = qmin < 0;
  for (int64_t j = 0; j < segs; ++j) {
    const __m256 s = _mm256_set1_ps(scales[j]);
    const __m256i zp = _mm256_set1_epi32(zeroPoints[j]);
    const Source *v = row + j * segLen;
    for (int64_t k = 0; k < segLen; k += 32) {
      __m256i q[4];
      for (int i = 0; i < 4; ++i) {
        __m256 x = _mm256_div_ps(load8(v + k + 8 * i), s);
        x = _mm256_min_ps(_mm256_max_ps(x, negLim), lim);
        // The conversion rounds to nearest even (the default MXCSR mode).
        q[i] = _mm256_add_epi32(_mm256_cvtps_epi32(x), zp);
      }
      __m256i ab = _mm256_packs_epi32(q[0], q[1]);
      __m256i cd = _mm256_packs_epi32(q[2], q[3]);
      ab = _mm256_min_epi16(_mm256_max_epi16(ab, lo16), hi16);
      cd = _mm256_min_epi16(_mm256_max_epi16(cd, lo16), hi16);
      __m256i bytes = signedCodes ? _mm256_packs_epi16(ab, cd)
                                  : _mm256_packus_epi16(ab, cd);
      bytes = _mm256_and_si256(_mm256_permutevar8x32_epi32(bytes, order), mask);
      const int64_t e = j * segLen + k;
      if (packNibbles) {
        __m256i pairs = _mm256_maddubs_epi16(bytes, nibbleWeights);
        __m256i packed = _mm256_packus_epi16(pairs, pairs);
        packed = _mm256_permute4x64_epi64(packed, 0x08);
        _mm_storeu_si128(reinterpret_cast<__m128i *>(dst + e / 2),
                         _mm256_castsi256_si128(packed));
      } else {
        _mm256_storeu_si256(reinterpret_cast<__m256i *>(dst + e), bytes);
      }
    }
  }
}

/// Rounds positive doubles to the nearest f16 value (ties to even), in
/// double: x / ulp is exact, rounded to even by adding and subtracting
/// 1.5 * 2^52, and scaled back exactly. The ulp is that of x's binade, never
/// below the subnormal step 2^-24; values past 65504 come out above it.
[[gnu::target("avx2")]] inline __m256d roundToF16Value(__m256d x) {
  const __m256i exponent = _mm256_and_si256(
      _mm256_castpd_si256(x), _mm256_set1_epi64x(0x7ff0000000000000));
  // 2^(e - 10): the exponent field less 10; underflow gives a negative or
  // NaN pattern, which the maximum replaces by 2^-24 (its second operand).
  __m256d ulp = _mm256_castsi256_pd(
      _mm256_sub_epi64(exponent, _mm256_set1_epi64x(int64_t(10) << 52)));
  ulp = _mm256_max_pd(ulp, _mm256_set1_pd(0x1p-24));
  const __m256d magic = _mm256_set1_pd(6755399441055744.0);
  __m256d steps =
      _mm256_sub_pd(_mm256_add_pd(_mm256_div_pd(x, ulp), magic), magic);
  return _mm256_mul_pd(steps, ulp);
}

[[gnu::target("avx2")]] int64_t
integerParamsImpl(const float *lo, const float *hi, int64_t n, bool symmetric,
                  int32_t qmin, int32_t qmax, int32_t symmetricZeroPoint,
                  bool f16Scales, double *scales, double *zeroPoints,
                  float *floatScales, int32_t *intZeroPoints) {
  const __m256d signBit = _mm256_set1_pd(-0.0);
  const __m256d zero = _mm256_setzero_pd();
  const __m256d dmin = _mm256_set1_pd(qmin), dmax = _mm256_set1_pd(qmax);
  const __m256d levels = _mm256_set1_pd(double(qmax - qmin));
  const __m256d epsilon = _mm256_set1_pd(1e-6);
  const __m256d smallest =
      _mm256_set1_pd(f16Scales ? 0x1p-24 : 0x1p-149); // denormal minimum
  const __m256d largest = _mm256_set1_pd(f16Scales ? 65504.0 : 0x1.fffffep127);
  int64_t j = 0;
  for (; j + 4 <= n; j += 4) {
    __m256d l = _mm256_cvtps_pd(_mm_loadu_ps(lo + j));
    __m256d h = _mm256_cvtps_pd(_mm_loadu_ps(hi + j));
    __m256d vmin, vmax;
    if (symmetric) {
      vmax = _mm256_max_pd(_mm256_andnot_pd(signBit, l),
                           _mm256_andnot_pd(signBit, h));
      vmin = _mm256_xor_pd(vmax, signBit);
    } else {
      vmin = _mm256_min_pd(l, zero);
      vmax = _mm256_max_pd(h, zero);
    }
    __m256d span = _mm256_add_pd(_mm256_sub_pd(vmax, vmin), epsilon);
    __m256d x = _mm256_div_pd(span, levels);
    __m256d stored =
        f16Scales ? roundToF16Value(x) : _mm256_cvtps_pd(_mm256_cvtpd_ps(x));
    // !(stored > 0) takes the smallest stored value; then the largest
    // bounds it (an f16 overflow to inf stores 65504).
    stored = _mm256_blendv_pd(smallest, stored,
                              _mm256_cmp_pd(stored, zero, _CMP_GT_OQ));
    stored = _mm256_min_pd(stored, largest);
    _mm256_storeu_pd(scales + j, stored);
    _mm_storeu_ps(floatScales + j, _mm256_cvtpd_ps(stored));
    if (symmetric) {
      _mm_storeu_si128(reinterpret_cast<__m128i *>(intZeroPoints + j),
                       _mm_set1_epi32(symmetricZeroPoint));
      continue;
    }
    __m256d zp = _mm256_div_pd(
        _mm256_sub_pd(_mm256_mul_pd(dmin, vmax), _mm256_mul_pd(dmax, vmin)),
        span);
    zp = _mm256_round_pd(zp, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    zp = _mm256_min_pd(_mm256_max_pd(zp, dmin), dmax);
    _mm256_storeu_pd(zeroPoints + j, zp);
    _mm_storeu_si128(reinterpret_cast<__m128i *>(intZeroPoints + j),
                     _mm256_cvtpd_epi32(zp));
  }
  return j;
}

} // namespace

int64_t mlir::coreai::detail::integerParams(
    const float *lo, const float *hi, int64_t n, bool symmetric, int32_t qmin,
    int32_t qmax, int32_t symmetricZeroPoint, bool f16Scales, double *scales,
    double *zeroPoints, float *floatScales, int32_t *intZeroPoints) {
  return integerParamsImpl(lo, hi, n, symmetric, qmin, qmax, symmetricZeroPoint,
                           f16Scales, scales, zeroPoints, floatScales,
                           intZeroPoints);
}

bool mlir::coreai::detail::haveF16RowKernels() {
  static const bool have =
      __builtin_cpu_supports("avx2") && __builtin_cpu_supports("f16c");
  return have;
}

bool mlir::coreai::detail::decodeMinMaxF16Row(const uint16_t *src, float *row,
                                              int64_t segs, int64_t segLen,
                                              float *lo, float *hi) {
  return row ? decodeMinMaxImpl<true>(src, row, segs, segLen, lo, hi)
             : decodeMinMaxImpl<false>(src, nullptr, segs, segLen, lo, hi);
}

void mlir::coreai::detail::integerCodesRow(
    const uint16_t *row, const float *scales, const int32_t *zeroPoints,
    int64_t segs, int64_t segLen, int32_t qmin, int32_t qmax, unsigned bits,
    bool packNibbles, uint8_t *dst) {
  integerCodesImpl(row, scales, zeroPoints, segs, segLen, qmin, qmax, bits,
                   packNibbles, dst);
}

void mlir::coreai::detail::integerCodesRow(
    const float *row, const float *scales, const int32_t *zeroPoints,
    int64_t segs, int64_t segLen, int32_t qmin, int32_t qmax, unsigned bits,
    bool packNibbles, uint8_t *dst) {
  integerCodesImpl(row, scales, zeroPoints, segs, segLen, qmin, qmax, bits,
                   packNibbles, dst);
}

#else

bool mlir::coreai::detail::haveF16RowKernels() { return false; }

bool mlir::coreai::detail::decodeMinMaxF16Row(const uint16_t *, float *,
                                              int64_t, int64_t, float *,
                                              float *) {
  llvm_unreachable("no f16 row kernels on this machine");
}

int64_t mlir::coreai::detail::integerParams(const float *, const float *,
                                            int64_t, bool, int32_t, int32_t,
                                            int32_t, bool, double *, double *,
                                            float *, int32_t *) {
  llvm_unreachable("no f16 row kernels on this machine");
}

void mlir::coreai::detail::integerCodesRow(const float *, const float *,
                                           const int32_t *, int64_t, int64_t,
                                           int32_t, int32_t, unsigned, bool,
                                           uint8_t *) {
  llvm_unreachable("no f16 row kernels on this machine");
}

#endif
