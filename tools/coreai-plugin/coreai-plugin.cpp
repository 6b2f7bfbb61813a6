//===- coreai-plugin.cpp - coreai as an mlir-opt plugin -------------------===//

#include "coreai/InitAll.h"

#include "mlir/Tools/Plugins/DialectPlugin.h"
#include "mlir/Tools/Plugins/PassPlugin.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Compiler.h"

using namespace mlir;

/// `--load-dialect-plugin`: the dialect, and the passes (so that one flag is
/// enough).
extern "C" LLVM_ATTRIBUTE_WEAK DialectPluginLibraryInfo
mlirGetDialectPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "CoreAI", LLVM_VERSION_STRING,
          [](DialectRegistry *registry) {
            coreai::registerAllDialects(*registry);
            coreai::registerAllPasses();
          }};
}

/// `--load-pass-plugin`: the passes.
extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "CoreAIPasses", LLVM_VERSION_STRING,
          []() { coreai::registerAllPasses(); }};
}
