//===- Parallel.h - Deterministic oneTBB loops ------------------*- C++ -*-===//
//
// Every parallel loop of the project goes through here: a oneTBB arena no
// larger than the machine (a larger one makes oneTBB warn on stderr), and
// loops whose iterations write only their own slots, so results never depend
// on the thread count.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_COMPRESSION_PARALLEL_H
#define COREAI_COMPRESSION_PARALLEL_H

#include "llvm/ADT/STLFunctionalExtras.h"

#include <cstdint>

namespace mlir {
namespace coreai {

/// Returns `requested` clamped to [1, the concurrency of the current oneTBB
/// arena] (the machine's, unless a caller runs us inside a smaller arena);
/// 0 means all of it.
unsigned clampThreadCount(unsigned requested);

/// Calls `body(begin, end)` on disjoint chunks covering [0, n), on at most
/// `threads` threads (1 runs the chunks inline, in order). Chunks hold at
/// least `grain` iterations (one thread: exactly `grain`, but the last).
void parallelForChunks(unsigned threads, int64_t n, int64_t grain,
                       llvm::function_ref<void(int64_t, int64_t)> body);

/// Calls `body(i)` for every i in [0, n) on at most `threads` threads.
void parallelFor(unsigned threads, int64_t n,
                 llvm::function_ref<void(int64_t)> body);

} // namespace coreai
} // namespace mlir

#endif // COREAI_COMPRESSION_PARALLEL_H
