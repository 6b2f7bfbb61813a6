//===- JsonLimits.h - Bounds on the JSON files we read ----------*- C++ -*-===//
//
// llvm::json's parser recurses once per nesting level: a small file nested
// tens of thousands deep overflows the stack. Readers of user files
// (recipes, sensitivity tables, statistics headers) check the depth first.
// It also keeps about 1-5 KB per object or array: a sensitivity table is
// bounded by the program it is for (its size and its containers counted
// before parsing), so that a 20 MB table costs no gigabytes.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_ASSET_JSONLIMITS_H
#define COREAI_ASSET_JSONLIMITS_H

#include "llvm/ADT/StringRef.h"

#include <cstddef>
#include <cstdint>

namespace mlir {
namespace coreai {

/// JSON that our files nest deeper than this is refused (a recipe or a
/// sensitivity table needs about 6 levels).
constexpr int kMaxJsonDepth = 32;

/// One scan of `text` for its arrays and objects (outside strings), without
/// recursion: whether they nest deeper than `maxDepth`, and how many there
/// are, stopping at the first limit crossed.
struct JsonScan {
  bool tooDeep = false;
  size_t containers = 0;
};
inline JsonScan scanJson(llvm::StringRef text, int64_t maxDepth,
                         size_t maxContainers) {
  JsonScan scan;
  int64_t depth = 0;
  bool inString = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++scan.containers > maxContainers)
        return scan;
      if (++depth > maxDepth) {
        scan.tooDeep = true;
        return scan;
      }
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return scan;
}

/// Whether `text` nests arrays and objects deeper than `limit`.
inline bool isJsonNestedDeeperThan(llvm::StringRef text, int limit) {
  return scanJson(text, limit, SIZE_MAX).tooDeep;
}

/// The number of arrays and objects in `text`, counting no further than
/// `limit` + 1.
inline size_t countJsonContainers(llvm::StringRef text, size_t limit) {
  return scanJson(text, INT64_MAX, limit).containers;
}

/// A recipe has a few arrays and objects per rule: this bounds what
/// llvm::json keeps of one (about 150 MB at most).
constexpr size_t kMaxRecipeContainers = size_t(1) << 15;

/// A sensitivity table for `weights` weights holds about 3 KB and 20 arrays
/// and objects per weight (13 candidates); these bounds leave room for
/// about 5 times as many candidates.
inline size_t getMaxSensitivityTableBytes(size_t weights) {
  return (size_t(1) << 20) + weights * (size_t(16) << 10);
}
inline size_t getMaxSensitivityTableContainers(size_t weights) {
  return 4096 + weights * 128;
}

} // namespace coreai
} // namespace mlir

#endif // COREAI_ASSET_JSONLIMITS_H
