//===- QuantizeWeights.cpp - coreai-quantize-weights ----------------------===//
//
// The pass and the C++ API: the options become a quantization scheme
// (QuantizeScheme.cpp), run over every candidate by the shared skeleton.
//
//===----------------------------------------------------------------------===//

#include "coreai/Transforms/QuantizeWeights.h"
#include "coreai/Transforms/WeightSchemes.h"

#include "mlir/Pass/PassManager.h"

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
        failed(compressWeights(module, **scheme, weightNumThreshold,
                               getPassThreadCount(&getContext()),
                               getArgument())))
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
