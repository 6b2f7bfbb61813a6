//===- QuantTypes.h - Formats, types and chain constants --------*- C++ -*-===//
//
// What the compression passes share between the names of their options, the
// numerics (Compression/Quantize.h) and the IR: dtype names, element types,
// scale storage, and the constants of a decoder chain.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_TRANSFORMS_QUANTTYPES_H
#define COREAI_TRANSFORMS_QUANTTYPES_H

#include "coreai/Compression/Quantize.h"
#include "coreai/IR/ConstantData.h"
#include "coreai/IR/CoreAIOps.h"
#include "coreai/Transforms/CompressionOptions.h"
#include "coreai/Transforms/WeightChain.h"

#include "mlir/IR/Builders.h"

#include <optional>

namespace mlir {
namespace coreai {

/// The format of a dtype option value; std::nullopt for `none`.
std::optional<QuantFormat> getQuantFormat(QuantDtype dtype);

/// The element type that stores `format` (si8, ui4, f8E4M3FN, f4E2M1FN, ...).
Type getQuantElementType(MLIRContext *context, QuantFormat format);

/// How the scales of a weight of float type `type` are stored (its own type).
ScaleStorage getScaleStorage(Type type);

/// A constant `shape` x `elementType` holding `payload` (taken over).
ConstantOp createEncodedConstant(OpBuilder &builder, Location loc,
                                 ArrayRef<int64_t> shape, Type elementType,
                                 EncodedElements &&payload);

/// The scalar `tensor<si16>` axis operand of `coreai.lut_to_dense`.
ConstantOp createAxisConstant(OpBuilder &builder, Location loc, int64_t axis);

/// A splat zero constant of `shape` x `elementType`.
ConstantOp createZeroConstant(OpBuilder &builder, Location loc,
                              ArrayRef<int64_t> shape, Type elementType);

/// The location metadata of a `coreai.blockwise_shift_scale` whose integer
/// scales were searched or use the full symmetric range
/// ("coreai.int_params=mse,full"), or "" for plain min-max scales.
std::string getIntegerParamsTag(ScaleSearch search, bool fullRange);

/// The tags of such a metadata string ("mse", "full"); empty for others.
SmallVector<StringRef> parseIntegerParamsTag(StringRef metadata);

/// The dequantizing end of a chain: creates the scale and zero point
/// constants (of `paramShape`, taken over), a zero offset, and
/// `coreai.blockwise_shift_scale` of `data` into `resultType`.
Value createDequantize(OpBuilder &builder, Location loc,
                       RankedTensorType resultType, Value data,
                       ArrayRef<int64_t> paramShape, Type scaleType,
                       EncodedElements &&scale, Type zeroPointType,
                       EncodedElements &&zeroPoint);

/// Appends to `chain` what createDequantize builds on chain node `data`;
/// returns the result's node.
unsigned describeDequantize(WeightChain &chain, ArrayRef<int64_t> resultShape,
                            Type resultElementType, unsigned data,
                            ArrayRef<int64_t> paramShape, Type scaleType,
                            const EncodedElements &scale, Type zeroPointType,
                            const EncodedElements &zeroPoint);

} // namespace coreai
} // namespace mlir

#endif // COREAI_TRANSFORMS_QUANTTYPES_H
