//===- PalettizeWeights.cpp - coreai-palettize-weights --------------------===//
//
// Validates the options, chooses the weights (collectWeightCandidates),
// clusters them in parallel (Compression/Palettize.h) and rewrites each one
// into indices -> lut_to_dense (-> cast -> blockwise_shift_scale -> cast when
// the LUT is quantized or a per-channel scale is on), in program order.
//
//===----------------------------------------------------------------------===//

#include "coreai/Compression/FloatFormats.h"
#include "coreai/Compression/Palettize.h"
#include "coreai/Compression/Quantize.h"
#include "coreai/IR/ConstantData.h"
#include "coreai/IR/CoreAIOps.h"
#include "coreai/Transforms/Passes.h"
#include "coreai/Transforms/QuantTypes.h"
#include "coreai/Transforms/WeightCandidates.h"
#include "coreai/Transforms/WeightPassDriver.h"
#include "coreai/Transforms/WeightPayload.h"

#include "mlir/IR/Builders.h"

namespace mlir {
namespace coreai {
#define GEN_PASS_DEF_COREAIPALETTIZEWEIGHTSPASS
#include "coreai/Transforms/Passes.h.inc"
} // namespace coreai
} // namespace mlir

using namespace mlir;
using namespace mlir::coreai;

namespace {

/// The options, validated.
struct PalettizeConfig {
  PalettizeScheme scheme;
  std::optional<QuantFormat> lutFormat;
  /// Created before the parallel phase: ui<n-bits>, and the LUT's storage
  /// type when `lutFormat` is set.
  Type indexType, lutType;
  bool grouped = false, perChannel = false;
};

FailureOr<PalettizeConfig>
parseOptions(Location loc, StringRef lutDtype, int64_t nBits,
             StringRef granularity, int64_t groupSize, int64_t clusterDim,
             bool perChannelScale, int64_t threshold, int64_t workers,
             int64_t roundingPrecision, bool fastMode) {
  auto fail = [&]() { return emitError(loc); };
  PalettizeConfig config;
  if (lutDtype != "none") {
    config.lutFormat = parseQuantDtype(lutDtype);
    if (config.lutFormat && config.lutFormat->bits != 8)
      config.lutFormat.reset();
    if (!config.lutFormat)
      return fail() << "option 'lut-dtype': unsupported value '" << lutDtype
                    << "'; expected none, int8, uint8, fp8_e4m3fn or fp8_e5m2";
  }
  if (!isValidIndexBitWidth(nBits))
    return fail() << "option 'n-bits' must be one of " << kIndexBitWidths
                  << ", got " << nBits;
  if (granularity == "per_block")
    return fail() << "option 'granularity': per_block is not a palettization "
                     "granularity; expected per_tensor, per_channel or "
                     "per_grouped_channel";
  if (granularity != "per_tensor" && granularity != "per_channel" &&
      granularity != "per_grouped_channel")
    return fail() << "option 'granularity': unsupported value '" << granularity
                  << "'; expected per_tensor, per_channel or "
                     "per_grouped_channel";
  if (groupSize <= 0)
    return fail() << "option 'group-size' must be positive, got " << groupSize;
  if (clusterDim <= 0)
    return fail() << "option 'cluster-dim' must be positive, got "
                  << clusterDim;
  if (perChannelScale && clusterDim > 1)
    return fail() << "option 'enable-per-channel-scale' is not supported with "
                     "cluster-dim > 1";
  if (threshold < 0)
    return fail() << "option 'weight-num-threshold' must be non-negative, got "
                  << threshold;
  if (workers <= 0)
    return fail() << "option 'num-kmeans-workers' must be positive, got "
                  << workers;
  if (roundingPrecision < 0)
    return fail() << "option 'rounding-precision' must be non-negative, got "
                  << roundingPrecision;
  if (roundingPrecision > 15)
    return fail() << "option 'rounding-precision' must be at most 15, got "
                  << roundingPrecision;
  config.scheme.nbits = static_cast<unsigned>(nBits);
  config.scheme.clusterDim = clusterDim;
  config.scheme.fastMode = fastMode;
  config.scheme.roundingPrecision = static_cast<int>(roundingPrecision);
  config.scheme.perChannelScale = perChannelScale;
  config.grouped = granularity == "per_grouped_channel";
  config.perChannel = granularity == "per_channel";
  config.scheme.groupSize = config.grouped      ? groupSize
                            : config.perChannel ? 1
                                                : 0;
  return config;
}

struct Item {
  WeightCandidate candidate;
  ElementsAttr value;
  SmallVector<int64_t> shape;
  PalettizeScheme scheme;
  std::string skipReason;
};

struct ItemResult : WeightWorkStatus {
  EncodedElements indices, lut, scale, zeroPoint;
  SmallVector<int64_t> indexShape, lutShape, scaleShape;
};

} // namespace

namespace {

struct PalettizeWeightsPass
    : public coreai::impl::CoreAIPalettizeWeightsPassBase<
          PalettizeWeightsPass> {
  using Base::Base;

  void runOnOperation() override;

private:
  void compute(Item &item, ItemResult &result, unsigned threads);
  void rewrite(Item &item, ItemResult &result);

  PalettizeConfig config;
};

void PalettizeWeightsPass::compute(Item &item, ItemResult &result,
                                   unsigned threads) {
  if (!item.skipReason.empty()) {
    result.skipReason = item.skipReason;
    return;
  }
  RankedTensorType type = item.candidate.getType();
  Type weightType = type.getElementType();
  const int64_t oax = item.candidate.axes.out;
  const int64_t rank = item.shape.size();
  // f16 and bf16 scalar LUTs work on the bit patterns in place.
  const bool scalarLut =
      item.scheme.clusterDim == 1 && !item.scheme.perChannelScale;
  std::optional<WeightPayload> payload = WeightPayload::open(
      item.value, weightType, scalarLut ? HalfBits::F16OrBF16 : HalfBits::None,
      result.error);
  if (!payload)
    return;
  if (!payload->allFinite(threads)) {
    result.skipReason = getNonFiniteSkipReason("unpalettized");
    return;
  }
  PalettizedWeight p;
  if (!payload->getHalfBits().empty())
    palettizeWeight16(item.scheme, item.shape, oax, payload->getHalfBits(),
                      payload->isBF16(), p, threads);
  else
    palettizeWeight(item.scheme, item.shape, oax, payload->decode(threads), p,
                    threads);

  const int64_t cd = item.scheme.clusterDim;
  const unsigned k = 1u << item.scheme.nbits;
  result.indexShape.assign(item.shape.begin(), item.shape.end());
  result.indexShape[oax] /= cd;
  result.lutShape.assign(rank + 2, 1);
  result.lutShape[oax] = p.numGroups;
  result.lutShape[rank] = k;
  result.lutShape[rank + 1] = cd;
  if (!encodeCodes(config.indexType, std::move(p.indices), result.indices,
                   result.error, threads))
    return;

  // The dequantizing scale: the LUT's (per tensor), the per-channel one, or
  // their product with the per-channel shape (spec D5).
  std::vector<double> scale;
  double zeroPoint = 0;
  if (config.lutFormat) {
    QuantScheme qs{*config.lutFormat, /*symmetric=*/true,
                   getScaleStorage(weightType)};
    QuantizedWeight q;
    const int64_t n = p.lut.size();
    quantizeWeight(
        qs, {1, n}, {1, 1},
        [&](int64_t b, int64_t e, float *out) {
          for (int64_t i = b; i < e; ++i)
            out[i - b] = static_cast<float>(p.lut[i]);
        },
        q, 1);
    if (!encodeCodes(config.lutType, std::move(q.codes), result.lut,
                     result.error))
      return;
    scale.assign(1, q.scales[0]);
    zeroPoint = q.zeroPoints[0];
  } else if (!encodeElements(weightType, p.lut, result.lut, result.error)) {
    return;
  }
  result.scaleShape.assign(rank, 1);
  if (item.scheme.perChannelScale) {
    for (int64_t d = 0; d < rank; ++d)
      result.scaleShape[d] = d == oax ? 1 : item.shape[d];
    double lutScale = scale.empty() ? 1.0 : scale[0];
    scale = p.channelScale;
    if (config.lutFormat)
      for (double &s : scale)
        s = roundScale(s * lutScale, getScaleStorage(weightType));
  }
  if (!scale.empty()) {
    if (!encodeElements(weightType, scale, result.scale, result.error))
      return;
    std::vector<double> zp(scale.size(), zeroPoint);
    if (!encodeElements(weightType, zp, result.zeroPoint, result.error))
      return;
  }
}

void PalettizeWeightsPass::rewrite(Item &item, ItemResult &result) {
  ConstantOp source = item.candidate.op;
  RankedTensorType type = item.candidate.getType();
  Type weightType = type.getElementType();
  OpBuilder builder(source);
  Location loc = source.getLoc();
  auto makeConstant = [&](ArrayRef<int64_t> shape, Type elementType,
                          EncodedElements &payload) {
    return createEncodedConstant(builder, loc, shape, elementType,
                                 std::move(payload));
  };
  Type lutType = config.lutFormat ? config.lutType : weightType;
  auto indices =
      makeConstant(result.indexShape, config.indexType, result.indices);
  const int64_t vectorAxis =
      item.scheme.clusterDim > 1 ? item.candidate.axes.out : 0;
  auto axis = createAxisConstant(builder, loc, vectorAxis);
  auto lut = makeConstant(result.lutShape, lutType, result.lut);
  Value dense = LutToDenseOp::create(
      builder, loc, RankedTensorType::get(type.getShape(), lutType), indices,
      lut, axis);
  if (!result.scaleShape.empty() &&
      (config.lutFormat || item.scheme.perChannelScale)) {
    auto scale = makeConstant(result.scaleShape, weightType, result.scale);
    auto zeroPoint =
        makeConstant(result.scaleShape, weightType, result.zeroPoint);
    Value data = CastOp::create(builder, loc, type, dense);
    auto offset2 =
        createZeroConstant(builder, loc, result.scaleShape, weightType);
    Value scaled = BlockwiseShiftScaleOp::create(builder, loc, type, data,
                                                 scale, zeroPoint, offset2);
    dense = CastOp::create(builder, loc, type, scaled);
  }
  source.replaceAllUsesWith(dense);
  source.erase();
}

void PalettizeWeightsPass::runOnOperation() {
  ModuleOp module = getOperation();
  MLIRContext *ctx = &getContext();
  FailureOr<PalettizeConfig> parsed =
      parseOptions(module.getLoc(), lutDtype, nBits, granularity, groupSize,
                   clusterDim, enablePerChannelScale, weightNumThreshold,
                   numKmeansWorkers, roundingPrecision, enableFastKmeansMode);
  if (failed(parsed))
    return signalPassFailure();
  config = *parsed;
  config.indexType =
      IntegerType::get(ctx, config.scheme.nbits, IntegerType::Unsigned);
  if (config.lutFormat)
    config.lutType = getQuantElementType(ctx, *config.lutFormat);

  std::vector<Item> items;
  for (WeightCandidate &candidate :
       collectWeightCandidates(module, weightNumThreshold)) {
    Item item{candidate, candidate.op.getValue(), {}, config.scheme, {}};
    RankedTensorType type = candidate.getType();
    item.shape.assign(type.getShape().begin(), type.getShape().end());
    item.scheme.storage = getScaleStorage(type.getElementType());
    const int64_t cout =
        item.shape.empty() ? 1 : item.shape[candidate.axes.out];
    const int64_t cd = item.scheme.clusterDim;
    const int64_t group = item.scheme.groupSize ? item.scheme.groupSize : cout;
    if (item.shape.empty())
      item.skipReason = "a scalar weight has no output channels; left "
                        "unpalettized";
    else if (cout % group != 0)
      item.skipReason = "group size " + std::to_string(group) +
                        " does not divide the " + std::to_string(cout) +
                        " output channels; left unpalettized";
    else if (group % cd != 0)
      item.skipReason = "cluster dim " + std::to_string(cd) +
                        " does not divide the " + std::to_string(group) +
                        " output channels of a LUT group; left unpalettized";
    items.push_back(std::move(item));
  }

  unsigned threads = getPassThreadCount(
      ctx, static_cast<unsigned>(std::min<int64_t>(numKmeansWorkers, 1024)));
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
