//===- Parallel.cpp - Deterministic oneTBB loops --------------------------===//

#include "coreai/Compression/Parallel.h"

#include <tbb/blocked_range.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>

using namespace mlir::coreai;

unsigned mlir::coreai::clampThreadCount(unsigned requested) {
  // The arena's limit: the machine, or less inside an arena that bounds the
  // threads of a caller (the Python API's num_kmeans_workers).
  unsigned machine =
      std::max(1, static_cast<int>(tbb::this_task_arena::max_concurrency()));
  if (requested == 0)
    return machine;
  return std::min(requested, machine);
}

void mlir::coreai::parallelForChunks(
    unsigned threads, int64_t n, int64_t grain,
    llvm::function_ref<void(int64_t, int64_t)> body) {
  if (n <= 0)
    return;
  threads = clampThreadCount(threads);
  grain = std::max<int64_t>(grain, 1);
  if (threads == 1 || n <= grain) {
    // Same chunks, in order: bodies keep their temporaries chunk-sized.
    for (int64_t begin = 0; begin < n; begin += grain)
      body(begin, std::min(n, begin + grain));
    return;
  }
  tbb::task_arena arena(static_cast<int>(threads));
  arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<int64_t>(0, n, grain),
                      [&](const tbb::blocked_range<int64_t> &range) {
                        body(range.begin(), range.end());
                      });
  });
}

void mlir::coreai::parallelFor(unsigned threads, int64_t n,
                               llvm::function_ref<void(int64_t)> body) {
  parallelForChunks(threads, n, 1, [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i)
      body(i);
  });
}
