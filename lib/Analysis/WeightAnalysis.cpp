//===- WeightAnalysis.cpp - What every weight of a program is -------------===//

#include "coreai/Analysis/WeightAnalysis.h"

#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA256.h"

#include "coreai/Compression/Buffer.h"
#include "coreai/Compression/Metrics.h"
#include "coreai/IR/ConstantData.h"
#include "coreai/Schemes/QuantTypes.h"
#include "coreai/Weights/Materialize.h"
#include "coreai/Weights/WeightCandidates.h"
#include "coreai/Weights/WeightPassDriver.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::coreai;

namespace {

/// The storage name of an element type, as the pass options spell it.
std::string dtypeName(Type type) {
  if (auto i = dyn_cast<IntegerType>(type))
    return (i.isUnsigned() ? "uint" : "int") + std::to_string(i.getWidth());
  if (isa<Float8E4M3FNType>(type))
    return "fp8_e4m3fn";
  if (isa<Float8E5M2Type>(type))
    return "fp8_e5m2";
  if (isa<Float4E2M1FNType>(type))
    return "fp4_e2m1fn";
  std::string s;
  llvm::raw_string_ostream(s) << type;
  return s;
}

/// Bytes a constant occupies in the program (packed for sub-byte types).
int64_t storedBytes(ConstantOp op) {
  auto type = cast<ShapedType>(op.getType());
  ElementsAttr value = op.getValue();
  if (isa<DenseResourceElementsAttr>(value))
    return getExpectedBlobSize(type).value_or(0);
  int64_t elementBytes = getUnpackedByteWidth(type.getElementType());
  if (auto dense = dyn_cast<DenseElementsAttr>(value); dense && dense.isSplat())
    return elementBytes;
  return elementBytes * type.getNumElements();
}

/// Finds the weights of `root` in program order with their chains.
std::vector<WeightRecord> collectWeights(Operation *root) {
  std::vector<WeightRecord> weights;
  root->walk([&](WeightConsumerOpInterface consumer) {
    for (unsigned i = 0, e = consumer->getNumOperands(); i < e; ++i) {
      std::optional<WeightAxes> axes = consumer.getWeightAxes(i);
      if (!axes || !isa<RankedTensorType>(consumer->getOperand(i).getType()))
        continue;
      WeightRecord w;
      w.consumer = consumer;
      w.operandIndex = i;
      w.axes = *axes;
      w.source = traceWeightSource(consumer->getOperand(i), w.axes);
      w.type = dyn_cast<RankedTensorType>(w.source.getType());
      Operation *def = w.source.getDefiningOp();
      if (!w.type || !def || !isa<FloatType>(w.type.getElementType()))
        continue;
      if (auto constant = dyn_cast<ConstantOp>(def)) {
        w.constants.push_back(constant);
      } else if (isWeightChainOp(def)) {
        SmallVector<Operation *> worklist = {def};
        DenseSet<Operation *> seen;
        while (!worklist.empty()) {
          Operation *op = worklist.pop_back_val();
          if (!seen.insert(op).second)
            continue;
          if (auto constant = dyn_cast<ConstantOp>(op)) {
            w.constants.push_back(constant);
            continue;
          }
          if (!isWeightChainOp(op))
            continue;
          w.chain.push_back(op);
          for (Value operand : op->getOperands())
            if (Operation *producer = operand.getDefiningOp())
              worklist.push_back(producer);
        }
      } else {
        continue; // an activation, not a weight
      }
      weights.push_back(std::move(w));
    }
  });
  return weights;
}

template <typename OpT> OpT findInChain(const WeightRecord &w) {
  for (Operation *op : w.chain)
    if (auto match = dyn_cast<OpT>(op))
      return match;
  return {};
}

int64_t numElements(Value v) {
  return cast<ShapedType>(v.getType()).getNumElements();
}

/// Quantization scheme of a blockwise_shift_scale whose data has `shape`.
std::string describeQuantization(BlockwiseShiftScaleOp bss,
                                 ArrayRef<int64_t> shape, WeightAxes axes) {
  auto dataType = cast<ShapedType>(bss.getData().getType());
  auto scaleType = cast<ShapedType>(bss.getScale().getType());
  Type element = dataType.getElementType();
  std::string s = dtypeName(element);
  if (isa<Float4E2M1FNType>(element) &&
      isa<Float8E8M0FNUType>(scaleType.getElementType()))
    s = "mxfp4";
  ArrayRef<int64_t> scaleShape = scaleType.getShape();
  int64_t varying = llvm::count_if(scaleShape, [](int64_t d) { return d > 1; });
  if (varying == 0) {
    s += " per_tensor";
  } else if (varying == 1 && dataType.getRank() == int64_t(shape.size()) &&
             scaleShape[axes.out] == shape[axes.out]) {
    s += " per_channel";
  } else if (dataType.getRank() == int64_t(shape.size()) &&
             axes.in < int64_t(scaleShape.size()) && scaleShape[axes.in] > 0 &&
             scaleShape[axes.in] < shape[axes.in]) {
    s += " per_block " + std::to_string(shape[axes.in] / scaleShape[axes.in]);
  } else {
    s += " blockwise";
  }
  // How the integer scales were found, from the decoder's location.
  SmallVector<StringRef> tags;
  if (auto fused = dyn_cast<FusedLoc>(bss.getLoc()))
    if (auto metadata = dyn_cast_or_null<StringAttr>(fused.getMetadata()))
      tags = parseIntegerParamsTag(metadata.getValue());
  const bool full = llvm::is_contained(tags, "full");
  if (auto i = dyn_cast<IntegerType>(element)) {
    // Symmetric: a zero point of 0 (signed) or the middle code (unsigned).
    int64_t symmetric =
        i.isUnsigned() ? (int64_t(1) << (i.getWidth() - 1)) - (full ? 0 : 1)
                       : 0;
    bool sym = false;
    if (auto zp = bss.getOffset1().getDefiningOp<ConstantOp>()) {
      std::vector<double> v(numElements(zp));
      std::string error;
      if (readElements(zp.getValue(), v, error))
        sym = llvm::all_of(v, [&](double x) { return x == symmetric; });
    }
    s += sym ? " sym" : " asym";
    for (StringRef tag : tags)
      s += (" " + tag).str();
  }
  bool mx = llvm::StringRef(s).starts_with("mxfp4");
  if (isa<Float8E8M0FNUType>(scaleType.getElementType()) && !mx)
    s += " e8m0 scales";
  return s;
}

std::string describe(const WeightRecord &w) {
  if (w.chain.empty())
    return "uncompressed";
  ArrayRef<int64_t> shape = w.type.getShape();
  if (auto sparse = findInChain<SparseWithBitmaskToDenseOp>(w)) {
    auto build = sparse.getSparse().getDefiningOp<BuildSparseWithBitmaskOp>();
    if (!build)
      return "sparse";
    double kept = double(numElements(build.getValues())) /
                  double(std::max<int64_t>(1, w.type.getNumElements()));
    std::string s = llvm::formatv("{0:f1}% sparse", 100.0 * (1.0 - kept)).str();
    if (auto bss = build.getValues().getDefiningOp<BlockwiseShiftScaleOp>())
      s +=
          " + " +
          dtypeName(cast<ShapedType>(bss.getData().getType()).getElementType());
    else if (auto lut = build.getValues().getDefiningOp<LutToDenseOp>())
      s += " + " +
           std::to_string(cast<ShapedType>(lut.getIndices().getType())
                              .getElementType()
                              .getIntOrFloatBitWidth()) +
           "-bit LUT";
    return s;
  }
  if (auto lut = findInChain<LutToDenseOp>(w)) {
    auto indexType = cast<ShapedType>(lut.getIndices().getType());
    auto lutType = cast<ShapedType>(lut.getLut().getType());
    int64_t rank = indexType.getRank();
    int64_t groups = 1;
    for (int64_t d = 0; d < rank; ++d)
      groups *= lutType.getDimSize(d);
    int64_t cd = lutType.getDimSize(rank + 1);
    std::string s =
        std::to_string(indexType.getElementTypeBitWidth()) + "-bit LUT ";
    int64_t cout = shape[w.axes.out];
    if (groups == 1)
      s += "per_tensor";
    else if (groups == cout)
      s += "per_channel";
    else
      s += "grouped " + std::to_string(cout / std::max<int64_t>(1, groups));
    if (cd > 1)
      s += " vector " + std::to_string(cd);
    if (lutType.getElementType() != w.type.getElementType())
      s += " + " + dtypeName(lutType.getElementType()) + " LUT";
    if (auto bss = findInChain<BlockwiseShiftScaleOp>(w))
      if (numElements(bss.getScale()) > 1)
        s += " + per-channel scale";
    return s;
  }
  if (auto bss = findInChain<BlockwiseShiftScaleOp>(w))
    return describeQuantization(bss, shape, w.axes);
  return "cast";
}

/// The values of a weight that is a constant (std::nullopt otherwise).
std::optional<std::vector<double>> readWeight(const WeightRecord &w,
                                              unsigned threads) {
  auto constant = w.source.getDefiningOp<ConstantOp>();
  if (!constant)
    return std::nullopt;
  // Two f64 copies are compared at once: refuse what cannot fit.
  if (16 * uint64_t(w.type.getNumElements()) > getPhysicalMemoryBytes())
    return std::nullopt;
  std::vector<double> values(w.type.getNumElements());
  std::string error;
  if (!readElements(constant.getValue(), values, error, threads))
    return std::nullopt;
  return values;
}

std::string locationString(Location loc) {
  std::string s;
  llvm::raw_string_ostream os(s);
  if (auto file = dyn_cast<FileLineColLoc>(loc))
    os << file.getFilename().getValue() << ":" << file.getLine() << ":"
       << file.getColumn();
  else if (auto name = dyn_cast<NameLoc>(loc))
    os << name.getName().getValue();
  else
    os << loc;
  return s;
}

std::string shapeString(RankedTensorType type) {
  std::string s;
  llvm::raw_string_ostream os(s);
  llvm::interleave(type.getShape(), os, "x");
  return s;
}

/// Fills in what the report shows of `w`.
void describeRecord(WeightRecord &w) {
  w.consumerName = w.consumer->getName().getStringRef().str();
  w.location = locationString(w.consumer->getLoc());
  w.shape = shapeString(w.type);
  llvm::raw_string_ostream(w.elementType) << w.type.getElementType();
  w.compressed = !w.chain.empty();
  w.scheme = describe(w);
  const int64_t numel = w.type.getNumElements();
  w.bytesBefore = getUnpackedByteWidth(w.type.getElementType()) * numel;
  SmallVector<std::string> stored;
  for (ConstantOp c : w.constants) {
    w.bytesAfter += storedBytes(c);
    std::string name;
    llvm::raw_string_ostream(name)
        << cast<ShapedType>(c.getType()).getElementType();
    if (!llvm::is_contained(stored, name))
      stored.push_back(name);
  }
  w.stored = llvm::join(stored, ",");
  w.bitsPerWeight =
      8.0 * double(w.bytesAfter) / double(std::max<int64_t>(1, numel));
  if (!w.compressed)
    w.skipReason = numel <= 1024
                       ? "small: " + std::to_string(numel) +
                             " elements (default threshold 1024)"
                       : "not compressed: " + std::to_string(numel) +
                             " elements (at most the pass's threshold, "
                             "or skipped with a warning)";
}

} // namespace

WeightAnalysis::WeightAnalysis(Operation *root)
    : root(root), weights(collectWeights(root)) {
  // Weights that no threshold would let through say why (f64, also used
  // other than as a weight, too large for this machine).
  DenseMap<Operation *, std::string> rejected;
  {
    // Only the reasons: the warnings belong to the passes.
    ScopedDiagnosticHandler quiet(root->getContext(), [](Diagnostic &diag) {
      return success(diag.getSeverity() == DiagnosticSeverity::Warning);
    });
    (void)collectWeightCandidates(root, /*weightNumThreshold=*/-1, &rejected);
  }
  for (WeightRecord &w : weights) {
    describeRecord(w);
    if (w.compressed)
      continue;
    if (auto it = rejected.find(w.source.getDefiningOp()); it != rejected.end())
      w.skipReason = it->second;
  }
}

WeightTotals WeightAnalysis::getTotals() const {
  WeightTotals totals;
  totals.weights = weights.size();
  for (size_t i = 0; i < weights.size(); ++i) {
    const WeightRecord &w = weights[i];
    totals.bytesBefore += w.bytesBefore;
    totals.bytesAfter += w.bytesAfter;
    totals.elements += w.type.getNumElements();
    totals.compressed += w.compressed;
    if (w.compressed && w.sqnr &&
        (!totals.worst || *w.sqnr < *weights[*totals.worst].sqnr))
      totals.worst = i;
    if (w.compressed && w.worstChannelSqnr &&
        (!totals.worstChannel ||
         *w.worstChannelSqnr < *weights[*totals.worstChannel].worstChannelSqnr))
      totals.worstChannel = i;
    if (w.compressed && w.outputSqnr &&
        (!totals.worstOutput ||
         *w.outputSqnr < *weights[*totals.worstOutput].outputSqnr))
      totals.worstOutput = i;
  }
  totals.bitsPerWeight = 8.0 * double(totals.bytesAfter) /
                         double(std::max<int64_t>(1, totals.elements));
  return totals;
}

LogicalResult WeightAnalysis::compareWith(StringRef referencePath,
                                          unsigned threads) {
  MLIRContext *ctx = root->getContext();
  OwningOpRef<ModuleOp> ref = parseSourceFile<ModuleOp>(referencePath, ctx);
  if (!ref)
    return root->emitError("option 'reference': cannot read the program '")
           << referencePath << "'";
  return compareWithOwned(OwningOpRef<Operation *>(ref.release()),
                          referencePath, threads);
}

LogicalResult WeightAnalysis::compareWith(Operation *reference,
                                          StringRef referencePath,
                                          unsigned threads,
                                          OutputSqnrFn outputSqnr) {
  return compareWithOwned(OwningOpRef<Operation *>(reference->clone()),
                          referencePath, threads, outputSqnr);
}

LogicalResult WeightAnalysis::compareWithOwned(OwningOpRef<Operation *> ref,
                                               StringRef referencePath,
                                               unsigned threads,
                                               OutputSqnrFn outputSqnr) {
  // Materialize copies of both programs, then compare weight by weight.
  OwningOpRef<Operation *> mine = root->clone();
  if (failed(materializeWeights(*mine, threads)) ||
      failed(materializeWeights(*ref, threads)))
    return failure();
  std::vector<WeightRecord> refWeights = collectWeights(*ref);
  std::vector<WeightRecord> myWeights = collectWeights(*mine);
  if (refWeights.size() != weights.size() || myWeights.size() != weights.size())
    return root->emitError("the reference program '")
           << referencePath << "' does not match: it has " << refWeights.size()
           << " weights, this program " << weights.size();
  for (size_t i = 0; i < weights.size(); ++i) {
    const WeightRecord &r = refWeights[i];
    if (r.type.getShape() != weights[i].type.getShape() ||
        r.consumer->getName() != weights[i].consumer->getName())
      return weights[i].consumer->emitError("the reference program '")
             << referencePath << "' does not match: its weight " << i
             << " is a " << shapeString(r.type) << " operand of "
             << r.consumer->getName() << ", here a " << weights[i].shape
             << " operand of " << weights[i].consumer->getName();
  }
  parallelFor(threads, weights.size(), [&](int64_t i) {
    // The same attribute on both sides (a weight left as it is) is exact.
    auto refConstant = refWeights[i].source.getDefiningOp<ConstantOp>();
    auto myConstant = myWeights[i].source.getDefiningOp<ConstantOp>();
    if (refConstant && myConstant &&
        refConstant.getValue() == myConstant.getValue()) {
      weights[i].sqnr = std::numeric_limits<double>::infinity();
      weights[i].maxError = 0;
      weights[i].worstChannelSqnr = std::numeric_limits<double>::infinity();
      if (outputSqnr)
        weights[i].outputSqnr = std::numeric_limits<double>::infinity();
      return;
    }
    std::optional<std::vector<double>> a = readWeight(refWeights[i], 1);
    std::optional<std::vector<double>> b = readWeight(myWeights[i], 1);
    if (!a || !b)
      return;
    if (outputSqnr)
      weights[i].outputSqnr = outputSqnr(i, *a, *b);
    ErrorStats stats = compareValues(*a, *b);
    weights[i].sqnr = stats.getSqnrDb();
    weights[i].maxError = stats.maxAbsError;
    weights[i].worstChannelSqnr = getWorstSqnrDb(compareChannels(
        *a, *b, weights[i].type.getShape(), weights[i].axes.out));
  });
  return success();
}

std::string mlir::coreai::getPayloadSha256(ElementsAttr value) {
  ArrayRef<char> bytes;
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(value)) {
    if (AsmResourceBlob *blob = resource.getRawHandle().getBlob())
      bytes = blob->getData();
  } else if (auto dense = dyn_cast<DenseElementsAttr>(value)) {
    bytes = dense.getRawData();
  }
  std::array<uint8_t, 32> hash = llvm::SHA256::hash(ArrayRef<uint8_t>(
      reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size()));
  return llvm::toHex(hash, /*LowerCase=*/true);
}

DenseMap<Operation *, int64_t>
mlir::coreai::getWeightIds(const WeightAnalysis &analysis) {
  DenseMap<Operation *, int64_t> ids;
  for (auto [ordinal, record] : llvm::enumerate(analysis.getWeights()))
    if (Operation *constant = record.source.getDefiningOp())
      ids.try_emplace(constant, ordinal);
  return ids;
}
