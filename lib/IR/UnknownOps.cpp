//===- UnknownOps.cpp - Custom syntax for unmodelled coreai ops -----------===//
//
// A real Core AI program uses about 80 `coreai.<name>` ops; only those this
// project reasons about are registered. The rest are parsed here into
// unregistered operations and printed back in the syntax they came in:
//
//   %r = coreai.softmax %a, %b : (T0, T1) -> R          (the default form)
//   %r = coreai.abs %a : T -> R
//   %r = coreai.relu %a : (T) -> R
//   %r = coreai.expand_dims %a, %b : (T0, T1) to R
//   %r = coreai.gather_along_axis %a at %b along %c : (...) to R
//   %r = coreai.slice_update %x with %s at (%a, %b, %c) : (...) to R
//   %r = coreai.pad %x, %p, %v mode = <constant> : (...) -> R
//   %r:2 = coreai.read_handle %h, %t : (<tensor<4xf32>>, !coreai.token) ->
//   (...) %t = coreai.create_token : !coreai.token
//
// When an op's spelling differs from the default form, its layout is kept in
// the `coreai.syntax` attribute (visible only in the generic form), so it
// survives the generic form and bytecode. Ops with regions are registered.
//
//===----------------------------------------------------------------------===//

#include "coreai/IR/CoreAIDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace mlir::coreai;

namespace {

/// Layout tokens: `%` (an operand), `,`, `(`, `)`, `kw:<word>` (a keyword
/// between operands), `attr:<name>` (`name = <value>`), then `:` and the type
/// section: `in` / `(in)` (operand types), `->` or `to`, `out` / `(out)`
/// (result types), `all` (one type for every operand and result).
std::string getDefaultLayout(unsigned numOperands, unsigned numResults) {
  SmallVector<std::string> tokens;
  for (unsigned i = 0; i < numOperands; ++i) {
    if (i)
      tokens.push_back(",");
    tokens.push_back("%");
  }
  if (numOperands || numResults) {
    tokens.push_back(":");
    if (numOperands) {
      tokens.push_back(numOperands == 1 ? "in" : "(in)");
      tokens.push_back("->");
    }
    tokens.push_back(numResults == 1 ? "out" : "(out)");
  }
  return llvm::join(tokens, " ");
}

/// Parses a type, accepting the stripped `<tensor<...>>` spelling of
/// `!coreai.handle` that Core AI prints inside op type lists.
ParseResult parseTypeItem(OpAsmParser &parser, SmallVectorImpl<Type> &types) {
  if (succeeded(parser.parseOptionalLess())) {
    Type inner;
    if (parser.parseType(inner) || parser.parseGreater())
      return failure();
    types.push_back(HandleType::get(parser.getContext(), inner));
    return success();
  }
  return parser.parseType(types.emplace_back());
}

/// Parses `T0, T1, ...` (at least one type) or `(T0, ...)` (possibly empty).
ParseResult parseTypeGroup(OpAsmParser &parser, SmallVectorImpl<Type> &types,
                           bool &parenthesized) {
  parenthesized = succeeded(parser.parseOptionalLParen());
  if (parenthesized && succeeded(parser.parseOptionalRParen()))
    return success();
  do {
    if (parseTypeItem(parser, types))
      return failure();
  } while (succeeded(parser.parseOptionalComma()));
  return parenthesized ? parser.parseRParen() : success();
}

ParseResult parseUnknownOp(OpAsmParser &parser, OperationState &result) {
  SmallVector<std::string> layout;
  SmallVector<OpAsmParser::UnresolvedOperand> operands;
  Builder &builder = parser.getBuilder();

  // Operands, separators and keyword attributes, in the order written.
  while (true) {
    OpAsmParser::UnresolvedOperand operand;
    OptionalParseResult parsedOperand = parser.parseOptionalOperand(operand);
    if (parsedOperand.has_value()) {
      if (failed(*parsedOperand))
        return failure();
      operands.push_back(operand);
      layout.push_back("%");
      continue;
    }
    if (succeeded(parser.parseOptionalComma())) {
      layout.push_back(",");
      continue;
    }
    if (succeeded(parser.parseOptionalLParen())) {
      layout.push_back("(");
      continue;
    }
    if (succeeded(parser.parseOptionalRParen())) {
      layout.push_back(")");
      continue;
    }
    StringRef keyword;
    if (succeeded(parser.parseOptionalKeyword(&keyword))) {
      if (succeeded(parser.parseOptionalEqual())) {
        StringRef value;
        if (parser.parseLess() || parser.parseKeyword(&value) ||
            parser.parseGreater())
          return failure();
        result.addAttribute(keyword, builder.getStringAttr(value));
        layout.push_back(("attr:" + keyword).str());
      } else {
        layout.push_back(("kw:" + keyword).str());
      }
      continue;
    }
    break;
  }

  if (parser.parseOptionalAttrDict(result.attributes))
    return failure();

  SmallVector<Type> operandTypes, resultTypes;
  size_t numResults = parser.getNumResults();
  SMLoc typeLoc = parser.getCurrentLocation();
  if (succeeded(parser.parseOptionalColon())) {
    layout.push_back(":");
    SmallVector<Type> first;
    bool firstParens = false;
    if (parseTypeGroup(parser, first, firstParens))
      return failure();
    StringRef arrow;
    if (succeeded(parser.parseOptionalArrow()))
      arrow = "->";
    else if (succeeded(parser.parseOptionalKeyword("to")))
      arrow = "to";
    if (!arrow.empty()) {
      bool resultParens = false;
      if (parseTypeGroup(parser, resultTypes, resultParens))
        return failure();
      if (!resultParens && resultTypes.size() != 1)
        return parser.emitError(typeLoc,
                                "several result types must be parenthesized");
      operandTypes = std::move(first);
      layout.push_back(firstParens ? "(in)" : "in");
      layout.push_back(arrow.str());
      layout.push_back(resultParens ? "(out)" : "out");
    } else if (operands.empty()) {
      resultTypes = std::move(first);
      layout.push_back(firstParens ? "(out)" : "out");
    } else if (numResults == 0) {
      operandTypes = std::move(first);
      layout.push_back(firstParens ? "(in)" : "in");
    } else if (first.size() == 1 && !firstParens) {
      operandTypes.assign(operands.size(), first.front());
      resultTypes.assign(numResults, first.front());
      layout.push_back("all");
    } else {
      return parser.emitError(typeLoc, "expected '->' or 'to' between the "
                                       "operand and result types");
    }
  } else if (numResults) {
    return parser.emitError(parser.getNameLoc(),
                            "expected ':' followed by result types");
  }

  if (parser.resolveOperands(operands, operandTypes, typeLoc, result.operands))
    return failure();
  result.addTypes(resultTypes);

  std::string spelled = llvm::join(layout, " ");
  if (spelled != getDefaultLayout(operands.size(), resultTypes.size()))
    result.addAttribute(CoreAIDialect::kSyntaxAttrName,
                        builder.getStringAttr(spelled));
  return success();
}

void printTypeItem(OpAsmPrinter &printer, Type type) {
  if (auto handle = dyn_cast<HandleType>(type)) {
    printer << '<';
    printer.printType(handle.getValueType());
    printer << '>';
    return;
  }
  printer.printType(type);
}

void printTypeGroup(OpAsmPrinter &printer, TypeRange types, bool parens) {
  if (parens)
    printer << '(';
  llvm::interleave(
      types, [&](Type t) { printTypeItem(printer, t); },
      [&] { printer << ", "; });
  if (parens)
    printer << ')';
}

void printUnknownOp(Operation *op, OpAsmPrinter &printer) {
  std::string layout =
      getDefaultLayout(op->getNumOperands(), op->getNumResults());
  if (auto syntax =
          op->getAttrOfType<StringAttr>(CoreAIDialect::kSyntaxAttrName)) {
    // A layout that no longer fits the op (e.g. a rewrite changed its
    // operands) falls back to the default form.
    SmallVector<StringRef> tokens;
    syntax.getValue().split(tokens, ' ');
    if (llvm::count(tokens, "%") == static_cast<long>(op->getNumOperands()))
      layout = syntax.getValue().str();
  }
  SmallVector<StringRef> tokens;
  StringRef(layout).split(tokens, ' ', /*MaxSplit=*/-1, /*KeepEmpty=*/false);

  SmallVector<StringRef> elided = {CoreAIDialect::kSyntaxAttrName};
  unsigned nextOperand = 0;
  bool afterParen = false;
  size_t i = 0;
  for (; i < tokens.size() && tokens[i] != ":"; ++i) {
    StringRef token = tokens[i];
    bool wasAfterParen = afterParen;
    afterParen = false;
    if (token == "%") {
      if (!wasAfterParen)
        printer << ' ';
      printer.printOperand(op->getOperand(nextOperand++));
    } else if (token == ",") {
      printer << ',';
    } else if (token == "(") {
      if (!wasAfterParen)
        printer << ' ';
      printer << '(';
      afterParen = true;
    } else if (token == ")") {
      printer << ')';
    } else if (token.consume_front("kw:")) {
      printer << ' ' << token;
    } else if (token.consume_front("attr:")) {
      elided.push_back(token);
      printer << ' ' << token << " = <";
      if (auto value = op->getAttrOfType<StringAttr>(token))
        printer << value.getValue();
      printer << '>';
    }
  }
  printer.printOptionalAttrDict(op->getAttrs(), elided);
  if (i == tokens.size())
    return;

  printer << " :";
  for (++i; i < tokens.size(); ++i) {
    StringRef token = tokens[i];
    printer << ' ';
    if (token == "in" || token == "(in)")
      printTypeGroup(printer, op->getOperandTypes(), token == "(in)");
    else if (token == "out" || token == "(out)")
      printTypeGroup(printer, op->getResultTypes(), token == "(out)");
    else if (token == "all")
      printTypeItem(printer, op->getNumOperands() ? op->getOperand(0).getType()
                                                  : op->getResult(0).getType());
    else
      printer << token; // `->` or `to`
  }
}

} // namespace

std::optional<Dialect::ParseOpHook>
CoreAIDialect::getParseOperationHook(StringRef opName) const {
  if (opName.starts_with("coreai."))
    return ParseOpHook(parseUnknownOp);
  return Dialect::getParseOperationHook(opName);
}

llvm::unique_function<void(Operation *, OpAsmPrinter &)>
CoreAIDialect::getOperationPrinter(Operation *op) const {
  if (!op->isRegistered())
    return printUnknownOp;
  return Dialect::getOperationPrinter(op);
}
