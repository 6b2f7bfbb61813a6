//===- WeightAnalysis.h - What every weight of a program is -----*- C++ -*-===//
//
// Finds every weight operand of every weight consumer (in program order),
// follows it back through look-through ops with the axis mapping of
// candidate selection, and describes it: its decoder chain and the scheme it
// encodes, its sizes before and after, and (against a reference program) the
// error of its materialized values. The weight report only prints this.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_ANALYSIS_WEIGHTANALYSIS_H
#define COREAI_ANALYSIS_WEIGHTANALYSIS_H

#include "coreai/IR/CoreAIInterfaces.h"
#include "coreai/IR/CoreAIOps.h"
#include "coreai/Schemes/CompressionOptions.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <optional>
#include <string>
#include <vector>

namespace mlir {
namespace coreai {

/// One weight operand and what it holds.
struct WeightRecord {
  Operation *consumer = nullptr;
  unsigned operandIndex = 0;
  /// The weight before any look-through op: a constant or a chain result.
  Value source;
  RankedTensorType type;
  WeightAxes axes;
  /// Decoder ops and casts of a compressed weight, and every constant the
  /// weight is made of.
  SmallVector<Operation *> chain;
  SmallVector<ConstantOp> constants;

  // What the report shows.
  std::string consumerName, location, shape, elementType, stored, scheme;
  int64_t bytesBefore = 0, bytesAfter = 0;
  double bitsPerWeight = 0;
  bool compressed = false;
  std::string skipReason;
  /// Against a reference program: over the whole tensor, the largest
  /// error, and the SQNR of the worst output channel.
  std::optional<double> sqnr, maxError, worstChannelSqnr;
  /// With activation statistics: the SQNR of what the consumer's output
  /// holds of the weight, tr(W H W^T) over tr(dW H dW^T).
  std::optional<double> outputSqnr;
};

/// The output SQNR of weight `ordinal` from its reference and materialized
/// values (row-major), or nothing; called concurrently.
using OutputSqnrFn = llvm::function_ref<std::optional<double>(
    size_t ordinal, ArrayRef<double> reference, ArrayRef<double> values)>;

/// Program-wide sums, as the report's last lines give them.
struct WeightTotals {
  int64_t weights = 0, compressed = 0, bytesBefore = 0, bytesAfter = 0,
          elements = 0;
  double bitsPerWeight = 0;
  /// The compressed weight with the lowest SQNR and the one with the worst
  /// output channel, when errors are known.
  std::optional<size_t> worst, worstChannel;
  /// The compressed weight of the lowest output SQNR, when known.
  std::optional<size_t> worstOutput;
};

/// The weights of a program.
class WeightAnalysis {
public:
  explicit WeightAnalysis(Operation *root);

  ArrayRef<WeightRecord> getWeights() const { return weights; }
  WeightTotals getTotals() const;

  /// Adds SQNR and largest absolute error to every weight that is a
  /// constant or a chain of constants, against the program at
  /// `referencePath` (text or bytecode; weights matched by their order among
  /// the consumers' weight operands). Reports a problem at the first weight
  /// that does not match, or at `root`, and fails.
  LogicalResult compareWith(StringRef referencePath, unsigned threads);
  /// The same against a program already in memory (it is not changed).
  LogicalResult compareWith(Operation *reference, StringRef referenceName,
                            unsigned threads,
                            OutputSqnrFn outputSqnr = nullptr);

  /// Replaces the generic reason of uncompressed weight `ordinal`.
  void setSkipReason(size_t ordinal, std::string reason) {
    if (ordinal < weights.size() && !weights[ordinal].compressed)
      weights[ordinal].skipReason = std::move(reason);
  }

private:
  LogicalResult compareWithOwned(OwningOpRef<Operation *> reference,
                                 StringRef referenceName, unsigned threads,
                                 OutputSqnrFn outputSqnr = nullptr);

  Operation *root;
  std::vector<WeightRecord> weights;
};

/// Prints `analysis` as an aligned table or as JSON.
void printWeightReport(const WeightAnalysis &analysis, ReportFormat format,
                       raw_ostream &os);

/// The SHA-256 of a weight's payload as MLIR holds it (a resource blob's
/// bytes, or a dense attribute's raw data), as 64 lower-case hex digits.
std::string getPayloadSha256(ElementsAttr value);

/// Each weight constant's id: the weight report's `#` of its first weight
/// operand (the ordinal recipes match).
DenseMap<Operation *, int64_t> getWeightIds(const WeightAnalysis &analysis);

} // namespace coreai
} // namespace mlir

#endif // COREAI_ANALYSIS_WEIGHTANALYSIS_H
