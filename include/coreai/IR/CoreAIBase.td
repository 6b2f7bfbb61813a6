//===- CoreAIBase.td - Core AI dialect definition ----------*- tablegen -*-===//
//
// The `coreai` dialect: Core AI programs as printed and parsed by Apple's
// toolchain. docs/Dialect.md (generated) lists what is modelled; the README
// says what passes through.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_IR_COREAIBASE_TD
#define COREAI_IR_COREAIBASE_TD

include "mlir/IR/OpBase.td"

def CoreAI_Dialect : Dialect {
  let name = "coreai";
  let cppNamespace = "::mlir::coreai";
  let summary = "Core AI programs: graphs, weights and compression ops";
  let description = [{
    The `coreai` dialect reads and writes the textual IR of Core AI programs.
    Graph structure, constants, weight consumers and the weight compression
    ops are modelled with verifiers; every other `coreai.<name>` operation is
    accepted as an unregistered operation whose custom syntax is kept, so a
    program comes back out in the syntax it came in.
  }];

  // Unknown `#coreai.*` attributes and `!coreai.*` types fall back to opaque
  // storage, so the printers and parsers are written by hand.
  let useDefaultTypePrinterParser = 0;
  let useDefaultAttributePrinterParser = 0;
  let hasConstantMaterializer = 1;

  let extraClassDeclaration = [{
    ::mlir::Type parseType(::mlir::DialectAsmParser &parser) const override;
    void printType(::mlir::Type type,
                   ::mlir::DialectAsmPrinter &printer) const override;
    ::mlir::Attribute parseAttribute(::mlir::DialectAsmParser &parser,
                                     ::mlir::Type type) const override;
    void printAttribute(::mlir::Attribute attr,
                        ::mlir::DialectAsmPrinter &printer) const override;

    /// Parses `coreai.<name>` operations that are not registered, keeping
    /// their custom syntax (see UnknownOps.cpp).
    std::optional<ParseOpHook>
    getParseOperationHook(::llvm::StringRef opName) const override;
    /// Prints unregistered `coreai.<name>` operations in their custom syntax.
    ::llvm::unique_function<void(::mlir::Operation *, ::mlir::OpAsmPrinter &)>
    getOperationPrinter(::mlir::Operation *op) const override;

    /// The attribute that records how an unregistered op was spelled when it
    /// differs from the default `%a, %b : (A, B) -> R` form.
    static constexpr ::llvm::StringLiteral kSyntaxAttrName = "coreai.syntax";

  private:
    void registerTypes();
    void registerAttributes();
  }];
}

class CoreAI_Op<string mnemonic, list<Trait> traits = []>
    : Op<CoreAI_Dialect, mnemonic, traits>;

#endif // COREAI_IR_COREAIBASE_TD
