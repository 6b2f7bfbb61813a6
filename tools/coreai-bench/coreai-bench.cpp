//===- coreai-bench.cpp - Throughput of the weight machinery --------------===//
//
// Prints a table of the time and throughput of reading and writing weight
// payloads, side by side with a plain memory copy of the same bytes, on one
// and on all threads. Not a test: numbers depend on the machine.
//
//   build/bin/coreai-bench [--elements N] [--repeat R]
//   build/bin/coreai-bench --plans [--repeat R]
//
// With --plans, instead: the least-loss plans of a synthetic sensitivity
// table of 2,000 weights x 10 candidates for 50 budgets, exact and
// Lagrangian, with the Lagrangian plans' loss against the exact ones.
//
//===----------------------------------------------------------------------===//

#include "coreai/Compression/LossPlans.h"
#include "coreai/IR/ConstantData.h"
#include "coreai/IR/CoreAIDialect.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <functional>
#include <random>
#include <thread>

using namespace mlir;
using namespace mlir::coreai;

/// Only these options show in --help (not LLVM's backend flags).
static llvm::cl::OptionCategory benchCategory("coreai-bench options");

static llvm::cl::opt<int64_t>
    numElements("elements", llvm::cl::desc("Elements per payload"),
                llvm::cl::cat(benchCategory), llvm::cl::init(100'000'000));
static llvm::cl::opt<int> repeats("repeat",
                                  llvm::cl::desc("Best of this many runs"),
                                  llvm::cl::cat(benchCategory),
                                  llvm::cl::init(3));

static llvm::cl::opt<bool>
    plansOnly("plans",
              llvm::cl::desc("Time the least-loss plans of a synthetic table"),
              llvm::cl::cat(benchCategory), llvm::cl::init(false));

/// Best wall time of `repeats` runs of `body`, in seconds.
static double timeBest(const std::function<void()> &body) {
  double best = 1e30;
  for (int r = 0; r < repeats; ++r) {
    auto start = std::chrono::steady_clock::now();
    body();
    std::chrono::duration<double> d = std::chrono::steady_clock::now() - start;
    best = std::min(best, d.count());
  }
  return best;
}

static void row(StringRef what, unsigned threads, double seconds, double bytes,
                double memcpySeconds) {
  llvm::outs() << llvm::format("%-44s %7u %10.1f %10.2f %9.2fx\n",
                               what.str().c_str(), threads, seconds * 1e3,
                               bytes / seconds / 1e9, seconds / memcpySeconds);
}

/// 2,000 weights of 1 to 16 x 8192 elements, candidates at 2 to 16 bits
/// per element whose loss halves per bit (with noise, scaled per weight),
/// and 50 budgets from 2.1 to 7 bits per weight. Bits lie on a grid of 8192,
/// so the exact plans on that grid are the optimum.
static int benchPlans() {
  std::mt19937 rng(1);
  std::uniform_int_distribution<int> size(1, 16);
  std::lognormal_distribution<double> scale(0.0, 2.0);
  std::uniform_real_distribution<double> noise(0.5, 1.5);
  const int bitsOf[] = {2, 3, 4, 5, 6, 7, 8, 10, 12, 16};
  std::vector<std::vector<LossOption>> weights(2000);
  double elements = 0;
  for (auto &options : weights) {
    double count = 8192.0 * size(rng), s = scale(rng);
    elements += count;
    for (int b : bitsOf)
      options.push_back({count * b, s * std::pow(0.5, b) * noise(rng)});
  }
  std::vector<double> budgets;
  for (int k = 0; k < 50; ++k)
    budgets.push_back((2.1 + 0.1 * k) * elements);
  LossPlanOptions fine, lattice, lagrangian;
  fine.resolutionBits = 1e-3 * elements; // what the pass asks
  lattice.resolutionBits = 8192.0 * double(weights.size());
  lattice.maxTableCells = uint64_t(1) << 30;
  lagrangian.maxTableCells = 0;
  std::vector<std::optional<LossPlan>> byPass, byLattice, byHulls;
  double passSeconds =
      timeBest([&] { byPass = planLeastLoss(weights, budgets, fine); });
  double latticeSeconds =
      timeBest([&] { byLattice = planLeastLoss(weights, budgets, lattice); });
  double hullSeconds =
      timeBest([&] { byHulls = planLeastLoss(weights, budgets, lagrangian); });
  double worst = 0, unused = 0;
  for (size_t i = 0; i < budgets.size(); ++i) {
    if (!byLattice[i] || !byHulls[i] || !byPass[i])
      continue;
    worst = std::max(worst, byHulls[i]->loss / byLattice[i]->loss - 1);
    unused = std::max(unused, (budgets[i] - byPass[i]->bits) / elements);
  }
  llvm::outs() << llvm::format(
      "2000 weights x 10 candidates x 50 budgets (2.1 to 7 bits per weight)\n"
      "| allocation | time (ms) | plans exact |\n|---|---:|---|\n"
      "| as the pass runs it (0.001 bits/weight grid) | %.1f | %s |\n"
      "| exact on the table's own 8192-bit grid | %.1f | %s |\n"
      "| Lagrangian with fill | %.1f | no |\n",
      passSeconds * 1e3, byPass.front()->exact ? "yes" : "no (Lagrangian)",
      latticeSeconds * 1e3, byLattice.front()->exact ? "yes" : "no",
      hullSeconds * 1e3);
  llvm::outs() << llvm::format(
      "Lagrangian plans' summed loss over the exact: at most +%.3f %%; "
      "budget the pass's plans leave unused: at most %.4f bits per weight\n",
      worst * 100, unused);
  return 0;
}

int main(int argc, char **argv) {
  llvm::cl::HideUnrelatedOptions(benchCategory);
  llvm::cl::ParseCommandLineOptions(argc, argv,
                                    "coreai weight I/O benchmark\n");
  if (plansOnly)
    return benchPlans();
  MLIRContext context;
  context.loadDialect<CoreAIDialect>();
  const int64_t n = numElements;
  const unsigned machine = std::max(1u, std::thread::hardware_concurrency());

  // A normal-ish f16 payload in a resource blob, as a real weight.
  std::mt19937 rng(1);
  std::normal_distribution<float> normal(0.0f, 0.02f);
  std::vector<double> values(n);
  for (double &v : values)
    v = normal(rng);
  auto f16Type = RankedTensorType::get({n}, Float16Type::get(&context));
  EncodedElements f16Payload;
  std::string error;
  if (!encodeElements(f16Type.getElementType(), values, f16Payload, error,
                      machine)) {
    llvm::errs() << error << "\n";
    return 1;
  }
  ElementsAttr f16Attr = buildElementsAttr(f16Type, f16Payload);

  std::vector<char> copyTarget(f16Payload.bytes.size());
  double memcpyTime = timeBest([&] {
    std::memcpy(copyTarget.data(), f16Payload.bytes.data(), copyTarget.size());
  });

  llvm::outs() << llvm::format("%-44s %7s %10s %10s %10s\n", "operation",
                               "threads", "ms", "GB/s", "vs memcpy");
  row("memcpy of the f16 bytes", 1, memcpyTime, f16Payload.bytes.size(),
      memcpyTime);
  std::vector<float> floats(n);
  for (unsigned threads : {1u, machine}) {
    double t = timeBest([&] {
      if (!readElements(f16Attr, floats, error, threads))
        llvm::report_fatal_error(error.c_str());
    });
    row("read f16 resource -> f32 (" + std::to_string(n / 1000000) + "M)",
        threads, t, f16Payload.bytes.size(), memcpyTime);
  }
  for (unsigned threads : {1u, machine}) {
    EncodedElements out;
    double t = timeBest([&] {
      if (!encodeElements(f16Type.getElementType(), values, out, error,
                          threads))
        llvm::report_fatal_error(error.c_str());
    });
    row("encode f64 -> f16 resource", threads, t, f16Payload.bytes.size(),
        memcpyTime);
  }
  // Packed ui4 codes.
  auto ui4Type = RankedTensorType::get(
      {n}, IntegerType::get(&context, 4, IntegerType::Unsigned));
  std::vector<double> codes(n);
  for (int64_t i = 0; i < n; ++i)
    codes[i] = static_cast<double>((i * 7 + i / 13) % 16);
  EncodedElements ui4Payload;
  for (unsigned threads : {1u, machine}) {
    double t = timeBest([&] {
      if (!encodeElements(ui4Type.getElementType(), codes, ui4Payload, error,
                          threads))
        llvm::report_fatal_error(error.c_str());
    });
    row("encode + pack ui4 resource", threads, t, ui4Payload.bytes.size(),
        memcpyTime);
  }
  ElementsAttr ui4Attr = buildElementsAttr(ui4Type, ui4Payload);
  for (unsigned threads : {1u, machine}) {
    double t = timeBest([&] {
      if (!readElements(ui4Attr, floats, error, threads))
        llvm::report_fatal_error(error.c_str());
    });
    row("read packed ui4 resource -> f32", threads, t, ui4Payload.bytes.size(),
        memcpyTime);
  }
  return 0;
}
