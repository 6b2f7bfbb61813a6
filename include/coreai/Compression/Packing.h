//===- Packing.h - Sub-byte bit-stream packing ------------------*- C++ -*-===//
//
// Sub-byte payloads (ui1, ui2, ui3, ui4, ui6, si2, si4, f4E2M1FN) are stored
// as one LSB-first bit stream: element i occupies bits [i*b, i*b + b) of the
// byte stream, little-endian within bytes, the last byte zero-padded.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_COMPRESSION_PACKING_H
#define COREAI_COMPRESSION_PACKING_H

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <vector>

namespace mlir {
namespace coreai {

/// Returns the number of bytes that `numel` packed `bits`-wide codes take:
/// ceil(numel * bits / 8).
int64_t packedByteSize(int64_t numel, unsigned bits);

/// Packs the low `bits` bits of every code (two's complement for signed
/// values) into `out`, which must hold packedByteSize(codes.size(), bits)
/// bytes. `bits` is 1 to 8.
void packBits(llvm::ArrayRef<uint8_t> codes, unsigned bits,
              llvm::MutableArrayRef<uint8_t> out);

/// Convenience form of packBits that allocates the result.
std::vector<uint8_t> packBits(llvm::ArrayRef<uint8_t> codes, unsigned bits);

/// Unpacks `codes.size()` codes of `bits` bits, starting with element
/// `first` of the stream in `packed`. Codes come out zero-extended; see
/// signExtend for signed types.
void unpackBits(llvm::ArrayRef<uint8_t> packed, unsigned bits,
                llvm::MutableArrayRef<uint8_t> codes, int64_t first = 0);

/// Interprets the low `bits` bits of `code` as a two's complement number.
inline int64_t signExtend(uint64_t code, unsigned bits) {
  uint64_t signBit = uint64_t(1) << (bits - 1);
  uint64_t value = code & ((signBit << 1) - 1);
  return static_cast<int64_t>(value ^ signBit) - static_cast<int64_t>(signBit);
}

} // namespace coreai
} // namespace mlir

#endif // COREAI_COMPRESSION_PACKING_H
