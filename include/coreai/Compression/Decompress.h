//===- Decompress.h - Reference semantics of the decoders -------*- C++ -*-===//
//
// What `coreai.blockwise_shift_scale`, `coreai.lut_to_dense` and the bitmask
// sparse ops compute, on flat row-major arrays. Used to materialize
// compressed weights and to check every compression pass.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_COMPRESSION_DECOMPRESS_H
#define COREAI_COMPRESSION_DECOMPRESS_H

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <string>

namespace mlir {
namespace coreai {

// Each function runs on up to `threads` threads (0: the machine) and gives the
// same result whatever the count.

/// Returns the product of `shape`.
int64_t getNumElements(llvm::ArrayRef<int64_t> shape);

/// out = (data - offset1) * scale + offset2, where `scale`, `offset1` and
/// `offset2` have shape `paramShape` (same rank as `dataShape`, each dim
/// dividing the data's) and are repeated over contiguous blocks.
void blockwiseShiftScale(
    llvm::ArrayRef<double> data, llvm::ArrayRef<int64_t> dataShape,
    llvm::ArrayRef<double> scale, llvm::ArrayRef<double> offset1,
    llvm::ArrayRef<double> offset2, llvm::ArrayRef<int64_t> paramShape,
    llvm::MutableArrayRef<double> out, unsigned threads = 1);

/// Looks `indices` (shape `indicesShape`, rank K) up in `lut` (shape
/// `[G0..G(K-1), P, V]`, each Gi dividing the indices' dim i). With V > 1
/// the output dim `axis` (in [0, K)) is V times the indices' and holds
/// element `i * V + v` for index position i and vector element v.
/// Returns false (with `error`) when an index is out of the palette.
bool lutToDense(llvm::ArrayRef<double> indices,
                llvm::ArrayRef<int64_t> indicesShape,
                llvm::ArrayRef<double> lut, llvm::ArrayRef<int64_t> lutShape,
                int64_t axis, llvm::MutableArrayRef<double> out,
                std::string &error, unsigned threads = 1);

/// Scatters `values` in row-major order to the positions where `mask` is
/// non-zero; the other positions are 0. Returns false (with `error`) when the
/// number of ones in the mask differs from the number of values.
bool scatterByMask(llvm::ArrayRef<double> values, llvm::ArrayRef<double> mask,
                   llvm::MutableArrayRef<double> out, std::string &error,
                   unsigned threads = 1);

} // namespace coreai
} // namespace mlir

#endif // COREAI_COMPRESSION_DECOMPRESS_H
