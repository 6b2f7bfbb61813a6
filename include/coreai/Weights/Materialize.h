//===- Materialize.h - Decompression as a function --------------*- C++ -*-===//

#ifndef COREAI_WEIGHTS_MATERIALIZE_H
#define COREAI_WEIGHTS_MATERIALIZE_H

#include "mlir/IR/Operation.h"
#include "mlir/Support/LLVM.h"

namespace mlir {
namespace coreai {

/// What coreai-materialize-weights does, under `root`, on up to `threads`
/// threads: every chain of decoder ops and casts whose inputs are constants
/// becomes one dense constant. Fails (changing nothing) with errors at the
/// offending ops.
LogicalResult materializeWeights(Operation *root, unsigned threads);

} // namespace coreai
} // namespace mlir

#endif // COREAI_WEIGHTS_MATERIALIZE_H
