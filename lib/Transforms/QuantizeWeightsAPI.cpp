//===- QuantizeWeightsAPI.cpp - C++ entry point of quantize_weights -------===//

#include "coreai/Transforms/QuantizeWeights.h"

#include "mlir/Pass/PassManager.h"

using namespace mlir;
using namespace mlir::coreai;

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
