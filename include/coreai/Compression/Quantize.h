//===- Quantize.h - Blockwise weight quantization ---------------*- C++ -*-===//
//
// The numerics of coreai-quantize-weights (docs/compression.md section 2),
// free of IR: integer (int/uint 2, 4, 8) and float (fp8 e4m3fn/e5m2, fp4
// e2m1fn) formats, symmetric or asymmetric, with one scale (and zero point)
// per block. Scales are rounded to their storage type first and the data
// quantized against the stored value; MX (E8M0) scales are chosen the OCP way.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_COMPRESSION_QUANTIZE_H
#define COREAI_COMPRESSION_QUANTIZE_H

#include "coreai/Compression/Buffer.h"
#include "coreai/Compression/FloatFormats.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <cstdint>
#include <vector>

namespace mlir {
namespace coreai {

/// A quantized storage format.
struct QuantFormat {
  bool isFloat = false;
  unsigned bits = 8;                             ///< integer formats: 2, 4 or 8
  bool isSigned = true;                          ///< integer formats
  SmallFloat floatFormat = SmallFloat::F8E4M3FN; ///< float formats

  static QuantFormat integer(unsigned bits, bool isSigned) {
    return {false, bits, isSigned, SmallFloat::F8E4M3FN};
  }
  static QuantFormat floating(SmallFloat format) {
    return {true, smallFloatBits(format), true, format};
  }
};

/// How scales are stored.
enum class ScaleStorage { F32, F16, BF16, E8M0 };

/// A quantization scheme: the format, symmetric or not, the scale storage.
struct QuantScheme {
  QuantFormat format;
  bool symmetric = true;
  ScaleStorage scaleStorage = ScaleStorage::F32;
};

/// The code range of an integer format and its symmetric zero point:
/// symmetric signed ranges drop the lowest code ([-127, 127] for int8),
/// symmetric unsigned ones the highest ([0, 254], zero point 127).
struct IntRange {
  int64_t qmin, qmax, symmetricZeroPoint;
};
IntRange getIntRange(QuantFormat format, bool symmetric);

/// Rounds `scale` to `storage` (nearest even). A scale that would round to
/// zero becomes the smallest positive value of the storage, so that a block
/// still dequantizes to its nearest codes (an all-zero block to exactly 0).
double roundScale(double scale, ScaleStorage storage);

/// The OCP MX shared scale of a block whose largest magnitude is `absMax`:
/// 2^(clamp(floor(log2(absMax)) - emax, -127, 127)), with emax the largest
/// exponent of the element format (2 for e2m1, 8 for e4m3, 15 for e5m2).
/// An all-zero block gets 2^-127.
double getMXScale(double absMax, SmallFloat elementFormat);

/// Decodes elements [begin, end) of the weight, row-major, into out[0, ...).
using WeightLoader =
    llvm::function_ref<void(int64_t begin, int64_t end, float *out)>;

/// A quantized weight.
struct QuantizedWeight {
  /// One code per element: the low `bits` bits of the two's complement
  /// integer, or the float format's bit pattern; packed LSB-first
  /// (docs/compression.md section 5) when `packed`.
  ByteBuffer codes;
  /// Sub-byte codes come packed when every row of the weight starts on a
  /// byte boundary.
  bool packed = false;
  /// Per block (row-major over the parameter shape): the stored scale and the
  /// zero point (an integer; 0 for float formats). Symmetric schemes give
  /// every block the same zero point and store it once: zeroPoints then has
  /// one element.
  UninitVector<double> scales, zeroPoints;
  /// False when the weight holds Inf or NaN (then nothing else is set).
  bool finite = true;
};

/// Quantizes a weight of `shape` with one scale per block: the parameter
/// shape `paramShape` has the weight's rank and each of its dims divides the
/// weight's; block b covers shape[d] / paramShape[d] consecutive elements
/// along each dim d. Runs on up to `threads` threads (0: the machine) with a
/// result independent of the count. With `allowPacked`, sub-byte codes may
/// come packed (see QuantizedWeight::packed). `f16`, when given, is the
/// weight as IEEE f16 bits (what `load` decodes): integer formats then take
/// vector kernels that read it directly, with the same result.
void quantizeWeight(const QuantScheme &scheme, llvm::ArrayRef<int64_t> shape,
                    llvm::ArrayRef<int64_t> paramShape, WeightLoader load,
                    QuantizedWeight &out, unsigned threads = 1,
                    bool allowPacked = false, const uint16_t *f16 = nullptr);

/// Quantizes `values` as one block (one scale), symmetrically, with
/// `format` and the scale stored as `storage`: a LUT or the kept values of a
/// sparse weight.
QuantizedWeight quantizePerTensor(const QuantFormat &format,
                                  ScaleStorage storage,
                                  llvm::ArrayRef<float> values,
                                  unsigned threads = 1);

/// Returns the value of `code` (as quantizeWeight writes it) in `format`,
/// before scaling: the integer or the float value.
double decodeQuantCode(QuantFormat format, uint8_t code);

} // namespace coreai
} // namespace mlir

#endif // COREAI_COMPRESSION_QUANTIZE_H
