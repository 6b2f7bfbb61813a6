#!/usr/bin/env bash
# Builds and copies the generated pass and dialect references into docs/
# (test/docs.mlir fails while they differ from what TableGen generates).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${COREAI_BUILD_DIR:-build}
utils/build.sh >/dev/null
cp "$build/docs/coreai/CoreAIPasses.md" docs/Passes.md
cp "$build/docs/coreai/CoreAIDialect.md" docs/Dialect.md
echo "docs/Passes.md and docs/Dialect.md updated"
