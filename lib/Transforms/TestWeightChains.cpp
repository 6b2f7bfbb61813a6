//===- TestWeightChains.cpp - Described chains against the IR -------------===//
//
// A scheme describes its chain once; the automatic choice evaluates the
// description (evaluateChain) and the rewrite emits it (emitChain). This
// test pass checks, scheme by scheme, that the emitted IR, read back and
// materialized, decodes exactly as the evaluated description.
//
//===----------------------------------------------------------------------===//

#include "coreai/Analysis/WeightAnalysis.h"
#include "coreai/IR/ConstantData.h"
#include "coreai/Selection/Recipe.h"
#include "coreai/Transforms/Passes.h"
#include "coreai/Weights/Materialize.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/MemoryBuffer.h"

namespace mlir {
namespace coreai {
#define GEN_PASS_DEF_COREAITESTWEIGHTCHAINSPASS
#include "coreai/Transforms/Passes.h.inc"
} // namespace coreai
} // namespace mlir

using namespace mlir;
using namespace mlir::coreai;

namespace {

struct TestWeightChainsPass
    : public coreai::impl::CoreAITestWeightChainsPassBase<
          TestWeightChainsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto diag = [&]() { return emitError(module.getLoc()); };
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> file =
        llvm::MemoryBuffer::getFile(recipe);
    if (!file) {
      diag() << "option 'recipe': cannot read '" << recipe << "'";
      return signalPassFailure();
    }
    FailureOr<Recipe> rules = parseRecipe((*file)->getBuffer(), diag);
    if (failed(rules))
      return signalPassFailure();
    rules->prepare(&getContext());

    // Ordinals for the remarks, as the weight report numbers weights.
    DenseMap<Operation *, size_t> ordinals;
    WeightAnalysis analysis(module);
    for (auto [i, record] : llvm::enumerate(analysis.getWeights()))
      ordinals.try_emplace(record.source.getDefiningOp(), i);
    const int64_t threshold =
        static_cast<int64_t>(std::min<uint64_t>(weightNumThreshold, INT64_MAX));
    for (const WeightCandidate &weight :
         collectWeightCandidates(module, threshold)) {
      WeightFacts facts;
      facts.ordinal = ordinals.lookup(weight.op);
      const RecipeRule *rule = rules->match(facts);
      if (!rule)
        continue;
      for (auto [s, scheme] : llvm::enumerate(rule->schemes))
        if (failed(check(weight, *scheme, rule->schemeNames[s])))
          return signalPassFailure();
    }
  }

private:
  LogicalResult check(const WeightCandidate &weight, const WeightScheme &scheme,
                      StringRef name) {
    ConstantOp op = weight.op;
    if (std::string reason = scheme.getSkipReason(weight); !reason.empty()) {
      op.emitRemark() << name << ": does not apply";
      return success();
    }
    std::string error;
    std::optional<WeightPayload> payload =
        WeightPayload::open(op.getValue(), weight.getType().getElementType(),
                            scheme.getHalfBits(weight), error);
    if (!payload)
      return op.emitError(error);
    WeightWorkStatus status;
    std::unique_ptr<WeightEncoding> encoding =
        scheme.compute(weight, *payload, 1, status);
    if (!encoding) {
      op.emitRemark() << name << ": does not apply";
      return success();
    }
    WeightChain chain;
    scheme.describe(weight, *encoding, chain);
    std::vector<double> described;
    if (!evaluateChain(chain, described, error, 1))
      return op.emitError(name) << ": the described chain fails: " << error;

    // The same chain emitted as IR, alone in a scratch module.
    OwningOpRef<ModuleOp> scratch = ModuleOp::create(op.getLoc());
    OpBuilder builder(&getContext());
    builder.setInsertionPointToEnd(scratch->getBody());
    (void)rewriteWeight(builder, weight, scheme, *encoding);
    if (failed(materializeWeights(*scratch, 1)))
      return failure();
    SmallVector<ConstantOp> constants(scratch->getOps<ConstantOp>());
    if (constants.size() != 1)
      return op.emitError(name) << ": the rewrite did not materialize to one "
                                   "constant";
    std::vector<double> built(described.size());
    if (built.size() != size_t(weight.getType().getNumElements()) ||
        !readElements(constants.front().getValue(), built, error))
      return op.emitError(name) << ": the materialized chain does not match "
                                   "the weight's size "
                                << error;
    for (size_t i = 0; i < built.size(); ++i)
      if (built[i] != described[i] &&
          !(std::isnan(built[i]) && std::isnan(described[i])))
        return op.emitError(name)
               << ": element " << i << " is " << described[i]
               << " by the description and " << built[i] << " by the IR";
    op.emitRemark() << name << ": the described chain matches the IR ("
                    << built.size() << " elements)";
    return success();
  }
};

} // namespace
