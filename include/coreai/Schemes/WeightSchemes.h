//===- WeightSchemes.h - The three schemes ----------------------*- C++ -*-===//
//
// Each compression family as a WeightScheme built from exactly the options of
// its pass (the structs TableGen generates from Passes.td), so that a pass,
// the C++ API and a per-weight recipe all validate and compress the same way.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_SCHEMES_WEIGHTSCHEMES_H
#define COREAI_SCHEMES_WEIGHTSCHEMES_H

#include "coreai/Transforms/Passes.h"
#include "coreai/Weights/WeightScheme.h"

namespace mlir {
namespace coreai {

/// Validates `options` (reporting the first problem through a diagnostic
/// that `diag` starts) and returns the quantization scheme: data ->
/// blockwise_shift_scale.
FailureOr<std::unique_ptr<WeightScheme>>
createQuantizeScheme(const CoreAIQuantizeWeightsPassOptions &options,
                     function_ref<InFlightDiagnostic()> diag);

/// The palettization scheme: indices -> lut_to_dense (-> cast ->
/// blockwise_shift_scale -> cast with a quantized LUT or a per-channel
/// scale).
FailureOr<std::unique_ptr<WeightScheme>>
createPalettizeScheme(const CoreAIPalettizeWeightsPassOptions &options,
                      function_ref<InFlightDiagnostic()> diag);

/// The sparsification scheme: values + mask -> build_sparse_with_bitmask ->
/// sparse_with_bitmask_to_dense. `targetSparsityGiven` says whether the
/// user set `target-sparsity` (which conflicts with `n-m-ratio`).
FailureOr<std::unique_ptr<WeightScheme>>
createSparsifyScheme(const CoreAISparsifyWeightsPassOptions &options,
                     bool targetSparsityGiven,
                     function_ref<InFlightDiagnostic()> diag);

} // namespace coreai
} // namespace mlir

#endif // COREAI_SCHEMES_WEIGHTSCHEMES_H
