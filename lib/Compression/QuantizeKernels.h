//===- QuantizeKernels.h - Vector row kernels of Quantize.cpp ---*- C++ -*-===//
//
// AVX2/F16C row kernels for the common case of integer quantization: an f16
// weight whose rows own their blocks, blocks a multiple of 32 elements long.
// They give exactly the bytes of the portable path in Quantize.cpp (the unit
// tests compare the two); Quantize.cpp calls them only when
// haveF16RowKernels() says the machine runs them.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_LIB_COMPRESSION_QUANTIZEKERNELS_H
#define COREAI_LIB_COMPRESSION_QUANTIZEKERNELS_H

#include <cstdint>

namespace mlir {
namespace coreai {
namespace detail {

/// Whether this machine runs the kernels below (x86-64 with AVX2 and F16C).
bool haveF16RowKernels();

/// Decodes the f16 row src[0, segs * segLen) into row[] (unless row is null)
/// and sets lo[j], hi[j] to the minimum and maximum of segment j. Returns
/// false if any value is Inf or NaN. segLen % 32 == 0.
bool decodeMinMaxF16Row(const uint16_t *src, float *row, int64_t segs,
                        int64_t segLen, float *lo, float *hi);

/// Scales and zero points of integer blocks, exactly as Quantize.cpp's
/// computeParam gives them, for scales stored as f16 (`f16Scales`) or f32:
/// block j has values in [lo[j], hi[j]]; the scale is the stored value of
/// (vmax - vmin + 1e-6) / (qmax - qmin). Writes scales[j] (and zeroPoints[j]
/// unless `symmetric`) as doubles and the same values as floatScales[j] and
/// intZeroPoints[j] for integerCodesRow. Returns how many leading blocks it
/// did (a multiple of 4); the caller does the rest.
int64_t integerParams(const float *lo, const float *hi, int64_t n,
                      bool symmetric, int32_t qmin, int32_t qmax,
                      int32_t symmetricZeroPoint, bool f16Scales,
                      double *scales, double *zeroPoints, float *floatScales,
                      int32_t *intZeroPoints);

/// Integer codes of a row of segments: element k of segment j becomes
/// clamp(rne(clamp(v / scales[j], +-2^22)) + zeroPoints[j], qmin, qmax), kept
/// to its low `bits` bits. Writes one byte per element, or with
/// `packNibbles` (bits == 4) two elements per byte, the first in the low
/// nibble. segLen % 32 == 0; qmin and qmax lie in [-128, 255]. The row is
/// f32, or f16 bits decoded on the fly.
void integerCodesRow(const float *row, const float *scales,
                     const int32_t *zeroPoints, int64_t segs, int64_t segLen,
                     int32_t qmin, int32_t qmax, unsigned bits,
                     bool packNibbles, uint8_t *dst);
void integerCodesRow(const uint16_t *row, const float *scales,
                     const int32_t *zeroPoints, int64_t segs, int64_t segLen,
                     int32_t qmin, int32_t qmax, unsigned bits,
                     bool packNibbles, uint8_t *dst);

} // namespace detail
} // namespace coreai
} // namespace mlir

#endif // COREAI_LIB_COMPRESSION_QUANTIZEKERNELS_H
