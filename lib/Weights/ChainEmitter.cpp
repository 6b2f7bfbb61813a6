//===- ChainEmitter.cpp - Decoder chains built as IR ----------------------===//
//
// The one place that turns a described chain into coreai ops: every scheme's
// rewrite is its description emitted here.
//
//===----------------------------------------------------------------------===//

#include "coreai/IR/ConstantData.h"
#include "coreai/IR/CoreAIOps.h"
#include "coreai/Weights/WeightChain.h"

using namespace mlir;
using namespace mlir::coreai;

namespace {

/// A splat of `value` of `type` (zero offsets and the like).
ElementsAttr getSplat(OpBuilder &builder, RankedTensorType type, double value) {
  Type elementType = type.getElementType();
  Attribute element;
  if (auto floatType = dyn_cast<FloatType>(elementType)) {
    element = builder.getFloatAttr(floatType, value);
  } else {
    auto intType = cast<IntegerType>(elementType);
    element = builder.getIntegerAttr(
        intType, APInt(intType.getWidth(), static_cast<int64_t>(value),
                       /*isSigned=*/!intType.isUnsigned()));
  }
  return DenseElementsAttr::get(type, element);
}

/// The scalar `tensor<si16>` axis operand of `coreai.lut_to_dense`.
Value createAxis(OpBuilder &builder, Location loc, int64_t axis) {
  auto si16 = IntegerType::get(builder.getContext(), 16, IntegerType::Signed);
  return ConstantOp::create(
      builder, loc,
      DenseElementsAttr::get(RankedTensorType::get({}, si16),
                             builder.getIntegerAttr(si16, axis)));
}

} // namespace

Value mlir::coreai::emitChain(OpBuilder &builder, Location loc,
                              WeightChain &chain) {
  using Kind = ChainNode::Kind;
  SmallVector<Value> values;
  values.reserve(chain.nodes.size());
  for (ChainNode &node : chain.nodes) {
    auto type = RankedTensorType::get(node.shape, node.elementType);
    Location at =
        node.locationMetadata
            ? FusedLoc::get(builder.getContext(), {loc}, node.locationMetadata)
            : loc;
    auto in = [&](unsigned k) { return values[node.inputs[k]]; };
    Value result;
    switch (node.kind) {
    case Kind::Constant: {
      ElementsAttr attr =
          node.constant  ? node.constant
          : node.encoded ? buildElementsAttr(type, std::move(*node.encoded))
                         : getSplat(builder, type, node.splat);
      result = ConstantOp::create(builder, at, attr);
      break;
    }
    case Kind::ShiftScale:
      result = BlockwiseShiftScaleOp::create(builder, at, type, in(0), in(1),
                                             in(2), in(3));
      break;
    case Kind::Lut:
      result = LutToDenseOp::create(builder, at, type, in(0), in(1),
                                    createAxis(builder, loc, node.axis));
      break;
    case Kind::BuildSparse:
      result = BuildSparseWithBitmaskOp::create(
          builder, at, SparseWithBitmaskType::get(builder.getContext(), type),
          in(0), in(1));
      break;
    case Kind::ToDense:
      result = SparseWithBitmaskToDenseOp::create(builder, at, type, in(0));
      break;
    case Kind::Cast:
      result = CastOp::create(builder, at, type, in(0));
      break;
    }
    values.push_back(result);
  }
  return values.back();
}
