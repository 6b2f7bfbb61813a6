# Third-party dependencies besides MLIR/LLVM, all from Debian packages.

# oneTBB: parallelism across and inside weights (libtbb-dev).
find_package(TBB REQUIRED CONFIG)

# GoogleTest for the unit tests (libgtest-dev).
find_package(GTest REQUIRED CONFIG)
include(GoogleTest)

# lit and FileCheck live in LLVM's bindir; Debian ships `lit` but no
# `llvm-lit`.
if(NOT LLVM_EXTERNAL_LIT)
  find_program(LLVM_EXTERNAL_LIT NAMES lit llvm-lit
    HINTS ${LLVM_TOOLS_BINARY_DIR} REQUIRED)
endif()

# Eigen: dense linear algebra for GPTQ (Cholesky factors, blocked updates;
# libeigen3-dev, header-only).
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
# OpenBLAS (libopenblas-dev): its LAPACK factors GPTQ's Gram matrices, 2.5x
# faster than Eigen's LLT at 4096 columns on this machine, and its sgemm
# applies GPTQ's block updates, 2.5x faster than Eigen's product
# (runtime-chosen AVX2/AVX-512 kernels; its own threads for the factor, the
# calling thread for the updates).
set(BLA_VENDOR OpenBLAS)
find_package(BLAS REQUIRED)
