//===- AtomicFile.cpp - Outputs that replace their target whole -----------===//

#include "coreai/Asset/AtomicFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Signals.h"

#include <csignal>
#include <iterator>

using namespace mlir::coreai;
namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

/// Has LLVM's handlers remove `file` when a signal ends the process. LLVM
/// also installs them for interrupt signals the process was set to ignore
/// (SIGHUP under nohup, SIGINT in a background job): its handler would
/// delete the file and return, the run going on without its output. Those
/// signals stay ignored.
static void removeOnSignal(llvm::StringRef file) {
  static const int interrupts[] = {SIGHUP, SIGINT, SIGTERM, SIGUSR2};
  bool ignored[std::size(interrupts)];
  for (size_t i = 0; i < std::size(interrupts); ++i) {
    struct sigaction current;
    ignored[i] = sigaction(interrupts[i], nullptr, &current) == 0 &&
                 !(current.sa_flags & SA_SIGINFO) &&
                 current.sa_handler == SIG_IGN;
  }
  llvm::sys::RemoveFileOnSignal(file);
  for (size_t i = 0; i < std::size(interrupts); ++i)
    if (ignored[i])
      signal(interrupts[i], SIG_IGN);
}

static llvm::Error fail(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message.str());
}

llvm::Expected<std::unique_ptr<AtomicOutputFile>>
AtomicOutputFile::open(llvm::StringRef target) {
  std::unique_ptr<AtomicOutputFile> file(new AtomicOutputFile());
  file->target = target.str();
  if (target == "-") {
    std::error_code ec;
    file->stream = std::make_unique<llvm::raw_fd_ostream>("-", ec);
    if (ec)
      return fail("cannot write to standard output: " + ec.message());
    return std::move(file);
  }
  // A link is followed: the file it names is the one replaced.
  llvm::SmallString<256> real;
  if (!fs::real_path(target, real))
    file->target = std::string(real);
  if (fs::is_directory(file->target))
    return fail("cannot write '" + target + "': it is a directory");
  // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written as it is:
  // it cannot be replaced, and must not be.
  fs::file_status status;
  if (!fs::status(file->target, status) && fs::exists(status) &&
      !fs::is_regular_file(status)) {
    std::error_code ec;
    file->stream =
        std::make_unique<llvm::raw_fd_ostream>(file->target, ec, fs::OF_None);
    if (ec)
      return fail("cannot write '" + target + "': " + ec.message());
    return std::move(file);
  }
  llvm::SmallString<256> model(path::parent_path(file->target));
  path::append(model, "." + path::filename(file->target).str() + ".tmp-%%%%%%");
  int fd = -1;
  llvm::SmallString<256> temporary;
  if (std::error_code ec = fs::createUniqueFile(model, fd, temporary))
    return fail("cannot write '" + target + "': " + ec.message());
  file->temporary = std::string(temporary);
  removeOnSignal(file->temporary);
  file->stream =
      std::make_unique<llvm::raw_fd_ostream>(fd, /*shouldClose=*/true);
  return std::move(file);
}

AtomicOutputFile::~AtomicOutputFile() {
  if (!done)
    discard();
}

llvm::raw_ostream &AtomicOutputFile::os() { return *stream; }

void AtomicOutputFile::discard() {
  done = true;
  if (stream) {
    if (!temporary.empty())
      stream->close();
    // A write error is reported by commit(), or moot: never fatal here.
    stream->clear_error();
  }
  if (temporary.empty())
    return;
  (void)fs::remove(temporary);
  llvm::sys::DontRemoveFileOnSignal(temporary);
}

llvm::Error AtomicOutputFile::commit() {
  if (temporary.empty()) {
    done = true;
    stream->flush();
    if (stream->has_error()) {
      std::error_code ec = stream->error();
      stream->clear_error();
      return fail("cannot write '" + target + "': " + ec.message());
    }
    return llvm::Error::success();
  }
  stream->close();
  if (stream->has_error()) {
    std::error_code ec = stream->error();
    discard();
    return fail("cannot write '" + target + "': " + ec.message());
  }
  // The new file keeps the mode of the one it replaces.
  if (llvm::ErrorOr<fs::perms> mode = fs::getPermissions(target))
    (void)fs::setPermissions(temporary, *mode);
  if (std::error_code ec = fs::rename(temporary, target)) {
    discard();
    return fail("cannot write '" + target + "': " + ec.message());
  }
  done = true;
  llvm::sys::DontRemoveFileOnSignal(temporary);
  return llvm::Error::success();
}

llvm::Error mlir::coreai::writeFileAtomically(llvm::StringRef target,
                                              llvm::StringRef bytes) {
  llvm::Expected<std::unique_ptr<AtomicOutputFile>> file =
      AtomicOutputFile::open(target);
  if (!file)
    return file.takeError();
  (*file)->os() << bytes;
  return (*file)->commit();
}
