//===- Sparsify.h - Magnitude pruning ---------------------------*- C++ -*-===//
//
// The pruning rules of coreai-sparsify-weights (docs/compression.md section
// 4), free of IR. Each returns a keep mask (1 = the element stays): the
// weight after pruning is w * mask, and elements that are already zero are
// dropped from the mask too.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_COMPRESSION_SPARSIFY_H
#define COREAI_COMPRESSION_SPARSIFY_H

#include "coreai/Compression/Buffer.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <vector>

namespace mlir {
namespace coreai {

/// An f16 weight given as its bit patterns (the payload as stored): the
/// rules below then read it without a decoded copy, with the same result
/// as on the decoded values (|w| orders like the low 15 bits). No Inf or
/// NaN.
struct F16Bits {
  llvm::ArrayRef<uint16_t> bits;
};

/// Marks for pruning exactly `count` elements of `w` with the lowest |w|,
/// ties broken by the lowest flat index (a radix selection over the bits of
/// |w|: linear time, no sort). `keep` gets n bytes.
void pruneSmallest(llvm::ArrayRef<float> w, int64_t count,
                   UninitVector<uint8_t> &keep, unsigned threads = 1);
void pruneSmallest(F16Bits w, int64_t count, UninitVector<uint8_t> &keep,
                   unsigned threads = 1);

/// Block sparsity: blocks of `blockSize` consecutive elements along the
/// output axis (the last block of each column shorter when the axis does not
/// divide), ranked by their L2 norm (ties: the lowest block index); the
/// lowest blocks are pruned while the pruned elements stay within `count`.
void pruneBlocks(llvm::ArrayRef<float> w, llvm::ArrayRef<int64_t> shape,
                 int64_t outAxis, int64_t blockSize, int64_t count,
                 UninitVector<uint8_t> &keep, unsigned threads = 1);
void pruneBlocks(F16Bits w, llvm::ArrayRef<int64_t> shape, int64_t outAxis,
                 int64_t blockSize, int64_t count, UninitVector<uint8_t> &keep,
                 unsigned threads = 1);

/// n:m sparsity along `inAxis` (whose size m divides): in every m
/// consecutive elements, the n with the lowest |w| (ties: the lowest index)
/// are pruned.
void pruneNM(llvm::ArrayRef<float> w, llvm::ArrayRef<int64_t> shape,
             int64_t inAxis, int64_t n, int64_t m, UninitVector<uint8_t> &keep,
             unsigned threads = 1);
void pruneNM(F16Bits w, llvm::ArrayRef<int64_t> shape, int64_t inAxis,
             int64_t n, int64_t m, UninitVector<uint8_t> &keep,
             unsigned threads = 1);

/// A keep mask packed as ui1 (LSB first: bit j of byte i is element 8i + j)
/// and where each chunk's kept elements start in the compacted values.
struct KeptLayout {
  ByteBuffer mask;
  std::vector<int64_t> chunkOffsets;
  int64_t numKept = 0;
};

/// Packs `keep` (one 0/1 byte per element) and counts the kept elements.
KeptLayout packKeepMask(llvm::ArrayRef<uint8_t> keep, unsigned threads = 1);

/// Writes the elements of `in` whose keep byte is 1, in order, to
/// out[0, layout.numKept).
void gatherKept(llvm::ArrayRef<uint8_t> keep, const KeptLayout &layout,
                llvm::ArrayRef<uint16_t> in, uint16_t *out,
                unsigned threads = 1);
void gatherKept(llvm::ArrayRef<uint8_t> keep, const KeptLayout &layout,
                llvm::ArrayRef<float> in, float *out, unsigned threads = 1);

} // namespace coreai
} // namespace mlir

#endif // COREAI_COMPRESSION_SPARSIFY_H
