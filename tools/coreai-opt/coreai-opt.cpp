//===- coreai-opt.cpp - Core AI optimizer driver --------------------------===//
//
// `coreai-opt` reads a Core AI program (text or bytecode), runs a pass
// pipeline and prints the result (`--emit-bytecode` for bytecode).
//
//===----------------------------------------------------------------------===//

#include "coreai/IR/InputChecks.h"
#include "coreai/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

/// Refuses, with a diagnostic, an input file that libMLIR's reader would
/// abort on (coreai/IR/InputChecks.h). Standard input is read once, by
/// MlirOptMain, and is not checked.
static bool checkInputFile(llvm::StringRef inputFilename) {
  if (inputFilename == "-")
    return true;
  std::string errorMessage;
  std::unique_ptr<llvm::MemoryBuffer> file =
      mlir::openInputFile(inputFilename, &errorMessage);
  if (!file)
    return true; // MlirOptMain reports it.
  std::optional<mlir::coreai::InputProblem> problem =
      mlir::coreai::findUnparsableInput(file->getBuffer());
  if (!problem)
    return true;
  llvm::SourceMgr sourceMgr;
  const char *at = file->getBufferStart() + problem->offset;
  sourceMgr.AddNewSourceBuffer(std::move(file), llvm::SMLoc());
  sourceMgr.PrintMessage(llvm::SMLoc::getFromPointer(at),
                         llvm::SourceMgr::DK_Error, problem->message);
  return false;
}

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mlir::coreai::registerAllDialects(registry);
  mlir::coreai::registerAllPasses();
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  mlir::registerSymbolDCEPass();
  auto [inputFilename, outputFilename] = mlir::registerAndParseCLIOptions(
      argc, argv, "Core AI weight compression driver\n", registry);
  if (!checkInputFile(inputFilename))
    return EXIT_FAILURE;
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, inputFilename, outputFilename, registry));
}
