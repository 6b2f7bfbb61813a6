//===- AtomicFileTest.cpp - Outputs that replace their target whole -------===//

#include "coreai/Asset/AtomicFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include "gtest/gtest.h"

#include <csignal>

using namespace mlir::coreai;

namespace {

TEST(AtomicFile, IgnoredHangupKeepsTheOutput) {
  // As under nohup: SIGHUP ignored before the output is opened. A hangup
  // while it is written must neither remove the temporary file nor stop
  // the run; the output is committed whole.
  llvm::SmallString<128> dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("atomic-file", dir));
  llvm::SmallString<128> target(dir);
  llvm::sys::path::append(target, "out.txt");
  auto previous = signal(SIGHUP, SIG_IGN);
  {
    llvm::Expected<std::unique_ptr<AtomicOutputFile>> file =
        AtomicOutputFile::open(target);
    ASSERT_TRUE(bool(file));
    (*file)->os() << "first half, ";
    raise(SIGHUP);
    (*file)->os() << "second half";
    llvm::Error error = (*file)->commit();
    EXPECT_FALSE(bool(error)) << llvm::toString(std::move(error));
  }
  EXPECT_EQ(signal(SIGHUP, previous), SIG_IGN);
  auto written = llvm::MemoryBuffer::getFile(target);
  ASSERT_TRUE(bool(written));
  EXPECT_EQ((*written)->getBuffer(), "first half, second half");
  llvm::sys::fs::remove_directories(dir);
}

} // namespace
