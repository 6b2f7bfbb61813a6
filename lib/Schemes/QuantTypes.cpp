//===- QuantTypes.cpp - Formats, types and constants of the passes --------===//

#include "coreai/Schemes/QuantTypes.h"

#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace mlir::coreai;

std::optional<QuantFormat> mlir::coreai::getQuantFormat(QuantDtype dtype) {
  switch (dtype) {
  case QuantDtype::None:
    return std::nullopt;
  case QuantDtype::Int8:
    return QuantFormat::integer(8, true);
  case QuantDtype::UInt8:
    return QuantFormat::integer(8, false);
  case QuantDtype::Int4:
    return QuantFormat::integer(4, true);
  case QuantDtype::UInt4:
    return QuantFormat::integer(4, false);
  case QuantDtype::Int2:
    return QuantFormat::integer(2, true);
  case QuantDtype::UInt2:
    return QuantFormat::integer(2, false);
  case QuantDtype::FP8E4M3FN:
    return QuantFormat::floating(SmallFloat::F8E4M3FN);
  case QuantDtype::FP8E5M2:
    return QuantFormat::floating(SmallFloat::F8E5M2);
  case QuantDtype::FP4E2M1FN:
    return QuantFormat::floating(SmallFloat::F4E2M1FN);
  }
  return std::nullopt;
}

Type mlir::coreai::getQuantElementType(MLIRContext *context,
                                       QuantFormat format) {
  if (!format.isFloat)
    return IntegerType::get(context, format.bits,
                            format.isSigned ? IntegerType::Signed
                                            : IntegerType::Unsigned);
  switch (format.floatFormat) {
  case SmallFloat::F8E4M3FN:
    return Float8E4M3FNType::get(context);
  case SmallFloat::F8E5M2:
    return Float8E5M2Type::get(context);
  case SmallFloat::F8E8M0FNU:
    return Float8E8M0FNUType::get(context);
  case SmallFloat::F4E2M1FN:
    return Float4E2M1FNType::get(context);
  }
  return Float4E2M1FNType::get(context);
}

ScaleStorage mlir::coreai::getScaleStorage(Type type) {
  return type.isF16()    ? ScaleStorage::F16
         : type.isBF16() ? ScaleStorage::BF16
                         : ScaleStorage::F32;
}

unsigned mlir::coreai::describeDequantize(
    WeightChain &chain, ArrayRef<int64_t> resultShape, Type resultElementType,
    unsigned data, ArrayRef<int64_t> paramShape, Type scaleType,
    EncodedElements &scale, Type zeroPointType, EncodedElements &zeroPoint) {
  unsigned scaleNode = chain.addConstant(paramShape, scaleType, scale);
  unsigned zeroPointNode =
      chain.addConstant(paramShape, zeroPointType, zeroPoint);
  unsigned offset2 = chain.addSplat(paramShape, resultElementType, 0);
  return chain.addOp(ChainNode::Kind::ShiftScale, resultShape,
                     resultElementType,
                     {data, scaleNode, zeroPointNode, offset2});
}

static constexpr llvm::StringLiteral kIntParamsPrefix = "coreai.int_params=";

std::string mlir::coreai::getIntegerParamsTag(ScaleSearch search,
                                              bool fullRange) {
  SmallVector<StringRef, 2> tags;
  if (search == ScaleSearch::MSE)
    tags.push_back("mse");
  if (fullRange)
    tags.push_back("full");
  if (tags.empty())
    return "";
  return (kIntParamsPrefix + llvm::join(tags, ",")).str();
}

SmallVector<StringRef> mlir::coreai::parseIntegerParamsTag(StringRef metadata) {
  SmallVector<StringRef> tags;
  if (metadata.consume_front(kIntParamsPrefix))
    metadata.split(tags, ',', -1, /*KeepEmpty=*/false);
  return tags;
}
