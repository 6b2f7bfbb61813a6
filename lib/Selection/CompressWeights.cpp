//===- CompressWeights.cpp - A scheme for each weight ---------------------===//

#include "coreai/Selection/CompressWeights.h"
#include "coreai/Analysis/WeightAnalysis.h"
#include "coreai/Selection/AutoChoice.h"
#include "coreai/Selection/Recipe.h"
#include "coreai/Selection/Sensitivity.h"
#include "coreai/Statistics/ActivationStatistics.h"

#include "llvm/Support/MemoryBuffer.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::coreai;

namespace {

/// The recipe and the candidates of one run.
struct Setup {
  Recipe rules;
  std::optional<SensitivityTable> sensitivity;
  std::vector<CandidateScheme> ownLadder;
  SmallVector<const WeightScheme *> ladder;
  SmallVector<std::string> names;
};

/// One run of coreai-compress-weights.
class Compressor {
public:
  Compressor(const CompressWeightsRequest &request, unsigned threads,
             StringRef label)
      : request(request), threads(threads), label(label) {}

  LogicalResult run(ModuleOp module, llvm::raw_ostream &dryRunOut) {
    MLIRContext *context = module.getContext();
    auto diag = [&]() { return emitError(module.getLoc()); };
    if (failed(checkOptions(diag)))
      return failure();
    Setup setup;
    if (!request.recipe.empty()) {
      FailureOr<Recipe> parsed = readRecipe(diag);
      if (failed(parsed))
        return failure();
      setup.rules = std::move(*parsed);
    }
    if (!request.sensitivity.empty()) {
      FailureOr<SensitivityTable> table = readSensitivityTable(
          request.sensitivity, WeightAnalysis(module).getWeights().size(),
          diag);
      if (failed(table))
        return failure();
      setup.sensitivity = std::move(*table);
    }
    if (failed(checkRecipe(setup.rules, diag)) ||
        failed(createLadder(setup, diag)))
      return failure();
    setup.rules.prepare(context);
    for (CandidateScheme &candidate : setup.ownLadder)
      candidate.scheme->prepare(context);

    if (request.planOnly) {
      // The plan of a copy, which is then dropped.
      OwningOpRef<ModuleOp> copy = module.clone();
      std::optional<AutomaticPlan> plan;
      if (failed(apply(setup, *copy, nullptr, &plan, /*planOnly=*/true)))
        return failure();
      if (plan && request.planOut)
        *request.planOut = std::move(*plan);
      return success();
    }
    if (!request.dryRun) {
      std::optional<AutomaticPlan> plan;
      if (failed(apply(setup, module, nullptr, &plan)))
        return failure();
      if (plan && request.planOut)
        *request.planOut = std::move(*plan);
      return success();
    }
    // Dry run: compress a copy, report it against the program.
    OwningOpRef<ModuleOp> copy = module.clone();
    DenseMap<int64_t, std::string> reasons;
    std::optional<AutomaticPlan> summary;
    if (failed(apply(setup, *copy, &reasons, &summary)))
      return failure();
    WeightAnalysis analysis(*copy);
    if (failed(analysis.compareWith(module, "the input", threads)))
      return failure();
    for (auto &[ordinal, reason] : reasons)
      analysis.setSkipReason(ordinal, reason);
    if (summary)
      printAutomaticSummary(*summary, request.bitsPerWeight,
                            request.minSqnr.value_or(0), dryRunOut);
    printWeightReport(analysis, ReportFormat::Table, dryRunOut);
    return success();
  }

private:
  bool isAutomatic() const { return request.bitsPerWeight || request.minSqnr; }

  LogicalResult checkOptions(function_ref<InFlightDiagnostic()> diag) {
    if (!request.sensitivity.empty()) {
      if (!request.bitsPerWeight)
        return diag() << "option 'sensitivity' needs 'bits-per-weight'";
      if (request.objective)
        return diag() << "options 'sensitivity' and 'objective' cannot both "
                         "be set (the table's measured losses are the "
                         "objective)";
    } else if (request.maxLossIncreasePerWeight) {
      return diag() << "option 'max-loss-increase-per-weight' needs "
                       "'sensitivity'";
    }
    if (request.maxLossIncreasePerWeight &&
        !std::isfinite(*request.maxLossIncreasePerWeight))
      return diag() << "option 'max-loss-increase-per-weight' must be a "
                       "finite number, got "
                    << *request.maxLossIncreasePerWeight;
    if (request.bitsPerWeight && request.minSqnr && request.sensitivity.empty())
      return diag() << "options 'bits-per-weight' and 'min-sqnr' cannot both "
                       "be set (but as a floor with 'sensitivity')";
    if (request.bitsPerWeight &&
        !(*request.bitsPerWeight > 0 && *request.bitsPerWeight <= 64))
      return diag() << "option 'bits-per-weight' must be in (0, 64], got "
                    << *request.bitsPerWeight;
    if (request.minSqnr && !std::isfinite(*request.minSqnr))
      return diag() << "option 'min-sqnr' must be a finite number of dB";
    if (request.recipe.empty() && !isAutomatic())
      return diag() << "one of options 'recipe', 'bits-per-weight' or "
                       "'min-sqnr' is required";
    if (!request.candidates.empty() && !isAutomatic())
      return diag() << "option 'candidates' needs 'bits-per-weight' or "
                       "'min-sqnr'";
    return success();
  }

  FailureOr<Recipe> readRecipe(function_ref<InFlightDiagnostic()> diag) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> file =
        llvm::MemoryBuffer::getFile(request.recipe);
    if (!file)
      return diag() << "option 'recipe': cannot read '" << request.recipe
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
    if (rules.hasCandidates && !request.candidates.empty())
      return diag() << "option 'candidates' and the recipe's key 'candidates' "
                       "cannot both be given";
    if (rules.hasCandidates) {
      for (CandidateScheme &candidate : rules.candidates) {
        ladder.push_back(candidate.scheme.get());
        setup.names.push_back(candidate.name);
      }
      return success();
    }
    SmallVector<std::string> names(request.candidates.begin(),
                                   request.candidates.end());
    if (setup.sensitivity) {
      if (rules.hasCandidates)
        return diag() << "option 'sensitivity' chooses among the table's "
                         "candidates; the recipe's key 'candidates' cannot "
                         "be given with it";
      for (const std::string &name : names)
        if (!llvm::is_contained(setup.sensitivity->candidates, name))
          return diag() << "option 'candidates': '" << name
                        << "' was not measured in the sensitivity table";
      if (names.empty())
        names.assign(setup.sensitivity->candidates.begin(),
                     setup.sensitivity->candidates.end());
    }
    if (names.empty())
      for (StringRef name :
           getDefaultCandidateNames(!request.activationStatistics.empty()))
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
                      std::optional<AutomaticPlan> *summary,
                      bool planOnly = false) {
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
    const int64_t threshold = static_cast<int64_t>(
        std::min<uint64_t>(request.weightNumThreshold, INT64_MAX));
    SmallVector<WeightCandidate> candidates =
        collectWeightCandidates(module, threshold, &why);
    if (!request.activationStatistics.empty() &&
        failed(attachActivationStatistics(module, candidates,
                                          request.activationStatistics)))
      return failure();
    for (WeightCandidate &candidate : candidates) {
      order[candidate.op] = order.size();
      if (request.recipe.empty()) {
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
      target.bitsPerWeight = request.bitsPerWeight;
      target.objective = request.objective.value_or(AutoObjective::MaxWorst);
      target.minSqnrDb = request.minSqnr.value_or(
          setup.sensitivity ? -std::numeric_limits<double>::infinity() : 0);
      if (setup.sensitivity)
        target.sensitivity = &*setup.sensitivity;
      if (request.maxLossIncreasePerWeight)
        target.maxLossPerWeight = *request.maxLossIncreasePerWeight;
      target.listPlans = planOnly;
      FailureOr<AutomaticPlan> plan =
          planAutomaticChoice(module, analysis, automatic, setup.ladder,
                              setup.names, target, weights, threads);
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
    if (planOnly)
      return success();
    LogicalResult result = compressWeights(weights, threads, label, &why);
    for (auto &[op, reason] : why)
      note(op, reason);
    return result;
  }

  const CompressWeightsRequest &request;
  unsigned threads;
  StringRef label;
};

} // namespace

LogicalResult mlir::coreai::compressWeights(
    ModuleOp module, const CompressWeightsRequest &request, unsigned threads,
    StringRef label, llvm::raw_ostream &dryRunOut) {
  return Compressor(request, threads, label).run(module, dryRunOut);
}
