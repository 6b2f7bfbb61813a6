//===- InputChecks.cpp - Checks before MLIR parses an input ---------------===//

#include "coreai/IR/InputChecks.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>

using namespace mlir;
using namespace mlir::coreai;

/// Deeper nesting is refused (real programs stay far below).
static constexpr int64_t kMaxNesting = 1000;

std::optional<InputProblem>
mlir::coreai::findUnparsableInput(llvm::StringRef buffer) {
  // Bytecode starts with "ML\xefR"; its reader is left to MLIR.
  if (buffer.starts_with("ML\xefR"))
    return std::nullopt;
  // A string literal still open at the end of the input: MLIR's lexer
  // reports it and then reads past the end of the buffer. String literals
  // end on their line, so only the last line can leave one open.
  llvm::StringRef lastLine = buffer.substr(buffer.rfind('\n') + 1);
  bool inString = false;
  size_t stringStart = 0;
  for (size_t i = 0; i < lastLine.size(); ++i) {
    char c = lastLine[i];
    if (inString && c == '\\') {
      ++i;
    } else if (c == '"') {
      inString = !inString;
      stringStart = i;
    } else if (!inString && lastLine.substr(i).starts_with("//")) {
      break;
    }
  }
  if (inString)
    return InputProblem{buffer.size() - lastLine.size() + stringStart,
                        "string literal is not terminated before the end of "
                        "the input"};

  // Brackets nested deeper than any program needs: MLIR's recursive-descent
  // parser would overflow the stack on them.
  int64_t depth = 0;
  for (size_t i = 0, e = buffer.size(); i < e; ++i) {
    char c = buffer[i];
    if (c == '"') {
      // Skip the string literal (it ends on its line).
      for (++i; i < e && buffer[i] != '"' && buffer[i] != '\n'; ++i)
        if (buffer[i] == '\\')
          ++i;
    } else if (c == '/' && i + 1 < e && buffer[i + 1] == '/') {
      i = buffer.find('\n', i);
      if (i == llvm::StringRef::npos)
        break;
    } else if (c == '(' || c == '[' || c == '{' || c == '<') {
      if (++depth > kMaxNesting)
        return InputProblem{i, "brackets nested more than " +
                                   std::to_string(kMaxNesting) +
                                   " levels deep"};
    } else if (c == ')' || c == ']' || c == '}' ||
               (c == '>' && (i == 0 || buffer[i - 1] != '-'))) {
      depth = std::max<int64_t>(0, depth - 1);
    }
  }

  size_t section = buffer.find("dialect_resources");
  if (section == llvm::StringRef::npos)
    return std::nullopt;
  // Every hex blob of the resource section starts with its alignment, a
  // little-endian uint32.
  for (size_t pos = buffer.find("\"0x", section); pos != llvm::StringRef::npos;
       pos = buffer.find("\"0x", pos + 3)) {
    llvm::StringRef header = buffer.substr(pos + 3, 8);
    if (header.size() < 8 || !llvm::all_of(header, llvm::isHexDigit))
      continue;
    if (header == "00000000")
      return InputProblem{pos, "resource blob declares alignment 0 in its "
                               "first 4 bytes; expected a power of 2"};
  }
  return std::nullopt;
}
