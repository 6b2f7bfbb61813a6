//===- QuantTypes.h - Formats, types and chain constants --------*- C++ -*-===//
//
// What the compression passes share between the names of their options, the
// numerics (Compression/Quantize.h) and the IR: dtype names, element types,
// scale storage, and the dequantizing end of a decoder chain.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_SCHEMES_QUANTTYPES_H
#define COREAI_SCHEMES_QUANTTYPES_H

#include "coreai/Compression/Quantize.h"
#include "coreai/IR/ConstantData.h"
#include "coreai/IR/CoreAIOps.h"
#include "coreai/Schemes/CompressionOptions.h"
#include "coreai/Weights/WeightChain.h"

#include <optional>

namespace mlir {
namespace coreai {

/// The format of a dtype option value; std::nullopt for `none`.
std::optional<QuantFormat> getQuantFormat(QuantDtype dtype);

/// The element type that stores `format` (si8, ui4, f8E4M3FN, f4E2M1FN, ...).
Type getQuantElementType(MLIRContext *context, QuantFormat format);

/// How the scales of a weight of float type `type` are stored (its own type).
ScaleStorage getScaleStorage(Type type);

/// The location metadata of a `coreai.blockwise_shift_scale` whose integer
/// scales were searched or use the full symmetric range
/// ("coreai.int_params=mse,full"), or "" for plain min-max scales.
std::string getIntegerParamsTag(ScaleSearch search, bool fullRange);

/// The tags of such a metadata string ("mse", "full"); empty for others.
SmallVector<StringRef> parseIntegerParamsTag(StringRef metadata);

/// Appends the dequantizing end of a chain on chain node `data`: the scale
/// and zero point constants (of `paramShape`), a zero offset, and
/// `coreai.blockwise_shift_scale` into `resultShape` x `resultElementType`.
/// Returns the result's node.
unsigned describeDequantize(WeightChain &chain, ArrayRef<int64_t> resultShape,
                            Type resultElementType, unsigned data,
                            ArrayRef<int64_t> paramShape, Type scaleType,
                            EncodedElements &scale, Type zeroPointType,
                            EncodedElements &zeroPoint);

} // namespace coreai
} // namespace mlir

#endif // COREAI_SCHEMES_QUANTTYPES_H
