//===- Recipe.h - Per-weight compression recipes ----------------*- C++ -*-===//
//
// A recipe is an ordered list of rules. A rule selects weights (by consumer
// op, weight ordinal, location, shape, element count or element type) and
// says what to do with them: skip them, or compress them with the first of
// its schemes that applies. The first matching rule wins. Recipes are JSON:
//
//   {"rules": [
//     {"name": "embeddings", "match": {"op": "coreai.gather_nd"},
//      "quantize": {"dtype": "int8"}},
//     {"match": {"location": "lm_head"}, "skip": true},
//     {"schemes": [{"quantize": {"dtype": "int4", "granularity": "per_block"}},
//                  {"quantize": {"dtype": "int4"}}]},
//     {"auto": true}],
//    "candidates": ["int4-block32", "int8-channel",
//                   {"name": "lut3", "palettize": {"n-bits": 3}}]}
//
// Scheme objects take exactly the options of coreai-quantize-weights,
// coreai-palettize-weights and coreai-sparsify-weights (but the threshold,
// which the pipeline sets once). `"auto": true` leaves the choice to the
// automatic mode, among the recipe's candidates (names of the catalog of
// AutoChoice.h or scheme objects) or the default ladder.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_SELECTION_RECIPE_H
#define COREAI_SELECTION_RECIPE_H

#include "coreai/Selection/AutoChoice.h"
#include "coreai/Weights/WeightScheme.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/Support/Regex.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mlir {
namespace coreai {

/// What the selectors of a rule look at.
struct WeightFacts {
  /// The weight's `#` in the weight report (its first weight operand).
  int64_t ordinal = -1;
  /// Names of the ops that consume it as a weight.
  SmallVector<std::string> consumers;
  /// The printed locations of the constant and of its consumers (names of
  /// NameLoc and FusedLoc included), one per line.
  std::string locations;
  SmallVector<int64_t> shape;
  int64_t elements = 0;
  std::string elementType;
};

/// One rule: selectors (every given one must match) and an action.
struct RecipeRule {
  /// "rule N" (counted from 1), with its "name" when it has one.
  std::string label;
  SmallVector<std::string> ops;
  SmallVector<int64_t> ordinals;
  std::unique_ptr<llvm::Regex> location;
  std::optional<SmallVector<int64_t>> shape;
  std::optional<int64_t> minElements, maxElements;
  SmallVector<std::string> types;

  bool skip = false;
  /// Left to the automatic choice.
  bool automatic = false;
  /// The schemes to try in order, and how the rule names each.
  std::vector<std::unique_ptr<WeightScheme>> schemes;
  SmallVector<std::string> schemeNames;

  bool matches(const WeightFacts &weight) const;
};

struct Recipe {
  std::vector<RecipeRule> rules;
  /// The candidates of the automatic choice, when the recipe names them.
  std::vector<CandidateScheme> candidates;
  bool hasCandidates = false;

  /// The first rule that leaves weights to the automatic choice, or null.
  const RecipeRule *getFirstAutomaticRule() const;

  /// The first rule that matches `weight`, or null.
  const RecipeRule *match(const WeightFacts &weight) const;
  /// Creates the types of every scheme (on the IR thread).
  void prepare(MLIRContext *context);
};

/// What the selectors see of every weight constant of the analysed program,
/// by constant.
DenseMap<Operation *, WeightFacts>
collectWeightFacts(const WeightAnalysis &analysis);

/// Parses the JSON recipe `text`. Reports the first problem (malformed JSON,
/// an unknown key, a wrong type, an invalid option value), naming the rule
/// and the key, through a diagnostic that `diag` starts.
FailureOr<Recipe> parseRecipe(StringRef text,
                              function_ref<InFlightDiagnostic()> diag);

} // namespace coreai
} // namespace mlir

#endif // COREAI_SELECTION_RECIPE_H
