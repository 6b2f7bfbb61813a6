//===- CompressionOptions.h - Typed values of the pass options --*- C++ -*-===//
//
// The closed value sets of the compression options (dtype, qscheme,
// granularity, ...) as enums, shared by the passes' TableGen options, the
// schemes and the report. An unknown value fails option parsing with a
// message that names the option and lists the allowed values.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_SCHEMES_COMPRESSIONOPTIONS_H
#define COREAI_SCHEMES_COMPRESSIONOPTIONS_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"

#include <string>

namespace mlir {
namespace coreai {

/// Storage formats of quantized data, LUTs and sparse values.
enum class QuantDtype {
  None,
  Int8,
  UInt8,
  Int4,
  UInt4,
  Int2,
  UInt2,
  FP8E4M3FN,
  FP8E5M2,
  FP4E2M1FN
};
enum class QScheme { Symmetric, Asymmetric };
/// Granularities of quantization (tensor, channel, block) and palettization
/// (tensor, channel, grouped channels).
enum class Granularity { PerTensor, PerChannel, PerBlock, PerGroupedChannel };
enum class ScaleDtype { None, FP8E8M0FNU };
enum class ReportFormat { Table, JSON };
/// How integer scales are chosen: Auto is MSE for 2- and 4-bit integer
/// dtypes and MinMax otherwise.
enum class ScaleSearchMode { Auto, MinMax, MSE };
/// The codes of symmetric integer formats: Restricted drops the lowest
/// (-7..7 for 4 bits), Full keeps it (-8..7).
enum class SymmetricRange { Restricted, Full };
/// What the automatic choice optimizes under a budget: the worst channel of
/// the program (MaxWorst); a floor on every weight's worst channel, then the
/// least noise (Balanced); or the sum of the weights' worst-channel noise.
enum class AutoObjective { MaxWorst, Balanced, LeastNoise };

/// The option spelling of each value.
llvm::StringRef stringify(QuantDtype value);
llvm::StringRef stringify(QScheme value);
llvm::StringRef stringify(Granularity value);
llvm::StringRef stringify(ScaleDtype value);
llvm::StringRef stringify(ReportFormat value);
llvm::StringRef stringify(ScaleSearchMode value);
llvm::StringRef stringify(SymmetricRange value);
llvm::StringRef stringify(AutoObjective value);

/// The parser of an enum option: llvm::cl's generic parser with an error
/// that lists the allowed values.
template <typename E>
class EnumOptionParser : public llvm::cl::generic_parser_base {
protected:
  struct OptionInfo : public GenericOptionInfo {
    OptionInfo(llvm::StringRef name, E value, llvm::StringRef help)
        : GenericOptionInfo(name, help), V(value) {}
    llvm::cl::OptionValue<E> V;
  };
  llvm::SmallVector<OptionInfo, 8> Values;

public:
  using parser_data_type = E;
  explicit EnumOptionParser(llvm::cl::Option &option)
      : generic_parser_base(option) {}

  unsigned getNumOptions() const override { return Values.size(); }
  llvm::StringRef getOption(unsigned n) const override {
    return Values[n].Name;
  }
  llvm::StringRef getDescription(unsigned n) const override {
    return Values[n].HelpStr;
  }
  const llvm::cl::GenericOptionValue &
  getOptionValue(unsigned n) const override {
    return Values[n].V;
  }

  /// Returns true on error.
  bool parse(llvm::cl::Option &option, llvm::StringRef, llvm::StringRef arg,
             E &value) {
    for (const OptionInfo &info : Values)
      if (info.Name == arg) {
        value = info.V.getValue();
        return false;
      }
    std::string allowed;
    for (size_t i = 0; i < Values.size(); ++i)
      allowed += (i == 0                   ? ""
                  : i + 1 == Values.size() ? " or "
                                           : ", ") +
                 Values[i].Name.str();
    return option.error("unsupported value '" + arg + "'; expected " + allowed);
  }

  template <typename DT>
  void addLiteralOption(llvm::StringRef name, const DT &value,
                        llvm::StringRef help) {
    Values.emplace_back(name, static_cast<E>(value), help);
    AddLiteralOption(Owner, name);
  }
  void removeLiteralOption(llvm::StringRef name) {
    Values.erase(Values.begin() + findOption(name));
  }
};

} // namespace coreai
} // namespace mlir

#define COREAI_ENUM_OPTION_PARSER(E)                                           \
  template <>                                                                  \
  class llvm::cl::parser<E> : public ::mlir::coreai::EnumOptionParser<E> {     \
  public:                                                                      \
    using EnumOptionParser::EnumOptionParser;                                  \
  };
COREAI_ENUM_OPTION_PARSER(mlir::coreai::QuantDtype)
COREAI_ENUM_OPTION_PARSER(mlir::coreai::QScheme)
COREAI_ENUM_OPTION_PARSER(mlir::coreai::Granularity)
COREAI_ENUM_OPTION_PARSER(mlir::coreai::ScaleDtype)
COREAI_ENUM_OPTION_PARSER(mlir::coreai::ReportFormat)
COREAI_ENUM_OPTION_PARSER(mlir::coreai::ScaleSearchMode)
COREAI_ENUM_OPTION_PARSER(mlir::coreai::SymmetricRange)
COREAI_ENUM_OPTION_PARSER(mlir::coreai::AutoObjective)
#undef COREAI_ENUM_OPTION_PARSER

#endif // COREAI_SCHEMES_COMPRESSIONOPTIONS_H
