//===- coreai-opt.cpp - Core AI optimizer driver --------------------------===//
//
// `coreai-opt` reads a Core AI program (text or bytecode), runs a pass
// pipeline and prints the result (`--emit-bytecode` for bytecode).
//
//===----------------------------------------------------------------------===//

#include "coreai/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mlir::coreai::registerAllDialects(registry);
  mlir::coreai::registerAllPasses();
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  mlir::registerSymbolDCEPass();
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "Core AI weight compression driver\n", registry));
}
