//===- ActivationStatistics.h - What each weight sees ----------*- C++ -*-===//
//
// Activation statistics: for each weight that a consumer contracts with a
// data input (a matmul's other operand, a conv2d's input), the Gram matrix
// H = sum x x^T of the input columns the weight meets -- for a conv2d its
// im2col patches (c, ky, kx) with the op's strides and dilations, one H per
// group -- accumulated from the inputs the user's runtime captured.
// Weights that read the same value through the same contraction share one
// H. Sums are kept exactly (fixed point, 2^-64 units in 128 bits), so
// statistics gathered in pieces and merged give the bytes of one pass.
// Saved as one safetensors file (docs/ActivationStatistics.md) tied to the
// weights by SHA-256; GPTQ in the schemes reads it.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_STATISTICS_ACTIVATIONSTATISTICS_H
#define COREAI_STATISTICS_ACTIVATIONSTATISTICS_H

#include "coreai/Weights/WeightCandidates.h"
#include "coreai/Weights/WeightScheme.h"

#include "mlir/IR/BuiltinOps.h"

#include <map>
#include <string>
#include <vector>

namespace mlir {
namespace coreai {

/// H of up to this many columns is kept whole by default; wider inputs keep
/// only the diagonal (a 14336-column H would take 3 GiB as exact sums).
constexpr int64_t kDefaultMaxFullColumns = 8192;

/// `v` (|v| < 2^62) in units of 2^-64, rounded to nearest with ties to even:
/// nearbyint(ldexp(v, 64)) in the default rounding mode, computed from the
/// bits (no floating-point to 128-bit conversion call).
__int128 toFixedPoint(double v);

/// How one group of weights meets its input, and what was accumulated.
struct StatisticsEntry {
  /// The weights (ids of the weight report) and their payloads' SHA-256.
  std::vector<int64_t> ids;
  std::vector<std::string> sha256;
  /// Where the first weight is, for messages.
  std::string location;
  /// The data operand's static shape (what to capture).
  std::vector<int64_t> dataShape;
  unsigned dataOperand = 0;
  /// The contraction (see WeightContraction), resolved.
  bool isConvolution = false;
  int64_t dataAxis = -1;  ///< non-negative after the rank is known (matmul)
  int64_t inChannels = 0; ///< conv: C_in; matmul: the contraction size
  int64_t kernel[2] = {1, 1};
  int64_t strides[2] = {1, 1};
  int64_t dilations[2] = {1, 1};
  int64_t groups = 1;
  /// Columns per group and whether H is kept whole.
  int64_t columns = 0;
  bool full = true;
  /// Exact sums: groups x columns x columns (or x columns), empty until the
  /// first sample.
  std::vector<__int128> sums;
  /// H as doubles, when loaded for compression only (load's gramOnly);
  /// sums are then empty.
  UninitVector<double> gram;
  int64_t samples = 0;

  /// H (or its diagonal) as doubles.
  InputStatistics getStatistics() const;
  /// getStatistics() that moves a loaded Gram matrix out instead of
  /// copying it (the entry is left without it).
  InputStatistics takeStatistics();
};

/// The statistics of one program.
class ActivationStatistics {
public:
  /// Empty statistics for every weight of `module` (with more than
  /// `weightNumThreshold` elements, as collectWeightCandidates chooses) that
  /// a consumer contracts; `maxFullColumns` as for kDefaultMaxFullColumns.
  /// `ids`, when given, receives each weight constant's id.
  static ActivationStatistics
  create(ModuleOp module, int64_t weightNumThreshold, int64_t maxFullColumns,
         DenseMap<Operation *, int64_t> *ids = nullptr);

  /// Adds the consumer's data input `x` (row-major, `shape`, as the op
  /// receives it; leading dims are samples) for weight `id`. Fails with a
  /// message naming the weight when the shape does not fit the op.
  bool add(int64_t id, llvm::ArrayRef<int64_t> shape, const double *x,
           unsigned threads, std::string &error);

  /// Adds `other` (statistics of the same program) into this.
  bool merge(const ActivationStatistics &other, std::string &error);

  /// Writes the statistics as a safetensors file (atomically).
  bool save(llvm::StringRef path, std::string &error) const;
  /// The file's bytes.
  std::string serialize() const;

  /// Reads a file saved by save() into statistics of `module` (created as
  /// by create()): an entry for a weight the program lacks, a weight whose
  /// SHA-256 differs, or any malformed part is an error naming it. With
  /// `gramOnly` it reads the F64 tensors into each entry's `gram` instead of
  /// the exact sums: enough to compress with, not to add to or merge.
  static bool load(llvm::StringRef bytes, llvm::StringRef name,
                   ActivationStatistics &into, std::string &error,
                   bool gramOnly = false);

  const std::vector<StatisticsEntry> &getEntries() const { return entries; }
  /// The entry of weight `id`, or nullptr.
  const StatisticsEntry *find(int64_t id) const;

private:
  StatisticsEntry *findMutable(int64_t id);
  std::vector<StatisticsEntry> entries;
  std::map<int64_t, size_t> byId;
  /// One add() call's Gram matrices, kept between calls: a fresh buffer of
  /// the size of H costs more in page faults than the products.
  std::vector<double> scratch;
};

/// Reads the statistics file `path` for `module`: each weight constant with
/// statistics maps to its InputStatistics (one object for weights that read
/// one input). Errors are emitted at the module, naming the option.
FailureOr<DenseMap<Operation *, std::shared_ptr<const InputStatistics>>>
readActivationStatistics(ModuleOp module, StringRef path);

/// Reads the statistics file `path` for `module` and gives each candidate
/// with statistics its InputStatistics. Errors are emitted at the module or,
/// for a weight, at its constant; returns failure then.
LogicalResult attachActivationStatistics(
    ModuleOp module, MutableArrayRef<WeightCandidate> weights, StringRef path);

/// compressWeights over the candidates of `module` with more than
/// `weightNumThreshold` elements, all with `scheme`, those covered by the
/// statistics file `statisticsPath` (when not empty) with GPTQ.
LogicalResult compressWeights(ModuleOp module, WeightScheme &scheme,
                              uint64_t weightNumThreshold,
                              StringRef statisticsPath, unsigned threads,
                              StringRef label);

} // namespace coreai
} // namespace mlir

#endif // COREAI_STATISTICS_ACTIVATIONSTATISTICS_H
