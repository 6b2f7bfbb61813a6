//===- ScaleSearchKernels.cpp - Eight blocks of the scale search at once --===//
//
// The blocks are transposed in 8x8 tiles so that lane b holds block b; each
// lane then runs the portable search's arithmetic (f32, fused multiply-adds,
// element after element), so the choices are the same bit for bit.
//
//===----------------------------------------------------------------------===//

#include "ScaleSearchKernels.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/ErrorHandling.h"

#include <limits>
#include <vector>

#if defined(__x86_64__) && defined(__clang__)
#include <immintrin.h>
#define COREAI_HAVE_SEARCH_KERNELS 1
#endif

using namespace mlir::coreai;
using namespace mlir::coreai::detail;

#ifdef COREAI_HAVE_SEARCH_KERNELS
namespace {

/// Writes the 8x8 tile rows[r][0..8) (row r at src + r * stride) transposed:
/// dst[k * lanes + r] = rows[r][k].
[[gnu::target("avx2")]] inline void transpose8(const float *src, int64_t stride,
                                               float *dst, int64_t lanes) {
  __m256 r0 = _mm256_loadu_ps(src + 0 * stride);
  __m256 r1 = _mm256_loadu_ps(src + 1 * stride);
  __m256 r2 = _mm256_loadu_ps(src + 2 * stride);
  __m256 r3 = _mm256_loadu_ps(src + 3 * stride);
  __m256 r4 = _mm256_loadu_ps(src + 4 * stride);
  __m256 r5 = _mm256_loadu_ps(src + 5 * stride);
  __m256 r6 = _mm256_loadu_ps(src + 6 * stride);
  __m256 r7 = _mm256_loadu_ps(src + 7 * stride);
  __m256 t0 = _mm256_unpacklo_ps(r0, r1), t1 = _mm256_unpackhi_ps(r0, r1);
  __m256 t2 = _mm256_unpacklo_ps(r2, r3), t3 = _mm256_unpackhi_ps(r2, r3);
  __m256 t4 = _mm256_unpacklo_ps(r4, r5), t5 = _mm256_unpackhi_ps(r4, r5);
  __m256 t6 = _mm256_unpacklo_ps(r6, r7), t7 = _mm256_unpackhi_ps(r6, r7);
  __m256 u0 = _mm256_shuffle_ps(t0, t2, 0x44),
         u1 = _mm256_shuffle_ps(t0, t2, 0xee);
  __m256 u2 = _mm256_shuffle_ps(t1, t3, 0x44),
         u3 = _mm256_shuffle_ps(t1, t3, 0xee);
  __m256 u4 = _mm256_shuffle_ps(t4, t6, 0x44),
         u5 = _mm256_shuffle_ps(t4, t6, 0xee);
  __m256 u6 = _mm256_shuffle_ps(t5, t7, 0x44),
         u7 = _mm256_shuffle_ps(t5, t7, 0xee);
  _mm256_storeu_ps(dst + 0 * lanes, _mm256_permute2f128_ps(u0, u4, 0x20));
  _mm256_storeu_ps(dst + 1 * lanes, _mm256_permute2f128_ps(u1, u5, 0x20));
  _mm256_storeu_ps(dst + 2 * lanes, _mm256_permute2f128_ps(u2, u6, 0x20));
  _mm256_storeu_ps(dst + 3 * lanes, _mm256_permute2f128_ps(u3, u7, 0x20));
  _mm256_storeu_ps(dst + 4 * lanes, _mm256_permute2f128_ps(u0, u4, 0x31));
  _mm256_storeu_ps(dst + 5 * lanes, _mm256_permute2f128_ps(u1, u5, 0x31));
  _mm256_storeu_ps(dst + 6 * lanes, _mm256_permute2f128_ps(u2, u6, 0x31));
  _mm256_storeu_ps(dst + 7 * lanes, _mm256_permute2f128_ps(u3, u7, 0x31));
}

/// Lane b of the result: element k of block b, for k in [0, n), for
/// `lanes` (8 or 16) blocks: xt[k * lanes + b] = x[b * n + k].
[[gnu::target("avx2")]] void transposeBlocks(const float *x, int64_t n,
                                             float *xt, int64_t lanes) {
  for (int64_t b = 0; b < lanes; b += 8)
    for (int64_t k = 0; k < n; k += 8)
      transpose8(x + b * n + k, n, xt + k * lanes + b, lanes);
}

[[gnu::target("avx2")]] inline __m256 codes(__m256 x, __m256 inv, __m256 qmin,
                                            __m256 qmax) {
  __m256 q = _mm256_round_ps(_mm256_mul_ps(x, inv),
                             _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  return _mm256_min_ps(_mm256_max_ps(q, qmin), qmax);
}

/// Keeps, per lane, the candidate with the higher score (sum x q)^2 /
/// sum q^2 and its refit sum x q / sum q^2.
[[gnu::target("avx2")]] inline void
keepBest(__m256 sxq, __m256 sqq, __m256 &best, __m256 &bestRefit, __m256 &any) {
  const __m256 zero = _mm256_setzero_ps();
  __m256 score = _mm256_div_ps(_mm256_mul_ps(sxq, sxq), sqq);
  __m256 take = _mm256_and_ps(_mm256_cmp_ps(sqq, zero, _CMP_GT_OQ),
                              _mm256_cmp_ps(score, best, _CMP_GT_OQ));
  best = _mm256_blendv_ps(best, score, take);
  bestRefit = _mm256_blendv_ps(bestRefit, _mm256_div_ps(sxq, sqq), take);
  any = _mm256_or_ps(any, take);
}

} // namespace

bool mlir::coreai::detail::haveSearchKernels() {
  static const bool have = __builtin_cpu_supports("avx2") &&
                           __builtin_cpu_supports("fma") &&
                           __builtin_cpu_supports("f16c");
  return have;
}

namespace {

/// The stored value of signed scales (F16: through F16C; F32: as they are),
/// as roundScale gives it: zero and underflow become the smallest positive
/// value, overflow the largest finite one.
[[gnu::target("avx2,f16c")]] inline __m256 storeScales(__m256 s, bool f16) {
  const __m256 signMask = _mm256_set1_ps(-0.0f);
  __m256 sign = _mm256_and_ps(s, signMask);
  __m256 magnitude = _mm256_andnot_ps(signMask, s);
  __m256 stored = magnitude, smallest, largest;
  if (f16) {
    stored = _mm256_cvtph_ps(_mm256_cvtps_ph(
        magnitude, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
    smallest = _mm256_set1_ps(5.9604644775390625e-8f);
    largest = _mm256_set1_ps(65504.0f);
  } else {
    smallest = _mm256_set1_ps(std::numeric_limits<float>::denorm_min());
    largest = _mm256_set1_ps(std::numeric_limits<float>::max());
  }
  __m256 positive = _mm256_cmp_ps(stored, _mm256_setzero_ps(), _CMP_GT_OQ);
  stored = _mm256_blendv_ps(smallest, _mm256_min_ps(stored, largest), positive);
  return _mm256_or_ps(stored, sign);
}

/// Lanes whose f32 scale is usable: not zero, and invertible.
[[gnu::target("avx2")]] inline __m256 invertible(__m256 s) {
  const __m256 inf = _mm256_set1_ps(__builtin_inff());
  __m256 inv = _mm256_div_ps(_mm256_set1_ps(1.0f), s);
  __m256 absInv = _mm256_andnot_ps(_mm256_set1_ps(-0.0f), inv);
  return _mm256_and_ps(_mm256_cmp_ps(s, _mm256_setzero_ps(), _CMP_NEQ_OQ),
                       _mm256_cmp_ps(absInv, inf, _CMP_LT_OQ));
}

/// Candidate c of eight blocks: (sign * ratio) * absMax / reach in f64,
/// then rounded to f32, as symmetricCandidates computes it.
[[gnu::target("avx2")]] inline __m256
candidate(__m256d signRatioLo, __m256d signRatioHi, __m256d absMaxLo,
          __m256d absMaxHi, double reach) {
  const __m256d r = _mm256_set1_pd(reach);
  __m128 lo =
      _mm256_cvtpd_ps(_mm256_div_pd(_mm256_mul_pd(signRatioLo, absMaxLo), r));
  __m128 hi =
      _mm256_cvtpd_ps(_mm256_div_pd(_mm256_mul_pd(signRatioHi, absMaxHi), r));
  return _mm256_insertf128_ps(_mm256_castps128_ps256(lo), hi, 1);
}

} // namespace

[[gnu::target("avx2,fma,f16c")]] void mlir::coreai::detail::searchSymmetric8(
    const float *x, int64_t n, const float *lo, const float *hi,
    const SymmetricSearch &search, double *scales) {
  thread_local std::vector<float> scratch;
  scratch.resize(n * 8);
  float *xt = scratch.data();
  transposeBlocks(x, n, xt, 8);
  const __m256 qmin = _mm256_set1_ps(search.qmin);
  const __m256 qmax = _mm256_set1_ps(search.qmax);
  const __m256 zero = _mm256_setzero_ps();
  const __m256d signMaskD = _mm256_set1_pd(-0.0);

  // Per lane: the largest magnitude and the sign of the extra code.
  __m256 loV = _mm256_loadu_ps(lo), hiV = _mm256_loadu_ps(hi);
  __m256d loLo = _mm256_cvtps_pd(_mm256_castps256_ps128(loV));
  __m256d loHi = _mm256_cvtps_pd(_mm256_extractf128_ps(loV, 1));
  __m256d hiLo = _mm256_cvtps_pd(_mm256_castps256_ps128(hiV));
  __m256d hiHi = _mm256_cvtps_pd(_mm256_extractf128_ps(hiV, 1));
  __m256d absLo = _mm256_max_pd(_mm256_andnot_pd(signMaskD, loLo),
                                _mm256_andnot_pd(signMaskD, hiLo));
  __m256d absHi = _mm256_max_pd(_mm256_andnot_pd(signMaskD, loHi),
                                _mm256_andnot_pd(signMaskD, hiHi));
  // -1 where hi >= -lo (the largest magnitude is positive), else +1.
  const __m256d one = _mm256_set1_pd(1.0), minusOne = _mm256_set1_pd(-1.0);
  __m256d extraLo = _mm256_blendv_pd(
      one, minusOne,
      _mm256_cmp_pd(hiLo, _mm256_xor_pd(loLo, signMaskD), _CMP_GE_OQ));
  __m256d extraHi = _mm256_blendv_pd(
      one, minusOne,
      _mm256_cmp_pd(hiHi, _mm256_xor_pd(loHi, signMaskD), _CMP_GE_OQ));

  __m256 valid = _mm256_castsi256_ps(_mm256_set1_epi32(-1));
  __m256 best = zero, bestRefit = zero, any = zero;
  // The candidate scales of every lane, then two at a time through the
  // block: two independent chains of multiply-adds.
  const int count = search.orientations * search.ratios;
  __m256 candidates[kMaxCandidates];
  for (int o = 0, c = 0; o < search.orientations; ++o)
    for (int i = 0; i < search.ratios; ++i, ++c) {
      const double ratio = 1.10 - 0.05 * i;
      __m256d srLo = o == 0 ? _mm256_set1_pd(ratio)
                            : _mm256_mul_pd(extraLo, _mm256_set1_pd(ratio));
      __m256d srHi = o == 0 ? _mm256_set1_pd(ratio)
                            : _mm256_mul_pd(extraHi, _mm256_set1_pd(ratio));
      __m256 s =
          candidate(srLo, srHi, absLo, absHi, o == 0 ? search.pos : search.neg);
      __m256 ok = invertible(s);
      valid = _mm256_and_ps(valid, ok);
      // Lanes without a usable scale score 1.0 harmlessly; they are dropped.
      candidates[c] = _mm256_blendv_ps(_mm256_set1_ps(1.0f), s, ok);
    }
  const __m256 oneF = _mm256_set1_ps(1.0f);
  int c = 0;
  for (; c + 1 < count; c += 2) {
    __m256 inv0 = _mm256_div_ps(oneF, candidates[c]);
    __m256 inv1 = _mm256_div_ps(oneF, candidates[c + 1]);
    __m256 sxq0 = zero, sqq0 = zero, sxq1 = zero, sqq1 = zero;
    for (int64_t k = 0; k < n; ++k) {
      __m256 v = _mm256_loadu_ps(xt + k * 8);
      __m256 q0 = codes(v, inv0, qmin, qmax), q1 = codes(v, inv1, qmin, qmax);
      sxq0 = _mm256_fmadd_ps(v, q0, sxq0);
      sqq0 = _mm256_fmadd_ps(q0, q0, sqq0);
      sxq1 = _mm256_fmadd_ps(v, q1, sxq1);
      sqq1 = _mm256_fmadd_ps(q1, q1, sqq1);
    }
    keepBest(sxq0, sqq0, best, bestRefit, any);
    keepBest(sxq1, sqq1, best, bestRefit, any);
  }
  for (; c < count; ++c) {
    __m256 inv = _mm256_div_ps(oneF, candidates[c]);
    __m256 sxq = zero, sqq = zero;
    for (int64_t k = 0; k < n; ++k) {
      __m256 v = _mm256_loadu_ps(xt + k * 8);
      __m256 q = codes(v, inv, qmin, qmax);
      sxq = _mm256_fmadd_ps(v, q, sxq);
      sqq = _mm256_fmadd_ps(q, q, sqq);
    }
    keepBest(sxq, sqq, best, bestRefit, any);
  }
  __m256 found = _mm256_and_ps(any, valid);

  // The stored refit against the min-max scale, by their errors.
  float minMaxF[8];
  for (int b = 0; b < 8; ++b)
    minMaxF[b] = static_cast<float>(scales[b]);
  __m256 minMax = _mm256_loadu_ps(minMaxF);
  __m256 stored =
      _mm256_blendv_ps(minMax, storeScales(bestRefit, search.f16), found);
  __m256 invStored = _mm256_div_ps(_mm256_set1_ps(1.0f), stored);
  __m256 invMinMax = _mm256_div_ps(_mm256_set1_ps(1.0f), minMax);
  __m256 negStored = _mm256_sub_ps(zero, stored);
  __m256 negMinMax = _mm256_sub_ps(zero, minMax);
  __m256 errStored = zero, errMinMax = zero;
  for (int64_t k = 0; k < n; ++k) {
    __m256 v = _mm256_loadu_ps(xt + k * 8);
    // x - q * s, fused: fma(-q, s, x) = fma(q, -s, x).
    __m256 e0 = _mm256_fmadd_ps(codes(v, invStored, qmin, qmax), negStored, v);
    __m256 e1 = _mm256_fmadd_ps(codes(v, invMinMax, qmin, qmax), negMinMax, v);
    errStored = _mm256_fmadd_ps(e0, e0, errStored);
    errMinMax = _mm256_fmadd_ps(e1, e1, errMinMax);
  }
  __m256 take =
      _mm256_and_ps(found, _mm256_cmp_ps(errStored, errMinMax, _CMP_LT_OQ));
  float storedF[8];
  _mm256_storeu_ps(storedF, stored);
  int mask = _mm256_movemask_ps(take);
  for (int b = 0; b < 8; ++b)
    if ((mask >> b) & 1)
      scales[b] = storedF[b];
}

//===----------------------------------------------------------------------===//
// The asymmetric search, eight blocks at once (AVX2 and FMA).
//===----------------------------------------------------------------------===//

namespace {

/// The running sums of one pass over eight blocks' codes.
struct CodeSums8 {
  __m256 invS, zp, negS;
  __m256 sq, sxq, sqq, err;

  [[gnu::target("avx2")]] CodeSums8(const float *inv, const float *zeros,
                                    const float *s) {
    invS = _mm256_loadu_ps(inv);
    zp = _mm256_loadu_ps(zeros);
    negS = s ? _mm256_sub_ps(_mm256_setzero_ps(), _mm256_loadu_ps(s))
             : _mm256_setzero_ps();
    sq = sxq = sqq = err = _mm256_setzero_ps();
  }

  /// Element v of each lane, as asymmetricSums takes it.
  template <bool WithError>
  [[gnu::target("avx2,fma")]] inline void add(__m256 v, __m256 qmin,
                                              __m256 qmax) {
    const __m256 limit = _mm256_set1_ps(4194304.0f);
    const __m256 negLimit = _mm256_set1_ps(-4194304.0f);
    __m256 t =
        _mm256_min_ps(_mm256_max_ps(_mm256_mul_ps(v, invS), negLimit), limit);
    t = _mm256_round_ps(t, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256 q = _mm256_min_ps(_mm256_max_ps(_mm256_add_ps(t, zp), qmin), qmax);
    sq = _mm256_add_ps(sq, q);
    sxq = _mm256_fmadd_ps(v, q, sxq);
    sqq = _mm256_fmadd_ps(q, q, sqq);
    if (WithError) {
      // fma(-(q - zp), s, x) = fma(q - zp, -s, x).
      __m256 e = _mm256_fmadd_ps(_mm256_sub_ps(q, zp), negS, v);
      err = _mm256_fmadd_ps(e, e, err);
    }
  }

  [[gnu::target("avx2")]] void store(CodeSums *out) const {
    float lanes[4][8];
    _mm256_storeu_ps(lanes[0], sq);
    _mm256_storeu_ps(lanes[1], sxq);
    _mm256_storeu_ps(lanes[2], sqq);
    _mm256_storeu_ps(lanes[3], err);
    for (int b = 0; b < 8; ++b)
      out[b] = CodeSums{lanes[0][b], lanes[1][b], lanes[2][b], lanes[3][b]};
  }
};

/// One pass over eight transposed blocks' codes for per-lane inverse scales
/// and zero points, as asymmetricSums computes it for each block; with
/// `WithError`, also the squared errors against the per-lane scales `s`.
template <bool WithError>
[[gnu::target("avx2,fma")]] void
asymmetricSums8(const float *xt, int64_t n, const float *inv, const float *zp,
                const float *s, float qmin, float qmax, CodeSums *out) {
  const __m256 lowest = _mm256_set1_ps(qmin), highest = _mm256_set1_ps(qmax);
  CodeSums8 sums(inv, zp, s);
  for (int64_t k = 0; k < n; ++k)
    sums.add<WithError>(_mm256_loadu_ps(xt + k * 8), lowest, highest);
  sums.store(out);
}

/// Two such passes at once (two independent chains of multiply-adds).
[[gnu::target("avx2,fma")]] void
asymmetricSums8x2(const float *xt, int64_t n, const float *inv0,
                  const float *inv1, const float *zp, float qmin, float qmax,
                  CodeSums *out0, CodeSums *out1) {
  const __m256 lowest = _mm256_set1_ps(qmin), highest = _mm256_set1_ps(qmax);
  CodeSums8 sums0(inv0, zp, nullptr), sums1(inv1, zp, nullptr);
  for (int64_t k = 0; k < n; ++k) {
    __m256 v = _mm256_loadu_ps(xt + k * 8);
    sums0.add<false>(v, lowest, highest);
    sums1.add<false>(v, lowest, highest);
  }
  sums0.store(out0);
  sums1.store(out1);
}

} // namespace

[[gnu::target("avx2,fma,f16c")]] void mlir::coreai::detail::searchAsymmetric8(
    const float *x, int64_t n, const float *lo, const float *hi,
    const AsymmetricSearch &search, double *scales, double *zeros) {
  thread_local std::vector<float> scratch;
  scratch.resize(n * 8);
  float *xt = scratch.data();
  transposeBlocks(x, n, xt, 8);
  __m256 sx = _mm256_setzero_ps(), sxx = sx;
  for (int64_t k = 0; k < n; ++k) {
    __m256 v = _mm256_loadu_ps(xt + k * 8);
    sx = _mm256_add_ps(sx, v);
    sxx = _mm256_fmadd_ps(v, v, sxx);
  }
  float sxF[8], sxxF[8];
  _mm256_storeu_ps(sxF, sx);
  _mm256_storeu_ps(sxxF, sxx);
  llvm::SmallVector<AsymmetricBlock, 8> blocks;
  for (int b = 0; b < 8; ++b)
    blocks.emplace_back(search, lo[b], hi[b], n, sxF[b], sxxF[b], scales[b],
                        zeros[b]);

  // The candidates two at a time, scored in order.
  float inv[8], inv1[8], zp[8], s[8];
  CodeSums sums[8], sums1[8];
  for (int b = 0; b < 8; ++b)
    zp[b] = blocks[b].startZero();
  for (int i = 0; i < search.ratios; i += 2) {
    const bool pair = i + 1 < search.ratios;
    for (int b = 0; b < 8; ++b) {
      inv[b] = 1.0f / blocks[b].candidateScale(i);
      inv1[b] = pair ? 1.0f / blocks[b].candidateScale(i + 1) : inv[b];
    }
    asymmetricSums8x2(xt, n, inv, inv1, zp, search.qmin, search.qmax, sums,
                      sums1);
    for (int b = 0; b < 8; ++b) {
      blocks[b].scoreCandidate(sums[b]);
      if (pair)
        blocks[b].scoreCandidate(sums1[b]);
    }
  }
  for (int b = 0; b < 8; ++b) {
    s[b] = static_cast<float>(scales[b]);
    inv[b] = 1.0f / s[b];
    zp[b] = static_cast<float>(zeros[b]);
  }
  asymmetricSums8<true>(xt, n, inv, zp, s, search.qmin, search.qmax, sums);
  for (int b = 0; b < 8; ++b)
    blocks[b].setStartError(sums[b].err);
  for (int trial = 0; trial < AsymmetricBlock::kMaxTrials; ++trial) {
    bool active[8], any = false;
    for (int b = 0; b < 8; ++b) {
      active[b] = blocks[b].nextTrial(s[b], zp[b]);
      if (!active[b])
        s[b] = 1.0f, zp[b] = 0.0f;
      inv[b] = 1.0f / s[b];
      any |= active[b];
    }
    if (!any)
      break;
    asymmetricSums8<true>(xt, n, inv, zp, s, search.qmin, search.qmax, sums);
    for (int b = 0; b < 8; ++b)
      if (active[b])
        blocks[b].takeTrial(s[b], zp[b], sums[b]);
  }
  // All-zero blocks keep their min-max parameters, as in the portable code.
  for (int b = 0; b < 8; ++b)
    if (lo[b] != 0 || hi[b] != 0) {
      scales[b] = blocks[b].getScale();
      zeros[b] = blocks[b].getZero();
    }
}

//===----------------------------------------------------------------------===//
// Sixteen blocks at once (AVX-512): the same arithmetic lane for lane.
//===----------------------------------------------------------------------===//

namespace {

[[gnu::target("avx512f")]] inline __m512 codes16(__m512 x, __m512 inv,
                                                 __m512 qmin, __m512 qmax) {
  __m512 q = _mm512_roundscale_ps(
      _mm512_mul_ps(x, inv), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  return _mm512_min_ps(_mm512_max_ps(q, qmin), qmax);
}

[[gnu::target("avx512f")]] inline void keepBest16(__m512 sxq, __m512 sqq,
                                                  __m512 &best,
                                                  __m512 &bestRefit,
                                                  __mmask16 &any) {
  __m512 score = _mm512_div_ps(_mm512_mul_ps(sxq, sxq), sqq);
  __mmask16 take = _mm512_cmp_ps_mask(sqq, _mm512_setzero_ps(), _CMP_GT_OQ) &
                   _mm512_cmp_ps_mask(score, best, _CMP_GT_OQ);
  best = _mm512_mask_blend_ps(take, best, score);
  bestRefit = _mm512_mask_blend_ps(take, bestRefit, _mm512_div_ps(sxq, sqq));
  any |= take;
}

[[gnu::target("avx512f")]] inline __m512 storeScales16(__m512 s, bool f16) {
  const __m512i signMask = _mm512_set1_epi32(int32_t(0x80000000u));
  __m512i bits = _mm512_castps_si512(s);
  __m512i sign = _mm512_and_si512(bits, signMask);
  __m512 magnitude = _mm512_castsi512_ps(_mm512_andnot_si512(signMask, bits));
  __m512 stored = magnitude, smallest, largest;
  if (f16) {
    stored = _mm512_cvtph_ps(_mm512_cvtps_ph(
        magnitude, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
    smallest = _mm512_set1_ps(5.9604644775390625e-8f);
    largest = _mm512_set1_ps(65504.0f);
  } else {
    smallest = _mm512_set1_ps(std::numeric_limits<float>::denorm_min());
    largest = _mm512_set1_ps(std::numeric_limits<float>::max());
  }
  __mmask16 positive =
      _mm512_cmp_ps_mask(stored, _mm512_setzero_ps(), _CMP_GT_OQ);
  stored =
      _mm512_mask_blend_ps(positive, smallest, _mm512_min_ps(stored, largest));
  return _mm512_castsi512_ps(
      _mm512_or_si512(_mm512_castps_si512(stored), sign));
}

[[gnu::target("avx512f")]] inline __mmask16 invertible16(__m512 s) {
  __m512 inv = _mm512_div_ps(_mm512_set1_ps(1.0f), s);
  __m512 absInv = _mm512_abs_ps(inv);
  return _mm512_cmp_ps_mask(s, _mm512_setzero_ps(), _CMP_NEQ_OQ) &
         _mm512_cmp_ps_mask(absInv, _mm512_set1_ps(__builtin_inff()),
                            _CMP_LT_OQ);
}

} // namespace

bool mlir::coreai::detail::haveWideSearchKernels() {
  static const bool have = haveSearchKernels() &&
                           __builtin_cpu_supports("avx512f") &&
                           __builtin_cpu_supports("avx512dq");
  return have;
}

[[gnu::target("avx2,fma,f16c,avx512f,avx512dq")]] void
mlir::coreai::detail::searchSymmetric16(const float *x, int64_t n,
                                        const float *lo, const float *hi,
                                        const SymmetricSearch &search,
                                        double *scales) {
  thread_local std::vector<float> scratch;
  scratch.resize(n * 16);
  float *xt = scratch.data();
  transposeBlocks(x, n, xt, 16);
  const __m512 qmin = _mm512_set1_ps(search.qmin);
  const __m512 qmax = _mm512_set1_ps(search.qmax);
  const __m512 zero = _mm512_setzero_ps();

  // Per lane, in f64 (two halves of eight): the largest magnitude and the
  // sign of the extra code (-1 where hi >= -lo).
  __m512d absMax[2], extra[2];
  for (int h = 0; h < 2; ++h) {
    __m512d l = _mm512_cvtps_pd(_mm256_loadu_ps(lo + 8 * h));
    __m512d u = _mm512_cvtps_pd(_mm256_loadu_ps(hi + 8 * h));
    absMax[h] = _mm512_max_pd(_mm512_abs_pd(l), _mm512_abs_pd(u));
    __mmask8 positive = _mm512_cmp_pd_mask(
        u, _mm512_sub_pd(_mm512_setzero_pd(), l), _CMP_GE_OQ);
    extra[h] = _mm512_mask_blend_pd(positive, _mm512_set1_pd(1.0),
                                    _mm512_set1_pd(-1.0));
  }
  const int count = search.orientations * search.ratios;
  __m512 candidates[kMaxCandidates];
  __mmask16 valid = 0xffff;
  for (int o = 0, c = 0; o < search.orientations; ++o)
    for (int i = 0; i < search.ratios; ++i, ++c) {
      const __m512d ratio = _mm512_set1_pd(1.10 - 0.05 * i);
      const __m512d reach = _mm512_set1_pd(o == 0 ? search.pos : search.neg);
      __m256 half[2];
      for (int h = 0; h < 2; ++h) {
        __m512d signRatio = o == 0 ? ratio : _mm512_mul_pd(extra[h], ratio);
        half[h] = _mm512_cvtpd_ps(
            _mm512_div_pd(_mm512_mul_pd(signRatio, absMax[h]), reach));
      }
      __m512 sc =
          _mm512_insertf32x8(_mm512_castps256_ps512(half[0]), half[1], 1);
      __mmask16 ok = invertible16(sc);
      valid &= ok;
      candidates[c] = _mm512_mask_blend_ps(ok, _mm512_set1_ps(1.0f), sc);
    }
  const __m512 oneF = _mm512_set1_ps(1.0f);
  __m512 best = zero, bestRefit = zero;
  __mmask16 any = 0;
  int c = 0;
  for (; c + 1 < count; c += 2) {
    __m512 inv0 = _mm512_div_ps(oneF, candidates[c]);
    __m512 inv1 = _mm512_div_ps(oneF, candidates[c + 1]);
    __m512 sxq0 = zero, sqq0 = zero, sxq1 = zero, sqq1 = zero;
    for (int64_t k = 0; k < n; ++k) {
      __m512 v = _mm512_loadu_ps(xt + k * 16);
      __m512 q0 = codes16(v, inv0, qmin, qmax);
      __m512 q1 = codes16(v, inv1, qmin, qmax);
      sxq0 = _mm512_fmadd_ps(v, q0, sxq0);
      sqq0 = _mm512_fmadd_ps(q0, q0, sqq0);
      sxq1 = _mm512_fmadd_ps(v, q1, sxq1);
      sqq1 = _mm512_fmadd_ps(q1, q1, sqq1);
    }
    keepBest16(sxq0, sqq0, best, bestRefit, any);
    keepBest16(sxq1, sqq1, best, bestRefit, any);
  }
  for (; c < count; ++c) {
    __m512 inv = _mm512_div_ps(oneF, candidates[c]);
    __m512 sxq = zero, sqq = zero;
    for (int64_t k = 0; k < n; ++k) {
      __m512 v = _mm512_loadu_ps(xt + k * 16);
      __m512 q = codes16(v, inv, qmin, qmax);
      sxq = _mm512_fmadd_ps(v, q, sxq);
      sqq = _mm512_fmadd_ps(q, q, sqq);
    }
    keepBest16(sxq, sqq, best, bestRefit, any);
  }
  const __mmask16 found = any & valid;

  float minMaxF[16];
  for (int b = 0; b < 16; ++b)
    minMaxF[b] = static_cast<float>(scales[b]);
  __m512 minMax = _mm512_loadu_ps(minMaxF);
  __m512 stored =
      _mm512_mask_blend_ps(found, minMax, storeScales16(bestRefit, search.f16));
  __m512 invStored = _mm512_div_ps(oneF, stored);
  __m512 invMinMax = _mm512_div_ps(oneF, minMax);
  __m512 negStored = _mm512_sub_ps(zero, stored);
  __m512 negMinMax = _mm512_sub_ps(zero, minMax);
  __m512 errStored = zero, errMinMax = zero;
  for (int64_t k = 0; k < n; ++k) {
    __m512 v = _mm512_loadu_ps(xt + k * 16);
    __m512 e0 =
        _mm512_fmadd_ps(codes16(v, invStored, qmin, qmax), negStored, v);
    __m512 e1 =
        _mm512_fmadd_ps(codes16(v, invMinMax, qmin, qmax), negMinMax, v);
    errStored = _mm512_fmadd_ps(e0, e0, errStored);
    errMinMax = _mm512_fmadd_ps(e1, e1, errMinMax);
  }
  __mmask16 take = found & _mm512_cmp_ps_mask(errStored, errMinMax, _CMP_LT_OQ);
  float storedF[16];
  _mm512_storeu_ps(storedF, stored);
  for (int b = 0; b < 16; ++b)
    if ((take >> b) & 1)
      scales[b] = storedF[b];
}

namespace {

/// Four f64 lanes of an f32 vector: its low (0) or high (1) half.
[[gnu::target("avx2")]] inline __m256d widen(__m256 v, int half) {
  return _mm256_cvtps_pd(half ? _mm256_extractf128_ps(v, 1)
                              : _mm256_castps256_ps128(v));
}

/// sum h (x - (code(x) - zp) * s)^2 of eight interleaved blocks for
/// per-lane parameters, as weightedBlockError computes it (codes from x / s).
[[gnu::target("avx2")]] void weightedErrors8(const IntRange &range,
                                             const float *x, const double *h,
                                             int64_t n, const double *s,
                                             const double *zp, double *out) {
#pragma clang fp contract(off)
  float sf[8], zf[8];
  for (int b = 0; b < 8; ++b) {
    sf[b] = static_cast<float>(s[b]);
    zf[b] = static_cast<float>(zp[b]);
  }
  const __m256 vs = _mm256_loadu_ps(sf), vz = _mm256_loadu_ps(zf);
  const __m256 lo = _mm256_set1_ps(-4194304.0f),
               hi = _mm256_set1_ps(4194304.0f);
  const __m256 magic = _mm256_set1_ps(12582912.0f);
  const __m256 qmin = _mm256_set1_ps(float(range.qmin)),
               qmax = _mm256_set1_ps(float(range.qmax));
  __m256d sd[2] = {_mm256_loadu_pd(s), _mm256_loadu_pd(s + 4)};
  __m256d zd[2] = {_mm256_loadu_pd(zp), _mm256_loadu_pd(zp + 4)};
  __m256d err[2] = {_mm256_setzero_pd(), _mm256_setzero_pd()};
  for (int64_t k = 0; k < n; ++k) {
    const __m256 xv = _mm256_loadu_ps(x + k * 8);
    __m256 t = _mm256_min_ps(_mm256_max_ps(_mm256_div_ps(xv, vs), lo), hi);
    t = _mm256_sub_ps(_mm256_add_ps(t, magic), magic);
    const __m256 q =
        _mm256_min_ps(_mm256_max_ps(_mm256_add_ps(t, vz), qmin), qmax);
    for (int half = 0; half < 2; ++half) {
      const __m256d e = _mm256_sub_pd(
          widen(xv, half),
          _mm256_mul_pd(_mm256_sub_pd(widen(q, half), zd[half]), sd[half]));
      const __m256d hv = _mm256_loadu_pd(h + k * 8 + half * 4);
      err[half] =
          _mm256_add_pd(err[half], _mm256_mul_pd(_mm256_mul_pd(hv, e), e));
    }
  }
  _mm256_storeu_pd(out, err[0]);
  _mm256_storeu_pd(out + 4, err[1]);
}

} // namespace

[[gnu::target("avx2")]] void mlir::coreai::detail::searchWeighted8(
    const QuantScheme &scheme, const IntRange &range, const float *x,
    const double *h, int64_t n, double *scales, double *zeros) {
#pragma clang fp contract(off)
  // The blocks' ranges and total weights, element after element.
  __m256d lo[2] = {_mm256_setzero_pd(), _mm256_setzero_pd()};
  __m256d hi[2] = {_mm256_setzero_pd(), _mm256_setzero_pd()};
  __m256d weight[2] = {_mm256_setzero_pd(), _mm256_setzero_pd()};
  for (int64_t k = 0; k < n; ++k) {
    const __m256 xv = _mm256_loadu_ps(x + k * 8);
    for (int half = 0; half < 2; ++half) {
      const __m256d xd = widen(xv, half);
      lo[half] = _mm256_min_pd(xd, lo[half]);
      hi[half] = _mm256_max_pd(xd, hi[half]);
      weight[half] =
          _mm256_add_pd(weight[half], _mm256_loadu_pd(h + k * 8 + half * 4));
    }
  }
  double los[8], his[8], weights[8];
  for (int half = 0; half < 2; ++half) {
    _mm256_storeu_pd(los + half * 4, lo[half]);
    _mm256_storeu_pd(his + half * 4, hi[half]);
    _mm256_storeu_pd(weights + half * 4, weight[half]);
  }
  llvm::SmallVector<WeightedBlock, 8> blocks;
  bool anyActive = false;
  for (int b = 0; b < 8; ++b) {
    blocks.emplace_back(scheme, range, los[b], his[b], weights[b]);
    anyActive |= blocks.back().isActive();
  }
  if (!anyActive)
    return;

  const __m256 clampLo = _mm256_set1_ps(-4194304.0f),
               clampHi = _mm256_set1_ps(4194304.0f);
  const __m256 magic = _mm256_set1_ps(12582912.0f);
  const __m256 qmin = _mm256_set1_ps(float(range.qmin)),
               qmax = _mm256_set1_ps(float(range.qmax));
  const int ratios = numRatios(scheme.lowestRatio);
  for (int i = 0; i < ratios; ++i) {
    float inv[8], zf[8];
    double zp[8];
    bool scored[8], any = false;
    for (int b = 0; b < 8; ++b) {
      scored[b] =
          blocks[b].isActive() && blocks[b].candidate(i, inv[b], zf[b], zp[b]);
      if (!scored[b])
        inv[b] = zf[b] = 0.0f, zp[b] = 0.0;
      any |= scored[b];
    }
    if (!any)
      continue;
    const __m256 vinv = _mm256_loadu_ps(inv), vzf = _mm256_loadu_ps(zf);
    const __m256d zd[2] = {_mm256_loadu_pd(zp), _mm256_loadu_pd(zp + 4)};
    __m256d sxc[2] = {_mm256_setzero_pd(), _mm256_setzero_pd()};
    __m256d scc[2] = {_mm256_setzero_pd(), _mm256_setzero_pd()};
    for (int64_t k = 0; k < n; ++k) {
      const __m256 xv = _mm256_loadu_ps(x + k * 8);
      __m256 t = _mm256_min_ps(_mm256_max_ps(_mm256_mul_ps(xv, vinv), clampLo),
                               clampHi);
      t = _mm256_sub_ps(_mm256_add_ps(t, magic), magic);
      const __m256 q =
          _mm256_min_ps(_mm256_max_ps(_mm256_add_ps(t, vzf), qmin), qmax);
      for (int half = 0; half < 2; ++half) {
        const __m256d c = _mm256_sub_pd(widen(q, half), zd[half]);
        const __m256d hv = _mm256_loadu_pd(h + k * 8 + half * 4);
        sxc[half] = _mm256_add_pd(
            sxc[half], _mm256_mul_pd(_mm256_mul_pd(hv, widen(xv, half)), c));
        scc[half] =
            _mm256_add_pd(scc[half], _mm256_mul_pd(_mm256_mul_pd(hv, c), c));
      }
    }
    double sxcs[8], sccs[8];
    for (int half = 0; half < 2; ++half) {
      _mm256_storeu_pd(sxcs + half * 4, sxc[half]);
      _mm256_storeu_pd(sccs + half * 4, scc[half]);
    }
    for (int b = 0; b < 8; ++b)
      if (scored[b])
        blocks[b].score(sxcs[b], sccs[b], zp[b]);
  }

  // Each block's trial against its parameters. The kernel's codes take
  // finite positive scales only: a lane whose parameters are not runs the
  // portable comparison.
  double trialScale[8], trialZero[8], trialError[8], ownError[8];
  bool tried[8];
  for (int b = 0; b < 8; ++b) {
    tried[b] =
        blocks[b].isActive() && blocks[b].trial(trialScale[b], trialZero[b]);
    if (!tried[b])
      trialScale[b] = 1.0, trialZero[b] = 0.0;
  }
  weightedErrors8(range, x, h, n, trialScale, trialZero, trialError);
  double own[8], ownZero[8];
  bool plain[8];
  for (int b = 0; b < 8; ++b) {
    const float sf = static_cast<float>(scales[b]);
    plain[b] = sf > 0.0f && std::isfinite(sf) && std::isfinite(1.0f / sf);
    own[b] = plain[b] ? scales[b] : 1.0;
    ownZero[b] = plain[b] ? zeros[b] : 0.0;
  }
  weightedErrors8(range, x, h, n, own, ownZero, ownError);
  for (int b = 0; b < 8; ++b) {
    if (!tried[b])
      continue;
    const double mine = plain[b] ? ownError[b]
                                 : weightedBlockError(range, x + b, h + b, n, 8,
                                                      scales[b], zeros[b]);
    if (trialError[b] < mine) {
      scales[b] = trialScale[b];
      zeros[b] = trialZero[b];
    }
  }
}

#else

bool mlir::coreai::detail::haveSearchKernels() { return false; }

bool mlir::coreai::detail::haveWideSearchKernels() { return false; }

void mlir::coreai::detail::searchSymmetric16(const float *, int64_t,
                                             const float *, const float *,
                                             const SymmetricSearch &,
                                             double *) {
  llvm_unreachable("no search kernels on this machine");
}

void mlir::coreai::detail::searchSymmetric8(const float *, int64_t,
                                            const float *, const float *,
                                            const SymmetricSearch &, double *) {
  llvm_unreachable("no search kernels on this machine");
}

void mlir::coreai::detail::searchAsymmetric8(const float *, int64_t,
                                             const float *, const float *,
                                             const AsymmetricSearch &, double *,
                                             double *) {
  llvm_unreachable("no search kernels on this machine");
}

void mlir::coreai::detail::searchWeighted8(const QuantScheme &,
                                           const IntRange &, const float *,
                                           const double *, int64_t, double *,
                                           double *) {
  llvm_unreachable("no search kernels on this machine");
}

#endif
