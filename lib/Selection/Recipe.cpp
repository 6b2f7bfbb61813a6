//===- Recipe.cpp - Per-weight compression recipes ------------------------===//

#include "coreai/Selection/Recipe.h"

#include "coreai/Analysis/WeightAnalysis.h"
#include "coreai/Asset/JsonLimits.h"
#include "coreai/Schemes/WeightSchemes.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"

using namespace mlir;
using namespace mlir::coreai;

namespace {

/// Reads one JSON object of a recipe: every key must be known, every value
/// of the right type; problems are reported as `<where>: ...`.
class ObjectReader {
public:
  ObjectReader(const llvm::json::Object &object, std::string where,
               function_ref<InFlightDiagnostic()> diag)
      : object(object), where(std::move(where)), diag(diag) {}

  /// Fails on a key that is not in `known`.
  LogicalResult checkKeys(ArrayRef<StringRef> known) {
    for (const auto &entry : object)
      if (!llvm::is_contained(known, entry.first.str()))
        return fail() << "unknown key '" << entry.first.str()
                      << "'; expected one of " << llvm::join(known, ", ");
    return success();
  }

  LogicalResult getUnsigned(StringRef key, uint64_t &out) {
    const llvm::json::Value *v = object.get(key);
    if (!v)
      return success();
    std::optional<int64_t> i = v->getAsInteger();
    if (!i || *i < 0)
      return fail() << "key '" << key << "' must be a non-negative integer";
    out = static_cast<uint64_t>(*i);
    return success();
  }

  LogicalResult getDouble(StringRef key, double &out, bool *given = nullptr) {
    const llvm::json::Value *v = object.get(key);
    if (!v)
      return success();
    std::optional<double> d = v->getAsNumber();
    if (!d)
      return fail() << "key '" << key << "' must be a number";
    out = *d;
    if (given)
      *given = true;
    return success();
  }

  LogicalResult getBool(StringRef key, bool &out) {
    const llvm::json::Value *v = object.get(key);
    if (!v)
      return success();
    std::optional<bool> b = v->getAsBoolean();
    if (!b)
      return fail() << "key '" << key << "' must be true or false";
    out = *b;
    return success();
  }

  /// A string of the closed set stringify(E(0)) ... stringify(E(count - 1)).
  template <typename E>
  LogicalResult getEnum(StringRef key, E &out, int count) {
    const llvm::json::Value *v = object.get(key);
    if (!v)
      return success();
    std::optional<StringRef> s = v->getAsString();
    SmallVector<StringRef> allowed;
    for (int i = 0; i < count; ++i) {
      allowed.push_back(stringify(static_cast<E>(i)));
      if (s && *s == allowed.back()) {
        out = static_cast<E>(i);
        return success();
      }
    }
    return fail() << "key '" << key << "' must be one of "
                  << llvm::join(allowed, ", ");
  }

  /// An integer or a list of integers.
  LogicalResult getIntegers(StringRef key, SmallVectorImpl<int64_t> &out) {
    const llvm::json::Value *v = object.get(key);
    if (!v)
      return success();
    if (std::optional<int64_t> i = v->getAsInteger()) {
      out.push_back(*i);
      return success();
    }
    const llvm::json::Array *array = v->getAsArray();
    if (!array)
      return fail() << "key '" << key << "' must be an integer or a list of "
                    << "integers";
    for (const llvm::json::Value &e : *array) {
      std::optional<int64_t> i = e.getAsInteger();
      if (!i)
        return fail() << "key '" << key << "' must be a list of integers";
      out.push_back(*i);
    }
    return success();
  }

  /// A string or a list of strings.
  LogicalResult getStrings(StringRef key, SmallVectorImpl<std::string> &out) {
    const llvm::json::Value *v = object.get(key);
    if (!v)
      return success();
    if (std::optional<StringRef> s = v->getAsString()) {
      out.push_back(s->str());
      return success();
    }
    const llvm::json::Array *array = v->getAsArray();
    if (!array)
      return fail() << "key '" << key << "' must be a string or a list of "
                    << "strings";
    for (const llvm::json::Value &e : *array) {
      std::optional<StringRef> s = e.getAsString();
      if (!s)
        return fail() << "key '" << key << "' must be a list of strings";
      out.push_back(s->str());
    }
    return success();
  }

  InFlightDiagnostic fail() { return diag() << where << ": "; }

private:
  const llvm::json::Object &object;
  std::string where;
  function_ref<InFlightDiagnostic()> diag;
};

FailureOr<std::unique_ptr<WeightScheme>>
parseQuantize(ObjectReader &r, function_ref<InFlightDiagnostic()> diag) {
  CoreAIQuantizeWeightsPassOptions o;
  if (failed(r.checkKeys({"dtype", "qscheme", "granularity", "block-size",
                          "scale-dtype", "scale-search", "symmetric-range"})) ||
      failed(r.getEnum(StringRef("dtype"), o.dtype, 10)) ||
      failed(r.getEnum(StringRef("qscheme"), o.qscheme, 2)) ||
      failed(r.getEnum(StringRef("granularity"), o.granularity, 4)) ||
      failed(r.getUnsigned("block-size", o.blockSize)) ||
      failed(r.getEnum(StringRef("scale-dtype"), o.scaleDtype, 2)) ||
      failed(r.getEnum(StringRef("scale-search"), o.scaleSearch, 3)) ||
      failed(r.getEnum(StringRef("symmetric-range"), o.symmetricRange, 2)))
    return failure();
  return createQuantizeScheme(o, diag);
}

FailureOr<std::unique_ptr<WeightScheme>>
parsePalettize(ObjectReader &r, function_ref<InFlightDiagnostic()> diag) {
  CoreAIPalettizeWeightsPassOptions o;
  if (failed(r.checkKeys({"n-bits", "granularity", "group-size", "cluster-dim",
                          "lut-dtype", "enable-per-channel-scale",
                          "enable-fast-kmeans-mode", "rounding-precision",
                          "num-kmeans-workers"})) ||
      failed(r.getUnsigned("n-bits", o.nBits)) ||
      failed(r.getEnum(StringRef("granularity"), o.granularity, 4)) ||
      failed(r.getUnsigned("group-size", o.groupSize)) ||
      failed(r.getUnsigned("cluster-dim", o.clusterDim)) ||
      failed(r.getEnum(StringRef("lut-dtype"), o.lutDtype, 10)) ||
      failed(r.getBool("enable-per-channel-scale", o.enablePerChannelScale)) ||
      failed(r.getBool("enable-fast-kmeans-mode", o.enableFastKmeansMode)) ||
      failed(r.getUnsigned("rounding-precision", o.roundingPrecision)) ||
      failed(r.getUnsigned("num-kmeans-workers", o.numKmeansWorkers)))
    return failure();
  return createPalettizeScheme(o, diag);
}

FailureOr<std::unique_ptr<WeightScheme>>
parseSparsify(ObjectReader &r, function_ref<InFlightDiagnostic()> diag) {
  CoreAISparsifyWeightsPassOptions o;
  bool sparsityGiven = false;
  if (failed(r.checkKeys({"target-sparsity", "block-size", "n-m-ratio",
                          "quantize-dtype", "palettize-nbits"})) ||
      failed(
          r.getDouble("target-sparsity", o.targetSparsity, &sparsityGiven)) ||
      failed(r.getUnsigned("block-size", o.blockSize)) ||
      failed(r.getIntegers("n-m-ratio", o.nMRatio)) ||
      failed(r.getEnum(StringRef("quantize-dtype"), o.quantizeDtype, 10)) ||
      failed(r.getUnsigned("palettize-nbits", o.palettizeNbits)))
    return failure();
  return createSparsifyScheme(o, sparsityGiven, diag);
}

constexpr StringLiteral kFamilies[] = {"quantize", "palettize", "sparsify"};

/// A scheme object: exactly one of {"quantize": {...}}, {"palettize": ...},
/// {"sparsify": ...} among `object`'s keys.
LogicalResult parseScheme(const llvm::json::Object &object, StringRef where,
                          RecipeRule &rule,
                          function_ref<InFlightDiagnostic()> diag) {
  for (StringRef family : kFamilies) {
    const llvm::json::Value *v = object.get(family);
    if (!v)
      continue;
    std::string at = (where + ", key '" + family + "'").str();
    const llvm::json::Object *options = v->getAsObject();
    if (!options)
      return diag() << at << ": must be an object of options";
    auto prefixed = [&]() { return diag() << at << ": "; };
    ObjectReader reader(*options, at, diag);
    FailureOr<std::unique_ptr<WeightScheme>> scheme =
        family == "quantize"    ? parseQuantize(reader, prefixed)
        : family == "palettize" ? parsePalettize(reader, prefixed)
                                : parseSparsify(reader, prefixed);
    if (failed(scheme))
      return failure();
    std::string name;
    llvm::raw_string_ostream os(name);
    os << family << " " << llvm::json::Value(llvm::json::Object(*options));
    rule.schemes.push_back(std::move(*scheme));
    rule.schemeNames.push_back(std::move(name));
  }
  return success();
}

LogicalResult parseMatch(const llvm::json::Object &match, RecipeRule &rule,
                         function_ref<InFlightDiagnostic()> diag) {
  ObjectReader r(match, rule.label + ", key 'match'", diag);
  if (failed(r.checkKeys({"op", "ordinal", "location", "shape", "min-elements",
                          "max-elements", "type"})) ||
      failed(r.getStrings("op", rule.ops)) ||
      failed(r.getIntegers("ordinal", rule.ordinals)) ||
      failed(r.getStrings("type", rule.types)))
    return failure();
  SmallVector<std::string> location;
  if (failed(r.getStrings("location", location)))
    return failure();
  if (location.size() > 1)
    return r.fail() << "key 'location' must be one regular expression";
  if (!location.empty()) {
    rule.location = std::make_unique<llvm::Regex>(location.front());
    std::string error;
    if (!rule.location->isValid(error))
      return r.fail() << "key 'location': invalid regular expression: "
                      << error;
  }
  if (match.get("shape")) {
    SmallVector<int64_t> shape;
    if (failed(r.getIntegers("shape", shape)))
      return failure();
    rule.shape = std::move(shape);
  }
  uint64_t minElements = 0, maxElements = 0;
  if (failed(r.getUnsigned("min-elements", minElements)) ||
      failed(r.getUnsigned("max-elements", maxElements)))
    return failure();
  if (match.get("min-elements"))
    rule.minElements = static_cast<int64_t>(
        std::min<uint64_t>(minElements, uint64_t(INT64_MAX)));
  if (match.get("max-elements"))
    rule.maxElements = static_cast<int64_t>(
        std::min<uint64_t>(maxElements, uint64_t(INT64_MAX)));
  return success();
}

LogicalResult parseRule(const llvm::json::Value &value, size_t index,
                        RecipeRule &rule,
                        function_ref<InFlightDiagnostic()> diag) {
  rule.label = "recipe rule " + std::to_string(index + 1);
  const llvm::json::Object *object = value.getAsObject();
  if (!object)
    return diag() << rule.label << ": must be an object";
  if (std::optional<StringRef> name = object->getString("name"))
    rule.label += " ('" + name->str() + "')";
  else if (object->get("name"))
    return diag() << rule.label << ": key 'name' must be a string";
  ObjectReader r(*object, rule.label, diag);
  if (failed(r.checkKeys({"name", "match", "skip", "auto", "quantize",
                          "palettize", "sparsify", "schemes"})) ||
      failed(r.getBool("skip", rule.skip)) ||
      failed(r.getBool("auto", rule.automatic)))
    return failure();
  if (const llvm::json::Value *match = object->get("match")) {
    const llvm::json::Object *m = match->getAsObject();
    if (!m)
      return r.fail() << "key 'match' must be an object";
    if (failed(parseMatch(*m, rule, diag)))
      return failure();
  }
  if (failed(parseScheme(*object, rule.label, rule, diag)))
    return failure();
  if (const llvm::json::Value *schemes = object->get("schemes")) {
    const llvm::json::Array *list = schemes->getAsArray();
    if (!list || list->empty())
      return r.fail() << "key 'schemes' must be a non-empty list of scheme "
                         "objects";
    for (auto [i, entry] : llvm::enumerate(*list)) {
      std::string where =
          rule.label + ", key 'schemes' entry " + std::to_string(i + 1);
      const llvm::json::Object *scheme = entry.getAsObject();
      size_t before = rule.schemes.size();
      if (!scheme)
        return diag() << where << ": must be an object";
      ObjectReader sr(*scheme, where, diag);
      if (failed(sr.checkKeys({"quantize", "palettize", "sparsify"})) ||
          failed(parseScheme(*scheme, where, rule, diag)))
        return failure();
      if (rule.schemes.size() != before + 1)
        return diag() << where
                      << ": must name exactly one of quantize, palettize, "
                         "sparsify";
    }
  }
  const size_t actions = (rule.skip ? 1 : 0) + (rule.automatic ? 1 : 0) +
                         (rule.schemes.empty() ? 0 : 1);
  const size_t families = llvm::count_if(
      kFamilies, [&](StringRef f) { return object->get(f) != nullptr; });
  if (actions != 1 || families > 1 || (families == 1 && object->get("schemes")))
    return r.fail() << "needs exactly one action: \"skip\": true, "
                       "\"auto\": true, one of quantize, palettize, "
                       "sparsify, or \"schemes\"";
  return success();
}

/// One entry of the recipe's "candidates": a catalog name, or a scheme
/// object with an optional "name".
FailureOr<CandidateScheme>
parseCandidate(const llvm::json::Value &entry, StringRef where,
               function_ref<InFlightDiagnostic()> diag) {
  if (std::optional<StringRef> name = entry.getAsString())
    return createNamedCandidate(*name,
                                [&]() { return diag() << where << ": "; });
  const llvm::json::Object *object = entry.getAsObject();
  if (!object)
    return diag() << where << ": must be a candidate name or a scheme object";
  ObjectReader reader(*object, where.str(), diag);
  if (failed(reader.checkKeys({"name", "quantize", "palettize", "sparsify"})))
    return failure();
  RecipeRule holder;
  if (failed(parseScheme(*object, where, holder, diag)))
    return failure();
  if (holder.schemes.size() != 1)
    return diag() << where
                  << ": must name exactly one of quantize, palettize, sparsify";
  CandidateScheme candidate;
  candidate.scheme = std::move(holder.schemes.front());
  candidate.name = holder.schemeNames.front();
  if (const llvm::json::Value *name = object->get("name")) {
    std::optional<StringRef> text = name->getAsString();
    if (!text)
      return diag() << where << ": key 'name' must be a string";
    candidate.name = text->str();
  }
  return candidate;
}

} // namespace

bool RecipeRule::matches(const WeightFacts &weight) const {
  if (!ops.empty() &&
      llvm::none_of(weight.consumers, [&](const std::string &c) {
        return llvm::is_contained(ops, c);
      }))
    return false;
  if (!ordinals.empty() && !llvm::is_contained(ordinals, weight.ordinal))
    return false;
  if (location && !location->match(weight.locations))
    return false;
  if (shape && ArrayRef<int64_t>(*shape) != ArrayRef<int64_t>(weight.shape))
    return false;
  if (minElements && weight.elements < *minElements)
    return false;
  if (maxElements && weight.elements > *maxElements)
    return false;
  if (!types.empty() && !llvm::is_contained(types, weight.elementType))
    return false;
  return true;
}

const RecipeRule *Recipe::match(const WeightFacts &weight) const {
  for (const RecipeRule &rule : rules)
    if (rule.matches(weight))
      return &rule;
  return nullptr;
}

const RecipeRule *Recipe::getFirstAutomaticRule() const {
  for (const RecipeRule &rule : rules)
    if (rule.automatic)
      return &rule;
  return nullptr;
}

void Recipe::prepare(MLIRContext *context) {
  for (RecipeRule &rule : rules)
    for (std::unique_ptr<WeightScheme> &scheme : rule.schemes)
      scheme->prepare(context);
  for (CandidateScheme &candidate : candidates)
    candidate.scheme->prepare(context);
}

FailureOr<Recipe>
mlir::coreai::parseRecipe(StringRef text,
                          function_ref<InFlightDiagnostic()> diag) {
  if (isJsonNestedDeeperThan(text, kMaxJsonDepth))
    return diag() << "recipe: nested deeper than " << kMaxJsonDepth
                  << " levels";
  if (countJsonContainers(text, kMaxRecipeContainers) > kMaxRecipeContainers)
    return diag() << "recipe: more than " << kMaxRecipeContainers
                  << " arrays and objects";
  llvm::Expected<llvm::json::Value> json = llvm::json::parse(text);
  if (!json)
    return diag() << "recipe: invalid JSON: "
                  << llvm::toString(json.takeError());
  const llvm::json::Object *top = json->getAsObject();
  if (!top)
    return diag() << "recipe: must be an object with a \"rules\" list";
  for (const auto &entry : *top)
    if (entry.first.str() != "rules" && entry.first.str() != "candidates")
      return diag() << "recipe: unknown key '" << entry.first.str()
                    << "'; expected one of rules, candidates";
  const llvm::json::Array *rules = top->getArray("rules");
  if (!rules)
    return diag() << "recipe: key 'rules' must be a list of rules";
  Recipe recipe;
  recipe.rules.resize(rules->size());
  for (auto [i, value] : llvm::enumerate(*rules))
    if (failed(parseRule(value, i, recipe.rules[i], diag)))
      return failure();
  if (const llvm::json::Value *candidates = top->get("candidates")) {
    const llvm::json::Array *list = candidates->getAsArray();
    if (!list || list->empty())
      return diag() << "recipe: key 'candidates' must be a non-empty list of "
                       "candidate names and scheme objects";
    recipe.hasCandidates = true;
    for (auto [i, entry] : llvm::enumerate(*list)) {
      std::string where =
          "recipe key 'candidates' entry " + std::to_string(i + 1);
      FailureOr<CandidateScheme> candidate = parseCandidate(entry, where, diag);
      if (failed(candidate))
        return failure();
      recipe.candidates.push_back(std::move(*candidate));
    }
  }
  return recipe;
}

DenseMap<Operation *, WeightFacts>
mlir::coreai::collectWeightFacts(const WeightAnalysis &analysis) {
  DenseMap<Operation *, WeightFacts> facts;
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
