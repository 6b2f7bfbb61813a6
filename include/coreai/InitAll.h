//===- InitAll.h - What the driver and plugin register ----------*- C++ -*-===//
//
// The one registration point: the coreai-opt driver and the mlir-opt plugin
// register exactly these dialects and passes.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_INITALL_H
#define COREAI_INITALL_H

#include "coreai/IR/CoreAIDialect.h"
#include "coreai/IR/DebugInfo.h"
#include "coreai/Transforms/Passes.h"

#include "mlir/IR/DialectRegistry.h"

namespace mlir {
namespace coreai {

/// Adds the dialects of this project to `registry`: `coreai`, and
/// `debuginfo` for the locations of programs saved with debug info.
inline void registerAllDialects(DialectRegistry &registry) {
  registry.insert<CoreAIDialect, debuginfo::DebugInfoDialect>();
}

/// Registers the passes of this project with the global pass registry.
inline void registerAllPasses() { registerCoreAIPasses(); }

/// A registry of every dialect, with the passes registered: built once per
/// process, for tools that create many contexts (the fuzzer, Python).
inline DialectRegistry &getSharedRegistry() {
  static DialectRegistry *registry = [] {
    auto *r = new DialectRegistry();
    registerAllDialects(*r);
    registerAllPasses();
    return r;
  }();
  return *registry;
}

} // namespace coreai
} // namespace mlir

#endif // COREAI_INITALL_H
