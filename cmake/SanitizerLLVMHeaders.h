// Force-included in the sanitizer build (COREAI_SANITIZE=ON).
//
// libLLVM.so and libMLIR.so are not instrumented. LLVM's headers switch on
// ASan poisoning when the including code is built with ASan: a
// BumpPtrAllocator slab grown by inlined code in our objects gets poisoned,
// and the uninstrumented allocator in libMLIR.so then hands out that memory
// without unpoisoning it, so ASan reports "use-after-poison" on valid reads.
// The headers must behave as they did when the libraries were built (as
// NDEBUG must), so their poisoning is switched off here; our own code and
// every heap allocation stay fully checked.
#ifndef COREAI_SANITIZER_LLVM_HEADERS_H
#define COREAI_SANITIZER_LLVM_HEADERS_H
#ifdef __cplusplus
#include "llvm/Support/Compiler.h"
#undef LLVM_ADDRESS_SANITIZER_BUILD
#define LLVM_ADDRESS_SANITIZER_BUILD 0
#define __asan_poison_memory_region(p, size) ((void)(p), (void)(size))
#define __asan_unpoison_memory_region(p, size) ((void)(p), (void)(size))
#endif
#endif
