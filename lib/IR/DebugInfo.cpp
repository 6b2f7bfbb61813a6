//===- DebugInfo.cpp - The `debuginfo` location dialect -------------------===//

#include "coreai/IR/DebugInfo.h"
#include "coreai/IR/InputChecks.h"

#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/Hashing.h"

using namespace mlir;
using namespace mlir::debuginfo;

MLIR_DEFINE_EXPLICIT_TYPE_ID(mlir::debuginfo::DebugInfoDialect)
MLIR_DEFINE_EXPLICIT_TYPE_ID(mlir::debuginfo::DebugLocationAttr)

namespace mlir {
namespace debuginfo {
namespace detail {
struct DebugLocationStorage : public AttributeStorage {
  using KeyTy = StringRef;
  explicit DebugLocationStorage(StringRef spec) : spec(spec) {}
  bool operator==(const KeyTy &key) const { return key == spec; }
  static llvm::hash_code hashKey(const KeyTy &key) {
    return llvm::hash_value(key);
  }
  static DebugLocationStorage *construct(AttributeStorageAllocator &allocator,
                                         const KeyTy &key) {
    return new (allocator.allocate<DebugLocationStorage>())
        DebugLocationStorage(allocator.copyInto(key));
  }
  StringRef spec;
};
} // namespace detail
} // namespace debuginfo
} // namespace mlir

DebugLocationAttr DebugLocationAttr::get(MLIRContext *context, StringRef spec) {
  return Base::get(context, spec);
}

StringRef DebugLocationAttr::getSpec() const { return getImpl()->spec; }

DebugInfoDialect::DebugInfoDialect(MLIRContext *context)
    : Dialect(getDialectNamespace(), context, TypeID::get<DebugInfoDialect>()) {
  addAttributes<DebugLocationAttr>();
}

Attribute DebugInfoDialect::parseAttribute(DialectAsmParser &parser,
                                           Type type) const {
  // The whole body, verbatim; the lexer is reset after this call.
  StringRef spec = parser.getFullSymbolSpec();
  if (!spec.starts_with("location")) {
    parser.emitError(parser.getNameLoc(),
                     "unknown debuginfo attribute; expected "
                     "#debuginfo.location<...>");
    return {};
  }
  // Kept verbatim, so it must print back as it was read, in text and in
  // bytecode (which stores it as a C string).
  if (!coreai::isRoundTrippableSpec(spec)) {
    parser.emitError(parser.getNameLoc(),
                     "a debuginfo location may not contain a NUL character");
    return {};
  }
  return DebugLocationAttr::get(getContext(), spec);
}

void DebugInfoDialect::printAttribute(Attribute attr,
                                      DialectAsmPrinter &printer) const {
  printer << cast<DebugLocationAttr>(attr).getSpec();
}
