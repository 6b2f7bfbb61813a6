#!/usr/bin/env bash
# The benchmark command (not a test; numbers depend on the machine):
#   utils/bench.sh [--quick]
# Installs what is missing (with numpy and scikit-learn for baseline.py, the
# team's re-creation of the reference), builds, and prints the tables of
# utils/bench.py: every scheme next to the reference on the same
# 4096x4096 f16 weight, 1 and 2 threads, and end-to-end coreai-opt on a
# synthetic 1 GB program against a plain bytecode round trip.
set -euo pipefail
cd "$(dirname "$0")/.."
utils/setup.sh python3-numpy python3-sklearn >/dev/null
utils/build.sh >/dev/null
exec /usr/bin/python3 utils/bench.py "$@"
