//===- InputChecks.h - Checks before MLIR parses an input -------*- C++ -*-===//
//
// A few malformed inputs make libMLIR's own readers abort instead of
// reporting an error. What can be recognized cheaply in the raw input is
// refused here first, with a diagnostic at the offending bytes.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_IR_INPUTCHECKS_H
#define COREAI_IR_INPUTCHECKS_H

#include "llvm/ADT/StringRef.h"

#include <cstddef>
#include <optional>
#include <string>

namespace mlir {
namespace coreai {

/// A problem found in a raw input: where (byte offset) and what.
struct InputProblem {
  size_t offset;
  std::string message;
};

/// Returns the first problem of `buffer` that libMLIR would abort on, or
/// std::nullopt. Checked today: brackets nested more than 1000 levels deep
/// (MLIR's recursive parser would overflow the stack), a string literal left
/// open at the end of the input (MLIR's lexer then reads past the end of the
/// buffer), and a textual
/// `dialect_resources` blob whose 4-byte alignment header is 0 (MLIR's
/// parser then fails to allocate the blob and aborts). Bytecode inputs are
/// not inspected.
std::optional<InputProblem> findUnparsableInput(llvm::StringRef buffer);

/// True when `spec`, the text of an attribute or type kept verbatim, can be
/// printed back and read again: bytecode stores such text as a C string, so
/// it may not hold a NUL character.
inline bool isRoundTrippableSpec(llvm::StringRef spec) {
  return spec.find('\0') == llvm::StringRef::npos;
}

} // namespace coreai
} // namespace mlir

#endif // COREAI_IR_INPUTCHECKS_H
