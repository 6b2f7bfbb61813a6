//===- CompressWeights.cpp - coreai-compress-weights ----------------------===//
//
// Gives each candidate weight its scheme: the first recipe rule that matches
// it, or the automatic choice (every candidate scheme measured off the IR,
// one chosen per weight for a size budget or a quality target). Then runs
// the shared skeleton over the whole program once.
//
//===----------------------------------------------------------------------===//

#include "coreai/Transforms/AutoChoice.h"
#include "coreai/Transforms/Passes.h"
#include "coreai/Transforms/Recipe.h"
#include "coreai/Transforms/WeightAnalysis.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/MemoryBuffer.h"

#include <cmath>
#include <limits>

namespace mlir {
namespace coreai {
#define GEN_PASS_DEF_COREAICOMPRESSWEIGHTSPASS
#include "coreai/Transforms/Passes.h.inc"
} // namespace coreai
} // namespace mlir

using namespace mlir;
using namespace mlir::coreai;

namespace {

/// The recipe and the candidates of one run.
struct Setup {
  Recipe rules;
  std::vector<CandidateScheme> ownLadder;
  SmallVector<const WeightScheme *> ladder;
  SmallVector<std::string> names;
};

struct CompressWeightsPass
    : public coreai::impl::CoreAICompressWeightsPassBase<CompressWeightsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto diag = [&]() { return emitError(module.getLoc()); };
    if (failed(checkOptions(diag)))
      return signalPassFailure();
    Setup setup;
    if (!recipe.empty()) {
      FailureOr<Recipe> parsed = readRecipe(diag);
      if (failed(parsed))
        return signalPassFailure();
      setup.rules = std::move(*parsed);
    }
    if (failed(checkRecipe(setup.rules, diag)) ||
        failed(createLadder(setup, diag)))
      return signalPassFailure();
    setup.rules.prepare(&getContext());
    for (CandidateScheme &candidate : setup.ownLadder)
      candidate.scheme->prepare(&getContext());

    if (!dryRun) {
      if (failed(apply(setup, module, nullptr, nullptr)))
        signalPassFailure();
      return;
    }
    // Dry run: compress a copy, report it against the program.
    OwningOpRef<ModuleOp> copy = module.clone();
    DenseMap<int64_t, std::string> reasons;
    std::optional<AutomaticPlan> summary;
    if (failed(apply(setup, *copy, &reasons, &summary)))
      return signalPassFailure();
    WeightAnalysis analysis(*copy);
    if (failed(analysis.compareWith(module, "the input",
                                    getPassThreadCount(&getContext()))))
      return signalPassFailure();
    for (auto &[ordinal, reason] : reasons)
      analysis.setSkipReason(ordinal, reason);
    if (summary)
      printAutomaticSummary(*summary,
                            bitsPerWeight.hasValue()
                                ? std::optional<double>(bitsPerWeight)
                                : std::nullopt,
                            double(minSqnr), llvm::outs());
    printWeightReport(analysis, ReportFormat::Table, llvm::outs());
  }

private:
  bool isAutomatic() const {
    return bitsPerWeight.hasValue() || minSqnr.hasValue();
  }

  LogicalResult checkOptions(function_ref<InFlightDiagnostic()> diag) {
    if (bitsPerWeight.hasValue() && minSqnr.hasValue())
      return diag() << "options 'bits-per-weight' and 'min-sqnr' cannot both "
                       "be set";
    if (bitsPerWeight.hasValue() && !(bitsPerWeight > 0 && bitsPerWeight <= 64))
      return diag() << "option 'bits-per-weight' must be in (0, 64], got "
                    << bitsPerWeight;
    if (minSqnr.hasValue() && !std::isfinite(minSqnr))
      return diag() << "option 'min-sqnr' must be a finite number of dB";
    if (recipe.empty() && !isAutomatic())
      return diag() << "one of options 'recipe', 'bits-per-weight' or "
                       "'min-sqnr' is required";
    if (!candidates.empty() && !isAutomatic())
      return diag() << "option 'candidates' needs 'bits-per-weight' or "
                       "'min-sqnr'";
    return success();
  }

  FailureOr<Recipe> readRecipe(function_ref<InFlightDiagnostic()> diag) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> file =
        llvm::MemoryBuffer::getFile(recipe);
    if (!file)
      return diag() << "option 'recipe': cannot read '" << recipe
                    << "': " << file.getError().message();
    return parseRecipe((*file)->getBuffer(), diag);
  }

  LogicalResult checkRecipe(const Recipe &rules,
                            function_ref<InFlightDiagnostic()> diag) {
    if (isAutomatic())
      return success();
    if (const RecipeRule *rule = rules.getFirstAutomaticRule())
      return diag() << rule->label
                    << ": \"auto\" needs option 'bits-per-weight' or "
                       "'min-sqnr'";
    if (rules.hasCandidates)
      return diag() << "recipe key 'candidates' needs option "
                       "'bits-per-weight' or 'min-sqnr'";
    return success();
  }

  /// The candidates of the automatic choice.
  LogicalResult createLadder(Setup &setup,
                             function_ref<InFlightDiagnostic()> diag) {
    if (!isAutomatic())
      return success();
    Recipe &rules = setup.rules;
    std::vector<CandidateScheme> &ownLadder = setup.ownLadder;
    SmallVector<const WeightScheme *> &ladder = setup.ladder;
    if (rules.hasCandidates && !candidates.empty())
      return diag() << "option 'candidates' and the recipe's key 'candidates' "
                       "cannot both be given";
    if (rules.hasCandidates) {
      for (CandidateScheme &candidate : rules.candidates) {
        ladder.push_back(candidate.scheme.get());
        setup.names.push_back(candidate.name);
      }
      return success();
    }
    SmallVector<std::string> names(candidates.begin(), candidates.end());
    if (names.empty())
      for (StringRef name : getDefaultCandidateNames())
        names.push_back(name.str());
    for (const std::string &name : names) {
      if (llvm::any_of(ownLadder, [&](const CandidateScheme &c) {
            return c.name == name;
          }))
        return diag() << "option 'candidates': '" << name << "' is given twice";
      FailureOr<CandidateScheme> candidate = createNamedCandidate(
          name, [&]() { return diag() << "option 'candidates': "; });
      if (failed(candidate))
        return failure();
      ownLadder.push_back(std::move(*candidate));
    }
    for (CandidateScheme &candidate : ownLadder) {
      ladder.push_back(candidate.scheme.get());
      setup.names.push_back(candidate.name);
    }
    return success();
  }

  /// Compresses `module` as the recipe and the automatic choice say; with
  /// `reasons`, records why each weight stays as it is, by its ordinal, and
  /// with `summary` the figures of the automatic plan.
  LogicalResult apply(const Setup &setup, ModuleOp module,
                      DenseMap<int64_t, std::string> *reasons,
                      std::optional<AutomaticPlan> *summary) {
    // One analysis of the program as it is: the selectors' facts and the
    // budget's count of every weight.
    WeightAnalysis analysis(module);
    DenseMap<Operation *, WeightFacts> facts = collectWeightFacts(analysis);
    DenseMap<Operation *, std::string> why;
    auto note = [&](Operation *op, const std::string &reason) {
      if (reasons && facts.count(op))
        (*reasons)[facts[op].ordinal] = reason;
    };
    SmallVector<WeightAssignment> weights;
    SmallVector<WeightCandidate> automatic;
    // Program order, which the rewrite follows.
    DenseMap<Operation *, size_t> order;
    const int64_t threshold =
        static_cast<int64_t>(std::min<uint64_t>(weightNumThreshold, INT64_MAX));
    for (WeightCandidate &candidate :
         collectWeightCandidates(module, threshold, &why)) {
      order[candidate.op] = order.size();
      if (recipe.empty()) {
        automatic.push_back(candidate);
        continue;
      }
      const RecipeRule *rule = setup.rules.match(facts[candidate.op]);
      if (!rule) {
        note(candidate.op, "no recipe rule matches it");
        continue;
      }
      if (rule->skip) {
        note(candidate.op, "excluded by " + rule->label);
        continue;
      }
      if (rule->automatic) {
        automatic.push_back(candidate);
        continue;
      }
      // The first scheme that applies; the last one's reason otherwise.
      const WeightScheme *chosen = nullptr;
      std::string reason;
      for (const std::unique_ptr<WeightScheme> &scheme : rule->schemes) {
        reason = scheme->getSkipReason(candidate);
        if (reason.empty()) {
          chosen = scheme.get();
          break;
        }
      }
      if (!chosen) {
        candidate.op.emitWarning()
            << rule->label << ": no scheme applies (" << reason << ")";
        note(candidate.op,
             rule->label + ": no scheme applies (" + reason + ")");
        continue;
      }
      weights.push_back({candidate, chosen});
    }
    if (isAutomatic()) {
      AutomaticTarget target;
      if (bitsPerWeight.hasValue())
        target.bitsPerWeight = bitsPerWeight;
      target.objective = objective;
      target.minSqnrDb = minSqnr;
      FailureOr<AutomaticPlan> plan = planAutomaticChoice(
          module, analysis, automatic, setup.ladder, setup.names, target,
          weights, getPassThreadCount(&getContext()));
      if (failed(plan))
        return failure();
      for (auto &[op, reason] : plan->kept)
        note(op, reason);
      if (summary)
        *summary = std::move(*plan);
      llvm::sort(
          weights, [&](const WeightAssignment &a, const WeightAssignment &b) {
            return order.lookup(a.candidate.op) < order.lookup(b.candidate.op);
          });
    }
    LogicalResult result = compressWeights(
        weights, getPassThreadCount(&getContext()), getArgument(), &why);
    for (auto &[op, reason] : why)
      note(op, reason);
    return result;
  }
};

} // namespace
