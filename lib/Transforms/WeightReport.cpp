//===- WeightReport.cpp - coreai-weight-report ----------------------------===//
//
// Lists every weight operand of every weight consumer: the scheme that
// encodes it (read off its decoder chain), its sizes before and after, and,
// against a reference program, the error of its materialized values. The
// weights of the two programs are matched by their order among the
// consumers' weight operands, so SSA names do not matter.
//
//===----------------------------------------------------------------------===//

#include "coreai/Compression/Parallel.h"
#include "coreai/IR/ConstantData.h"
#include "coreai/IR/CoreAIInterfaces.h"
#include "coreai/IR/CoreAIOps.h"
#include "coreai/Transforms/MaterializeWeights.h"
#include "coreai/Transforms/Passes.h"
#include "coreai/Transforms/WeightCandidates.h"
#include "coreai/Transforms/WeightPassDriver.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>

namespace mlir {
namespace coreai {
#define GEN_PASS_DEF_COREAIWEIGHTREPORTPASS
#include "coreai/Transforms/Passes.h.inc"
} // namespace coreai
} // namespace mlir

using namespace mlir;
using namespace mlir::coreai;

namespace {

/// One weight operand, as found in a program.
struct Weight {
  Operation *consumer = nullptr;
  unsigned operandIndex = 0;
  /// The weight before any look-through op: a constant or a chain result.
  Value source;
  RankedTensorType type;
  WeightAxes axes;
  SmallVector<Operation *> chain; ///< decoder ops and casts, if compressed
  SmallVector<ConstantOp> constants;
};

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

/// Collects the weights of `root` in program order.
SmallVector<Weight> collectWeights(Operation *root) {
  SmallVector<Weight> weights;
  root->walk([&](WeightConsumerOpInterface consumer) {
    for (unsigned i = 0, e = consumer->getNumOperands(); i < e; ++i) {
      std::optional<WeightAxes> axes = consumer.getWeightAxes(i);
      if (!axes)
        continue;
      Value value = consumer->getOperand(i);
      auto type = dyn_cast<RankedTensorType>(value.getType());
      if (!type)
        continue;
      WeightAxes a = *axes;
      int64_t rank = type.getRank();
      a.out = a.out < 0 ? a.out + rank : a.out;
      a.in = a.in < 0 ? a.in + rank : a.in;
      while (auto look = value.getDefiningOp<WeightLookThroughOpInterface>()) {
        std::optional<int64_t> out = look.mapResultAxisToSource(a.out);
        std::optional<int64_t> in = look.mapResultAxisToSource(a.in);
        a.out = out.value_or(0);
        a.in = in.value_or(1);
        value = look.getLookThroughOperand().get();
      }
      Weight w;
      w.consumer = consumer;
      w.operandIndex = i;
      w.source = value;
      w.type = dyn_cast<RankedTensorType>(value.getType());
      w.axes = a;
      Operation *def = value.getDefiningOp();
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

template <typename OpT> OpT findInChain(const Weight &w) {
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
  if (auto i = dyn_cast<IntegerType>(element)) {
    // Symmetric: a zero point of 0 (signed) or the middle code (unsigned).
    int64_t symmetric =
        i.isUnsigned() ? (int64_t(1) << (i.getWidth() - 1)) - 1 : 0;
    bool sym = false;
    if (auto zp = bss.getOffset1().getDefiningOp<ConstantOp>()) {
      std::vector<double> v(numElements(zp));
      std::string error;
      if (readElements(zp.getValue(), v, error))
        sym = llvm::all_of(v, [&](double x) { return x == symmetric; });
    }
    s += sym ? " sym" : " asym";
  }
  bool mx = llvm::StringRef(s).starts_with("mxfp4");
  if (isa<Float8E8M0FNUType>(scaleType.getElementType()) && !mx)
    s += " e8m0 scales";
  return s;
}

std::string describe(const Weight &w) {
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
std::optional<std::vector<double>> readWeight(const Weight &w,
                                              unsigned threads) {
  auto constant = w.source.getDefiningOp<ConstantOp>();
  if (!constant)
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

struct Row {
  std::string consumer, location, shape, type, stored, scheme;
  int64_t before = 0, after = 0;
  double bitsPerWeight = 0;
  bool compressed = false;
  std::string skipReason;
  std::optional<double> sqnr, maxError;
};

struct WeightReportPass
    : public coreai::impl::CoreAIWeightReportPassBase<WeightReportPass> {
  using Base::Base;
  void runOnOperation() override;
};

void WeightReportPass::runOnOperation() {
  ModuleOp module = getOperation();
  MLIRContext *ctx = &getContext();
  markAllAnalysesPreserved();
  unsigned threads = getPassThreadCount(ctx);
  SmallVector<Weight> weights = collectWeights(module);

  std::vector<Row> rows;
  for (const Weight &w : weights) {
    Row row;
    row.consumer = w.consumer->getName().getStringRef().str();
    row.location = locationString(w.consumer->getLoc());
    row.shape = shapeString(w.type);
    llvm::raw_string_ostream(row.type) << w.type.getElementType();
    row.compressed = !w.chain.empty();
    row.scheme = describe(w);
    int64_t elementBytes = getUnpackedByteWidth(w.type.getElementType());
    row.before = elementBytes * w.type.getNumElements();
    SmallVector<std::string> stored;
    for (ConstantOp c : w.constants) {
      row.after += storedBytes(c);
      std::string name;
      llvm::raw_string_ostream(name)
          << cast<ShapedType>(c.getType()).getElementType();
      if (!llvm::is_contained(stored, name))
        stored.push_back(name);
    }
    row.stored = llvm::join(stored, ",");
    row.bitsPerWeight = 8.0 * double(row.after) /
                        double(std::max<int64_t>(1, w.type.getNumElements()));
    if (!row.compressed)
      row.skipReason =
          w.type.getNumElements() <= 1024
              ? "small: " + std::to_string(w.type.getNumElements()) +
                    " elements (default threshold 1024)"
              : "not compressed: " + std::to_string(w.type.getNumElements()) +
                    " elements (at most the pass's threshold, "
                    "or skipped with a warning)";
    rows.push_back(std::move(row));
  }

  // Errors against the reference: materialize both programs (copies), then
  // compare weight by weight.
  if (!reference.empty()) {
    OwningOpRef<ModuleOp> ref = parseSourceFile<ModuleOp>(reference, ctx);
    if (!ref) {
      emitError(module.getLoc())
          << "option 'reference': cannot read the program '" << reference
          << "'";
      return signalPassFailure();
    }
    OwningOpRef<ModuleOp> mine = module.clone();
    if (failed(materializeWeights(*mine, threads)) ||
        failed(materializeWeights(*ref, threads)))
      return signalPassFailure();
    SmallVector<Weight> refWeights = collectWeights(*ref);
    SmallVector<Weight> myWeights = collectWeights(*mine);
    if (refWeights.size() != weights.size() ||
        myWeights.size() != weights.size()) {
      emitError(module.getLoc())
          << "the reference program '" << reference
          << "' does not match: it has " << refWeights.size()
          << " weights, this program " << weights.size();
      return signalPassFailure();
    }
    for (size_t i = 0; i < weights.size(); ++i) {
      const Weight &r = refWeights[i];
      if (r.type.getShape() != weights[i].type.getShape() ||
          r.consumer->getName() != weights[i].consumer->getName()) {
        weights[i].consumer->emitError()
            << "the reference program '" << reference
            << "' does not match: its weight " << i << " is a "
            << shapeString(r.type) << " operand of " << r.consumer->getName()
            << ", here a " << rows[i].shape << " operand of "
            << weights[i].consumer->getName();
        return signalPassFailure();
      }
    }
    parallelFor(threads, weights.size(), [&](int64_t i) {
      std::optional<std::vector<double>> a = readWeight(refWeights[i], 1);
      std::optional<std::vector<double>> b = readWeight(myWeights[i], 1);
      if (!a || !b)
        return;
      double signal = 0, noise = 0, maxError = 0;
      for (size_t k = 0; k < a->size(); ++k) {
        double e = (*a)[k] - (*b)[k];
        signal += (*a)[k] * (*a)[k];
        noise += e * e;
        maxError = std::max(maxError, std::fabs(e));
      }
      rows[i].sqnr = noise > 0 ? 10.0 * std::log10(signal / noise)
                               : std::numeric_limits<double>::infinity();
      rows[i].maxError = maxError;
    });
  }

  // Totals.
  int64_t before = 0, after = 0, elements = 0, compressed = 0;
  std::optional<size_t> worst;
  for (size_t i = 0; i < rows.size(); ++i) {
    before += rows[i].before;
    after += rows[i].after;
    elements += weights[i].type.getNumElements();
    compressed += rows[i].compressed;
    if (rows[i].compressed && rows[i].sqnr &&
        (!worst || *rows[i].sqnr < *rows[worst.value()].sqnr))
      worst = i;
  }
  double bpw = 8.0 * double(after) / double(std::max<int64_t>(1, elements));

  std::unique_ptr<llvm::raw_fd_ostream> file;
  llvm::raw_ostream *os = &llvm::outs();
  if (output != "-") {
    std::error_code ec;
    file = std::make_unique<llvm::raw_fd_ostream>(output, ec,
                                                  llvm::sys::fs::OF_Text);
    if (ec) {
      emitError(module.getLoc()) << "option 'output': cannot write '" << output
                                 << "': " << ec.message();
      return signalPassFailure();
    }
    os = file.get();
  }
  auto db = [](std::optional<double> v) -> std::string {
    if (!v)
      return "-";
    if (std::isinf(*v))
      return "inf";
    return llvm::formatv("{0:f2}", *v).str();
  };

  if (format == ReportFormat::JSON) {
    llvm::json::OStream j(*os, 2);
    j.object([&] {
      j.attributeArray("weights", [&] {
        for (const Row &r : rows)
          j.object([&] {
            j.attribute("consumer", r.consumer);
            j.attribute("location", r.location);
            j.attribute("shape", r.shape);
            j.attribute("type", r.type);
            j.attribute("stored", r.stored);
            j.attribute("scheme", r.scheme);
            j.attribute("compressed", r.compressed);
            if (!r.compressed)
              j.attribute("skip_reason", r.skipReason);
            j.attribute("bytes_before", r.before);
            j.attribute("bytes_after", r.after);
            j.attribute("bits_per_weight", r.bitsPerWeight);
            if (r.sqnr)
              j.attribute("sqnr_db", std::isinf(*r.sqnr)
                                         ? llvm::json::Value(nullptr)
                                         : llvm::json::Value(*r.sqnr));
            if (r.maxError)
              j.attribute("max_abs_error", *r.maxError);
          });
      });
      j.attributeObject("totals", [&] {
        j.attribute("weights", int64_t(rows.size()));
        j.attribute("compressed", compressed);
        j.attribute("uncompressed", int64_t(rows.size()) - compressed);
        j.attribute("bytes_before", before);
        j.attribute("bytes_after", after);
        j.attribute("bits_per_weight", bpw);
        if (worst) {
          j.attribute("worst_sqnr_db", *rows[*worst].sqnr);
          j.attribute("worst_location", rows[*worst].location);
        }
      });
    });
    *os << "\n";
    return;
  }

  // An aligned table.
  std::vector<std::vector<std::string>> cells = {
      {"#", "consumer", "location", "shape", "type", "stored", "scheme",
       "bytes before", "bytes after", "bits/w", "SQNR dB", "max |err|"}};
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row &r = rows[i];
    cells.push_back(
        {std::to_string(i), r.consumer, r.location, r.shape, r.type, r.stored,
         r.scheme, std::to_string(r.before), std::to_string(r.after),
         llvm::formatv("{0:f2}", r.bitsPerWeight).str(), db(r.sqnr),
         r.maxError ? llvm::formatv("{0:e2}", *r.maxError).str() : "-"});
  }
  std::vector<size_t> width(cells[0].size(), 0);
  for (const auto &line : cells)
    for (size_t c = 0; c < line.size(); ++c)
      width[c] = std::max(width[c], line[c].size());
  for (const auto &line : cells) {
    for (size_t c = 0; c < line.size(); ++c) {
      bool numeric = c == 0 || c >= 7;
      std::string pad(width[c] - line[c].size(), ' ');
      *os << (c ? "  " : "") << (numeric ? pad + line[c] : line[c] + pad);
    }
    *os << "\n";
  }
  *os << "weights: " << rows.size() << ", compressed " << compressed
      << ", uncompressed " << rows.size() - compressed << "\n";
  for (size_t i = 0; i < rows.size(); ++i)
    if (!rows[i].compressed)
      *os << "  #" << i << " " << rows[i].location << ": " << rows[i].skipReason
          << "\n";
  *os << llvm::formatv(
      "weight bytes: {0} -> {1} ({2:f2}x smaller), {3:f2} "
      "bits per weight\n",
      before, after, double(before) / double(std::max<int64_t>(1, after)), bpw);
  if (worst)
    *os << "worst SQNR: " << db(rows[*worst].sqnr) << " dB at #" << *worst
        << " " << rows[*worst].location << "\n";
}

} // namespace
