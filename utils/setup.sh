#!/usr/bin/env bash
# Installs what the build needs from Debian (MLIR/LLVM 22, oneTBB, GoogleTest,
# Eigen, OpenBLAS, clang, ninja, lit) and the Python package needs (pybind11, pytest; numpy
# and dask.distributed for the sensitivity tests; setuptools, wheel, build, venv
# and pip for `pip install .` and the wheel test; matplotlib for plots),
# skipping what is already there.
set -euo pipefail

packages=(
  cmake ninja-build clang-22 libclang-rt-22-dev ccache python3
  libmlir-22-dev mlir-22-tools llvm-22-dev llvm-22-tools
  libtbb-dev libgtest-dev libeigen3-dev libopenblas-dev
  python3-dev python3-pybind11 pybind11-dev python3-pytest python3-numpy
  python3-distributed python3-setuptools python3-wheel python3-build python3-venv
  python3-pip python3-matplotlib
)
# Extra packages on request, e.g. `utils/setup.sh clang-format-22`.
packages+=("$@")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
