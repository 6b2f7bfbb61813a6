//===- MaterializeWeights.cpp - coreai-materialize-weights ----------------===//
//
// The pass over materializeWeights (Weights/Materialize.h).
//
//===----------------------------------------------------------------------===//

#include "coreai/Transforms/Passes.h"
#include "coreai/Weights/Materialize.h"
#include "coreai/Weights/WeightPassDriver.h"

namespace mlir {
namespace coreai {
#define GEN_PASS_DEF_COREAIMATERIALIZEWEIGHTSPASS
#include "coreai/Transforms/Passes.h.inc"
} // namespace coreai
} // namespace mlir

using namespace mlir;
using namespace mlir::coreai;

namespace {

struct MaterializeWeightsPass
    : public coreai::impl::CoreAIMaterializeWeightsPassBase<
          MaterializeWeightsPass> {
  void runOnOperation() override {
    if (failed(materializeWeights(getOperation(),
                                  getPassThreadCount(&getContext()))))
      signalPassFailure();
  }
};

} // namespace
