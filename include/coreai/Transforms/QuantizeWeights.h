//===- QuantizeWeights.h - C++ entry point of quantize_weights --*- C++ -*-===//

#ifndef COREAI_TRANSFORMS_QUANTIZEWEIGHTS_H
#define COREAI_TRANSFORMS_QUANTIZEWEIGHTS_H

#include "coreai/Transforms/Passes.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LLVM.h"

namespace mlir {
namespace coreai {

/// The parameters of `quantize_weights` (see the coreai-quantize-weights
/// pass for their meaning), plus `inPlace`.
struct QuantizeWeightsOptions : CoreAIQuantizeWeightsPassOptions {
  bool inPlace = false;
};

/// Mirrors `quantize_weights(program, ..., in_place)`. With `inPlace`, the
/// weights of `program` are quantized and `program` is returned; otherwise
/// `program` is left unchanged and a quantized clone is returned, which the
/// caller owns (wrap it in an OwningOpRef). Fails, changing nothing, on
/// invalid options; the diagnostics go to the context's handlers.
FailureOr<ModuleOp> quantizeWeights(ModuleOp program,
                                    const QuantizeWeightsOptions &options);

} // namespace coreai
} // namespace mlir

#endif // COREAI_TRANSFORMS_QUANTIZEWEIGHTS_H
