//===- coreai-fuzz.cpp - libFuzzer target over the parser and passes ------===//
//
// Input: one byte that chooses a pipeline (low 7 bits) and a bytecode round
// trip (high bit), then a program (for the pipelines that read a
// sensitivity table or a recipe: that JSON file, a line "// program", then
// the program). When the program parses and verifies, it
// is written as bytecode and read back if asked (our dialect's unknown ops,
// resources and packed blobs through the bytecode writer and reader), and
// the pipeline runs on it on one thread. Every diagnostic is expected (bad
// input must give one); what must never happen is a crash, a sanitizer report,
// a hang, or a pass that succeeds and leaves IR that does not verify.
//
// Programs with a tensor of more than 2^20 elements are skipped: they are
// legitimate but only measure the allocator. Inputs that libMLIR's own
// readers abort on and that coreai-opt refuses first (InputChecks.h) are
// skipped the same way. Raw bytecode inputs are read only when the
// environment sets COREAI_FUZZ_RAW_BYTECODE=1: libMLIR's bytecode reader
// aborts on many corrupted files ("SmallVector unable to grow"), which is not
// this project's code and would stop every run within seconds.
//
//===----------------------------------------------------------------------===//

#include "coreai/IR/ConstantData.h"
#include "coreai/IR/InputChecks.h"
#include "coreai/InitAll.h"

#include "mlir/Bytecode/BytecodeWriter.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace mlir;

namespace {

/// Every pass, with option sets that reach its main branches. A threshold
/// of 0 makes the small fuzzed constants weights.
constexpr const char *kPipelines[] = {
    "coreai-quantize-weights{dtype=int8 weight-num-threshold=0}",
    "coreai-quantize-weights{dtype=int4 granularity=per_block block-size=4 "
    "weight-num-threshold=0}",
    "coreai-quantize-weights{dtype=uint4 qscheme=asymmetric "
    "weight-num-threshold=0}",
    "coreai-quantize-weights{dtype=fp8_e4m3fn granularity=per_tensor "
    "weight-num-threshold=0}",
    "coreai-quantize-weights{dtype=fp8_e5m2 scale-dtype=fp8_e8m0fnu "
    "weight-num-threshold=0}",
    "coreai-quantize-weights{dtype=fp4_e2m1fn granularity=per_block "
    "block-size=32 weight-num-threshold=0}",
    "coreai-quantize-weights{dtype=int2 qscheme=asymmetric "
    "granularity=per_block block-size=2 weight-num-threshold=0}",
    "coreai-quantize-weights{dtype=int4 granularity=per_block block-size=8 "
    "symmetric-range=full weight-num-threshold=0}",
    "coreai-quantize-weights{dtype=uint8 qscheme=asymmetric scale-search=mse "
    "granularity=per_tensor weight-num-threshold=0}",
    "coreai-palettize-weights{weight-num-threshold=0}",
    "coreai-palettize-weights{n-bits=3 granularity=per_grouped_channel "
    "group-size=2 lut-dtype=int8 weight-num-threshold=0}",
    "coreai-palettize-weights{n-bits=2 cluster-dim=2 weight-num-threshold=0}",
    "coreai-palettize-weights{n-bits=6 granularity=per_channel "
    "enable-per-channel-scale=true lut-dtype=fp8_e4m3fn "
    "enable-fast-kmeans-mode=false weight-num-threshold=0}",
    "coreai-sparsify-weights{weight-num-threshold=0}",
    "coreai-sparsify-weights{n-m-ratio=2,4 quantize-dtype=int8 "
    "weight-num-threshold=0}",
    "coreai-sparsify-weights{block-size=2 target-sparsity=0.75 "
    "palettize-nbits=3 weight-num-threshold=0}",
    "coreai-materialize-weights",
    "coreai-weight-report{output=/dev/null format=json}",
    "coreai-quantize-weights{dtype=int4 weight-num-threshold=0},"
    "coreai-weight-report{output=/dev/null},coreai-materialize-weights",
    "coreai-palettize-weights{n-bits=1 weight-num-threshold=0},"
    "coreai-materialize-weights",
    "coreai-compress-weights{bits-per-weight=8 weight-num-threshold=0}",
    "coreai-compress-weights{min-sqnr=20 candidates=lut4-tensor,int4-block32,"
    "int8-channel weight-num-threshold=0},coreai-materialize-weights",
};
constexpr size_t kNumPipelines = sizeof(kPipelines) / sizeof(kPipelines[0]);

/// Pipelines that read a JSON file (a sensitivity table, a recipe): their
/// input is the file's text, a line "// program", then the program. The
/// file is written to a path of this process; FILE stands for it.
constexpr const char *kFilePipelines[] = {
    "coreai-compress-weights{sensitivity=FILE bits-per-weight=6 "
    "weight-num-threshold=0}",
    "coreai-compress-weights{sensitivity=FILE bits-per-weight=12 "
    "max-loss-increase-per-weight=1 weight-num-threshold=0}",
    "coreai-compress-weights{recipe=FILE weight-num-threshold=0}",
};
constexpr size_t kNumFilePipelines =
    sizeof(kFilePipelines) / sizeof(kFilePipelines[0]);
constexpr llvm::StringLiteral kProgramMarker = "\n// program\n";

/// The path the JSON file of a file pipeline is written to.
const std::string &getFilePath() {
  static const std::string path = [] {
    const char *dir = std::getenv("TMPDIR");
    return std::string(dir && *dir ? dir : "/tmp") + "/coreai-fuzz-" +
           std::to_string(::getpid()) + ".json";
  }();
  return path;
}

/// Elements of the largest tensor a fuzzed program may have.
constexpr int64_t kMaxFuzzElements = int64_t(1) << 20;

bool isSmallEnough(ModuleOp module) {
  auto small = [](Type type) {
    if (auto sparse = dyn_cast<coreai::SparseWithBitmaskType>(type))
      type = sparse.getDenseType();
    auto tensor = dyn_cast<RankedTensorType>(type);
    if (!tensor || !tensor.hasStaticShape())
      return true;
    std::optional<int64_t> n = coreai::getCheckedNumElements(tensor.getShape());
    return n && *n <= kMaxFuzzElements;
  };
  WalkResult result = module->walk([&](Operation *op) {
    if (!llvm::all_of(op->getResultTypes(), small))
      return WalkResult::interrupt();
    for (Region &region : op->getRegions())
      for (Block &block : region)
        if (!llvm::all_of(block.getArgumentTypes(), small))
          return WalkResult::interrupt();
    return WalkResult::advance();
  });
  return !result.wasInterrupted();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2)
    return 0;
  const size_t choice = (data[0] & 0x7f) % (kNumPipelines + kNumFilePipelines);
  const bool roundTrip = data[0] & 0x80;
  // MLIR's lexer reads up to a terminating NUL: hand it a copy that has one.
  std::string copy(reinterpret_cast<const char *>(data) + 1, size - 1);
  std::string pipelineText;
  if (choice < kNumPipelines) {
    pipelineText = kPipelines[choice];
  } else {
    // The JSON file, then the program.
    size_t marker = copy.find(kProgramMarker.str());
    if (marker == std::string::npos)
      return 0;
    {
      std::ofstream file(getFilePath(), std::ios::binary | std::ios::trunc);
      file.write(copy.data(), std::streamsize(marker));
    }
    copy.erase(0, marker + kProgramMarker.size());
    pipelineText = kFilePipelines[choice - kNumPipelines];
    pipelineText.replace(pipelineText.find("FILE"), 4, getFilePath());
  }
  const char *pipeline = pipelineText.c_str();
  llvm::StringRef input(copy);
  static const bool rawBytecode = [] {
    const char *env = std::getenv("COREAI_FUZZ_RAW_BYTECODE");
    return env && llvm::StringRef(env) == "1";
  }();
  if (coreai::findUnparsableInput(input) ||
      (!rawBytecode && input.starts_with("ML\xefR")))
    return 0;

  MLIRContext context(coreai::getSharedRegistry(),
                      MLIRContext::Threading::DISABLED);
  context.printOpOnDiagnostic(false);
  // Diagnostics are expected; the last ones explain an abort below.
  std::string diagnostics;
  ScopedDiagnosticHandler keep(&context, [&](Diagnostic &diag) {
    diagnostics = diag.str();
    return success();
  });
  auto die = [&](const char *what) {
    llvm::errs() << "coreai-fuzz: " << what << " (pipeline '" << pipeline << "'"
                 << (roundTrip ? ", bytecode round trip" : "")
                 << "); last diagnostic: " << diagnostics << "\n";
    std::abort();
  };
  ParserConfig config(&context);
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(input, config);
  if (!module || failed(verify(*module)) || !isSmallEnough(*module))
    return 0;
  if (roundTrip) {
    std::string bytes;
    llvm::raw_string_ostream os(bytes);
    if (failed(writeBytecodeToFile(*module, os)))
      die("a program that verifies could not be written as bytecode");
    // Read it back from memory aligned as a mapped file is: the reader
    // needs the buffer aligned to the largest alignment of a resource.
    std::unique_ptr<llvm::WritableMemoryBuffer> aligned =
        llvm::WritableMemoryBuffer::getNewUninitMemBuffer(
            bytes.size(), "round-trip", llvm::Align(4096));
    std::memcpy(aligned->getBufferStart(), bytes.data(), bytes.size());
    llvm::SourceMgr sourceMgr;
    sourceMgr.AddNewSourceBuffer(std::move(aligned), llvm::SMLoc());
    module = parseSourceFile<ModuleOp>(sourceMgr, config);
    // A resource aligned beyond a page fails cleanly, as it does from a
    // file.
    if (!module && StringRef(diagnostics).contains("failed to align"))
      return 0;
    if (!module || failed(verify(*module)))
      die("bytecode written from a valid program does not read back");
  }

  PassManager pm(&context);
  pm.enableVerifier(false);
  if (failed(parsePassPipeline(pipeline, pm)))
    die("the pipeline table is wrong");
  if (succeeded(pm.run(*module)) && failed(verify(*module)))
    die("a pass succeeded but left invalid IR");
  return 0;
}
