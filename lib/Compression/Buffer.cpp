//===- Buffer.cpp - Large uninitialized byte buffers ----------------------===//

#include "coreai/Compression/Buffer.h"

#include "llvm/Support/ErrorHandling.h"

#include <algorithm>
#include <cstdlib>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace {
constexpr size_t kHugePage = size_t(2) << 20;
} // namespace

void *mlir::coreai::allocateBuffer(size_t bytes) {
  size_t align = bytes >= 2 * kHugePage ? kHugePage : 64;
  size_t size = (std::max<size_t>(bytes, 1) + align - 1) / align * align;
  void *data = std::aligned_alloc(align, size);
  if (!data)
    llvm::report_bad_alloc_error("out of memory for a weight buffer");
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (align == kHugePage)
    madvise(data, size, MADV_HUGEPAGE);
#endif
  return data;
}

void mlir::coreai::freeBuffer(void *data) { std::free(data); }
