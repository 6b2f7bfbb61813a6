//===- Asset.cpp - .aimodel assets ----------------------------------------===//

#include "coreai/Asset/Asset.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/raw_ostream.h"

#include <array>

using namespace mlir::coreai;
namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

namespace {

llvm::Error fail(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

std::array<uint8_t, 32> hashOf(llvm::StringRef bytes) {
  return llvm::SHA256::hash(llvm::ArrayRef<uint8_t>(
      reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size()));
}

/// Writes `bytes` to `file`.
llvm::Error writeFile(const llvm::Twine &file, llvm::StringRef bytes) {
  std::error_code ec;
  llvm::raw_fd_ostream os(file.str(), ec, fs::OF_None);
  if (ec)
    return fail("cannot write '" + file + "': " + ec.message());
  os << bytes;
  os.close();
  if (os.has_error())
    return fail("cannot write '" + file + "': " + os.error().message());
  return llvm::Error::success();
}

/// Copies every file of `from` but the program and its hash into `to`,
/// keeping the tree.
llvm::Error copyOtherFiles(llvm::StringRef from, llvm::StringRef to) {
  std::error_code ec;
  for (fs::recursive_directory_iterator it(from, ec), end; it != end && !ec;
       it.increment(ec)) {
    llvm::StringRef entry = it->path();
    llvm::SmallString<256> relative(entry);
    path::replace_path_prefix(relative, from, "");
    llvm::StringRef rel = path::relative_path(relative);
    if (rel == kAssetProgramFile || rel == kAssetHashFile)
      continue;
    llvm::SmallString<256> dest(to);
    path::append(dest, rel);
    if (it->type() == fs::file_type::directory_file) {
      if (std::error_code mk = fs::create_directories(dest))
        return fail("cannot create '" + dest + "': " + mk.message());
      continue;
    }
    if (std::error_code cp = fs::copy_file(entry, dest))
      return fail("cannot copy '" + entry + "': " + cp.message());
  }
  if (ec)
    return fail("cannot read the asset '" + from + "': " + ec.message());
  return llvm::Error::success();
}

} // namespace

bool mlir::coreai::isAssetPath(llvm::StringRef p) {
  return p.rtrim("/").ends_with(".aimodel");
}

llvm::Expected<AssetProgram> mlir::coreai::readAsset(llvm::StringRef dir) {
  if (!fs::exists(dir))
    return fail("cannot read the asset '" + dir + "': no such directory");
  if (!fs::is_directory(dir))
    return fail("'" + dir +
                "' is not a directory: an .aimodel asset is a directory "
                "holding main.mlirb, main.hash and metadata.json");
  llvm::SmallString<256> program(dir);
  path::append(program, kAssetProgramFile);
  if (!fs::exists(program))
    return fail("the asset '" + dir + "' has no " + kAssetProgramFile +
                " (the program's bytecode)");
  // NUL-terminated: a main.mlirb that holds text is lexed up to the NUL.
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> bytes =
      llvm::MemoryBuffer::getFile(program);
  if (!bytes)
    return fail("cannot read '" + program + "': " + bytes.getError().message());
  AssetProgram result;
  result.bytecode = std::move(*bytes);
  llvm::SmallString<256> hashFile(dir);
  path::append(hashFile, kAssetHashFile);
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> hash =
      llvm::MemoryBuffer::getFile(hashFile, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  std::array<uint8_t, 32> actual = hashOf(result.bytecode->getBuffer());
  if (!hash)
    result.hashWarning = ("the asset '" + dir + "' has no " + kAssetHashFile +
                          "; it is recomputed when the asset is written")
                             .str();
  else if ((*hash)->getBuffer() !=
           llvm::StringRef(reinterpret_cast<const char *>(actual.data()),
                           actual.size()))
    result.hashWarning = (llvm::Twine(kAssetHashFile) + " of the asset '" +
                          dir + "' does not match " + kAssetProgramFile +
                          "; it is recomputed when the asset is written")
                             .str();
  return result;
}

llvm::Error mlir::coreai::writeAsset(llvm::StringRef target,
                                     llvm::StringRef bytecode,
                                     llvm::StringRef source,
                                     bool overwriteSource) {
  llvm::StringRef dest = target.rtrim("/");
  if (!source.empty() && fs::exists(dest) && fs::equivalent(dest, source) &&
      !overwriteSource)
    return fail("refusing to overwrite the input asset '" + dest +
                "'; write another path or ask for it explicitly");
  if (fs::exists(dest) && !fs::is_directory(dest))
    return fail("cannot write the asset '" + dest +
                "': a file that is not a directory is in the way");
  // Unique names are made in the system's temporary directory unless the
  // model path is absolute: make it absolute, next to the target.
  llvm::SmallString<256> parent(path::parent_path(dest));
  if (std::error_code ec = fs::make_absolute(parent))
    return fail("cannot write the asset '" + dest + "': " + ec.message());
  // Build the whole asset in a fresh sibling directory.
  llvm::SmallString<256> staging;
  if (std::error_code ec = fs::createUniqueDirectory(
          (parent + "/." + path::filename(dest) + ".partial").str(), staging))
    return fail("cannot create a directory next to '" + dest +
                "': " + ec.message());
  auto build = [&]() -> llvm::Error {
    if (!source.empty())
      if (llvm::Error e = copyOtherFiles(source, staging))
        return e;
    llvm::SmallString<256> file(staging);
    path::append(file, kAssetProgramFile);
    if (llvm::Error e = writeFile(file, bytecode))
      return e;
    std::array<uint8_t, 32> hash = hashOf(bytecode);
    file = staging;
    path::append(file, kAssetHashFile);
    if (llvm::Error e = writeFile(
            file, llvm::StringRef(reinterpret_cast<const char *>(hash.data()),
                                  hash.size())))
      return e;
    file = staging;
    path::append(file, kAssetMetadataFile);
    if (!fs::exists(file))
      if (llvm::Error e = writeFile(
              file,
              "{\"producer\": \"coreai-opt\", \"assetVersion\": \"1\"}\n"))
        return e;
    // Replace what is there: move it aside first, then put the new one in.
    llvm::SmallString<256> old;
    if (fs::exists(dest)) {
      std::string prefix =
          (parent + "/." + path::filename(dest) + ".old").str();
      if (std::error_code ec = fs::createUniqueDirectory(prefix, old))
        return fail("cannot replace '" + dest + "': " + ec.message());
      fs::remove(old);
      if (std::error_code ec = fs::rename(dest, old))
        return fail("cannot replace '" + dest + "': " + ec.message());
    }
    if (std::error_code ec = fs::rename(staging, dest)) {
      if (!old.empty())
        (void)fs::rename(old, dest);
      return fail("cannot write the asset '" + dest + "': " + ec.message());
    }
    if (!old.empty())
      (void)fs::remove_directories(old);
    return llvm::Error::success();
  };
  if (llvm::Error e = build()) {
    (void)fs::remove_directories(staging);
    return e;
  }
  return llvm::Error::success();
}
