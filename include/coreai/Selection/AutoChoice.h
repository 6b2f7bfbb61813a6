//===- AutoChoice.h - Measuring candidate schemes per weight ----*- C++ -*-===//
//
// The automatic mode of coreai-compress-weights: a catalog of named
// candidate schemes (the default ladder and the names the `candidates`
// option knows), and the measurement of every candidate on every weight off
// the IR: its stored bytes, its tensor SQNR and the SQNR of its worst output
// channel, from the decoder chain the scheme describes (WeightChain.h); and
// the plan: the options of every weight, counted as the weight report
// counts bytes, handed to the selection of Compression/MixedPrecision.h.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_SELECTION_AUTOCHOICE_H
#define COREAI_SELECTION_AUTOCHOICE_H

#include "coreai/Schemes/CompressionOptions.h"
#include "coreai/Weights/WeightScheme.h"

#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mlir {
namespace coreai {

class WeightAnalysis;

/// A named scheme the automatic mode can choose.
struct CandidateScheme {
  std::string name;
  std::unique_ptr<WeightScheme> scheme;
};

/// Every name of the catalog, e.g. "int4-block32" (int4 per_block 32,
/// symmetric, full range, searched scales) or "lut4-channel".
ArrayRef<StringRef> getCandidateNames();
/// The default ladder: the catalog without per-tensor LUTs (their worst
/// channels are poor) and per-channel 6-bit LUTs (slow to fit). With
/// `statistics` (activation statistics given), also 3- and 2-bit LUTs per
/// channel and per 16 channels and int4 blocks of 16 and 8; without, the
/// ladder of the data-free choice.
ArrayRef<StringRef> getDefaultCandidateNames(bool statistics = false);
/// What the catalog's `name` stands for, as a pipeline option string.
StringRef describeCandidate(StringRef name);

/// The scheme of catalog entry `name` (unprepared); a diagnostic that `diag`
/// starts when the name is unknown.
FailureOr<CandidateScheme>
createNamedCandidate(StringRef name, function_ref<InFlightDiagnostic()> diag);

/// What one scheme gives one weight.
struct CandidateMeasure {
  /// Empty when the scheme applies; otherwise why not.
  std::string skipReason;
  int64_t bytes = 0;
  double sqnrDb = 0, worstChannelSqnrDb = 0;
};

/// Compresses every weight with each of its schemes (schemes[i] for
/// weights[i]; every scheme prepared) off the IR, in parallel across
/// weights, schemes and inside large weights, and measures each result
/// against the weight. A scheme whose result would not be smaller than the
/// dense weight does not apply. Reports an error at the weight and fails
/// when a payload cannot be read. With `decoded`, keeps each result's
/// decoded values ([weight][scheme], empty where the scheme does not apply).
FailureOr<std::vector<std::vector<CandidateMeasure>>> measureCandidates(
    ArrayRef<WeightCandidate> weights,
    ArrayRef<SmallVector<const WeightScheme *>> schemes, unsigned threads,
    std::vector<std::vector<std::vector<float>>> *decoded = nullptr);

struct SensitivityTable;

/// What the automatic choice aims at: an average of bits per weight over
/// the program (optimizing `objective`), or else each weight's cheapest
/// candidate whose worst output channel reaches `minSqnrDb`. With
/// `sensitivity`, under the budget, the least summed measured loss increase
/// (Compression/LossPlans.h, with `maxLossPerWeight` as a constraint), among
/// the candidates whose worst channel reaches `minSqnrDb`; with `listPlans`,
/// also the plans along budgets from the cheapest to the least loss.
struct AutomaticTarget {
  std::optional<double> bitsPerWeight;
  AutoObjective objective = AutoObjective::MaxWorst;
  double minSqnrDb = 0;
  const SensitivityTable *sensitivity = nullptr;
  double maxLossPerWeight = std::numeric_limits<double>::infinity();
  bool listPlans = false;
};

/// One plan of the sensitivity mode along the budgets.
struct PlanSummary {
  /// The budget that gives it (what bits-per-weight must be to get it).
  double budgetBitsPerWeight = 0;
  /// What it takes.
  double bitsPerWeight = 0;
  /// The sum of its weights' measured loss increases, and of their excess
  /// over the per-weight threshold.
  double predictedLoss = 0, excess = 0;
};

/// What the automatic choice decided, with the figures of the plan.
struct AutomaticPlan {
  /// The program's bits per weight as the weight report totals them.
  double bitsPerWeight = 0;
  /// Compressed weights and the worst output channel among them.
  size_t compressed = 0;
  double worstChannelSqnrDb = std::numeric_limits<double>::infinity();
  /// Why each automatic weight left dense stays so.
  DenseMap<Operation *, std::string> kept;
  /// Sensitivity mode: each weight's line of the dry run (its id, the
  /// chosen candidate and its measured loss increase), the predicted loss
  /// of the plan, the weights above the per-weight threshold and their
  /// summed excess over it, whether the allocation was exact, and with
  /// `listPlans` the plans along the budgets, smallest first (each one's
  /// excess, or else loss, below the previous one's).
  bool sensitivity = false;
  std::vector<std::string> lossLines;
  double predictedLoss = 0, excess = 0;
  size_t overThreshold = 0;
  bool exact = false;
  std::vector<PlanSummary> plans;
};

/// Prints the plan's summary line for a dry run: its bits per weight against
/// the `budget` (or else the quality target `targetDb`) and the worst output
/// channel of a compressed weight.
void printAutomaticSummary(const AutomaticPlan &plan,
                           std::optional<double> budget, double targetDb,
                           llvm::raw_ostream &os);

/// Measures the `ladder` (whose entries `names` names) on every weight of
/// `automatic`, and the scheme of every weight already in `weights` on it
/// (they count in the budget), chooses one option per automatic weight
/// (Compression/MixedPrecision.h; every weight that `analysis`, of `module`
/// as it is, lists counts, those left dense at the bytes they store), and
/// appends the compressed
/// ones to `weights`. Fails with a diagnostic at `module` when the budget is
/// below what the cheapest candidates take.
FailureOr<AutomaticPlan> planAutomaticChoice(
    ModuleOp module, const WeightAnalysis &analysis,
    ArrayRef<WeightCandidate> automatic, ArrayRef<const WeightScheme *> ladder,
    ArrayRef<std::string> names, const AutomaticTarget &target,
    SmallVectorImpl<WeightAssignment> &weights, unsigned threads);

} // namespace coreai
} // namespace mlir

#endif // COREAI_SELECTION_AUTOCHOICE_H
