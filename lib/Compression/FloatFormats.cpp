//===- FloatFormats.cpp - Narrow float encodings --------------------------===//

#include "coreai/Compression/FloatFormats.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

using namespace mlir::coreai;

uint64_t mlir::coreai::encodeIEEE(double value, unsigned expBits,
                                  unsigned mantBits, bool finiteOnly,
                                  bool allOnesIsNaN) {
  const uint64_t signBit = uint64_t(1) << (expBits + mantBits);
  const uint64_t expAllOnes = (uint64_t(1) << expBits) - 1;
  const uint64_t allOnes = signBit - 1;
  // The first bit pattern past the largest finite value.
  const uint64_t limit = !finiteOnly    ? expAllOnes << mantBits
                         : allOnesIsNaN ? allOnes
                                        : allOnes + 1;
  const uint64_t overflow = finiteOnly ? limit - 1 : limit;
  uint64_t sign = std::signbit(value) ? signBit : 0;
  if (std::isnan(value))
    return (expAllOnes << mantBits) | ((uint64_t(1) << mantBits) - 1);
  double a = std::fabs(value);
  if (a == 0.0)
    return sign;
  const int bias = (1 << (expBits - 1)) - 1;
  const int emin = 1 - bias;
  const int emax = finiteOnly ? bias + 1 : bias;
  if (std::isinf(a))
    return sign | overflow;

  uint64_t bits;
  std::memcpy(&bits, &a, sizeof(bits));
  int exponent = static_cast<int>(bits >> 52) - 1023;
  if (exponent > emax)
    return sign | overflow;
  uint64_t r;
  if (exponent >= emin) {
    // Normal range: round the double's bits directly; a carry out of the
    // mantissa moves into the exponent, as it should.
    const unsigned shift = 52 - mantBits;
    uint64_t v = (static_cast<uint64_t>(exponent + bias) << 52) |
                 (bits & ((uint64_t(1) << 52) - 1));
    v += ((uint64_t(1) << (shift - 1)) - 1) + ((v >> shift) & 1);
    r = v >> shift;
  } else {
    // Subnormal range: value = q * 2^(emin - mantBits), q rounded to even
    // (scaling by a power of two is exact).
    r = static_cast<uint64_t>(
        std::nearbyint(std::ldexp(a, int(mantBits) - emin)));
  }
  return sign | (r >= limit ? overflow : r);
}

uint16_t mlir::coreai::encodeF16(double value) {
  // Fast path for the normal f16 range (what scales are): round the double's
  // mantissa to 10 bits, ties to even; a carry moves into the exponent.
  uint64_t bits;
  std::memcpy(&bits, &value, sizeof(bits));
  const uint64_t sign = (bits >> 48) & 0x8000u;
  const int exponent = static_cast<int>((bits >> 52) & 0x7ff) - 1023;
  if (exponent >= -14 && exponent <= 15) {
    uint64_t v = (static_cast<uint64_t>(exponent + 15) << 52) |
                 (bits & ((uint64_t(1) << 52) - 1));
    v += ((uint64_t(1) << 41) - 1) + ((v >> 42) & 1);
    uint64_t r = v >> 42;
    return static_cast<uint16_t>(sign | (r >= 0x7c00 ? 0x7c00 : r));
  }
  return static_cast<uint16_t>(encodeIEEE(value, 5, 10));
}

uint16_t mlir::coreai::encodeBF16(double value) {
  return static_cast<uint16_t>(encodeIEEE(value, 8, 7));
}

namespace {
struct Layout {
  unsigned expBits, mantBits;
  int bias;
  bool ieeeSpecials; // all-ones exponent is inf/NaN (e5m2)
};

Layout layoutOf(SmallFloat format) {
  switch (format) {
  case SmallFloat::F8E4M3FN:
    return {4, 3, 7, false};
  case SmallFloat::F8E5M2:
    return {5, 2, 15, true};
  case SmallFloat::F4E2M1FN:
    return {2, 1, 1, false};
  case SmallFloat::F8E8M0FNU:
    return {8, 0, 127, false};
  }
  return {0, 0, 0, false};
}

std::array<float, 256> buildTable(SmallFloat format) {
  std::array<float, 256> table{};
  const float nan = std::numeric_limits<float>::quiet_NaN();
  if (format == SmallFloat::F8E8M0FNU) {
    for (unsigned c = 0; c < 256; ++c)
      table[c] = c == 255 ? nan : std::ldexp(1.0f, int(c) - 127);
    return table;
  }
  Layout l = layoutOf(format);
  unsigned bits = 1 + l.expBits + l.mantBits;
  unsigned expMax = (1u << l.expBits) - 1;
  for (unsigned c = 0; c < (1u << bits); ++c) {
    unsigned sign = c >> (bits - 1);
    unsigned exp = (c >> l.mantBits) & expMax;
    unsigned mant = c & ((1u << l.mantBits) - 1);
    float v;
    if (l.ieeeSpecials && exp == expMax)
      v = mant ? nan : std::numeric_limits<float>::infinity();
    else if (format == SmallFloat::F8E4M3FN && exp == expMax &&
             mant == (1u << l.mantBits) - 1)
      v = nan;
    else if (exp == 0)
      v = std::ldexp(float(mant), 1 - l.bias - int(l.mantBits));
    else
      v = std::ldexp(float(mant | (1u << l.mantBits)),
                     int(exp) - l.bias - int(l.mantBits));
    table[c] = sign ? -v : v;
  }
  return table;
}
} // namespace

const std::array<float, 256> &mlir::coreai::smallFloatTable(SmallFloat format) {
  static const std::array<float, 256> tables[4] = {
      buildTable(SmallFloat::F8E4M3FN), buildTable(SmallFloat::F8E5M2),
      buildTable(SmallFloat::F8E8M0FNU), buildTable(SmallFloat::F4E2M1FN)};
  return tables[static_cast<int>(format)];
}

unsigned mlir::coreai::smallFloatBits(SmallFloat format) {
  return format == SmallFloat::F4E2M1FN ? 4 : 8;
}

float mlir::coreai::smallFloatMax(SmallFloat format) {
  switch (format) {
  case SmallFloat::F8E4M3FN:
    return 448.0f;
  case SmallFloat::F8E5M2:
    return 57344.0f;
  case SmallFloat::F4E2M1FN:
    return 6.0f;
  case SmallFloat::F8E8M0FNU:
    return std::ldexp(1.0f, 127);
  }
  return 0.0f;
}

uint8_t mlir::coreai::encodeSmallFloat(SmallFloat format, double value) {
  switch (format) {
  case SmallFloat::F8E8M0FNU: {
    if (std::isnan(value))
      return 255;
    double a = std::fabs(value);
    if (a == 0.0)
      return 0; // the smallest representable, 2^-127
    int e = static_cast<int>(std::nearbyint(std::log2(a)));
    return static_cast<uint8_t>(std::clamp(e, -127, 127) + 127);
  }
  case SmallFloat::F8E4M3FN:
    return static_cast<uint8_t>(encodeIEEE(value, 4, 3, /*finiteOnly=*/true));
  case SmallFloat::F8E5M2: {
    // Saturate instead of overflowing to inf.
    double clamped =
        std::isnan(value) ? value : std::clamp(value, -57344.0, 57344.0);
    return static_cast<uint8_t>(encodeIEEE(clamped, 5, 2));
  }
  case SmallFloat::F4E2M1FN:
    // No NaN in e2m1: it encodes as 0.
    if (std::isnan(value))
      return 0;
    return static_cast<uint8_t>(encodeIEEE(value, 2, 1, /*finiteOnly=*/true,
                                           /*allOnesIsNaN=*/false));
  }
  return 0;
}

namespace {
void decodeF16ArrayDefault(const uint16_t *src, float *dst, int64_t n) {
  for (int64_t i = 0; i < n; ++i)
    dst[i] = mlir::coreai::decodeF16(src[i]);
}

#if defined(__x86_64__) && defined(__clang__)
[[gnu::target("avx2,f16c")]] void decodeF16ArrayF16C(const uint16_t *src,
                                                     float *dst, int64_t n) {
  int64_t i = 0;
  for (; i + 8 <= n; i += 8)
    _mm256_storeu_ps(dst + i, _mm256_cvtph_ps(_mm_loadu_si128(
                                  reinterpret_cast<const __m128i *>(src + i))));
  decodeF16ArrayDefault(src + i, dst + i, n - i);
}

/// Four values at a time: those that f32 holds exactly round once, by
/// VCVTPS2PH, to what encodeF16 gives; any other group (NaN, values f32
/// would round) goes through encodeF16.
[[gnu::target("avx2,f16c")]] void encodeF16ArrayF16C(const double *src,
                                                     uint16_t *dst, int64_t n) {
  int64_t i = 0;
  for (; i + 4 <= n; i += 4) {
    __m256d v = _mm256_loadu_pd(src + i);
    __m128 f = _mm256_cvtpd_ps(v);
    __m256d back = _mm256_cvtps_pd(f);
    if (_mm256_movemask_pd(_mm256_cmp_pd(v, back, _CMP_EQ_OQ)) == 0xf) {
      _mm_storel_epi64(reinterpret_cast<__m128i *>(dst + i),
                       _mm_cvtps_ph(f, _MM_FROUND_TO_NEAREST_INT));
      continue;
    }
    for (int64_t k = i; k < i + 4; ++k)
      dst[k] = mlir::coreai::encodeF16(src[k]);
  }
  for (; i < n; ++i)
    dst[i] = mlir::coreai::encodeF16(src[i]);
}
#endif
} // namespace

void mlir::coreai::encodeF16Array(const double *src, uint16_t *dst, int64_t n) {
#if defined(__x86_64__) && defined(__clang__)
  static const bool hasF16C =
      __builtin_cpu_supports("f16c") && __builtin_cpu_supports("avx2");
  if (hasF16C)
    return encodeF16ArrayF16C(src, dst, n);
#endif
  for (int64_t i = 0; i < n; ++i)
    dst[i] = encodeF16(src[i]);
}

void mlir::coreai::decodeF16Array(const uint16_t *src, float *dst, int64_t n) {
#if defined(__x86_64__) && defined(__clang__)
  static const bool hasF16C =
      __builtin_cpu_supports("f16c") && __builtin_cpu_supports("avx2");
  if (hasF16C)
    return decodeF16ArrayF16C(src, dst, n);
#endif
  decodeF16ArrayDefault(src, dst, n);
}

bool mlir::coreai::allFiniteHalf(const uint16_t *bits, int64_t n, bool bf16) {
  const uint16_t expMask = bf16 ? 0x7f80 : 0x7c00;
  bool finite = true;
  for (int64_t i = 0; i < n; ++i)
    finite &= (bits[i] & expMask) != expMask;
  return finite;
}
