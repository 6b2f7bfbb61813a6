//===- DirectRun.cpp - Pipeline runs on bytecode without MlirOptMain ------===//

#include "DirectRun.h"

#include "mlir/Bytecode/BytecodeReader.h"
#include "mlir/Bytecode/BytecodeWriter.h"
#include "mlir/Debug/CLOptionsSetup.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/Timing.h"
#include "mlir/Tools/ParseUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;

/// Whether `config` asks for nothing beyond what `runDirectly` does: no
/// listings, diagnostic verification, input splitting, reproducer runs or
/// files, IRDL dialects, round-trip checks, remark streams or diagnostic
/// filtering.
static bool isPlainRun(const MlirOptMainConfig &config) {
  return !config.shouldShowDialects() && !config.shouldListPasses() &&
         !config.shouldVerifyDiagnostics() &&
         config.inputSplitMarker().empty() && !config.shouldRunReproducer() &&
         config.getReproducerFilename().empty() &&
         config.getIrdlFile().empty() && !config.shouldVerifyRoundtrip() &&
         !config.shouldEmitRemarks() && config.getRemarksOutputFile().empty() &&
         config.getRemarkFormat() == RemarkFormat::REMARK_FORMAT_STDOUT &&
         config.getDiagnosticVerbosityLevel() ==
             VerbosityLevel::ErrorsWarningsAndRemarks &&
         config.shouldShowNotes();
}

/// Parses `input`, runs the pipeline and emits the result: the steps of
/// MlirOptMain for one input buffer, without its diagnostic verifier.
static LogicalResult runDirectly(llvm::raw_ostream &os,
                                 std::unique_ptr<llvm::MemoryBuffer> input,
                                 DialectRegistry &registry,
                                 const MlirOptMainConfig &config) {
  // A shared source manager lets the bytecode reader keep resource blobs in
  // the (mapped) input instead of copying them.
  auto sourceMgr = std::make_shared<llvm::SourceMgr>();
  sourceMgr->AddNewSourceBuffer(std::move(input), llvm::SMLoc());
  MLIRContext context(registry);
  context.allowUnregisteredDialects(config.shouldAllowUnregisteredDialects());
  tracing::InstallDebugHandler debugHandler(context, config.getDebugConfig());
  SourceMgrDiagnosticHandler diagnostics(*sourceMgr, &context);

  DefaultTimingManager timingManager;
  applyDefaultTimingManagerCLOptions(timingManager);
  TimingScope timing = timingManager.getRootScope();

  // Parsing is single-threaded; context synchronization would only cost.
  bool threading = context.isMultithreadingEnabled();
  context.disableMultithreading();
  FallbackAsmResourceMap fallbackResources;
  ParserConfig parserConfig(&context, config.shouldVerifyOnParsing(),
                            &fallbackResources);
  TimingScope parserTiming = timing.nest("Parser");
  OwningOpRef<Operation *> op = parseSourceFileForTool(
      sourceMgr, parserConfig, !config.shouldUseExplicitModule());
  parserTiming.stop();
  context.enableMultithreading(threading);
  if (!op)
    return failure();

  PassManager pm(op.get()->getName(), PassManager::Nesting::Implicit);
  pm.enableVerifier(config.shouldVerifyPasses());
  if (failed(applyPassManagerCLOptions(pm)))
    return failure();
  pm.enableTiming(timing);
  if (failed(config.setupPassPipeline(pm)) || failed(pm.run(*op)))
    return failure();

  TimingScope outputTiming = timing.nest("Output");
  if (config.shouldEmitBytecode()) {
    BytecodeWriterConfig writerConfig(fallbackResources);
    if (std::optional<int64_t> version = config.bytecodeVersionToEmit())
      writerConfig.setDesiredBytecodeVersion(*version);
    if (config.shouldElideResourceDataFromBytecode())
      writerConfig.setElideResourceDataFlag();
    return writeBytecodeToFile(op.get(), os, writerConfig);
  }
  if (config.bytecodeVersionToEmit())
    return emitError(UnknownLoc::get(&context))
           << "bytecode version while not emitting bytecode";
  // The pass manager verified the result already when it ran any pass.
  AsmState asmState(op.get(),
                    OpPrintingFlags().assumeVerified(
                        config.shouldVerifyPasses() && !pm.empty()),
                    /*locationMap=*/nullptr, &fallbackResources);
  os << OpWithState(op.get(), asmState) << '\n';
  return success();
}

LogicalResult coreai_opt::runPipeline(llvm::raw_ostream &os,
                                      std::unique_ptr<llvm::MemoryBuffer> input,
                                      DialectRegistry &registry,
                                      const MlirOptMainConfig &config) {
  if (isBytecode(input->getMemBufferRef()) && isPlainRun(config))
    return runDirectly(os, std::move(input), registry, config);
  return MlirOptMain(os, std::move(input), registry, config);
}
