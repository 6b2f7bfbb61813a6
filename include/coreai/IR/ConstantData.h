//===- ConstantData.h - Logical values of constant payloads -----*- C++ -*-===//
//
// Reads the values of `dense<...>` and `dense_resource<...>` payloads as flat
// arrays, without per-element attribute traffic: packed sub-byte blobs are
// unpacked and narrow floats decoded through tables.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_IR_CONSTANTDATA_H
#define COREAI_IR_CONSTANTDATA_H

#include "coreai/Compression/Buffer.h"

#include "mlir/IR/BuiltinAttributeInterfaces.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Support/LLVM.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mlir {
namespace coreai {

/// The largest number of elements of a tensor that a constant or a decoder op
/// may have: its bytes, bits and f64 working copies stay far from int64
/// overflow. The verifiers reject larger types, so code behind them can
/// multiply sizes freely.
constexpr int64_t kMaxNumElements = int64_t(1) << 48;

/// Returns the number of elements of `shape`, or std::nullopt when a
/// dimension is dynamic or negative or the product exceeds kMaxNumElements.
std::optional<int64_t> getCheckedNumElements(ArrayRef<int64_t> shape);

/// Returns the bit width of element type `type` when a `dense_resource` blob
/// stores it packed as an LSB-first bit stream (integers narrower than 8 bits
/// and f4E2M1FN), std::nullopt otherwise.
std::optional<unsigned> getPackedBitWidth(Type type);

/// Returns the number of bytes one element of `type` takes when it is not
/// packed (one byte for sub-byte types, as DenseElementsAttr stores them).
unsigned getUnpackedByteWidth(Type type);

/// Returns true when a `dense_resource` blob of `size` bytes can hold the
/// values of `type`: packed size for sub-byte types (or one byte per element
/// for f4E2M1FN, as some exporters write), element size times count
/// otherwise.
bool isValidBlobSize(ShapedType type, size_t size);

/// Returns the blob size `type` needs in the form this project writes, or
/// std::nullopt when its element count is not checked (getCheckedNumElements)
/// or its element type has no storage (zero-width integers).
std::optional<int64_t> getExpectedBlobSize(ShapedType type);

struct EncodedElements;

/// Decodes ranges of the logical values of a constant payload. Only reads
/// the attribute: safe to share between worker threads. Kernels read chunks
/// into cache-sized scratch instead of materializing a copy of the weight.
class ElementReader {
public:
  /// Prepares to read `attr` (any element type readElements accepts); on
  /// failure returns std::nullopt and sets `error`.
  static std::optional<ElementReader> create(ElementsAttr attr,
                                             std::string &error);
  /// Prepares to read `numElements` elements of `elementType` laid out as
  /// `encoded` (what encodeElements and encodeCodes produce, before it
  /// becomes an attribute). `encoded` must outlive the reader.
  static std::optional<ElementReader> create(Type elementType,
                                             const EncodedElements &encoded,
                                             int64_t numElements,
                                             std::string &error);
  ElementReader(ElementReader &&);
  ~ElementReader();

  int64_t size() const { return numElements; }
  /// The payload when it stores one unpacked element after another (a
  /// non-splat dense or resource payload of a type of 8 bits or more).
  std::optional<ArrayRef<uint8_t>> getUnpackedBytes() const;
  bool isSplat() const;
  /// Decodes elements [begin, end) into out[0, end - begin).
  void read(int64_t begin, int64_t end, float *out) const;
  void read(int64_t begin, int64_t end, double *out) const;

  struct Impl;

private:
  ElementReader(std::unique_ptr<Impl> impl, int64_t numElements);
  std::unique_ptr<Impl> impl;
  int64_t numElements;
};

/// Reads the logical values of `attr` (any integer or float element type of
/// Core AI, inline or resource, splat or not) into `out`, which must have
/// `attr`'s element count, on up to `threads` threads (0: the machine). Only
/// reads the attribute: safe in worker threads. On failure returns false and
/// sets `error`.
bool readElements(ElementsAttr attr, MutableArrayRef<float> out,
                  std::string &error, unsigned threads = 1);
bool readElements(ElementsAttr attr, MutableArrayRef<double> out,
                  std::string &error, unsigned threads = 1);

/// Inline `dense<...>` payloads above this many bytes become `dense_resource`
/// blobs instead (the real toolchain switches between 864 and 1296 bytes).
constexpr int64_t kInlineByteLimit = 1024;

using PayloadBytes = ByteBuffer;

/// A constant payload prepared off the IR: safe to compute in worker threads.
struct EncodedElements {
  enum class Form {
    Splat,   ///< `dense<v>`; `bytes` holds one element.
    Inline,  ///< `dense<...>`; one (unpacked) element after another.
    Resource ///< `dense_resource`; packed for sub-byte types.
  };
  Form form = Form::Splat;
  PayloadBytes bytes;
};

/// Rounds `values` once to `elementType` (nearest even for floats, round and
/// saturate for integers) and lays them out by the project's one policy:
/// splats inline, sub-byte data packed in a resource, other data inline up to
/// kInlineByteLimit bytes and in a resource above. Runs on up to `threads`
/// threads (0: the machine) and touches no IR: safe in worker threads.
/// Returns false (with `error`) for element types it cannot encode.
bool encodeElements(Type elementType, ArrayRef<double> values,
                    EncodedElements &out, std::string &error,
                    unsigned threads = 1);

/// Lays out `codes`, the storage of one element after another: a byte per
/// element for types of at most 8 bits (the low bits for sub-byte types),
/// the little-endian storage bytes otherwise (e.g. f16 bit patterns), by the
/// same policy as encodeElements. Touches no IR.
bool encodeCodes(Type elementType, ByteBuffer &&codes, EncodedElements &out,
                 std::string &error, unsigned threads = 1);

/// The same for `n` sub-byte codes that are already packed (LSB first):
/// a splat when every code is equal, a resource otherwise.
bool encodePackedCodes(Type elementType, ByteBuffer &&packed, int64_t n,
                       EncodedElements &out, std::string &error);

/// Creates the attribute for `encoded`. Resource blobs are named from a hash
/// of their bytes (`coreai_<hex>`), so the same input gives the same output.
/// Creates IR: call it on the thread that owns the context, never in workers.
ElementsAttr buildElementsAttr(RankedTensorType type,
                               const EncodedElements &encoded);
/// The same, taking over the bytes of `encoded` instead of copying them.
ElementsAttr buildElementsAttr(RankedTensorType type,
                               EncodedElements &&encoded);

/// Rounds every value to the nearest value of `elementType`, in place.
void roundToElementType(Type elementType, MutableArrayRef<double> values);

} // namespace coreai
} // namespace mlir

#endif // COREAI_IR_CONSTANTDATA_H
