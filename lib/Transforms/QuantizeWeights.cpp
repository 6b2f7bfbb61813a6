//===- QuantizeWeights.cpp - coreai-quantize-weights ----------------------===//
//
// Validates the options, chooses the weights (collectWeightCandidates),
// quantizes them in parallel (Compression/Quantize.h) and rewrites each one
// into data -> blockwise_shift_scale, in program order.
//
//===----------------------------------------------------------------------===//

#include "coreai/Transforms/QuantizeWeights.h"
#include "coreai/Transforms/QuantTypes.h"

#include "coreai/Compression/Quantize.h"
#include "coreai/IR/ConstantData.h"
#include "coreai/IR/CoreAIOps.h"
#include "coreai/Transforms/WeightCandidates.h"
#include "coreai/Transforms/WeightPassDriver.h"
#include "coreai/Transforms/WeightPayload.h"

#include "mlir/IR/Builders.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/StringSwitch.h"

namespace mlir {
namespace coreai {
#define GEN_PASS_DEF_COREAIQUANTIZEWEIGHTSPASS
#include "coreai/Transforms/Passes.h.inc"
} // namespace coreai
} // namespace mlir

using namespace mlir;
using namespace mlir::coreai;

namespace {

enum class Granularity { PerTensor, PerChannel, PerBlock };

/// The options, validated.
struct QuantConfig {
  QuantFormat format;
  bool symmetric = true;
  bool e8m0Scales = false;
  Granularity granularity = Granularity::PerChannel;
  int64_t blockSize = 32;
};

constexpr StringLiteral kDtypes = "int8, uint8, int4, uint4, int2, uint2, "
                                  "fp8_e4m3fn, fp8_e5m2, fp4_e2m1fn";

/// Checks the options in the order of spec/compression.md section 2 and
/// reports the first problem at `loc`.
FailureOr<QuantConfig> parseOptions(Location loc, StringRef dtype,
                                    StringRef qscheme, StringRef granularity,
                                    int64_t blockSize, StringRef scaleDtype,
                                    int64_t weightNumThreshold) {
  auto fail = [&]() { return emitError(loc); };
  if (dtype.empty())
    return fail() << "option 'dtype' is required: one of " << kDtypes;
  std::optional<QuantFormat> format = parseQuantDtype(dtype);
  if (!format)
    return fail() << "option 'dtype': unsupported value '" << dtype
                  << "'; expected one of " << kDtypes;
  QuantConfig config;
  config.format = *format;
  if (qscheme != "symmetric" && qscheme != "asymmetric")
    return fail() << "option 'qscheme': unsupported value '" << qscheme
                  << "'; expected symmetric or asymmetric";
  config.symmetric = qscheme == "symmetric";
  if (granularity == "per_grouped_channel")
    return fail() << "option 'granularity': per_grouped_channel is not a "
                     "quantization granularity; expected per_tensor, "
                     "per_channel or per_block";
  std::optional<Granularity> g =
      llvm::StringSwitch<std::optional<Granularity>>(granularity)
          .Case("per_tensor", Granularity::PerTensor)
          .Case("per_channel", Granularity::PerChannel)
          .Case("per_block", Granularity::PerBlock)
          .Default(std::nullopt);
  if (!g)
    return fail() << "option 'granularity': unsupported value '" << granularity
                  << "'; expected per_tensor, per_channel or per_block";
  config.granularity = *g;
  if (blockSize <= 0)
    return fail() << "option 'block-size' must be positive, got " << blockSize;
  config.blockSize = blockSize;
  if (weightNumThreshold < 0)
    return fail() << "option 'weight-num-threshold' must be non-negative, got "
                  << weightNumThreshold;
  bool isFP4 = format->isFloat && format->floatFormat == SmallFloat::F4E2M1FN;
  if (scaleDtype != "none" && scaleDtype != "fp8_e8m0fnu") {
    InFlightDiagnostic diag = fail() << "option 'scale-dtype': unsupported "
                                        "value '"
                                     << scaleDtype << "'";
    if (format->isFloat && !isFP4)
      diag << " for fp8 dtype " << dtype;
    return diag << "; expected none or fp8_e8m0fnu";
  }
  if (!format->isFloat && scaleDtype != "none")
    return fail() << "option 'scale-dtype' must be none for integer dtype "
                  << dtype;
  if (format->isFloat && !config.symmetric)
    return fail() << "option 'qscheme': asymmetric quantization is not "
                     "supported for float dtype "
                  << dtype << "; use symmetric";
  if (isFP4 && scaleDtype != "none")
    return fail() << "option 'scale-dtype' must be none for fp4_e2m1fn: its "
                     "scales are always f8E8M0FNU";
  if (isFP4 && (config.granularity != Granularity::PerBlock || blockSize != 32))
    return fail() << "dtype fp4_e2m1fn requires granularity=per_block and "
                     "block-size=32 (MXFP4), got granularity="
                  << granularity << " block-size=" << blockSize;
  config.e8m0Scales = isFP4 || scaleDtype == "fp8_e8m0fnu";
  return config;
}

/// One weight to quantize, with what the workers need copied out of the IR.
struct Item {
  WeightCandidate candidate;
  ElementsAttr value;
  SmallVector<int64_t> shape, paramShape;
  QuantScheme scheme;
  std::string skipReason;
};

struct ItemResult : WeightWorkStatus {
  EncodedElements data, scale, zeroPoint;
};

/// Returns the parameter shape, or a reason to skip the weight.
FailureOr<SmallVector<int64_t>> getParamShape(const QuantConfig &config,
                                              ArrayRef<int64_t> shape,
                                              WeightAxes axes,
                                              std::string &reason) {
  SmallVector<int64_t> param(shape.size(), 1);
  if (config.granularity == Granularity::PerTensor || shape.empty())
    return param;
  param[axes.out] = shape[axes.out];
  if (config.granularity == Granularity::PerChannel)
    return param;
  if (axes.in == axes.out) {
    reason = "per_block needs an input channel axis besides the output axis; "
             "weight left unquantized";
    return failure();
  }
  if (shape[axes.in] % config.blockSize != 0) {
    reason = "block size " + std::to_string(config.blockSize) +
             " does not divide input channel axis " + std::to_string(axes.in) +
             " (size " + std::to_string(shape[axes.in]) +
             "); weight left unquantized";
    return failure();
  }
  param[axes.in] = shape[axes.in] / config.blockSize;
  return param;
}

void quantizeItem(Item &item, ItemResult &result, Type dataType, Type scaleType,
                  unsigned threads) {
  if (!item.skipReason.empty()) {
    result.skipReason = item.skipReason;
    return;
  }
  std::optional<WeightPayload> payload =
      WeightPayload::open(item.value, item.candidate.getType().getElementType(),
                          HalfBits::F16, result.error);
  if (!payload)
    return;
  // f16 bits stored element after element go to the vector kernels as they
  // are; the kernels check Inf/NaN on the way.
  ArrayRef<uint16_t> half = payload->getHalfBits();
  const ElementReader &reader = payload->getReader();
  QuantizedWeight q;
  quantizeWeight(
      item.scheme, item.shape, item.paramShape,
      [&](int64_t b, int64_t e, float *out) { reader.read(b, e, out); }, q,
      threads, /*allowPacked=*/true, half.empty() ? nullptr : half.data());
  if (!q.finite) {
    result.skipReason = getNonFiniteSkipReason("unquantized");
    return;
  }
  int64_t numel = payload->size();
  bool encoded = q.packed ? encodePackedCodes(dataType, std::move(q.codes),
                                              numel, result.data, result.error)
                          : encodeCodes(dataType, std::move(q.codes),
                                        result.data, result.error, threads);
  if (!encoded ||
      !encodeElements(scaleType, q.scales, result.scale, result.error,
                      threads) ||
      !encodeElements(dataType, q.zeroPoints, result.zeroPoint, result.error,
                      threads))
    return;
}

struct QuantizeWeightsPass
    : public coreai::impl::CoreAIQuantizeWeightsPassBase<QuantizeWeightsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = &getContext();
    FailureOr<QuantConfig> config =
        parseOptions(module.getLoc(), dtype, qscheme, granularity, blockSize,
                     scaleDtype, weightNumThreshold);
    if (failed(config))
      return signalPassFailure();
    Type dataType = getQuantElementType(ctx, config->format);

    // Collect.
    std::vector<Item> items;
    for (WeightCandidate &candidate :
         collectWeightCandidates(module, weightNumThreshold)) {
      Item item{candidate, candidate.op.getValue(), {}, {}, {}, {}};
      RankedTensorType type = candidate.getType();
      item.shape.assign(type.getShape().begin(), type.getShape().end());
      Type weightType = type.getElementType();
      item.scheme.format = config->format;
      item.scheme.symmetric = config->symmetric;
      item.scheme.scaleStorage =
          config->e8m0Scales ? ScaleStorage::E8M0 : getScaleStorage(weightType);
      FailureOr<SmallVector<int64_t>> param =
          getParamShape(*config, item.shape, candidate.axes, item.skipReason);
      if (succeeded(param))
        item.paramShape = *param;
      items.push_back(std::move(item));
    }

    // Compute in parallel, rewrite in program order.
    unsigned threads = getPassThreadCount(ctx);
    auto scaleTypeOf = [&](Item &item) -> Type {
      return config->e8m0Scales ? Float8E8M0FNUType::get(ctx)
                                : item.candidate.getType().getElementType();
    };
    auto compute = [&](Item &item, ItemResult &result) {
      quantizeItem(item, result, dataType, scaleTypeOf(item), threads);
    };
    OpBuilder builder(ctx);
    auto rewrite = [&](Item &item, ItemResult &result) {
      ConstantOp source = item.candidate.op;
      RankedTensorType type = item.candidate.getType();
      builder.setInsertionPoint(source);
      Location loc = source.getLoc();
      auto makeConstant = [&](ArrayRef<int64_t> shape, Type elementType,
                              EncodedElements &payload) {
        return createEncodedConstant(builder, loc, shape, elementType,
                                     std::move(payload));
      };
      auto data = makeConstant(item.shape, dataType, result.data);
      auto scale =
          makeConstant(item.paramShape, scaleTypeOf(item), result.scale);
      auto zeroPoint =
          makeConstant(item.paramShape, dataType, result.zeroPoint);
      auto offset2 = createZeroConstant(builder, loc, item.paramShape,
                                        type.getElementType());
      auto dequantized = BlockwiseShiftScaleOp::create(
          builder, loc, type, data, scale, zeroPoint, offset2);
      source.replaceAllUsesWith(dequantized.getResult());
      source.erase();
    };
    if (failed(runWeightWork<Item, ItemResult>(
            items, threads,
            [](Item &item) -> Operation * { return item.candidate.op; },
            compute, rewrite, getArgument())))
      signalPassFailure();
  }
};

} // namespace

FailureOr<ModuleOp>
mlir::coreai::quantizeWeights(ModuleOp program,
                              const QuantizeWeightsOptions &options) {
  ModuleOp target = options.inPlace ? program : program.clone();
  PassManager pm(program.getContext());
  pm.addPass(createCoreAIQuantizeWeightsPass(options));
  if (failed(pm.run(target))) {
    if (!options.inPlace)
      target.erase();
    return failure();
  }
  return target;
}
