//===- SparsifyWeights.cpp - coreai-sparsify-weights ----------------------===//
//
// The options become a sparsification scheme (SparsifyScheme.cpp), run over
// every candidate by the shared skeleton.
//
//===----------------------------------------------------------------------===//

#include "coreai/Schemes/WeightSchemes.h"
#include "coreai/Statistics/ActivationStatistics.h"

namespace mlir {
namespace coreai {
#define GEN_PASS_DEF_COREAISPARSIFYWEIGHTSPASS
#include "coreai/Transforms/Passes.h.inc"
} // namespace coreai
} // namespace mlir

using namespace mlir;
using namespace mlir::coreai;

namespace {

struct SparsifyWeightsPass
    : public coreai::impl::CoreAISparsifyWeightsPassBase<SparsifyWeightsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    CoreAISparsifyWeightsPassOptions options;
    options.targetSparsity = targetSparsity;
    options.blockSize = blockSize;
    options.nMRatio.assign(nMRatio.begin(), nMRatio.end());
    options.quantizeDtype = quantizeDtype;
    options.palettizeNbits = palettizeNbits;
    options.weightNumThreshold = weightNumThreshold;
    FailureOr<std::unique_ptr<WeightScheme>> scheme =
        createSparsifyScheme(options, targetSparsity.hasValue(),
                             [&] { return emitError(module.getLoc()); });
    if (failed(scheme) ||
        failed(compressWeights(
            module, **scheme, weightNumThreshold, activationStatistics,
            getPassThreadCount(&getContext()), getArgument())))
      signalPassFailure();
  }
};

} // namespace
