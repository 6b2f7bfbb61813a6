//===- SparsifyWeights.cpp - coreai-sparsify-weights ----------------------===//
//
// Validates the options, chooses the weights (collectWeightCandidates),
// prunes them in parallel (Compression/Sparsify.h), optionally quantizes or
// palettizes the kept values, and rewrites each weight into values + mask ->
// build_sparse_with_bitmask -> sparse_with_bitmask_to_dense, in program
// order. Quantized values are dequantized before they are scattered, so
// pruned weights stay exactly 0 (spec D4).
//
//===----------------------------------------------------------------------===//

#include "coreai/Compression/FloatFormats.h"
#include "coreai/Compression/Palettize.h"
#include "coreai/Compression/Parallel.h"
#include "coreai/Compression/Quantize.h"
#include "coreai/Compression/Sparsify.h"
#include "coreai/IR/ConstantData.h"
#include "coreai/IR/CoreAIOps.h"
#include "coreai/Transforms/Passes.h"
#include "coreai/Transforms/QuantTypes.h"
#include "coreai/Transforms/WeightCandidates.h"
#include "coreai/Transforms/WeightPassDriver.h"
#include "coreai/Transforms/WeightPayload.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/StringExtras.h"

#include <cmath>

namespace mlir {
namespace coreai {
#define GEN_PASS_DEF_COREAISPARSIFYWEIGHTSPASS
#include "coreai/Transforms/Passes.h.inc"
} // namespace coreai
} // namespace mlir

using namespace mlir;
using namespace mlir::coreai;

namespace {

enum class Mode { Unstructured, Blocks, NM };

struct SparsifyConfig {
  Mode mode = Mode::Unstructured;
  double sparsity = 0.5;
  int64_t blockSize = 0, n = 0, m = 0;
  std::optional<QuantFormat> quantFormat;
  unsigned palettizeBits = 0;
  /// Created before the parallel phase: the mask's ui1, and the storage of
  /// quantized values or of palette indices in a joint mode.
  Type maskType, valueType;
};

FailureOr<SparsifyConfig> parseOptions(Location loc, double sparsity,
                                       bool sparsityGiven, int64_t blockSize,
                                       StringRef nm, StringRef quantizeDtype,
                                       int64_t palettizeNbits,
                                       int64_t threshold) {
  auto fail = [&]() { return emitError(loc); };
  SparsifyConfig config;
  if (sparsityGiven && !nm.empty())
    return fail() << "options 'target-sparsity' and 'n-m-ratio' cannot both "
                     "be set";
  if (!nm.empty()) {
    SmallVector<StringRef> parts;
    nm.split(parts, ',');
    if (parts.size() != 2)
      return fail() << "option 'n-m-ratio' must be two integers n,m, got '"
                    << nm << "'";
    if (parts[0].trim().getAsInteger(10, config.n) ||
        parts[1].trim().getAsInteger(10, config.m))
      return fail() << "option 'n-m-ratio' must contain integers, got '" << nm
                    << "'";
    if (config.m <= 0)
      return fail() << "option 'n-m-ratio' requires m > 0, got m = "
                    << config.m;
    if (config.n < 0 || config.n > config.m)
      return fail() << "option 'n-m-ratio' requires 0 <= n <= m, got n = "
                    << config.n << ", m = " << config.m;
    config.mode = Mode::NM;
  }
  if (!(sparsity >= 0.0 && sparsity <= 1.0))
    return fail() << "option 'target-sparsity' must be in [0, 1], got "
                  << sparsity;
  config.sparsity = sparsity;
  if (blockSize != 0) {
    if (blockSize <= 1)
      return fail() << "option 'block-size' must be greater than 1, got "
                    << blockSize;
    if (config.mode == Mode::NM)
      return fail() << "options 'block-size' and 'n-m-ratio' cannot both be "
                       "set";
    config.mode = Mode::Blocks;
    config.blockSize = blockSize;
  }
  if (quantizeDtype != "none" && palettizeNbits != 0)
    return fail() << "options 'quantize-dtype' and 'palettize-nbits' cannot "
                     "both be set";
  if (quantizeDtype != "none") {
    config.quantFormat = parseQuantDtype(quantizeDtype);
    if (config.quantFormat && config.quantFormat->bits != 8)
      config.quantFormat.reset();
    if (!config.quantFormat)
      return fail() << "option 'quantize-dtype': unsupported value '"
                    << quantizeDtype
                    << "'; expected none, int8, uint8, fp8_e4m3fn or "
                       "fp8_e5m2";
  }
  if (palettizeNbits != 0) {
    if (!isValidIndexBitWidth(palettizeNbits))
      return fail() << "option 'palettize-nbits' must be one of "
                    << kIndexBitWidths << ", got " << palettizeNbits;
    config.palettizeBits = static_cast<unsigned>(palettizeNbits);
  }
  if (threshold < 0)
    return fail() << "option 'weight-num-threshold' must be non-negative, got "
                  << threshold;
  return config;
}

struct Item {
  WeightCandidate candidate;
  ElementsAttr value;
  SmallVector<int64_t> shape;
  std::string skipReason;
};

struct ItemResult : WeightWorkStatus {
  int64_t numValues = 0;
  EncodedElements values, mask, scale, zeroPoint, lut;
  /// The values are stored plainly although a joint mode was asked for.
  bool plain = true;
};

struct SparsifyWeightsPass
    : public coreai::impl::CoreAISparsifyWeightsPassBase<SparsifyWeightsPass> {
  using Base::Base;

  void runOnOperation() override;

private:
  void compute(Item &item, ItemResult &result, unsigned threads);
  void rewrite(Item &item, ItemResult &result);

  SparsifyConfig config;
};

void SparsifyWeightsPass::compute(Item &item, ItemResult &result,
                                  unsigned threads) {
  if (!item.skipReason.empty()) {
    result.skipReason = item.skipReason;
    return;
  }
  RankedTensorType type = item.candidate.getType();
  Type weightType = type.getElementType();
  const int64_t numel = type.getNumElements();
  // f16 payloads stored element after element are pruned on their bit
  // patterns, without a decoded copy; plain values are copied as they are.
  std::optional<WeightPayload> payload =
      WeightPayload::open(item.value, weightType, HalfBits::F16, result.error);
  if (!payload)
    return;
  if (!payload->allFinite(threads)) {
    result.skipReason = getNonFiniteSkipReason("unsparsified");
    return;
  }
  ArrayRef<uint16_t> f16 = payload->getHalfBits();
  const bool joint = config.quantFormat || config.palettizeBits;
  const bool onBits = !f16.empty();
  ArrayRef<float> weight =
      onBits ? ArrayRef<float>() : payload->decode(threads);
  UninitVector<uint8_t> keep;
  const int64_t count =
      static_cast<int64_t>(std::floor(double(numel) * config.sparsity));
  auto prune = [&](auto input) {
    switch (config.mode) {
    case Mode::Unstructured:
      pruneSmallest(input, count, keep, threads);
      return;
    case Mode::Blocks:
      pruneBlocks(input, item.shape, item.candidate.axes.out, config.blockSize,
                  count, keep, threads);
      return;
    case Mode::NM:
      pruneNM(input, item.shape, item.candidate.axes.in, config.n, config.m,
              keep, threads);
      return;
    }
  };
  if (onBits)
    prune(F16Bits{f16});
  else
    prune(weight);
  // The packed mask, then the kept values in row-major order.
  ArrayRef<uint8_t> keepRef(keep.data(), keep.size());
  KeptLayout layout = packKeepMask(keepRef, threads);
  const int64_t n = layout.numKept;
  result.numValues = n;
  if (n == 0 || n == numel) {
    result.mask.form = EncodedElements::Form::Splat;
    result.mask.bytes.assign(1, n ? char(0xff) : char(0));
  } else if (!encodePackedCodes(config.maskType, std::move(layout.mask), numel,
                                result.mask, result.error)) {
    return;
  }
  if (onBits && !joint) {
    ByteBuffer bits(n * 2);
    gatherKept(keepRef, layout, f16, reinterpret_cast<uint16_t *>(bits.data()),
               threads);
    encodeCodes(weightType, std::move(bits), result.values, result.error,
                threads);
    return;
  }
  UninitVector<float> values(n);
  if (onBits) {
    UninitVector<uint16_t> bits(n);
    gatherKept(keepRef, layout, f16, bits.data(), threads);
    parallelForChunks(threads, n, 1 << 16, [&](int64_t b, int64_t e) {
      decodeF16Array(bits.data() + b, values.data() + b, e - b);
    });
  } else {
    gatherKept(keepRef, layout, weight, values.data(), threads);
  }
  if (n > 0 && config.quantFormat) {
    QuantScheme qs{*config.quantFormat, /*symmetric=*/true,
                   getScaleStorage(weightType)};
    QuantizedWeight q;
    quantizeWeight(
        qs, {n}, {1},
        [&](int64_t b, int64_t e, float *out) {
          for (int64_t i = b; i < e; ++i)
            out[i - b] = values[i];
        },
        q, threads);
    if (!encodeCodes(config.valueType, std::move(q.codes), result.values,
                     result.error, threads) ||
        !encodeElements(weightType, q.scales, result.scale, result.error) ||
        !encodeElements(config.valueType, q.zeroPoints, result.zeroPoint,
                        result.error))
      return;
    result.plain = false;
    return;
  }
  if (n > 0 && config.palettizeBits) {
    PalettizeScheme ps;
    ps.nbits = config.palettizeBits;
    ps.fastMode = false;
    ps.storage = getScaleStorage(weightType);
    PalettizedWeight p;
    int64_t shape[] = {n};
    palettizeWeight(ps, shape, 0, ArrayRef<float>(values.data(), values.size()),
                    p, threads);
    if (!encodeCodes(config.valueType, std::move(p.indices), result.values,
                     result.error, threads) ||
        !encodeElements(weightType, p.lut, result.lut, result.error))
      return;
    result.plain = false;
    return;
  }
  UninitVector<double> plain(values.begin(), values.end());
  encodeElements(weightType, ArrayRef<double>(plain.data(), plain.size()),
                 result.values, result.error, threads);
}

void SparsifyWeightsPass::rewrite(Item &item, ItemResult &result) {
  MLIRContext *ctx = &getContext();
  ConstantOp source = item.candidate.op;
  RankedTensorType type = item.candidate.getType();
  Type weightType = type.getElementType();
  OpBuilder builder(source);
  Location loc = source.getLoc();
  if (result.plain && (config.quantFormat || config.palettizeBits))
    source.emitWarning("every element is pruned; the values are stored "
                       "without quantization or palettization");
  auto makeConstant = [&](ArrayRef<int64_t> shape, Type elementType,
                          EncodedElements &payload) {
    return createEncodedConstant(builder, loc, shape, elementType,
                                 std::move(payload));
  };
  const int64_t n = result.numValues;
  auto valuesType = RankedTensorType::get({n}, weightType);
  Value values;
  if (result.plain) {
    values = makeConstant({n}, weightType, result.values);
  } else if (config.quantFormat) {
    auto data = makeConstant({n}, config.valueType, result.values);
    auto scale = makeConstant({1}, weightType, result.scale);
    auto zeroPoint = makeConstant({1}, config.valueType, result.zeroPoint);
    auto offset2 = createZeroConstant(builder, loc, {1}, weightType);
    values = BlockwiseShiftScaleOp::create(builder, loc, valuesType, data,
                                           scale, zeroPoint, offset2);
  } else {
    auto indices = makeConstant({n}, config.valueType, result.values);
    auto lut = makeConstant({1, int64_t(1) << config.palettizeBits, 1},
                            weightType, result.lut);
    auto axis = createAxisConstant(builder, loc, 0);
    values = LutToDenseOp::create(builder, loc, valuesType, indices, lut, axis);
  }
  auto mask = makeConstant(type.getShape(), config.maskType, result.mask);
  auto sparse = BuildSparseWithBitmaskOp::create(
      builder, loc, SparseWithBitmaskType::get(ctx, type), values, mask);
  auto dense = SparseWithBitmaskToDenseOp::create(builder, loc, type, sparse);
  source.replaceAllUsesWith(dense.getResult());
  source.erase();
}

void SparsifyWeightsPass::runOnOperation() {
  ModuleOp module = getOperation();
  MLIRContext *ctx = &getContext();
  FailureOr<SparsifyConfig> parsed = parseOptions(
      module.getLoc(), targetSparsity, targetSparsity.hasValue(), blockSize,
      nMRatio, quantizeDtype, palettizeNbits, weightNumThreshold);
  if (failed(parsed))
    return signalPassFailure();
  config = *parsed;
  config.maskType = IntegerType::get(ctx, 1, IntegerType::Unsigned);
  if (config.quantFormat)
    config.valueType = getQuantElementType(ctx, *config.quantFormat);
  else if (config.palettizeBits)
    config.valueType =
        IntegerType::get(ctx, config.palettizeBits, IntegerType::Unsigned);

  std::vector<Item> items;
  for (WeightCandidate &candidate :
       collectWeightCandidates(module, weightNumThreshold)) {
    Item item{candidate, candidate.op.getValue(), {}, {}};
    RankedTensorType type = candidate.getType();
    item.shape.assign(type.getShape().begin(), type.getShape().end());
    const WeightAxes axes = candidate.axes;
    const bool hasChannels = item.shape.size() >= 2 && axes.in != axes.out;
    if (config.mode == Mode::Blocks) {
      if (!hasChannels)
        item.skipReason = "block sparsity needs output and input channel "
                          "axes; left unsparsified";
      else if (config.blockSize > item.shape[axes.out] / 2)
        item.skipReason = "block size " + std::to_string(config.blockSize) +
                          " is more than half of the " +
                          std::to_string(item.shape[axes.out]) +
                          " output channels; left unsparsified";
    } else if (config.mode == Mode::NM) {
      if (!hasChannels)
        item.skipReason = "n:m sparsity needs output and input channel axes; "
                          "left unsparsified";
      else if (config.m > item.shape[axes.in] / 2)
        item.skipReason = "m = " + std::to_string(config.m) +
                          " is more than half of the " +
                          std::to_string(item.shape[axes.in]) +
                          " input channels; left unsparsified";
      else if (item.shape[axes.in] % config.m != 0)
        item.skipReason = "m = " + std::to_string(config.m) +
                          " does not divide the " +
                          std::to_string(item.shape[axes.in]) +
                          " input channels; left unsparsified";
    }
    items.push_back(std::move(item));
  }

  unsigned threads = getPassThreadCount(ctx);
  if (failed(runWeightWork<Item, ItemResult>(
          items, threads,
          [](Item &item) -> Operation * { return item.candidate.op; },
          [&](Item &item, ItemResult &result) {
            compute(item, result, threads);
          },
          [&](Item &item, ItemResult &result) { rewrite(item, result); },
          getArgument())))
    signalPassFailure();
}

} // namespace
