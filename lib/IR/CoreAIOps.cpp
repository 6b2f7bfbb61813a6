//===- CoreAIOps.cpp - Core AI operations ---------------------------------===//

#include "coreai/IR/CoreAIOps.h"
#include "coreai/Compression/Palettize.h"
#include "coreai/IR/ConstantData.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/Interfaces/FunctionImplementation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlir::coreai;

//===----------------------------------------------------------------------===//
// Custom directives
//===----------------------------------------------------------------------===//

/// `-> T` or `-> (T0, T1)`.
static ParseResult parseArrowTypes(OpAsmParser &parser,
                                   SmallVectorImpl<Type> &types) {
  return parser.parseArrowTypeList(types);
}

static void printArrowTypes(OpAsmPrinter &printer, Operation *,
                            TypeRange types) {
  printer << "-> ";
  bool parens = types.size() != 1;
  if (parens)
    printer << '(';
  llvm::interleaveComma(types, printer);
  if (parens)
    printer << ')';
}

#define GET_OP_CLASSES
#include "coreai/IR/CoreAIOps.cpp.inc"

#include "coreai/IR/CoreAIInterfaces.cpp.inc"

//===----------------------------------------------------------------------===//
// Shared verifier helpers
//===----------------------------------------------------------------------===//

/// Checks that every tensor operand and result of `op` (a constant or a
/// decoder) can be stored and evaluated: at most kMaxNumElements elements,
/// and no zero-width integer elements. Everything downstream (blob checks,
/// the numerics) relies on these counts.
static LogicalResult verifyStorableTensors(Operation *op) {
  auto check = [&](Type type, StringRef kind, unsigned index) -> LogicalResult {
    if (auto sparse = dyn_cast<SparseWithBitmaskType>(type))
      type = sparse.getDenseType();
    auto tensor = dyn_cast<RankedTensorType>(type);
    if (!tensor || !tensor.hasStaticShape())
      return success();
    if (!getCheckedNumElements(tensor.getShape()))
      return op->emitOpError() << kind << " #" << index << " of type " << tensor
                               << " has more than 2^48 elements";
    if (auto intType = dyn_cast<IntegerType>(tensor.getElementType());
        intType && intType.getWidth() == 0)
      return op->emitOpError()
             << kind << " #" << index << " has zero-width element type "
             << intType << ", which cannot be stored";
    return success();
  };
  for (auto [i, type] : llvm::enumerate(op->getOperandTypes()))
    if (failed(check(type, "operand", i)))
      return failure();
  for (auto [i, type] : llvm::enumerate(op->getResultTypes()))
    if (failed(check(type, "result", i)))
      return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// GraphOp
//===----------------------------------------------------------------------===//

ParseResult GraphOp::parse(OpAsmParser &parser, OperationState &result) {
  Builder &builder = parser.getBuilder();
  (void)impl::parseOptionalVisibilityKeyword(parser, result.attributes);
  if (succeeded(parser.parseOptionalKeyword("noinline")))
    result.addAttribute(getNoinlineAttrName(result.name),
                        builder.getUnitAttr());

  StringAttr name;
  if (parser.parseSymbolName(name, SymbolTable::getSymbolAttrName(),
                             result.attributes))
    return failure();

  SmallVector<OpAsmParser::Argument> args;
  SmallVector<Type> resultTypes;
  SmallVector<DictionaryAttr> resultAttrs;
  bool isVariadic = false;
  if (function_interface_impl::parseFunctionSignatureWithArguments(
          parser, /*allowVariadic=*/false, args, isVariadic, resultTypes,
          resultAttrs))
    return failure();

  SmallVector<Type> argTypes;
  for (OpAsmParser::Argument &arg : args)
    argTypes.push_back(arg.type);
  result.addAttribute(
      getFunctionTypeAttrName(result.name),
      TypeAttr::get(builder.getFunctionType(argTypes, resultTypes)));

  if (parser.parseOptionalAttrDictWithKeyword(result.attributes))
    return failure();
  call_interface_impl::addArgAndResultAttrs(builder, result, args, resultAttrs,
                                            getArgAttrsAttrName(result.name),
                                            getResAttrsAttrName(result.name));

  Region *body = result.addRegion();
  OptionalParseResult parsed =
      parser.parseOptionalRegion(*body, args, /*enableNameShadowing=*/false);
  if (parsed.has_value() && failed(*parsed))
    return failure();
  return success();
}

void GraphOp::print(OpAsmPrinter &p) {
  p << ' ';
  if (std::optional<StringRef> visibility = getSymVisibility())
    p << *visibility << ' ';
  if (getNoinline())
    p << "noinline ";
  p.printSymbolName(getSymName());
  function_interface_impl::printFunctionSignature(
      p, *this, getArgumentTypes(), /*isVariadic=*/false, getResultTypes());
  function_interface_impl::printFunctionAttributes(
      p, *this,
      {getSymVisibilityAttrName(), getNoinlineAttrName(),
       getFunctionTypeAttrName(), getArgAttrsAttrName(),
       getResAttrsAttrName()});
  if (!getBody().empty()) {
    p << ' ';
    p.printRegion(getBody(), /*printEntryBlockArgs=*/false,
                  /*printBlockTerminators=*/true);
  }
}

LogicalResult GraphOp::verify() {
  for (Block &block : getBody())
    if (block.empty() || !isa<OutputOp>(block.back()))
      return emitOpError("body blocks must end with 'coreai.output'");
  return success();
}

//===----------------------------------------------------------------------===//
// OutputOp
//===----------------------------------------------------------------------===//

LogicalResult OutputOp::verify() {
  auto graph = (*this)->getParentOfType<GraphOp>();
  ArrayRef<Type> expected = graph.getResultTypes();
  if (getNumOperands() != expected.size())
    return emitOpError("has ")
           << getNumOperands() << " operands, but the enclosing graph returns "
           << expected.size() << " values";
  for (auto [index, pair] :
       llvm::enumerate(llvm::zip(getOperandTypes(), expected)))
    if (std::get<0>(pair) != std::get<1>(pair))
      return emitOpError("operand #")
             << index << " has type " << std::get<0>(pair)
             << ", but the graph returns " << std::get<1>(pair);
  return success();
}

//===----------------------------------------------------------------------===//
// InvokeOp
//===----------------------------------------------------------------------===//

LogicalResult InvokeOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  auto graph =
      symbolTable.lookupNearestSymbolFrom<GraphOp>(*this, getCalleeAttr());
  if (!graph)
    return emitOpError("'") << getCallee() << "' does not name a graph";
  FunctionType type = graph.getFunctionType();
  if (TypeRange(getArgs().getTypes()) != TypeRange(type.getInputs()) ||
      TypeRange(getResultTypes()) != TypeRange(type.getResults()))
    return emitOpError("types do not match the signature of @")
           << getCallee() << " " << type;
  return success();
}

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

LogicalResult ConstantOp::verify() {
  if (failed(verifyStorableTensors(*this)))
    return failure();
  auto resource = dyn_cast<DenseResourceElementsAttr>(getValue());
  if (!resource)
    return success();
  // A blob that is not loaded (yet) cannot be checked.
  const AsmResourceBlob *blob = resource.getRawHandle().getBlob();
  if (!blob)
    return success();
  auto type = cast<ShapedType>(resource.getType());
  size_t size = blob->getData().size();
  if (!isValidBlobSize(type, size))
    return emitOpError("dense_resource blob '")
           << resource.getRawHandle().getKey() << "' has " << size
           << " bytes, but " << type << " needs " << *getExpectedBlobSize(type)
           << (getPackedBitWidth(type.getElementType()) ? " (packed)" : "");
  return success();
}

//===----------------------------------------------------------------------===//
// TransposeOp
//===----------------------------------------------------------------------===//

LogicalResult TransposeOp::verify() {
  auto xType = cast<RankedTensorType>(getX().getType());
  auto resultType = cast<RankedTensorType>(getResult().getType());
  if (xType.getRank() != resultType.getRank())
    return emitOpError("result rank ")
           << resultType.getRank() << " does not match the input rank "
           << xType.getRank();
  auto permType = cast<RankedTensorType>(getPerm().getType());
  if (permType.getRank() != 1)
    return emitOpError("perm must be a 1-D tensor");
  if (!permType.isDynamicDim(0) && permType.getDimSize(0) != xType.getRank())
    return emitOpError("perm has ")
           << permType.getDimSize(0) << " entries, but the input has rank "
           << xType.getRank();
  return success();
}

OpOperand &TransposeOp::getLookThroughOperand() { return getXMutable(); }

std::optional<int64_t> TransposeOp::mapResultAxisToSource(int64_t axis) {
  auto constant = getPerm().getDefiningOp<ConstantOp>();
  if (!constant)
    return std::nullopt;
  auto permType = cast<ShapedType>(constant.getType());
  if (!permType.hasStaticShape() || axis < 0 ||
      axis >= permType.getNumElements())
    return std::nullopt;
  SmallVector<double> perm(permType.getNumElements());
  std::string error;
  if (!readElements(constant.getValue(), perm, error))
    return std::nullopt;
  return static_cast<int64_t>(perm[axis]);
}

//===----------------------------------------------------------------------===//
// Weight consumers
//===----------------------------------------------------------------------===//

/// Matmul `x @ y`: a weight `y` is `[..., K, N]` (out = N), a weight `x` is
/// `[..., M, K]` (out = M).
static std::optional<WeightAxes> getMatmulWeightAxes(unsigned operandIndex) {
  if (operandIndex == 0)
    return WeightAxes{-2, -1};
  if (operandIndex == 1)
    return WeightAxes{-1, -2};
  return std::nullopt;
}

/// Matmul `x @ y`: a weight `y` meets the last axis of `x`, a weight `x`
/// the second-to-last axis of `y`.
static std::optional<WeightContraction>
getMatmulWeightContraction(unsigned operandIndex) {
  if (operandIndex > 1)
    return std::nullopt;
  WeightContraction contraction;
  contraction.dataOperand = 1 - operandIndex;
  contraction.dataAxis = operandIndex == 1 ? -1 : -2;
  return contraction;
}

std::optional<WeightAxes>
BroadcastingBatchMatmulOp::getWeightAxes(unsigned operandIndex) {
  return getMatmulWeightAxes(operandIndex);
}

std::optional<WeightContraction>
BroadcastingBatchMatmulOp::getWeightContraction(unsigned operandIndex) {
  return getMatmulWeightContraction(operandIndex);
}

std::optional<WeightAxes> BatchMatmulOp::getWeightAxes(unsigned operandIndex) {
  return getMatmulWeightAxes(operandIndex);
}

std::optional<WeightContraction>
BatchMatmulOp::getWeightContraction(unsigned operandIndex) {
  return getMatmulWeightContraction(operandIndex);
}

/// The integers of a constant operand with `count` elements.
static bool readConstantInts(Value value, int64_t count, int64_t *out) {
  auto constant = value.getDefiningOp<ConstantOp>();
  if (!constant)
    return false;
  auto type = cast<ShapedType>(constant.getType());
  if (!type.hasStaticShape() || type.getNumElements() != count)
    return false;
  SmallVector<double> values(count);
  std::string error;
  if (!readElements(constant.getValue(), values, error))
    return false;
  for (int64_t i = 0; i < count; ++i) {
    if (values[i] < 1 || values[i] > double(INT32_MAX) ||
        values[i] != std::floor(values[i]))
      return false;
    out[i] = static_cast<int64_t>(values[i]);
  }
  return true;
}

std::optional<WeightAxes> Conv2dOp::getWeightAxes(unsigned operandIndex) {
  if (operandIndex == getWeightMutable().getOperandNumber())
    return WeightAxes{0, 1};
  return std::nullopt;
}

std::optional<WeightContraction>
Conv2dOp::getWeightContraction(unsigned operandIndex) {
  if (operandIndex != getWeightMutable().getOperandNumber())
    return std::nullopt;
  WeightContraction contraction;
  contraction.dataOperand = getXMutable().getOperandNumber();
  contraction.isConvolution = true;
  if (!readConstantInts(getStrides(), 2, contraction.strides) ||
      !readConstantInts(getDilations(), 2, contraction.dilations) ||
      !readConstantInts(getGroups(), 1, &contraction.groups))
    return std::nullopt;
  return contraction;
}

LogicalResult Conv2dOp::verify() {
  auto weightType = cast<RankedTensorType>(getWeight().getType());
  if (weightType.getRank() != 4)
    return emitOpError("weight must have rank 4 ([Cout, Cin/groups, KH, KW]), "
                       "got rank ")
           << weightType.getRank();
  return success();
}

std::optional<WeightAxes> GatherNdOp::getWeightAxes(unsigned operandIndex) {
  if (operandIndex == getDataMutable().getOperandNumber())
    return WeightAxes{0, 1};
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// CastOp
//===----------------------------------------------------------------------===//

LogicalResult CastOp::verify() {
  if (failed(verifyStorableTensors(*this)))
    return failure();
  if (failed(verifyCompatibleShape(getX().getType(), getResult().getType())))
    return emitOpError("cannot change the shape from ")
           << getX().getType() << " to " << getResult().getType();
  return success();
}

//===----------------------------------------------------------------------===//
// BlockwiseShiftScaleOp
//===----------------------------------------------------------------------===//

LogicalResult BlockwiseShiftScaleOp::verify() {
  if (failed(verifyStorableTensors(*this)))
    return failure();
  // ODS checks that every operand is a static tensor of the right kind.
  auto dataType = cast<RankedTensorType>(getData().getType());
  auto scaleType = cast<RankedTensorType>(getScale().getType());
  auto offset1Type = cast<RankedTensorType>(getOffset1().getType());
  auto offset2Type = cast<RankedTensorType>(getOffset2().getType());
  if (scaleType.getRank() != dataType.getRank() ||
      offset1Type.getRank() != dataType.getRank() ||
      offset2Type.getRank() != dataType.getRank())
    return emitOpError("rank of data, scale and offsets should match: data "
                       "rank = ")
           << dataType.getRank() << ", scale rank = " << scaleType.getRank()
           << ", offset1 rank = " << offset1Type.getRank()
           << ", offset2 rank = " << offset2Type.getRank();
  if (offset1Type.getShape() != scaleType.getShape() ||
      offset2Type.getShape() != scaleType.getShape())
    return emitOpError("shape of scale and offsets are not matching");
  for (int64_t d = 0; d < dataType.getRank(); ++d) {
    int64_t s = scaleType.getDimSize(d), n = dataType.getDimSize(d);
    if (s <= 0 || n % s != 0)
      return emitOpError("scale size ")
             << s << " along dimension " << d
             << " is not a factor of the data size " << n;
  }
  if (offset1Type.getElementType() != dataType.getElementType())
    return emitOpError("offset1 element type ")
           << offset1Type.getElementType()
           << " must match the data element type " << dataType.getElementType();
  auto resultType = cast<RankedTensorType>(getResult().getType());
  if (resultType.getShape() != dataType.getShape())
    return emitOpError("result shape must match the data shape");
  if (resultType.getElementType() != offset2Type.getElementType())
    return emitOpError("result element type ")
           << resultType.getElementType()
           << " must match the offset2 element type "
           << offset2Type.getElementType();
  Type scaleElement = scaleType.getElementType();
  if (scaleElement != resultType.getElementType() &&
      !isa<Float8E8M0FNUType>(scaleElement))
    return emitOpError("scale element type ")
           << scaleElement << " must be the result element type "
           << resultType.getElementType() << " or f8E8M0FNU";
  return success();
}

//===----------------------------------------------------------------------===//
// LutToDenseOp
//===----------------------------------------------------------------------===//

LogicalResult LutToDenseOp::verify() {
  if (failed(verifyStorableTensors(*this)))
    return failure();
  // ODS checks the element types, static shapes and the scalar si16 axis.
  auto indicesType = cast<RankedTensorType>(getIndices().getType());
  unsigned bits = indicesType.getElementTypeBitWidth();
  auto lutType = cast<RankedTensorType>(getLut().getType());
  int64_t k = indicesType.getRank();
  if (lutType.getRank() != k + 2)
    return emitOpError("lut should have rank K+2 = ")
           << k + 2 << " where K is the rank of indices, got rank "
           << lutType.getRank();
  for (int64_t d = 0; d < k; ++d) {
    int64_t g = lutType.getDimSize(d), s = indicesType.getDimSize(d);
    if (g <= 0 || s % g != 0)
      return emitOpError("lut dimension ")
             << d << " (" << g << ") is not a factor of indices dimension " << d
             << " (" << s << ")";
  }
  int64_t palettes = lutType.getDimSize(k);
  if (palettes != (int64_t(1) << bits))
    return emitOpError("lut has ")
           << palettes << " palette entries, but ui" << bits << " indices need "
           << (int64_t(1) << bits);
  auto resultType = cast<RankedTensorType>(getResult().getType());
  if (resultType.getRank() != k)
    return emitOpError("result must have the rank of the indices (")
           << k << ")";
  if (resultType.getElementType() != lutType.getElementType())
    return emitOpError("result element type ")
           << resultType.getElementType() << " must match the lut element type "
           << lutType.getElementType();

  int64_t vectorSize = lutType.getDimSize(k + 1);
  SmallVector<int64_t> expected(indicesType.getShape());
  if (vectorSize > 1) {
    auto axisConstant = getAxis().getDefiningOp<ConstantOp>();
    if (!axisConstant)
      return emitOpError(
          "axis must be a constant when the vector size is greater than 1");
    double axisValue = 0;
    std::string error;
    if (!readElements(axisConstant.getValue(), MutableArrayRef(&axisValue, 1),
                      error))
      return emitOpError("cannot read axis: ") << error;
    auto axis = static_cast<int64_t>(axisValue);
    if (axis <= -k - 1 || axis >= k)
      return emitOpError("axis ") << axis << " is out of range (" << -k - 1
                                  << ", " << k << ") for indices of rank " << k;
    if (axis < 0)
      axis += k;
    if (llvm::MulOverflow(expected[axis], vectorSize, expected[axis]))
      return emitOpError("indices dimension ")
             << axis << " times the vector size " << vectorSize << " overflows";
  }
  if (resultType.getShape() != ArrayRef<int64_t>(expected))
    return emitOpError("result shape must be the indices shape with the axis "
                       "dimension times the vector size ")
           << vectorSize;
  return success();
}

//===----------------------------------------------------------------------===//
// Sparse ops
//===----------------------------------------------------------------------===//

LogicalResult BuildSparseWithBitmaskOp::verify() {
  if (failed(verifyStorableTensors(*this)))
    return failure();
  // ODS checks the 1-D payload values and the static ui1 mask.
  auto valuesType = cast<RankedTensorType>(getValues().getType());
  auto maskType = cast<RankedTensorType>(getMask().getType());
  if (valuesType.getNumElements() > maskType.getNumElements())
    return emitOpError("the number of values (")
           << valuesType.getNumElements()
           << ") exceeds the number of mask elements ("
           << maskType.getNumElements() << ")";
  auto expected =
      RankedTensorType::get(maskType.getShape(), valuesType.getElementType());
  if (getResult().getType().getDenseType() != expected)
    return emitOpError("result must be sparse over ") << expected;
  return success();
}

LogicalResult SparseWithBitmaskToDenseOp::verify() {
  if (failed(verifyStorableTensors(*this)))
    return failure();
  RankedTensorType dense = getSparse().getType().getDenseType();
  if (getResult().getType() != dense)
    return emitOpError("result type must be ") << dense;
  return success();
}
