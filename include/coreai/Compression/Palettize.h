//===- Palettize.h - Weight palettization -----------------------*- C++ -*-===//
//
// The numerics of coreai-palettize-weights (docs/compression.md section 3),
// free of IR: groups of output channels, each clustered into a look-up table
// of 2^nbits entries (exact-optimal scalar k-means, or vector k-means along
// the output axis), with an optional per-channel scale.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_COMPRESSION_PALETTIZE_H
#define COREAI_COMPRESSION_PALETTIZE_H

#include "coreai/Compression/Buffer.h"
#include "coreai/Compression/Quantize.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <cstdint>
#include <vector>

namespace mlir {
namespace coreai {

/// Whether palette indices of `bits` bits are allowed: 1, 2, 3, 4, 6 or 8
/// (the widths `coreai.lut_to_dense` accepts and the passes produce).
constexpr bool isValidIndexBitWidth(int64_t bits) {
  return bits == 1 || bits == 2 || bits == 3 || bits == 4 || bits == 6 ||
         bits == 8;
}
/// The allowed index widths, as the diagnostics list them.
constexpr const char *kIndexBitWidths = "1, 2, 3, 4, 6 or 8";

struct PalettizeScheme {
  unsigned nbits = 4;
  /// Output channels per LUT; 0 means all of them (per tensor).
  int64_t groupSize = 0;
  int64_t clusterDim = 1;
  /// Round values to `roundingPrecision` decimals (in f64) to decide the
  /// partition; LUT entries stay the means of the unrounded members.
  bool fastMode = true;
  int roundingPrecision = 4;
  bool perChannelScale = false;
  /// The weight's float type: how the per-channel scale is stored, and (f16,
  /// bf16) that the values have at most 65,536 bit patterns, which a
  /// counting histogram sorts in one pass.
  ScaleStorage storage = ScaleStorage::F32;
};

struct PalettizedWeight {
  /// One LUT index per element of the index tensor (the weight's shape with
  /// the output axis divided by clusterDim), row-major, unpacked.
  ByteBuffer indices;
  /// [numGroups][2^nbits][clusterDim], row-major; unused entries are 0.
  std::vector<double> lut;
  int64_t numGroups = 1;
  /// With perChannelScale: the stored scale per position of the axes other
  /// than the output axis (the weight's shape with that axis set to 1).
  std::vector<double> channelScale;
};

/// Palettizes the weight `w` (row-major, `shape`, output axis `outAxis`) on
/// up to `threads` threads; the result does not depend on the count. The
/// caller checks that groupSize divides the output channels and clusterDim
/// divides groupSize (or the output channels, per tensor).
/// With `clusterGroup`, only the groups g for which it returns true are
/// clustered; the others keep a zero LUT and unset indices for the caller
/// to fill (refitLutsWeighted and an assignment of every index).
void palettizeWeight(const PalettizeScheme &scheme,
                     llvm::ArrayRef<int64_t> shape, int64_t outAxis,
                     llvm::ArrayRef<float> w, PalettizedWeight &out,
                     unsigned threads = 1,
                     llvm::function_ref<bool(int64_t)> clusterGroup = nullptr);

/// The same for scalar LUTs (clusterDim 1, no per-channel scale) of f16 or
/// bf16 weights given as their bit patterns: no conversion to float, and
/// groups that are contiguous are clustered in place.
void palettizeWeight16(
    const PalettizeScheme &scheme, llvm::ArrayRef<int64_t> shape,
    int64_t outAxis, llvm::ArrayRef<uint16_t> bits, bool bf16,
    PalettizedWeight &out, unsigned threads = 1,
    llvm::function_ref<bool(int64_t)> clusterGroup = nullptr);

/// Refits the scalar LUTs of `out` (palettizeWeight's result for `scheme`,
/// clusterDim 1) by the exact 1-D k-means of the weight's values with
/// element i weighing weights[i] (row-major; the mean square input it
/// multiplies, from the activation statistics): each entry becomes the
/// weighted mean of its cluster. Values are keyed as palettizeWeight keys
/// them (divided by the per-channel scale; rounded in fast mode). Elements
/// of weight 0 do not count; a group without a positive weight keeps its
/// LUT. The indices are not changed: the caller assigns them.
void refitLutsWeighted(const PalettizeScheme &scheme,
                       llvm::ArrayRef<int64_t> shape, int64_t outAxis,
                       llvm::ArrayRef<float> w, llvm::ArrayRef<double> weights,
                       PalettizedWeight &out, unsigned threads = 1);

/// refitLutsWeighted with each element's weight from `weightOf(index, row,
/// column)`: its row-major index, its output channel and its position over
/// the other axes in order (no array of one weight per element).
void refitLutsWeighted(
    const PalettizeScheme &scheme, llvm::ArrayRef<int64_t> shape,
    int64_t outAxis, llvm::ArrayRef<float> w,
    llvm::function_ref<double(int64_t, int64_t, int64_t)> weightOf,
    PalettizedWeight &out, unsigned threads = 1);

/// Keeps all-zero output channels exactly zero (scalar LUTs): every LUT
/// that serves a channel for which `zeroChannel(c)` holds gets its entry
/// nearest 0 set to exactly 0, and that channel's indices point to it.
/// Other elements on that entry decode to 0 instead of their cluster's
/// mean. Vector LUTs (clusterDim > 1) are left as they are.
void keepZeroChannelsZero(const PalettizeScheme &scheme,
                          llvm::ArrayRef<int64_t> shape, int64_t outAxis,
                          llvm::function_ref<bool(int64_t)> zeroChannel,
                          PalettizedWeight &out);

} // namespace coreai
} // namespace mlir

#endif // COREAI_COMPRESSION_PALETTIZE_H
