//===- coreai-opt.cpp - Core AI optimizer driver --------------------------===//
//
// `coreai-opt` reads a Core AI program (text, bytecode, or an `.aimodel`
// asset directory), runs a pass pipeline and prints the result
// (`--emit-bytecode` for bytecode; an `.aimodel` output is always bytecode,
// written as a whole new asset). An output file is written beside its
// target and renamed over it only when the whole run succeeded
// (coreai/Asset/AtomicFile.h): a failure never touches an existing file, and
// `-o` may name the input.
//
//===----------------------------------------------------------------------===//

#include "DirectRun.h"

#include "coreai/Asset/Asset.h"
#include "coreai/Asset/AtomicFile.h"
#include "coreai/IR/InputChecks.h"
#include "coreai/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/WithColor.h"

static llvm::cl::opt<bool> overwriteInputAsset(
    "overwrite-input-asset",
    llvm::cl::desc("Allow the output .aimodel to replace the input .aimodel"),
    llvm::cl::init(false));

/// Refuses, with a diagnostic, input that libMLIR's reader would abort on
/// (coreai/IR/InputChecks.h).
static bool checkInput(const llvm::MemoryBuffer &file) {
  std::optional<mlir::coreai::InputProblem> problem =
      mlir::coreai::findUnparsableInput(file.getBuffer());
  if (!problem)
    return true;
  llvm::SourceMgr sourceMgr;
  const char *at = file.getBufferStart() + problem->offset;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBuffer(file.getMemBufferRef(), false),
      llvm::SMLoc());
  sourceMgr.PrintMessage(llvm::SMLoc::getFromPointer(at),
                         llvm::SourceMgr::DK_Error, problem->message);
  return false;
}

static int error(const llvm::Twine &message) {
  llvm::WithColor::error(llvm::errs(), "coreai-opt") << message << "\n";
  return EXIT_FAILURE;
}

/// Runs the pipeline on `input` into `outputFilename`, which is replaced only
/// when the run succeeds.
static int runInto(std::unique_ptr<llvm::MemoryBuffer> input,
                   llvm::StringRef outputFilename,
                   mlir::DialectRegistry &registry,
                   const mlir::MlirOptMainConfig &config) {
  llvm::Expected<std::unique_ptr<mlir::coreai::AtomicOutputFile>> output =
      mlir::coreai::AtomicOutputFile::open(outputFilename);
  if (!output)
    return error(llvm::toString(output.takeError()));
  if (mlir::failed(coreai_opt::runPipeline((*output)->os(), std::move(input),
                                           registry, config)))
    return EXIT_FAILURE;
  if (llvm::Error e = (*output)->commit())
    return error(llvm::toString(std::move(e)));
  return EXIT_SUCCESS;
}

/// The run when the input or the output is an `.aimodel` asset.
static int runOnAssets(llvm::StringRef inputFilename,
                       llvm::StringRef outputFilename,
                       mlir::DialectRegistry &registry) {
  using namespace mlir::coreai;
  std::unique_ptr<llvm::MemoryBuffer> input;
  std::string source;
  if (isAssetPath(inputFilename)) {
    llvm::Expected<AssetProgram> asset = readAsset(inputFilename);
    if (!asset)
      return error(llvm::toString(asset.takeError()));
    if (!asset->hashWarning.empty())
      llvm::WithColor::warning(llvm::errs(), "coreai-opt")
          << asset->hashWarning << "\n";
    input = std::move(asset->bytecode);
    source = inputFilename.str();
  } else {
    std::string errorMessage;
    input = mlir::openInputFile(inputFilename, &errorMessage);
    if (!input)
      return error(errorMessage);
  }
  if (!checkInput(*input))
    return EXIT_FAILURE;
  mlir::MlirOptMainConfig config =
      mlir::MlirOptMainConfig::createFromCLOptions();
  if (!isAssetPath(outputFilename))
    return runInto(std::move(input), outputFilename, registry, config);
  config.emitBytecode(true);
  std::string bytecode;
  llvm::raw_string_ostream os(bytecode);
  if (mlir::failed(
          coreai_opt::runPipeline(os, std::move(input), registry, config)))
    return EXIT_FAILURE;
  if (llvm::Error e =
          writeAsset(outputFilename, bytecode, source, overwriteInputAsset))
    return error(llvm::toString(std::move(e)));
  return EXIT_SUCCESS;
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
  if (mlir::coreai::isAssetPath(inputFilename) ||
      mlir::coreai::isAssetPath(outputFilename))
    return runOnAssets(inputFilename, outputFilename, registry);
  mlir::MlirOptMainConfig config =
      mlir::MlirOptMainConfig::createFromCLOptions();
  // Listing dialects or passes writes no output file.
  if (config.shouldShowDialects() || config.shouldListPasses())
    return mlir::asMainReturnCode(
        mlir::MlirOptMain(argc, argv, inputFilename, outputFilename, registry));
  std::string errorMessage;
  std::unique_ptr<llvm::MemoryBuffer> input =
      mlir::openInputFile(inputFilename, &errorMessage);
  if (!input)
    return error(errorMessage);
  if (!checkInput(*input))
    return EXIT_FAILURE;
  return runInto(std::move(input), outputFilename, registry, config);
}
