//===- WeightScheme.cpp - The shared compression skeleton -----------------===//

#include "coreai/Weights/WeightScheme.h"

using namespace mlir;
using namespace mlir::coreai;

WeightEncoding::~WeightEncoding() = default;

int64_t WeightEncoding::getStoredBytes() const {
  int64_t bytes = fixedBytes;
  for (const EncodedElements *payload : getPayloads())
    bytes += payload->bytes.size();
  return bytes;
}
WeightScheme::~WeightScheme() = default;

std::string WeightScheme::getSkipReason(const WeightCandidate &weight) const {
  std::string reason = getSchemeSkipReason(weight);
  if (reason.empty() &&
      const_cast<ConstantOp &>(weight.op).getValue().isSplat())
    reason = getSplatSkipReason(getLeftAs());
  return reason;
}

int64_t mlir::coreai::getDenseBytes(RankedTensorType type) {
  return type.getNumElements() * int64_t(type.getElementTypeBitWidth() / 8);
}

std::string mlir::coreai::getSplatSkipReason(StringRef leftAs) {
  return "a splat (one stored element) cannot get smaller; left " +
         leftAs.str();
}

Value mlir::coreai::rewriteWeight(OpBuilder &builder,
                                  const WeightCandidate &weight,
                                  const WeightScheme &scheme,
                                  WeightEncoding &encoding) {
  if (!encoding.warning.empty())
    emitWarning(weight.getLoc(), encoding.warning);
  WeightChain chain;
  scheme.describe(weight, encoding, chain);
  return emitChain(builder, weight.getLoc(), chain);
}

std::string mlir::coreai::getNotSmallerReason(int64_t storedBytes,
                                              int64_t denseBytes,
                                              StringRef leftAs) {
  return "the compressed form takes " + std::to_string(storedBytes) +
         " bytes, not fewer than the " + std::to_string(denseBytes) +
         " bytes of the dense weight; left " + leftAs.str();
}

namespace {

/// One weight with what the workers need copied out of the IR.
struct Item {
  WeightAssignment *assignment;
  ElementsAttr value;
  std::string skipReason;
};

struct ItemResult : WeightWorkStatus {
  std::unique_ptr<WeightEncoding> encoding;
};

void computeItem(Item &item, ItemResult &result, unsigned threads) {
  if (!item.skipReason.empty()) {
    result.skipReason = item.skipReason;
    return;
  }
  const WeightCandidate &weight = item.assignment->candidate;
  const WeightScheme &scheme = *item.assignment->scheme;
  std::optional<WeightPayload> payload =
      WeightPayload::open(item.value, weight.getType().getElementType(),
                          scheme.getHalfBits(weight), result.error);
  if (!payload)
    return;
  if (!scheme.checksFiniteItself() && !payload->allFinite(threads)) {
    result.skipReason = getNonFiniteSkipReason(scheme.getLeftAs());
    return;
  }
  result.encoding = scheme.compute(weight, *payload, threads, result);
  // Never bigger: a chain that takes at least the dense bytes is not worth
  // it.
  const int64_t dense = getDenseBytes(weight.getType());
  if (result.encoding && result.encoding->getStoredBytes() >= dense) {
    result.skipReason = getNotSmallerReason(result.encoding->getStoredBytes(),
                                            dense, scheme.getLeftAs());
    result.encoding.reset();
  }
}

} // namespace

LogicalResult
mlir::coreai::compressWeights(MutableArrayRef<WeightAssignment> weights,
                              unsigned threads, StringRef label,
                              DenseMap<Operation *, std::string> *skipped) {
  std::vector<Item> items;
  items.reserve(weights.size());
  for (WeightAssignment &assignment : weights)
    items.push_back({&assignment, assignment.candidate.op.getValue(),
                     assignment.scheme->getSkipReason(assignment.candidate)});

  OpBuilder builder(
      weights.empty() ? nullptr : weights.front().candidate.op->getContext());
  auto anchor = [](Item &item) -> Operation * {
    return item.assignment->candidate.op;
  };
  auto compute = [&](Item &item, ItemResult &result) {
    computeItem(item, result, threads);
  };
  auto rewrite = [&](Item &item, ItemResult &result) {
    ConstantOp source = item.assignment->candidate.op;
    builder.setInsertionPoint(source);
    Value replacement =
        rewriteWeight(builder, item.assignment->candidate,
                      *item.assignment->scheme, *result.encoding);
    source.replaceAllUsesWith(replacement);
    source.erase();
  };
  auto record = [&](Item &item, StringRef reason) {
    if (skipped)
      (*skipped)[item.assignment->candidate.op] = reason.str();
  };
  return runWeightWork<Item, ItemResult>(items, threads, anchor, compute,
                                         rewrite, label, record);
}

LogicalResult mlir::coreai::compressWeights(ModuleOp module,
                                            WeightScheme &scheme,
                                            uint64_t weightNumThreshold,
                                            unsigned threads, StringRef label) {
  scheme.prepare(module.getContext());
  SmallVector<WeightAssignment> weights;
  const int64_t threshold =
      static_cast<int64_t>(std::min<uint64_t>(weightNumThreshold, INT64_MAX));
  for (WeightCandidate &candidate : collectWeightCandidates(module, threshold))
    weights.push_back({candidate, &scheme});
  return compressWeights(weights, threads, label);
}
