//===- InitAll.h - What the driver and plugin register ----------*- C++ -*-===//
//
// The one registration point: the coreai-opt driver and the mlir-opt plugin
// register exactly these dialects and passes.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_INITALL_H
#define COREAI_INITALL_H

#include "coreai/IR/CoreAIDialect.h"
#include "coreai/Transforms/Passes.h"

#include "mlir/IR/DialectRegistry.h"

namespace mlir {
namespace coreai {

/// Adds the dialects of this project to `registry`.
inline void registerAllDialects(DialectRegistry &registry) {
  registry.insert<CoreAIDialect>();
}

/// Registers the passes of this project with the global pass registry.
inline void registerAllPasses() { registerCoreAIPasses(); }

} // namespace coreai
} // namespace mlir

#endif // COREAI_INITALL_H
