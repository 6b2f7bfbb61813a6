//===- WeightPassDriver.h - Collect, compute, rewrite -----------*- C++ -*-===//
//
// The skeleton every weight pass follows:
//   1. collect the work items serially (e.g. collectWeightCandidates);
//   2. compute each item's new data in parallel with oneTBB; workers read
//      attributes but never create or change IR;
//   3. report every error (and fail before anything changed), then rewrite
//      the IR serially in program order.
// Results land in pre-sized slots, so the output bytes never depend on the
// thread count.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_WEIGHTS_WEIGHTPASSDRIVER_H
#define COREAI_WEIGHTS_WEIGHTPASSDRIVER_H

#include "coreai/Compression/Parallel.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Operation.h"
#include "mlir/Support/LLVM.h"

#include <memory>
#include <string>
#include <vector>

namespace mlir {
namespace coreai {

/// What the compute phase reports besides its data. A non-empty `error`
/// fails the pass before any rewrite; a non-empty `skipReason` leaves the
/// item alone with a warning.
struct WeightWorkStatus {
  std::string error;
  std::string skipReason;
};

/// Returns the number of threads a pass may use: 1 under
/// `--mlir-disable-threading`, else `requested` clamped to the machine (0:
/// the whole machine).
inline unsigned getPassThreadCount(MLIRContext *context,
                                   unsigned requested = 0) {
  if (!context->isMultithreadingEnabled())
    return 1;
  return clampThreadCount(requested);
}

/// Progress of a long compute phase on stderr, only when stderr is a
/// terminal: "label: weights done/total, MB done/total, elapsed". Safe to
/// call from workers.
class WeightProgress {
public:
  WeightProgress(StringRef label, int64_t total, int64_t totalBytes);
  ~WeightProgress();
  void done(int64_t bytes);

private:
  struct Impl;
  std::unique_ptr<Impl> impl;
};

/// Bytes of the first result of `op` (a weight or a decoded chain), 0 when
/// it is not a static tensor.
int64_t getResultBytes(Operation *op);

/// Runs phases 2 and 3 over `items`. `Result` must derive from
/// WeightWorkStatus. `anchor(item)` is the op diagnostics attach to;
/// `compute(item, result)` runs in workers; `rewrite(item, result)` runs on
/// the calling thread, in the order of `items`, for items not skipped;
/// `skipped(item, reason)`, when given, hears of the others.
template <typename Item, typename Result>
LogicalResult
runWeightWork(MutableArrayRef<Item> items, unsigned threads,
              function_ref<Operation *(Item &)> anchor,
              function_ref<void(Item &, Result &)> compute,
              function_ref<void(Item &, Result &)> rewrite,
              StringRef label = "coreai",
              function_ref<void(Item &, StringRef)> skipped = nullptr) {
  std::vector<Result> results(items.size());
  int64_t totalBytes = 0;
  for (Item &item : items)
    totalBytes += getResultBytes(anchor(item));
  {
    WeightProgress progress(label, items.size(), totalBytes);
    parallelFor(threads, items.size(), [&](int64_t i) {
      compute(items[i], results[i]);
      progress.done(getResultBytes(anchor(items[i])));
    });
  }

  bool failed = false;
  for (size_t i = 0; i < items.size(); ++i)
    if (!results[i].error.empty()) {
      anchor(items[i])->emitError(results[i].error);
      failed = true;
    }
  if (failed)
    return failure();

  for (size_t i = 0; i < items.size(); ++i) {
    if (!results[i].skipReason.empty()) {
      anchor(items[i])->emitWarning(results[i].skipReason);
      if (skipped)
        skipped(items[i], results[i].skipReason);
      continue;
    }
    rewrite(items[i], results[i]);
  }
  return success();
}

} // namespace coreai
} // namespace mlir

#endif // COREAI_WEIGHTS_WEIGHTPASSDRIVER_H
