//===- CompressWeights.cpp - coreai-compress-weights ----------------------===//
//
// The pass over Selection/CompressWeights.h: a recipe or the automatic
// choice gives each weight its scheme.
//
//===----------------------------------------------------------------------===//

#include "coreai/Selection/CompressWeights.h"
#include "coreai/Transforms/Passes.h"
#include "coreai/Weights/WeightPassDriver.h"

namespace mlir {
namespace coreai {
#define GEN_PASS_DEF_COREAICOMPRESSWEIGHTSPASS
#include "coreai/Transforms/Passes.h.inc"
} // namespace coreai
} // namespace mlir

using namespace mlir;
using namespace mlir::coreai;

namespace {

struct CompressWeightsPass
    : public coreai::impl::CoreAICompressWeightsPassBase<CompressWeightsPass> {
  using Base::Base;

  void runOnOperation() override {
    CompressWeightsRequest request;
    request.recipe = recipe;
    if (bitsPerWeight.hasValue())
      request.bitsPerWeight = bitsPerWeight;
    if (minSqnr.hasValue())
      request.minSqnr = minSqnr;
    if (objective.hasValue())
      request.objective = objective;
    request.sensitivity = sensitivity;
    request.activationStatistics = activationStatistics;
    if (maxLossIncreasePerWeight.hasValue())
      request.maxLossIncreasePerWeight = maxLossIncreasePerWeight;
    request.candidates.assign(candidates.begin(), candidates.end());
    request.weightNumThreshold = weightNumThreshold;
    request.dryRun = dryRun;
    if (failed(compressWeights(getOperation(), request,
                               getPassThreadCount(&getContext()), getArgument(),
                               llvm::outs())))
      signalPassFailure();
  }
};

} // namespace
