//===- FloatFormats.h - Narrow float encodings ------------------*- C++ -*-===//
//
// Decoding and round-to-nearest-even encoding of the float storage formats
// that Core AI weights use: f16, bf16, f8E4M3FN, f8E5M2, f8E8M0FNU and
// f4E2M1FN. Encoders saturate to the largest finite value (the callers clamp
// first anyway; LLVM's APFloat would turn e4m3fn overflow into NaN).
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_COMPRESSION_FLOATFORMATS_H
#define COREAI_COMPRESSION_FLOATFORMATS_H

#include <array>
#include <cstdint>
#include <cstring>

namespace mlir {
namespace coreai {

/// Float formats with at most 8 bits, decoded through tables.
enum class SmallFloat { F8E4M3FN, F8E5M2, F8E8M0FNU, F4E2M1FN };

/// Returns the value of an IEEE binary16 bit pattern (inline: hot loops call
/// it per value).
inline float decodeF16(uint16_t bits);
/// Decodes n binary16 values (F16C when the CPU has it).
void decodeF16Array(const uint16_t *src, float *dst, int64_t n);
/// Rounds `value` to the nearest binary16 (ties to even; overflow to inf).
uint16_t encodeF16(double value);
/// encodeF16 of n values (F16C for the values that f32 holds exactly).
void encodeF16Array(const double *src, uint16_t *dst, int64_t n);

/// Whether none of `n` f16 (or, with `bf16`, bfloat16) bit patterns is Inf
/// or NaN (exponent all ones).
bool allFiniteHalf(const uint16_t *bits, int64_t n, bool bf16);

/// Returns the value of a bfloat16 bit pattern.
inline float decodeBF16(uint16_t bits);
/// Rounds `value` to the nearest bfloat16 (ties to even; overflow to inf).
uint16_t encodeBF16(double value);

/// Rounds `value` once to the nearest value of an IEEE-style binary format
/// with `expBits` exponent and `mantBits` mantissa bits (ties to even,
/// subnormals) and returns its bit pattern. Overflow gives inf; with
/// `finiteOnly` (the FN formats, whose all-ones exponent is an ordinary
/// binade) it saturates to the largest finite value instead, which is the
/// all-ones pattern less one when `finiteOnly` formats keep it for NaN
/// (e4m3fn) and the all-ones pattern otherwise (e2m1fn).
uint64_t encodeIEEE(double value, unsigned expBits, unsigned mantBits,
                    bool finiteOnly = false, bool allOnesIsNaN = true);

/// Returns the 256-entry decoding table of `format` (16 entries are used for
/// f4E2M1FN). NaN codes decode to NaN.
const std::array<float, 256> &smallFloatTable(SmallFloat format);

/// Returns the number of bits of `format`.
unsigned smallFloatBits(SmallFloat format);

/// Returns the largest finite value of `format`.
float smallFloatMax(SmallFloat format);

/// Rounds `value` to the nearest value of `format`, ties to the even code,
/// saturating at the largest finite magnitude. For f8E8M0FNU (powers of two
/// only, no zero, no sign) the magnitude is rounded in the log domain.
uint8_t encodeSmallFloat(SmallFloat format, double value);

inline float decodeF16(uint16_t h) {
  uint32_t sign = uint32_t(h & 0x8000) << 16;
  uint32_t exp = (h >> 10) & 0x1f;
  uint32_t mant = h & 0x3ff;
  uint32_t word;
  if (exp == 0) {
    // Subnormal (or zero): mant * 2^-24, exact in f32.
    float magnitude = static_cast<float>(mant) * 5.9604644775390625e-8f;
    std::memcpy(&word, &magnitude, sizeof(word));
  } else if (exp == 31) {
    word = mant ? 0x7fc00000u : 0x7f800000u;
  } else {
    word = ((exp + 112) << 23) | (mant << 13);
  }
  word |= sign;
  float out;
  std::memcpy(&out, &word, sizeof(out));
  return out;
}

inline float decodeBF16(uint16_t bits) {
  uint32_t word = uint32_t(bits) << 16;
  float out;
  __builtin_memcpy(&out, &word, sizeof(out));
  return out;
}

} // namespace coreai
} // namespace mlir

#endif // COREAI_COMPRESSION_FLOATFORMATS_H
