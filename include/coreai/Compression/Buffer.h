//===- Buffer.h - Large uninitialized byte buffers --------------*- C++ -*-===//
//
// Weight payloads are written once, in full, by the kernels: their buffers
// skip zero-initialization, are 64-byte aligned (resource blobs need 16), and
// large ones ask for transparent huge pages, which saves most of the page
// faults of touching fresh memory.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_COMPRESSION_BUFFER_H
#define COREAI_COMPRESSION_BUFFER_H

#include <cstddef>
#include <cstdint>
#include <new>
#include <utility>
#include <vector>

namespace mlir {
namespace coreai {

/// Returns `bytes` of uninitialized memory (64-byte aligned; huge-page backed
/// when large); never null. Release with freeBuffer.
void *allocateBuffer(size_t bytes);
void freeBuffer(void *data);

/// The machine's physical memory in bytes (a large value when unknown).
/// Work whose buffers would not fit is refused with a diagnostic before it
/// allocates, instead of failing inside the allocator.
uint64_t getPhysicalMemoryBytes();

/// A std::allocator that leaves elements default-initialized (uninitialized
/// for trivial types) and allocates through allocateBuffer.
template <typename T> struct UninitializedAllocator {
  using value_type = T;
  UninitializedAllocator() = default;
  template <typename U>
  UninitializedAllocator(const UninitializedAllocator<U> &) noexcept {}
  T *allocate(size_t n) {
    return static_cast<T *>(allocateBuffer(n * sizeof(T)));
  }
  void deallocate(T *p, size_t) noexcept { freeBuffer(p); }
  template <typename U> void construct(U *p) noexcept { ::new ((void *)p) U; }
  template <typename U, typename... Args> void construct(U *p, Args &&...args) {
    ::new ((void *)p) U(std::forward<Args>(args)...);
  }
  template <typename U>
  bool operator==(const UninitializedAllocator<U> &) const noexcept {
    return true;
  }
  template <typename U>
  bool operator!=(const UninitializedAllocator<U> &) const noexcept {
    return false;
  }
};

/// A vector whose resize leaves trivial elements uninitialized.
template <typename T>
using UninitVector = std::vector<T, UninitializedAllocator<T>>;

/// Bytes of a payload or of per-element codes.
using ByteBuffer = std::vector<char, UninitializedAllocator<char>>;

} // namespace coreai
} // namespace mlir

#endif // COREAI_COMPRESSION_BUFFER_H
