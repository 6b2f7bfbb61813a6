//===- PalettizeWeights.cpp - coreai-palettize-weights --------------------===//
//
// The options become a palettization scheme (PalettizeScheme.cpp), run over
// every candidate by the shared skeleton on up to num-kmeans-workers threads.
//
//===----------------------------------------------------------------------===//

#include "coreai/Schemes/WeightSchemes.h"
#include "coreai/Statistics/ActivationStatistics.h"

namespace mlir {
namespace coreai {
#define GEN_PASS_DEF_COREAIPALETTIZEWEIGHTSPASS
#include "coreai/Transforms/Passes.h.inc"
} // namespace coreai
} // namespace mlir

using namespace mlir;
using namespace mlir::coreai;

namespace {

struct PalettizeWeightsPass
    : public coreai::impl::CoreAIPalettizeWeightsPassBase<
          PalettizeWeightsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    CoreAIPalettizeWeightsPassOptions options;
    options.lutDtype = lutDtype;
    options.nBits = nBits;
    options.granularity = granularity;
    options.groupSize = groupSize;
    options.clusterDim = clusterDim;
    options.enablePerChannelScale = enablePerChannelScale;
    options.weightNumThreshold = weightNumThreshold;
    options.numKmeansWorkers = numKmeansWorkers;
    options.enableFastKmeansMode = enableFastKmeansMode;
    options.roundingPrecision = roundingPrecision;
    FailureOr<std::unique_ptr<WeightScheme>> scheme = createPalettizeScheme(
        options, [&] { return emitError(module.getLoc()); });
    if (failed(scheme))
      return signalPassFailure();
    unsigned threads = getPassThreadCount(
        &getContext(),
        static_cast<unsigned>(std::min<uint64_t>(numKmeansWorkers, 1024)));
    if (failed(compressWeights(module, **scheme, weightNumThreshold,
                               activationStatistics, threads, getArgument())))
      signalPassFailure();
  }
};

} // namespace
