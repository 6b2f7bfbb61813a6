#!/usr/bin/env bash
# Configures (once) and builds everything into build/ (or $COREAI_BUILD_DIR).
# COREAI_SANITIZE=1 builds the AddressSanitizer + UndefinedBehaviorSanitizer
# configuration instead, into build-sanitize/ by default.
set -euo pipefail
cd "$(dirname "$0")/.."
sanitize=${COREAI_SANITIZE:-0}
if [ "$sanitize" = 1 ]; then
  build=${COREAI_BUILD_DIR:-build-sanitize}
  build_type=RelWithDebInfo
  sanitize_flag=ON
else
  build=${COREAI_BUILD_DIR:-build}
  build_type=Release
  sanitize_flag=OFF
fi
bindir=$(llvm-config-22 --bindir)

if [ ! -f "$build/build.ninja" ]; then
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache
                                          -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  cmake -G Ninja -S . -B "$build" \
    -DCMAKE_BUILD_TYPE="$build_type" \
    -DCOREAI_SANITIZE="$sanitize_flag" \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DMLIR_DIR="$(llvm-config-22 --cmakedir)/../mlir" \
    -DLLVM_EXTERNAL_LIT="$bindir/lit" \
    -DPython3_EXECUTABLE=/usr/bin/python3 \
    "${launcher[@]}" >/dev/null
fi
# Two jobs: each MLIR translation unit takes up to ~550 MB and 2 cores.
ninja -C "$build" -j "${COREAI_JOBS:-2}"
