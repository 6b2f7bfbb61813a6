//===- Passes.h - Core AI passes --------------------------------*- C++ -*-===//

#ifndef COREAI_TRANSFORMS_PASSES_H
#define COREAI_TRANSFORMS_PASSES_H

#include "coreai/IR/CoreAIDialect.h"
#include "coreai/Schemes/CompressionOptions.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir {
namespace coreai {

#define GEN_PASS_DECL
#include "coreai/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "coreai/Transforms/Passes.h.inc"

} // namespace coreai
} // namespace mlir

#endif // COREAI_TRANSFORMS_PASSES_H
