//===- CompressWeights.cpp - coreai-compress-weights ----------------------===//
//
// Gives each candidate weight its scheme: the first recipe rule that matches
// it, or the automatic choice (every candidate scheme measured off the IR,
// one chosen per weight for a size budget or a quality target). Then runs
// the shared skeleton over the whole program once.
//
//===----------------------------------------------------------------------===//

#include "coreai/Compression/MixedPrecision.h"
#include "coreai/Transforms/AutoChoice.h"
#include "coreai/Transforms/Passes.h"
#include "coreai/Transforms/Recipe.h"
#include "coreai/Transforms/WeightAnalysis.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/Format.h"
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

/// What the selectors see of every weight constant of `module`.
DenseMap<Operation *, WeightFacts> collectFacts(ModuleOp module) {
  DenseMap<Operation *, WeightFacts> facts;
  WeightAnalysis analysis(module);
  for (auto [ordinal, record] : llvm::enumerate(analysis.getWeights())) {
    Operation *constant = record.source.getDefiningOp();
    if (!constant)
      continue;
    WeightFacts &f = facts[constant];
    if (f.ordinal < 0) {
      f.ordinal = ordinal;
      llvm::raw_string_ostream os(f.locations);
      constant->getLoc().print(os);
      os << "\n";
      f.shape.assign(record.type.getShape().begin(),
                     record.type.getShape().end());
      f.elements = record.type.getNumElements();
      f.elementType = record.elementType;
    }
    f.consumers.push_back(record.consumerName);
    llvm::raw_string_ostream os(f.locations);
    record.consumer->getLoc().print(os);
    os << "\n";
  }
  return facts;
}

/// The recipe and the candidates of one run.
struct Setup {
  Recipe rules;
  std::vector<CandidateScheme> ownLadder;
  SmallVector<const WeightScheme *> ladder;
  SmallVector<std::string> names;
};

/// `value` as printf's `format` prints it.
std::string formatNumber(const char *format, double value) {
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format(format, value);
  return text;
}

/// The figures of an automatic plan, for the dry run.
struct PlanSummary {
  double bitsPerWeight = 0;
  size_t compressed = 0;
  double worstChannelSqnrDb = std::numeric_limits<double>::infinity();
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
    std::optional<PlanSummary> summary;
    if (failed(apply(setup, *copy, &reasons, &summary)))
      return signalPassFailure();
    WeightAnalysis analysis(*copy);
    if (failed(analysis.compareWith(module, "the input",
                                    getPassThreadCount(&getContext()))))
      return signalPassFailure();
    for (auto &[ordinal, reason] : reasons)
      analysis.setSkipReason(ordinal, reason);
    if (summary) {
      llvm::outs() << "automatic choice: "
                   << llvm::format("%.3f", summary->bitsPerWeight)
                   << " bits per weight";
      if (bitsPerWeight.hasValue())
        llvm::outs() << " (budget "
                     << llvm::format("%.3f", double(bitsPerWeight)) << ")";
      else
        llvm::outs() << " (target " << llvm::format("%.2f", double(minSqnr))
                     << " dB)";
      if (summary->compressed == 0)
        llvm::outs() << ", no weight compressed\n";
      else
        llvm::outs() << ", worst output channel of a compressed weight "
                     << llvm::format("%.2f", summary->worstChannelSqnrDb)
                     << " dB\n";
    }
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
                      std::optional<PlanSummary> *summary) {
    DenseMap<Operation *, WeightFacts> facts = collectFacts(module);
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
      DenseMap<Operation *, std::string> kept;
      if (failed(chooseAutomatically(setup.ladder, setup.names, module,
                                     automatic, weights, kept, summary)))
        return failure();
      for (auto &[op, reason] : kept)
        note(op, reason);
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

  /// Measures the ladder on every weight of `automatic`, chooses one option
  /// per weight, and appends the compressed ones to `weights`; `kept`
  /// receives the reason of each weight left dense.
  LogicalResult chooseAutomatically(ArrayRef<const WeightScheme *> ladder,
                                    ArrayRef<std::string> names,
                                    ModuleOp module,
                                    ArrayRef<WeightCandidate> automatic,
                                    SmallVectorImpl<WeightAssignment> &weights,
                                    DenseMap<Operation *, std::string> &kept,
                                    std::optional<PlanSummary> *summary) {
    const unsigned threads = getPassThreadCount(&getContext());
    // The weights a rule compresses count with the bytes of their scheme:
    // measure those too.
    SmallVector<WeightCandidate> measured(automatic.begin(), automatic.end());
    SmallVector<SmallVector<const WeightScheme *>> schemes(
        automatic.size(), SmallVector<const WeightScheme *>(ladder));
    for (WeightAssignment &fixed : weights) {
      measured.push_back(fixed.candidate);
      schemes.push_back({fixed.scheme});
    }
    FailureOr<std::vector<std::vector<CandidateMeasure>>> measures =
        measureCandidates(measured, schemes, threads);
    if (failed(measures))
      return failure();

    // Every weight operand the report lists counts, at the bytes it stores
    // unless its constant is one of the measured weights.
    DenseMap<Operation *, size_t> index;
    for (auto [i, weight] : llvm::enumerate(measured))
      index[weight.op] = i;
    std::vector<int64_t> uses(measured.size(), 0), denseBytes(measured.size());
    double fixedBits = 0, elements = 0;
    WeightAnalysis analysis(module);
    for (const WeightRecord &record : analysis.getWeights()) {
      elements += double(record.type.getNumElements());
      auto it = index.find(record.source.getDefiningOp());
      if (it == index.end()) {
        fixedBits += 8.0 * double(record.bytesAfter);
        continue;
      }
      ++uses[it->second];
      denseBytes[it->second] = record.bytesAfter;
    }
    for (size_t i = automatic.size(); i < measured.size(); ++i) {
      const CandidateMeasure &m = (*measures)[i].front();
      fixedBits += 8.0 * double(uses[i]) *
                   double(m.skipReason.empty() ? m.bytes : denseBytes[i]);
    }

    // The options of each automatic weight: the candidates that apply, then
    // dense.
    std::vector<std::vector<StorageOption>> options(automatic.size());
    std::vector<std::vector<size_t>> schemeOf(automatic.size());
    for (size_t w = 0; w < automatic.size(); ++w) {
      const double count = double(std::max<int64_t>(uses[w], 1));
      for (auto [s, m] : llvm::enumerate((*measures)[w]))
        if (m.skipReason.empty()) {
          options[w].push_back(
              {8.0 * count * double(m.bytes), m.worstChannelSqnrDb});
          schemeOf[w].push_back(s);
        }
      options[w].push_back({8.0 * count * double(denseBytes[w]),
                            std::numeric_limits<double>::infinity()});
    }
    std::vector<size_t> choice;
    if (bitsPerWeight.hasValue()) {
      const double allowed = bitsPerWeight * elements;
      std::optional<std::vector<size_t>> within =
          chooseWithinBudget(options, fixedBits, allowed);
      if (!within) {
        std::vector<size_t> cheapest =
            chooseForQuality(options, -std::numeric_limits<double>::infinity());
        return emitError(module.getLoc())
               << "option 'bits-per-weight': "
               << formatNumber("%g", bitsPerWeight)
               << " bits per weight cannot be reached; with every weight at "
                  "its cheapest candidate the program takes "
               << formatNumber("%.3f",
                               (fixedBits + getTotalBits(options, cheapest)) /
                                   std::max(elements, 1.0))
               << " bits per weight";
      }
      choice = std::move(*within);
    } else {
      choice = chooseForQuality(options, minSqnr);
    }

    PlanSummary plan;
    plan.bitsPerWeight =
        (fixedBits + getTotalBits(options, choice)) / std::max(elements, 1.0);
    for (size_t w = 0; w < automatic.size(); ++w) {
      if (choice[w] + 1 == options[w].size()) {
        // The best candidate that applies, for the reason.
        const CandidateMeasure *best = nullptr;
        size_t bestIndex = 0;
        for (auto [s, m] : llvm::enumerate((*measures)[w]))
          if (m.skipReason.empty() &&
              (!best || m.worstChannelSqnrDb > best->worstChannelSqnrDb)) {
            best = &m;
            bestIndex = s;
          }
        kept[automatic[w].op] =
            best ? "kept dense by the automatic choice (best candidate " +
                       names[bestIndex] + ": worst output channel " +
                       formatNumber("%.2f", best->worstChannelSqnrDb) + " dB)"
                 : "no automatic candidate applies (" +
                       (*measures)[w].front().skipReason + ")";
        continue;
      }
      ++plan.compressed;
      plan.worstChannelSqnrDb =
          std::min(plan.worstChannelSqnrDb, options[w][choice[w]].worstSqnrDb);
      weights.push_back({automatic[w], ladder[schemeOf[w][choice[w]]]});
    }
    for (size_t i = automatic.size(); i < measured.size(); ++i)
      if ((*measures)[i].front().skipReason.empty()) {
        ++plan.compressed;
        plan.worstChannelSqnrDb = std::min(
            plan.worstChannelSqnrDb, (*measures)[i].front().worstChannelSqnrDb);
      }
    if (summary)
      *summary = plan;
    return success();
  }
};

} // namespace
