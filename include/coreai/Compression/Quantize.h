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

/// How integer block scales are chosen.
enum class ScaleSearch {
  MinMax, ///< from the block's range (the reference's way)
  MSE     ///< a least-squares search over clipped scales
};

/// A quantization scheme: the format, symmetric or not, the scale storage,
/// and for integer formats the scale search and the symmetric code range.
struct QuantScheme {
  QuantFormat format;
  bool symmetric = true;
  ScaleStorage scaleStorage = ScaleStorage::F32;
  ScaleSearch search = ScaleSearch::MinMax;
  /// The smallest clipping ratio the search tries (candidates run from 1.10
  /// down to it in steps of 0.05): 0.65 for short blocks, 0.30 for
  /// per-channel and per-tensor ones.
  double lowestRatio = 0.65;
  /// Symmetric formats use the whole two's-complement range (-8..7 for 4
  /// bits, still zero point 0; unsigned: 0..15 around 8), the block's
  /// largest magnitude on the extra code (a negative scale when it is
  /// positive).
  bool fullRange = false;
};

/// The code range of an integer format and its symmetric zero point:
/// symmetric signed ranges drop the lowest code ([-127, 127] for int8),
/// symmetric unsigned ones the highest ([0, 254], zero point 127), unless
/// `fullRange` keeps every code ([-128, 127]; [0, 255] around 128).
struct IntRange {
  int64_t qmin, qmax, symmetricZeroPoint;
};
IntRange getIntRange(QuantFormat format, bool symmetric,
                     bool fullRange = false);

/// The stored scale and zero point of the integer block x[0, n) whose values
/// lie in [lo, hi], chosen by least squares (ScaleSearch::MSE): candidate
/// scales r * amax / qmax for r from 1.10 down to `scheme.lowestRatio`, each
/// scored by (sum x q)^2 / sum q^2 with q its rounded codes (asymmetric: by
/// the squared error, scale and zero point clipped together), the best
/// refitted (s = sum x q / sum q^2; asymmetric: a regression of x on q) and
/// rounded to its storage. The result is never worse than the min-max
/// scale: that is kept when it is as good. All-zero blocks keep the min-max
/// parameters (they decode to exactly 0).
void searchIntegerParam(const QuantScheme &scheme, const IntRange &range,
                        const float *x, int64_t n, float lo, float hi,
                        double &scale, double &zeroPoint);

/// searchIntegerParam for the `segs` consecutive blocks of `segLen` values
/// of a row (block j with values in [lo[j], hi[j]]), whose min-max
/// parameters scales[j] and zeroPoints[j] hold on entry; eight or sixteen
/// blocks at a time on machines with AVX2 and FMA (AVX-512), with exactly
/// the same results.
void searchIntegerRow(const QuantScheme &scheme, const IntRange &range,
                      const float *row, int64_t segs, int64_t segLen,
                      const float *lo, const float *hi, double *scales,
                      double *zeroPoints);

/// The scale and zero point of the integer block x[0, n) chosen for the
/// error its consumer sees: element k weighs h[k] (the mean square of the
/// input it multiplies, diag H of the activation statistics). Candidates
/// clip the block's range by r from 1.10 down to `scheme.lowestRatio` in
/// steps of 0.05 (asymmetric: around its center), each scored by the
/// weighted error left after refitting the scale to its codes (s = sum h x c
/// / sum h c^2, c the codes less the zero point); the best, rounded to its
/// storage, replaces `scale` and `zeroPoint` (on entry: the block's
/// parameters) when its sum h (x - s c)^2 is smaller. Float formats, all-zero
/// blocks and blocks whose weights are all zero keep their parameters.
void searchWeightedIntegerParam(const QuantScheme &scheme,
                                const IntRange &range, const float *x,
                                const double *h, int64_t n, double &scale,
                                double &zeroPoint);

/// searchWeightedIntegerParam for `lanes` blocks of `n` values at once,
/// interleaved: value k of block b at x[k * lanes + b], its weight at
/// h[k * lanes + b], the block's parameters in scales[b] and zeroPoints[b].
/// Eight lanes run a vector kernel where the CPU has one (AVX2), with the
/// same results.
void searchWeightedIntegerParams(const QuantScheme &scheme,
                                 const IntRange &range, const float *x,
                                 const double *h, int64_t n, int64_t lanes,
                                 double *scales, double *zeroPoints);

/// The min-max scale and zero point of an integer or float block whose
/// values lie in [lo, hi] (ScaleSearch::MinMax).
void computeMinMaxParam(const QuantScheme &scheme, const IntRange &range,
                        float lo, float hi, double &scale, double &zeroPoint);

/// The squared error of x[0, n) quantized against stored `scale` and
/// `zeroPoint` (integer codes exactly as quantizeWeight computes them).
double integerBlockError(const IntRange &range, const float *x, int64_t n,
                         double scale, double zeroPoint);

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

/// Quantizes values v[0, n) against one stored `scale` and `zeroPoint`
/// exactly as quantizeWeight does (codes as it writes them, unpacked).
void quantizeValues(const QuantFormat &format, const IntRange &range,
                    double scale, double zeroPoint, const float *v,
                    uint8_t *codes, int64_t n);

/// Returns the value of `code` (as quantizeWeight writes it) in `format`,
/// before scaling: the integer or the float value.
double decodeQuantCode(QuantFormat format, uint8_t code);

} // namespace coreai
} // namespace mlir

#endif // COREAI_COMPRESSION_QUANTIZE_H
