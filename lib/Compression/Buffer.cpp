//===- Buffer.cpp - Large uninitialized byte buffers ----------------------===//

#include "coreai/Compression/Buffer.h"

#include "llvm/Support/ErrorHandling.h"

#include <algorithm>
#include <cstdlib>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
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

uint64_t mlir::coreai::getPhysicalMemoryBytes() {
#if defined(__linux__)
  long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGE_SIZE);
  if (pages > 0 && pageSize > 0)
    return static_cast<uint64_t>(pages) * static_cast<uint64_t>(pageSize);
#endif
  return uint64_t(1) << 50;
}
