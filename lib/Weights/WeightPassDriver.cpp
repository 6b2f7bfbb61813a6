//===- WeightPassDriver.cpp - Progress of the weight passes ---------------===//

#include "coreai/Weights/WeightPassDriver.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <mutex>

using namespace mlir;
using namespace mlir::coreai;

struct WeightProgress::Impl {
  std::string label;
  int64_t total, totalBytes, count = 0, bytes = 0;
  std::chrono::steady_clock::time_point start, last;
  std::mutex mutex;
  bool printed = false;

  void print(bool final) {
    double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    llvm::errs() << llvm::format("\r%s: %lld/%lld weights, %.1f/%.1f MB, "
                                 "%.1f s",
                                 label.c_str(), (long long)count,
                                 (long long)total, bytes / 1e6,
                                 totalBytes / 1e6, elapsed)
                 << (final ? "\n" : "");
    printed = true;
  }
};

WeightProgress::WeightProgress(StringRef label, int64_t total,
                               int64_t totalBytes) {
  // Only on a terminal, and only for work worth watching.
  if (!llvm::errs().is_displayed() || total == 0)
    return;
  impl = std::make_unique<Impl>();
  impl->label = label.str();
  impl->total = total;
  impl->totalBytes = totalBytes;
  impl->start = impl->last = std::chrono::steady_clock::now();
}

WeightProgress::~WeightProgress() {
  if (impl && impl->printed)
    impl->print(/*final=*/true);
}

void WeightProgress::done(int64_t bytes) {
  if (!impl)
    return;
  std::lock_guard<std::mutex> lock(impl->mutex);
  ++impl->count;
  impl->bytes += bytes;
  auto now = std::chrono::steady_clock::now();
  // The first line after half a second, then five times a second.
  if (now - impl->start < std::chrono::milliseconds(500) ||
      now - impl->last < std::chrono::milliseconds(200))
    return;
  impl->last = now;
  impl->print(/*final=*/false);
}

int64_t mlir::coreai::getResultBytes(Operation *op) {
  if (!op || op->getNumResults() == 0)
    return 0;
  auto type = dyn_cast<RankedTensorType>(op->getResult(0).getType());
  if (!type || !type.hasStaticShape() || !type.getElementType().isIntOrFloat())
    return 0;
  return type.getNumElements() *
         ((type.getElementType().getIntOrFloatBitWidth() + 7) / 8);
}
