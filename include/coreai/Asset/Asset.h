//===- Asset.h - .aimodel assets --------------------------------*- C++ -*-===//
//
// An `.aimodel` asset is a directory: `main.mlirb` (the program as MLIR
// bytecode, weights inside), `main.hash` (the raw 32-byte SHA-256 of
// main.mlirb), `metadata.json` (producer, assetVersion, anything else), and
// any other files. Reading checks the layout; writing builds the whole
// directory next to the target and renames it into place, so a failure never
// leaves a half-written asset. Needs LLVM Support only.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_ASSET_ASSET_H
#define COREAI_ASSET_ASSET_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"

#include <memory>
#include <string>

namespace mlir {
namespace coreai {

constexpr llvm::StringLiteral kAssetProgramFile = "main.mlirb";
constexpr llvm::StringLiteral kAssetHashFile = "main.hash";
constexpr llvm::StringLiteral kAssetMetadataFile = "metadata.json";

/// True when `path` names an asset (it ends in `.aimodel`, with or without a
/// trailing separator).
bool isAssetPath(llvm::StringRef path);

/// The program of an asset, and what is wrong with its hash (empty when
/// main.hash matches).
struct AssetProgram {
  std::unique_ptr<llvm::MemoryBuffer> bytecode;
  std::string hashWarning;
};

/// Reads the program of the asset directory `path`. Fails when `path` is not
/// a directory or has no main.mlirb; a missing or wrong main.hash is only a
/// warning (the hash is a cache key).
llvm::Expected<AssetProgram> readAsset(llvm::StringRef path);

/// Writes the asset `target` holding `bytecode` as main.mlirb, its SHA-256 as
/// main.hash, and, from the asset `source` when given (else nothing but a
/// metadata.json of this producer), metadata.json unchanged and every other
/// file. A link is followed and the asset written where it points; a link to
/// nothing is refused. A new asset is built next to `target` and renamed into
/// place; an existing asset is updated in place (its own files replaced one
/// by one after all were written, every other file kept), and an existing
/// directory that is neither an asset nor empty is refused. On failure
/// nothing is left. Refuses to replace `source` itself unless
/// `overwriteSource`.
llvm::Error writeAsset(llvm::StringRef target, llvm::StringRef bytecode,
                       llvm::StringRef source = "",
                       bool overwriteSource = false);

} // namespace coreai
} // namespace mlir

#endif // COREAI_ASSET_ASSET_H
