//===- CoreAIDialect.cpp - Core AI dialect --------------------------------===//

#include "coreai/IR/CoreAIDialect.h"
#include "coreai/IR/CoreAIOps.h"
#include "coreai/IR/InputChecks.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::coreai;

#include "coreai/IR/CoreAIDialect.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "coreai/IR/CoreAITypes.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "coreai/IR/CoreAIAttrs.cpp.inc"

void CoreAIDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "coreai/IR/CoreAIOps.cpp.inc"
      >();
  registerTypes();
  registerAttributes();
  // Every `coreai.<name>` op that is not modelled passes through unchanged.
  allowUnknownOperations();
}

void CoreAIDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "coreai/IR/CoreAITypes.cpp.inc"
      >();
}

void CoreAIDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "coreai/IR/CoreAIAttrs.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// Types and attributes: modelled ones by mnemonic, the rest verbatim
//===----------------------------------------------------------------------===//

Type CoreAIDialect::parseType(DialectAsmParser &parser) const {
  // The parser sees only this symbol's text; keep it whole for the fallback.
  StringRef spec = parser.getFullSymbolSpec();
  StringRef mnemonic;
  Type type;
  OptionalParseResult known = generatedTypeParser(parser, &mnemonic, type);
  if (known.has_value())
    return succeeded(*known) ? type : Type();
  if (!coreai::isRoundTrippableSpec(spec)) {
    parser.emitError(parser.getNameLoc(),
                     "a #coreai type kept verbatim may not contain a NUL "
                     "character");
    return {};
  }
  return OpaqueType::get(getContext(), spec);
}

void CoreAIDialect::printType(Type type, DialectAsmPrinter &printer) const {
  if (auto opaque = dyn_cast<OpaqueType>(type)) {
    printer.getStream() << opaque.getSpec();
    return;
  }
  (void)generatedTypePrinter(type, printer);
}

Attribute CoreAIDialect::parseAttribute(DialectAsmParser &parser,
                                        Type type) const {
  // Core AI attributes (#coreai.composite_declaration<...>,
  // #coreai.interpolation_mode<linear>, ...) only need to survive a round
  // trip here, so they are all kept verbatim. The enclosing parser resumes
  // after the symbol whatever this parser consumed.
  if (type) {
    parser.emitError(parser.getNameLoc(),
                     "typed #coreai attributes are not supported");
    return {};
  }
  StringRef spec = parser.getFullSymbolSpec();
  if (!coreai::isRoundTrippableSpec(spec)) {
    parser.emitError(parser.getNameLoc(),
                     "a #coreai attribute kept verbatim may not contain a NUL "
                     "character");
    return {};
  }
  return OpaqueAttr::get(getContext(), spec);
}

void CoreAIDialect::printAttribute(Attribute attr,
                                   DialectAsmPrinter &printer) const {
  if (auto opaque = dyn_cast<OpaqueAttr>(attr))
    printer.getStream() << opaque.getSpec();
}

Operation *CoreAIDialect::materializeConstant(OpBuilder &builder,
                                              Attribute value, Type type,
                                              Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getType() != type)
    return nullptr;
  return ConstantOp::create(builder, loc, elements);
}
