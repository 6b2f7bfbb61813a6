//===- DebugInfo.h - The `debuginfo` location dialect -----------*- C++ -*-===//
//
// Programs saved with debug info carry locations of a separate `debuginfo`
// dialect: `loc(#debuginfo.location<...>)`, often through `#loc` aliases.
// This dialect reads such a location, keeps its body verbatim and prints it
// back (bytecode stores it as text), so the programs load, compress and save
// with their locations intact. The body's meaning is not interpreted.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_IR_DEBUGINFO_H
#define COREAI_IR_DEBUGINFO_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/Location.h"

namespace mlir {
namespace debuginfo {

class DebugInfoDialect : public Dialect {
public:
  explicit DebugInfoDialect(MLIRContext *context);
  static constexpr StringLiteral getDialectNamespace() { return "debuginfo"; }

  Attribute parseAttribute(DialectAsmParser &parser, Type type) const override;
  void printAttribute(Attribute attr,
                      DialectAsmPrinter &printer) const override;
};

namespace detail {
struct DebugLocationStorage;
} // namespace detail

/// `#debuginfo.location<...>`: a location whose text (`location<...>`) is
/// kept as it was read.
class DebugLocationAttr
    : public Attribute::AttrBase<DebugLocationAttr, LocationAttr,
                                 detail::DebugLocationStorage,
                                 AttributeTrait::IsLocation> {
public:
  using Base::Base;
  static constexpr StringLiteral name = "debuginfo.location";

  /// `spec` is the attribute's text after `#debuginfo.`.
  static DebugLocationAttr get(MLIRContext *context, StringRef spec);
  StringRef getSpec() const;
};

} // namespace debuginfo
} // namespace mlir

MLIR_DECLARE_EXPLICIT_TYPE_ID(mlir::debuginfo::DebugInfoDialect)
MLIR_DECLARE_EXPLICIT_TYPE_ID(mlir::debuginfo::DebugLocationAttr)

#endif // COREAI_IR_DEBUGINFO_H
