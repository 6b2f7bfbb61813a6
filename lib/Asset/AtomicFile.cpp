//===- AtomicFile.cpp - Outputs that replace their target whole -----------===//

#include "coreai/Asset/AtomicFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Errno.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Signals.h"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <iterator>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

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

/// `target` with its symbolic links followed, also a dangling last one (the
/// path it names; its directory's links resolved). At most 40 links.
static std::string followLinks(llvm::StringRef target) {
  std::string current = target.str();
  for (int depth = 0; depth < 40; ++depth) {
    llvm::SmallString<256> real;
    if (!fs::real_path(current, real))
      return std::string(real);
    char buffer[4096];
    ssize_t size = ::readlink(current.c_str(), buffer, sizeof(buffer));
    if (size <= 0 || size == ssize_t(sizeof(buffer)))
      return current; // not a link (a new file), or an unreadable one
    llvm::StringRef link(buffer, size_t(size));
    if (path::is_absolute(link)) {
      current = link.str();
    } else {
      llvm::SmallString<256> next(path::parent_path(current));
      path::append(next, link);
      current = std::string(next);
    }
  }
  return current;
}

/// Rewrites `target` in place with the bytes of `source`.
static llvm::Error copyInto(llvm::StringRef source, llvm::StringRef target) {
  int in = ::open(source.str().c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0)
    return fail("cannot write '" + target + "': " + llvm::sys::StrError(errno));
  int out = ::open(target.str().c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (out < 0) {
    int error = errno;
    ::close(in);
    return fail("cannot write '" + target + "': " + llvm::sys::StrError(error));
  }
  std::string failure;
  std::vector<char> buffer(1 << 20);
  for (;;) {
    ssize_t got = ::read(in, buffer.data(), buffer.size());
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0) {
      failure = llvm::sys::StrError(errno);
      break;
    }
    if (got == 0)
      break;
    for (ssize_t put = 0; put < got;) {
      ssize_t wrote = ::write(out, buffer.data() + put, size_t(got - put));
      if (wrote < 0 && errno == EINTR)
        continue;
      if (wrote < 0) {
        failure = llvm::sys::StrError(errno);
        break;
      }
      put += wrote;
    }
    if (!failure.empty())
      break;
  }
  ::close(in);
  if (::close(out) != 0 && failure.empty())
    failure = llvm::sys::StrError(errno);
  if (!failure.empty())
    return fail("cannot write '" + target +
                "' (rewritten in place): " + failure);
  return llvm::Error::success();
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
  // A link is followed, also one whose target does not exist yet (as cp
  // and mlir-opt do): the file it names is the one written.
  file->target = followLinks(target);
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
  // A file without any write permission is not replaced (cp and mlir-opt
  // cannot write it either, unless run by root).
  struct stat info;
  const bool exists = ::stat(file->target.c_str(), &info) == 0;
  if (exists && !(info.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)))
    return fail("cannot write '" + target +
                "': the file is read-only (make it writable or remove it "
                "first)");
  // A file with other hard links is rewritten in place once the output is
  // complete, so that every link sees it (as cp does); so is one whose
  // directory cannot hold a new file (a read-only directory), the output
  // then waiting in the system's temporary directory.
  file->inPlace = exists && info.st_nlink > 1;
  llvm::SmallString<256> model(path::parent_path(file->target));
  path::append(model, "." + path::filename(file->target).str() + ".tmp-%%%%%%");
  int fd = -1;
  llvm::SmallString<256> temporary;
  std::error_code ec;
  if (!file->inPlace)
    ec = fs::createUniqueFile(model, fd, temporary);
  if (file->inPlace ||
      (ec && exists && ::access(file->target.c_str(), W_OK) == 0)) {
    file->inPlace = true;
    ec = fs::createTemporaryFile("coreai-output", "tmp", fd, temporary);
  }
  if (ec)
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
  if (inPlace) {
    llvm::Error copied = copyInto(temporary, target);
    discard();
    if (copied)
      return copied;
    done = true;
    return llvm::Error::success();
  }
  // The new file keeps the mode of the one it replaces; a new one gets the
  // mode the umask leaves of 0666, as files that cp and mlir-opt create.
  if (llvm::ErrorOr<fs::perms> mode = fs::getPermissions(target))
    (void)fs::setPermissions(temporary, *mode);
  else
    (void)fs::setPermissions(temporary,
                             static_cast<fs::perms>(0666 & ~fs::getUmask()));
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
