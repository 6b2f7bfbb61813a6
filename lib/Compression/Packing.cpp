//===- Packing.cpp - Sub-byte bit-stream packing --------------------------===//

#include "coreai/Compression/Packing.h"

#include <algorithm>
#include <cstring>

using namespace mlir::coreai;

int64_t mlir::coreai::packedByteSize(int64_t numel, unsigned bits) {
  return (numel * static_cast<int64_t>(bits) + 7) / 8;
}

namespace {
/// Packs the whole bytes of `n` codes of BITS bits; returns how many.
template <unsigned BITS>
int64_t packWhole(const uint8_t *codes, int64_t n, uint8_t *out) {
  constexpr int64_t perByte = 8 / BITS;
  constexpr unsigned mask = (1u << BITS) - 1u;
  const int64_t fullBytes = n / perByte;
  for (int64_t b = 0; b < fullBytes; ++b) {
    unsigned byte = 0;
    for (int64_t k = 0; k < perByte; ++k)
      byte |= unsigned(codes[b * perByte + k] & mask) << (k * BITS);
    out[b] = static_cast<uint8_t>(byte);
  }
  return fullBytes;
}
} // namespace

void mlir::coreai::packBits(llvm::ArrayRef<uint8_t> codes, unsigned bits,
                            llvm::MutableArrayRef<uint8_t> out) {
  const int64_t n = codes.size();
  const uint8_t mask = static_cast<uint8_t>((1u << bits) - 1u);
  if (n == 0)
    return;
  if (bits == 8) {
    std::memcpy(out.data(), codes.data(), n);
    return;
  }
  if (bits == 1 || bits == 2 || bits == 4) {
    // Whole codes per byte: assemble each byte from 8/bits codes (a loop
    // the compiler vectorizes once the width is a constant).
    const int64_t fullBytes =
        bits == 4   ? packWhole<4>(codes.data(), n, out.data())
        : bits == 2 ? packWhole<2>(codes.data(), n, out.data())
                    : packWhole<1>(codes.data(), n, out.data());
    const int64_t perByte = 8 / bits;
    if (fullBytes * perByte < n) {
      unsigned byte = 0;
      for (int64_t i = fullBytes * perByte, k = 0; i < n; ++i, ++k)
        byte |= unsigned(codes[i] & mask) << (k * bits);
      out[fullBytes] = static_cast<uint8_t>(byte);
    }
    return;
  }
  // General bit stream (3 and 6 bits, and any other width below 8).
  std::fill(out.begin(), out.begin() + packedByteSize(n, bits), 0);
  uint64_t bitPos = 0;
  for (int64_t i = 0; i < n; ++i, bitPos += bits) {
    unsigned value = codes[i] & mask;
    uint64_t byte = bitPos / 8;
    unsigned shift = bitPos % 8;
    out[byte] |= static_cast<uint8_t>(value << shift);
    if (shift + bits > 8)
      out[byte + 1] |= static_cast<uint8_t>(value >> (8 - shift));
  }
}

std::vector<uint8_t> mlir::coreai::packBits(llvm::ArrayRef<uint8_t> codes,
                                            unsigned bits) {
  std::vector<uint8_t> out(packedByteSize(codes.size(), bits));
  packBits(codes, bits, out);
  return out;
}

void mlir::coreai::unpackBits(llvm::ArrayRef<uint8_t> packed, unsigned bits,
                              llvm::MutableArrayRef<uint8_t> codes,
                              int64_t first) {
  const int64_t n = codes.size();
  const unsigned mask = (1u << bits) - 1u;
  if (n == 0)
    return;
  if (bits == 8) {
    std::memcpy(codes.data(), packed.data() + first, n);
    return;
  }
  if (bits == 1 || bits == 2 || bits == 4) {
    const int64_t perByte = 8 / bits;
    int64_t i = 0, e = first;
    // Up to the next whole byte, then whole bytes, then the tail.
    for (; i < n && e % perByte != 0; ++i, ++e)
      codes[i] = static_cast<uint8_t>(
          (packed[e / perByte] >> ((e % perByte) * bits)) & mask);
    for (; i + perByte <= n; i += perByte, e += perByte) {
      unsigned byte = packed[e / perByte];
      for (int64_t k = 0; k < perByte; ++k)
        codes[i + k] = static_cast<uint8_t>((byte >> (k * bits)) & mask);
    }
    for (; i < n; ++i, ++e)
      codes[i] = static_cast<uint8_t>(
          (packed[e / perByte] >> ((e % perByte) * bits)) & mask);
    return;
  }
  uint64_t bitPos = static_cast<uint64_t>(first) * bits;
  for (int64_t i = 0; i < n; ++i, bitPos += bits) {
    uint64_t byte = bitPos / 8;
    unsigned shift = bitPos % 8;
    unsigned value = packed[byte] >> shift;
    if (shift + bits > 8)
      value |= unsigned(packed[byte + 1]) << (8 - shift);
    codes[i] = static_cast<uint8_t>(value & mask);
  }
}
