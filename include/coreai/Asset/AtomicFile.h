//===- AtomicFile.h - Outputs that replace their target whole ---*- C++ -*-===//
//
// Every file the project writes goes through AtomicOutputFile: the bytes go
// to a temporary file beside the target (same directory, so same file
// system), named `.<name>.tmp-XXXXXX`, and are renamed over the target only
// when everything succeeded. A failure, an error or a signal that LLVM
// handles (SIGINT, SIGTERM) removes the temporary file and leaves the
// target as it was; a SIGKILL or the out-of-memory killer can leave only
// the temporary file behind, never a truncated target. Writing over the
// input of the same run is safe: a mapped input keeps its old inode.
//
// What a user of cp and mlir-opt expects of the target:
//   - a symbolic link is followed, a dangling one too: the file it names is
//     written and the link stays;
//   - the new file keeps the mode of the one it replaces, a new file gets
//     0666 less the umask;
//   - a file without any write permission (0444) is an error, not replaced;
//   - a file with other hard links, or one in a directory that cannot hold
//     a new file (read-only), is rewritten in place once the whole output is
//     ready (waiting in the system's temporary directory in the second
//     case), so that every link sees it; a failure while copying it in can
//     then leave it truncated, and says so.
// Needs LLVM Support only.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_ASSET_ATOMICFILE_H
#define COREAI_ASSET_ATOMICFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <string>

namespace mlir {
namespace coreai {

/// A file written beside its target and renamed over it by commit().
class AtomicOutputFile {
public:
  /// Creates the temporary file for `target`; "-" (standard output) and a
  /// target that is not a regular file (/dev/null, a pipe) are written
  /// directly (commit() then only flushes). Fails with a message naming the
  /// target when its directory cannot hold a new file or the target is a
  /// directory.
  static llvm::Expected<std::unique_ptr<AtomicOutputFile>>
  open(llvm::StringRef target);

  ~AtomicOutputFile();

  llvm::raw_ostream &os();

  /// Closes the temporary file, gives it the mode of the target it replaces
  /// (when there is one) and renames it over the target. On failure (a write
  /// error such as a full disk, a failed rename) removes it and returns an
  /// error naming the target, which is left as it was.
  llvm::Error commit();

  /// The temporary file's path ("" when written directly).
  llvm::StringRef getTemporaryPath() const { return temporary; }

private:
  AtomicOutputFile() = default;
  void discard();

  std::string target, temporary;
  std::unique_ptr<llvm::raw_fd_ostream> stream;
  bool done = false;
  /// Whether commit() copies the output into the target instead of renaming.
  bool inPlace = false;
};

/// Writes `bytes` to `target` through an AtomicOutputFile.
llvm::Error writeFileAtomically(llvm::StringRef target, llvm::StringRef bytes);

} // namespace coreai
} // namespace mlir

#endif // COREAI_ASSET_ATOMICFILE_H
