//===- QuantizeWeights.cpp - coreai-quantize-weights ----------------------===//
//
// The options become a quantization scheme (Schemes/WeightSchemes.h), run
// over every candidate by the shared skeleton.
//
//===----------------------------------------------------------------------===//

#include "coreai/Schemes/WeightSchemes.h"
#include "coreai/Statistics/ActivationStatistics.h"
#include "coreai/Transforms/Passes.h"
#include "coreai/Weights/WeightPassDriver.h"

namespace mlir {
namespace coreai {
#define GEN_PASS_DEF_COREAIQUANTIZEWEIGHTSPASS
#include "coreai/Transforms/Passes.h.inc"
} // namespace coreai
} // namespace mlir

using namespace mlir;
using namespace mlir::coreai;

namespace {

struct QuantizeWeightsPass
    : public coreai::impl::CoreAIQuantizeWeightsPassBase<QuantizeWeightsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    CoreAIQuantizeWeightsPassOptions options;
    options.dtype = dtype;
    options.qscheme = qscheme;
    options.granularity = granularity;
    options.blockSize = blockSize;
    options.weightNumThreshold = weightNumThreshold;
    options.scaleDtype = scaleDtype;
    options.scaleSearch = scaleSearch;
    options.symmetricRange = symmetricRange;
    FailureOr<std::unique_ptr<WeightScheme>> scheme = createQuantizeScheme(
        options, [&] { return emitError(module.getLoc()); });
    if (failed(scheme) ||
        failed(compressWeights(
            module, **scheme, weightNumThreshold, activationStatistics,
            getPassThreadCount(&getContext()), getArgument())))
      signalPassFailure();
  }
};

} // namespace
