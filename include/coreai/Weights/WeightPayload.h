//===- WeightPayload.h - Loading a weight for the compute step --*- C++ -*-===//
//
// The load step every compression pass shares: open a candidate's payload,
// hand f16/bf16 bit patterns over in place when they are stored element
// after element and 2-byte aligned, otherwise decode an f32 copy; check
// Inf/NaN once; and word the skip the same way everywhere. Touches no IR
// beyond reading attributes: safe in worker threads.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_WEIGHTS_WEIGHTPAYLOAD_H
#define COREAI_WEIGHTS_WEIGHTPAYLOAD_H

#include "coreai/Compression/Buffer.h"
#include "coreai/IR/ConstantData.h"

#include <optional>
#include <string>

namespace mlir {
namespace coreai {

/// Which half-precision bit patterns a pass can work on in place.
enum class HalfBits { None, F16, F16OrBF16 };

/// A weight's values as the compute step reads them.
class WeightPayload {
public:
  /// Opens `value` of element type `elementType`. `halfBits` says which
  /// 16-bit payloads the caller takes in place. On failure returns
  /// std::nullopt and sets `error`.
  static std::optional<WeightPayload> open(ElementsAttr value, Type elementType,
                                           HalfBits halfBits,
                                           std::string &error);

  /// The bit patterns in place, or an empty array when the values must be
  /// decoded (see decode).
  ArrayRef<uint16_t> getHalfBits() const { return half; }
  bool isBF16() const { return bf16; }
  /// Streams decoded values (for kernels that read in chunks).
  const ElementReader &getReader() const { return *reader; }
  int64_t size() const { return reader->size(); }

  /// Decodes every value into an f32 copy (once) and returns it.
  ArrayRef<float> decode(unsigned threads);

  /// The decoded copy for the caller to keep and change: moved out (decode
  /// would decode again); no second copy of a large weight.
  UninitVector<float> takeDecoded(unsigned threads);

  /// True when no value is Inf or NaN: checks the bit patterns in place, or
  /// the decoded copy (decoding it first when needed).
  bool allFinite(unsigned threads);

private:
  WeightPayload(ElementReader reader) : reader(std::move(reader)) {}

  std::optional<ElementReader> reader;
  ArrayRef<uint16_t> half;
  bool bf16 = false;
  UninitVector<float> values;
  bool decoded = false;
};

/// The skip reason of a weight that holds Inf or NaN values; `leftAs` is the
/// pass's word for what it did not do ("unquantized", "unpalettized", ...).
std::string getNonFiniteSkipReason(StringRef leftAs);

} // namespace coreai
} // namespace mlir

#endif // COREAI_WEIGHTS_WEIGHTPAYLOAD_H
