//===- JsonLimits.h - Bounds on the JSON files we read ----------*- C++ -*-===//
//
// llvm::json's parser recurses once per nesting level: a small file nested
// tens of thousands deep overflows the stack. Readers of user files
// (recipes, sensitivity tables, statistics headers) check the depth first.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_ASSET_JSONLIMITS_H
#define COREAI_ASSET_JSONLIMITS_H

#include "llvm/ADT/StringRef.h"

namespace mlir {
namespace coreai {

/// JSON that our files nest deeper than this is refused (a recipe or a
/// sensitivity table needs about 6 levels).
constexpr int kMaxJsonDepth = 32;

/// Whether `text` nests arrays and objects (outside strings) deeper than
/// `limit`; scans it once, without recursion.
inline bool isJsonNestedDeeperThan(llvm::StringRef text, int limit) {
  int depth = 0;
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
      if (++depth > limit)
        return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

} // namespace coreai
} // namespace mlir

#endif // COREAI_ASSET_JSONLIMITS_H
