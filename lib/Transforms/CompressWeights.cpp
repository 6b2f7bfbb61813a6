//===- CompressWeights.cpp - coreai-compress-weights ----------------------===//
//
// Reads a recipe, gives each candidate weight the scheme of the first rule
// that matches it, and runs the shared skeleton over the whole program once.
//
//===----------------------------------------------------------------------===//

#include "coreai/Transforms/Passes.h"
#include "coreai/Transforms/Recipe.h"
#include "coreai/Transforms/WeightAnalysis.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/MemoryBuffer.h"

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

struct CompressWeightsPass
    : public coreai::impl::CoreAICompressWeightsPassBase<CompressWeightsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto diag = [&]() { return emitError(module.getLoc()); };
    if (recipe.empty()) {
      diag() << "option 'recipe' is required: a JSON file of rules";
      return signalPassFailure();
    }
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> file =
        llvm::MemoryBuffer::getFile(recipe);
    if (!file) {
      diag() << "option 'recipe': cannot read '" << recipe
             << "': " << file.getError().message();
      return signalPassFailure();
    }
    FailureOr<Recipe> rules = parseRecipe((*file)->getBuffer(), diag);
    if (failed(rules))
      return signalPassFailure();
    rules->prepare(&getContext());
    if (!dryRun) {
      if (failed(apply(module, *rules, nullptr)))
        signalPassFailure();
      return;
    }
    // Dry run: compress a copy, report it against the program.
    OwningOpRef<ModuleOp> copy = module.clone();
    DenseMap<int64_t, std::string> reasons;
    if (failed(apply(*copy, *rules, &reasons)))
      return signalPassFailure();
    WeightAnalysis analysis(*copy);
    if (failed(analysis.compareWith(module, "the input",
                                    getPassThreadCount(&getContext()))))
      return signalPassFailure();
    for (auto &[ordinal, reason] : reasons)
      analysis.setSkipReason(ordinal, reason);
    printWeightReport(analysis, ReportFormat::Table, llvm::outs());
  }

private:
  /// Compresses `module` as `rules` say; with `reasons`, records why each
  /// weight stays as it is, by its ordinal.
  LogicalResult apply(ModuleOp module, const Recipe &rules,
                      DenseMap<int64_t, std::string> *reasons) {
    DenseMap<Operation *, WeightFacts> facts = collectFacts(module);
    DenseMap<Operation *, std::string> why;
    auto note = [&](Operation *op, const std::string &reason) {
      if (reasons && facts.count(op))
        (*reasons)[facts[op].ordinal] = reason;
    };
    SmallVector<WeightAssignment> weights;
    const int64_t threshold =
        static_cast<int64_t>(std::min<uint64_t>(weightNumThreshold, INT64_MAX));
    for (WeightCandidate &candidate :
         collectWeightCandidates(module, threshold, &why)) {
      const RecipeRule *rule = rules.match(facts[candidate.op]);
      if (!rule) {
        note(candidate.op, "no recipe rule matches it");
        continue;
      }
      if (rule->skip) {
        note(candidate.op, "excluded by " + rule->label);
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
    LogicalResult result = compressWeights(
        weights, getPassThreadCount(&getContext()), getArgument(), &why);
    for (auto &[op, reason] : why)
      note(op, reason);
    return result;
  }
};

} // namespace
