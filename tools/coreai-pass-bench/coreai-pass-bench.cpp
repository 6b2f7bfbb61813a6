//===- coreai-pass-bench.cpp - Time and accuracy of the passes ------------===//
//
// Runs compression pipelines on one linear weight (a raw f16 file such as
// the one bench/baseline.py --save-gen writes, or a generated Student-t
// weight) and prints, per pipeline and thread count, the pass time, its
// throughput over the f16 input bytes, and the SQNR of the materialized
// result against the input; a memcpy of the same bytes comes first.
// Not a test: numbers depend on the machine.
//
//   build/bin/coreai-pass-bench [--weight FILE.f16 --rows R --cols C]
//       [--repeat N] [--min-time S] [--json [--row-sqnr]] PIPELINE...
//
// Each PIPELINE is a pass pipeline on builtin.module, e.g.
// 'coreai-quantize-weights{dtype=int8}'. The weight is W[rows, cols] of a
// linear layer (transpose -> broadcasting_batch_matmul).
//
//===----------------------------------------------------------------------===//

#include "coreai/Asset/AtomicFile.h"
#include "coreai/Compression/Metrics.h"
#include "coreai/IR/ConstantData.h"
#include "coreai/IR/CoreAIDialect.h"
#include "coreai/IR/CoreAIOps.h"
#include "coreai/InitAll.h"

#include "mlir/Bytecode/BytecodeWriter.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cmath>
#include <cstring>
#include <random>
#include <thread>

using namespace mlir;
using namespace mlir::coreai;

namespace cl = llvm::cl;

/// Only these options show in --help (not LLVM's backend flags).
static cl::OptionCategory benchCategory("coreai-pass-bench options");

static cl::opt<std::string> weightFile("weight",
                                       cl::desc("Raw little-endian f16 weight"),
                                       cl::cat(benchCategory), cl::init(""));
static cl::opt<int64_t> rows("rows", cl::desc("Output channels"),
                             cl::cat(benchCategory), cl::init(4096));
static cl::opt<int64_t> cols("cols", cl::desc("Input channels"),
                             cl::cat(benchCategory), cl::init(4096));
static cl::opt<int> repeats("repeat", cl::desc("Best of this many runs"),
                            cl::cat(benchCategory), cl::init(3));
static cl::opt<double>
    minTime("min-time",
            cl::desc("Repeat a pipeline until it has run this many seconds "
                     "(at most 100 runs; at least --repeat)"),
            cl::cat(benchCategory), cl::init(1.0));
static cl::opt<bool> json("json", cl::desc("One JSON object per line"),
                          cl::cat(benchCategory), cl::init(false));
static cl::opt<bool>
    rowSqnr("row-sqnr",
            cl::desc("With --json, add each row's signal and noise energy "
                     "(row_signal, row_noise), so that SQNR can be scored "
                     "on any subset of rows"),
            cl::cat(benchCategory), cl::init(false));
static cl::opt<std::string>
    writeModel("write-model",
               cl::desc("Write a synthetic program of --layers linear "
                        "layers (bytecode) to this file and exit"),
               cl::cat(benchCategory), cl::init(""));
static cl::opt<int> layers("layers", cl::desc("Layers of --write-model"),
                           cl::cat(benchCategory), cl::init(32));
static cl::list<std::string> pipelines(cl::Positional,
                                       cl::desc("<pass pipeline>..."),
                                       cl::cat(benchCategory));

/// The weight as f16 bits: from the file, or Student-t (df 5) with a few
/// outlier rows and columns like bench/baseline.py's generator.
static std::vector<uint16_t> loadWeight() {
  const int64_t n = rows * cols;
  std::vector<uint16_t> bits(n);
  if (!weightFile.empty()) {
    auto buffer = llvm::MemoryBuffer::getFile(weightFile);
    if (!buffer || (*buffer)->getBufferSize() != size_t(n) * 2) {
      llvm::errs() << "error: " << weightFile << " must hold " << n * 2
                   << " bytes of f16 (rows x cols)\n";
      std::exit(1);
    }
    std::memcpy(bits.data(), (*buffer)->getBufferStart(), n * 2);
    return bits;
  }
  std::mt19937 rng(0);
  std::student_t_distribution<double> t(5.0);
  std::normal_distribution<double> rowScale(0.0, 0.25);
  std::vector<double> values(n);
  for (int64_t r = 0; r < rows; ++r) {
    double s = 0.02 * std::exp(rowScale(rng)) * (r % 1024 == 17 ? 3.0 : 1.0);
    for (int64_t c = 0; c < cols; ++c)
      values[r * cols + c] =
          s * t(rng) / std::sqrt(5.0 / 3.0) * (c % 512 == 99 ? 6.0 : 1.0);
  }
  EncodedElements payload;
  std::string error;
  MLIRContext ctx;
  encodeElements(Float16Type::get(&ctx), values, payload, error);
  std::memcpy(bits.data(), payload.bytes.data(), n * 2);
  return bits;
}

/// A program of `numLayers` chained linear layers W[rows, cols] (transpose ->
/// broadcasting_batch_matmul); layer l's weight is `bits` rotated by l * 7919
/// * 13 elements, so that every weight differs. More than one layer needs
/// square weights.
static OwningOpRef<ModuleOp>
buildLinearProgram(MLIRContext &ctx, ArrayRef<uint16_t> bits, int numLayers) {
  const int64_t r = rows, c = cols;
  std::string w = llvm::formatv("tensor<{0}x{1}xf16>", r, c).str();
  std::string wt = llvm::formatv("tensor<{0}x{1}xf16>", c, r).str();
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "// Synthetic benchmark program: " << numLayers
     << " linear layers, generated weights.\n";
  os << llvm::formatv("coreai.graph @main(%h0: tensor<1x{0}xf16>) -> "
                      "tensor<1x{1}xf16> {{\n",
                      c, r);
  os << "  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>\n";
  for (int l = 0; l < numLayers; ++l) {
    os << llvm::formatv("  %w{0} = coreai.constant dense<0.0> : {1}\n", l, w);
    os << llvm::formatv("  %t{0} = coreai.transpose %w{0}, %perm : ({1}, "
                        "tensor<2xui32>) -> {2}\n",
                        l, w, wt);
    os << llvm::formatv("  %h{0} = coreai.decomposable.broadcasting_batch_"
                        "matmul %h{1}, %t{1} : (tensor<1x{2}xf16>, {3}) -> "
                        "tensor<1x{4}xf16>\n",
                        l + 1, l, c, wt, r);
  }
  os << llvm::formatv("  coreai.output %h{0} : tensor<1x{1}xf16>\n}\n",
                      numLayers, r);
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(text, &ctx);
  if (!module)
    return module;
  int layer = 0;
  module->walk([&](ConstantOp op) {
    auto type = cast<RankedTensorType>(op.getType());
    if (type.getRank() != 2)
      return;
    EncodedElements payload;
    payload.form = EncodedElements::Form::Resource;
    payload.bytes.resize(bits.size() * 2);
    size_t shift = (size_t(layer++) * 7919 * 13) % bits.size();
    auto *dst = reinterpret_cast<uint16_t *>(payload.bytes.data());
    std::memcpy(dst, bits.data() + shift, (bits.size() - shift) * 2);
    std::memcpy(dst + bits.size() - shift, bits.data(), shift * 2);
    op.setValueAttr(buildElementsAttr(type, std::move(payload)));
  });
  return module;
}

static OwningOpRef<ModuleOp> buildModule(MLIRContext &ctx,
                                         ArrayRef<uint16_t> bits) {
  return buildLinearProgram(ctx, bits, 1);
}

/// Writes the synthetic program of --layers layers as bytecode.
static int writeSyntheticModel(ArrayRef<uint16_t> bits) {
  if (rows != cols) {
    llvm::errs() << "error: --write-model needs square weights\n";
    return 1;
  }
  MLIRContext ctx;
  ctx.loadDialect<CoreAIDialect>();
  OwningOpRef<ModuleOp> module = buildLinearProgram(ctx, bits, layers);
  if (!module)
    return 1;
  // Replaces an existing file only once the program is written whole.
  llvm::Expected<std::unique_ptr<AtomicOutputFile>> file =
      AtomicOutputFile::open(writeModel);
  llvm::Error error = file.takeError();
  if (!error && failed(writeBytecodeToFile(*module, (*file)->os())))
    error = llvm::createStringError("cannot write the program as bytecode");
  if (!error)
    error = (*file)->commit();
  if (error) {
    llvm::errs() << "error: " << llvm::toString(std::move(error)) << "\n";
    return 1;
  }
  return 0;
}

/// The materialized weight of `module` (after `pipeline`) as f64.
static std::vector<double> materializedWeight(ModuleOp module) {
  MLIRContext *ctx = module.getContext();
  PassManager pm(ctx);
  pm.addPass(createCoreAIMaterializeWeightsPass());
  if (failed(pm.run(module)))
    std::exit(1);
  std::vector<double> values;
  module.walk([&](TransposeOp op) {
    auto constant = op->getOperand(0).getDefiningOp<ConstantOp>();
    if (!constant)
      return;
    values.resize(rows * cols);
    std::string error;
    if (!readElements(constant.getValue(), values, error, 2))
      llvm::report_fatal_error(error.c_str());
  });
  return values;
}

int main(int argc, char **argv) {
  registerAllPasses();
  cl::HideUnrelatedOptions(benchCategory);
  cl::ParseCommandLineOptions(argc, argv, "coreai pass benchmark\n");
  std::vector<uint16_t> bits = loadWeight();
  if (!writeModel.empty())
    return writeSyntheticModel(bits);
  const double bytes = bits.size() * 2.0;

  std::vector<double> reference(bits.size());
  {
    MLIRContext ctx;
    ctx.loadDialect<CoreAIDialect>();
    OwningOpRef<ModuleOp> module = buildModule(ctx, bits);
    reference = materializedWeight(*module);
  }

  std::vector<uint16_t> copy(bits.size());
  double memcpyTime = 1e30;
  for (int r = 0; r < repeats; ++r) {
    auto start = std::chrono::steady_clock::now();
    std::memcpy(copy.data(), bits.data(), bytes);
    std::chrono::duration<double> d = std::chrono::steady_clock::now() - start;
    memcpyTime = std::min(memcpyTime, d.count());
  }
  auto report = [&](StringRef what, unsigned threads, double seconds,
                    double sqnr, ArrayRef<double> restored = {}) {
    if (json) {
      llvm::outs() << llvm::formatv(
          "{{\"pipeline\": \"{0}\", \"threads\": {1}, \"seconds\": {2:e}, "
          "\"GBps\": {3:e}, \"sqnr_db\": {4}, \"rows\": {5}, \"cols\": {6}",
          what, threads, seconds, bytes / seconds / 1e9,
          std::isfinite(sqnr) ? std::to_string(sqnr) : "null", rows.getValue(),
          cols.getValue());
      if (rowSqnr && !restored.empty()) {
        std::string signalList, noiseList;
        for (int64_t r = 0; r < rows; ++r) {
          ErrorStats row =
              compareValues(ArrayRef<double>(reference).slice(r * cols, cols),
                            restored.slice(r * cols, cols));
          const char *sep = r ? ", " : "";
          signalList += sep + llvm::formatv("{0:e}", row.signal).str();
          noiseList += sep + llvm::formatv("{0:e}", row.noise).str();
        }
        llvm::outs() << ", \"row_signal\": [" << signalList
                     << "], \"row_noise\": [" << noiseList << "]";
      }
      llvm::outs() << "}\n";
      return;
    }
    llvm::outs() << llvm::format("%-78s %3u %9.1f %8.2f %9.2f\n",
                                 what.str().c_str(), threads, seconds * 1e3,
                                 bytes / seconds / 1e9, sqnr);
  };
  if (!json)
    llvm::outs() << llvm::format(
        "%-78s %3s %9s %8s %9s\n",
        llvm::formatv("on W[{0}x{1}] f16", rows.getValue(), cols.getValue())
            .str()
            .c_str(),
        "thr", "ms", "GB/s", "SQNR dB");
  report("memcpy of the f16 bytes", 1, memcpyTime, INFINITY);

  unsigned machine = std::max(1u, std::thread::hardware_concurrency());
  for (const std::string &pipeline : pipelines) {
    for (unsigned threads : {1u, std::min(2u, machine)}) {
      // Each run gets its own context, so the blobs of the previous run are
      // freed (a context keeps every blob it saw): runs then allocate as a
      // long-lived coreai-opt does, not ever-fresh memory. Fast pipelines
      // repeat until they have run for minTime seconds (at most 100 runs).
      double best = 1e30, total = 0;
      std::unique_ptr<MLIRContext> lastCtx;
      OwningOpRef<ModuleOp> last;
      for (int r = 0; r < repeats || (total < minTime && r < 100); ++r) {
        last = nullptr;
        lastCtx = std::make_unique<MLIRContext>();
        MLIRContext &ctx = *lastCtx;
        ctx.loadDialect<CoreAIDialect>();
        if (threads == 1)
          ctx.disableMultithreading();
        OwningOpRef<ModuleOp> module = buildModule(ctx, bits);
        PassManager pm(&ctx);
        std::string full = pipeline;
        if (failed(parsePassPipeline(full, pm))) {
          llvm::errs() << "error: bad pipeline '" << pipeline << "'\n";
          return 1;
        }
        auto start = std::chrono::steady_clock::now();
        if (failed(pm.run(*module)))
          return 1;
        std::chrono::duration<double> d =
            std::chrono::steady_clock::now() - start;
        best = std::min(best, d.count());
        total += d.count();
        last = std::move(module);
      }
      std::vector<double> restored = materializedWeight(*last);
      report(pipeline, threads, best,
             compareValues(reference, restored).getSqnrDb(), restored);
    }
  }
  return 0;
}
