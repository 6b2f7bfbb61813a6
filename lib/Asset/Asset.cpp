//===- Asset.cpp - .aimodel assets ----------------------------------------===//

#include "coreai/Asset/Asset.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/raw_ostream.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <array>
#include <vector>

using namespace mlir::coreai;
namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

/// The name of the directory a write stages its files in, inside the asset
/// it updates; a run killed half-way may leave one, which is skipped when
/// files are copied and may be deleted.
static constexpr llvm::StringLiteral kStagingPrefix = ".coreai-partial-";

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
    if (path::filename(entry).starts_with(kStagingPrefix)) {
      if (it->type() == fs::file_type::directory_file)
        it.no_push();
      continue;
    }
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

/// Writes the files of the new asset into the fresh directory `staging`: the
/// program, its hash, the other files of `source` when `copyOthers`, and a
/// metadata.json of this producer when neither `source` nor the asset being
/// updated (`keptMetadata`) has one.
static llvm::Error stageAsset(llvm::StringRef staging, llvm::StringRef bytecode,
                              llvm::StringRef source, bool copyOthers,
                              bool keptMetadata) {
  if (copyOthers && !source.empty())
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
  if (!fs::exists(file) && !keptMetadata)
    if (llvm::Error e = writeFile(
            file, "{\"producer\": \"coreai-opt\", \"assetVersion\": \"1\"}\n"))
      return e;
  return llvm::Error::success();
}

/// Moves every file of `staging` into `dest` (an existing asset directory),
/// creating subdirectories as needed; main.hash goes last so that a run
/// stopped half-way leaves a hash that does not match (a warning) rather than
/// one that does.
static llvm::Error moveStagedFiles(llvm::StringRef staging,
                                   llvm::StringRef dest) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(staging, ec), end; it != end && !ec;
       it.increment(ec))
    if (it->type() != fs::file_type::directory_file)
      files.push_back(it->path());
  if (ec)
    return fail("cannot read '" + staging + "': " + ec.message());
  // The top-level main.hash last.
  llvm::SmallString<256> hashFile(staging);
  path::append(hashFile, kAssetHashFile);
  auto hashAt = llvm::find(files, std::string(hashFile));
  if (hashAt != files.end())
    std::rotate(hashAt, hashAt + 1, files.end());
  for (const std::string &file : files) {
    llvm::SmallString<256> relative(file);
    path::replace_path_prefix(relative, staging, "");
    llvm::SmallString<256> to(dest);
    path::append(to, path::relative_path(relative));
    if (std::error_code mk = fs::create_directories(path::parent_path(to)))
      return fail("cannot create '" + path::parent_path(to) +
                  "': " + mk.message());
    if (std::error_code mv = fs::rename(file, to))
      return fail("cannot write '" + to + "': " + mv.message());
  }
  return llvm::Error::success();
}

llvm::Error mlir::coreai::writeAsset(llvm::StringRef target,
                                     llvm::StringRef bytecode,
                                     llvm::StringRef source,
                                     bool overwriteSource) {
  llvm::StringRef named = target.rtrim("/");
  // A link is followed: the asset is written where it points. A link that
  // points nowhere is refused rather than replaced by a directory.
  llvm::SmallString<256> dest(named);
  bool isLink = fs::is_symlink_file(named);
  if (isLink || fs::exists(named)) {
    if (std::error_code ec = fs::real_path(named, dest))
      return fail("cannot write the asset '" + named +
                  "': it is a symbolic link to nothing (" + ec.message() + ")");
  }
  bool sameAsSource =
      !source.empty() && fs::exists(dest) && fs::equivalent(dest, source);
  if (sameAsSource && !overwriteSource)
    return fail("refusing to overwrite the input asset '" + named +
                "'; write another path or ask for it explicitly");
  if (fs::exists(dest) && !fs::is_directory(dest))
    return fail("cannot write the asset '" + named +
                "': a file that is not a directory is in the way");

  if (fs::exists(dest)) {
    // An existing directory must be an asset (or empty): anything else is
    // somebody's data. Only the asset's own files are replaced; every other
    // file in it stays.
    llvm::SmallString<256> program(dest);
    path::append(program, kAssetProgramFile);
    std::error_code ec;
    bool empty = fs::directory_iterator(dest, ec) == fs::directory_iterator();
    if (!fs::exists(program) && !(empty && !ec))
      return fail("refusing to write the asset '" + named +
                  "': the directory exists and is not an .aimodel asset (it "
                  "has no " +
                  kAssetProgramFile + ")");
    llvm::SmallString<256> staging;
    if (std::error_code mk = fs::createUniqueDirectory(
            (dest + "/" + kStagingPrefix).str(), staging))
      return fail("cannot write the asset '" + named + "': " + mk.message());
    llvm::SmallString<256> metadata(dest);
    path::append(metadata, kAssetMetadataFile);
    llvm::Error e = stageAsset(staging, bytecode, source, !sameAsSource,
                               fs::exists(metadata));
    if (!e)
      e = moveStagedFiles(staging, dest);
    (void)fs::remove_directories(staging, /*IgnoreErrors=*/true);
    return e;
  }

  // A new asset: built whole in a sibling directory and renamed into place.
  // Unique names are made in the system's temporary directory unless the
  // model path is absolute: make it absolute, next to the target.
  llvm::SmallString<256> parent(path::parent_path(dest));
  if (std::error_code ec = fs::make_absolute(parent))
    return fail("cannot write the asset '" + named + "': " + ec.message());
  llvm::SmallString<256> staging;
  if (std::error_code ec = fs::createUniqueDirectory(
          (parent + "/." + path::filename(dest) + ".partial").str(), staging))
    return fail("cannot create a directory next to '" + named +
                "': " + ec.message());
  llvm::Error e = stageAsset(staging, bytecode, source, /*copyOthers=*/true,
                             /*keptMetadata=*/false);
  if (!e)
    if (std::error_code ec = fs::rename(staging, dest))
      e = fail("cannot write the asset '" + named + "': " + ec.message());
  if (e)
    (void)fs::remove_directories(staging);
  return e;
}
