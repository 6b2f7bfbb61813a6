//===- WeightCandidates.cpp - Choosing the weights to compress ------------===//

#include "coreai/Weights/WeightCandidates.h"

#include "coreai/Compression/Buffer.h"

#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace mlir::coreai;

namespace {

/// The axes the users of a value agree on, and whether they all consume it
/// as a weight.
struct UseAxes {
  SmallVector<WeightAxes> axes; // one per weight-consuming use
  bool allConsumers = true;
  bool disagreement = false; // users of a looked-through op disagreed
};

/// Returns `axes` normalised by `rank`, or the default 0/1 when they fall
/// outside it.
WeightAxes normalize(WeightAxes axes, int64_t rank) {
  WeightAxes n = axes.normalized(rank);
  if (n.out < 0 || n.out >= rank || n.in < 0 || n.in >= rank)
    return {0, rank > 1 ? 1 : 0};
  return n;
}

/// Returns the axes when every entry agrees, std::nullopt otherwise.
std::optional<WeightAxes> agree(ArrayRef<WeightAxes> axes) {
  if (axes.empty() || llvm::any_of(axes, [&](const WeightAxes &a) {
        return a != axes.front();
      }))
    return std::nullopt;
  return axes.front();
}

void collectUseAxes(Value value, UseAxes &result) {
  int64_t rank = cast<RankedTensorType>(value.getType()).getRank();
  for (OpOperand &use : value.getUses()) {
    Operation *user = use.getOwner();
    if (auto consumer = dyn_cast<WeightConsumerOpInterface>(user)) {
      if (std::optional<WeightAxes> axes =
              consumer.getWeightAxes(use.getOperandNumber())) {
        result.axes.push_back(normalize(*axes, rank));
        continue;
      }
    }
    if (auto lookThrough = dyn_cast<WeightLookThroughOpInterface>(user)) {
      if (&lookThrough.getLookThroughOperand() == &use &&
          user->getNumResults() == 1 &&
          isa<RankedTensorType>(user->getResult(0).getType())) {
        // The look-through op counts as a weight consumer; its users decide
        // the axes, mapped back to this side. No agreement gives 0/1.
        UseAxes inner;
        collectUseAxes(user->getResult(0), inner);
        std::optional<WeightAxes> agreed = agree(inner.axes);
        WeightAxes mapped = agreed ? mapAxesToSource(lookThrough, *agreed)
                                   : normalize({0, 1}, rank);
        result.disagreement |=
            inner.disagreement || (!agreed && inner.axes.size() > 1);
        result.axes.push_back(mapped);
        continue;
      }
    }
    result.allConsumers = false;
  }
}

bool isCompressibleElementType(Type type) {
  return type.isF16() || type.isBF16() || type.isF32();
}

} // namespace

WeightAxes mlir::coreai::mapAxesToSource(WeightLookThroughOpInterface op,
                                         WeightAxes resultAxes) {
  int64_t rank =
      cast<RankedTensorType>(op.getLookThroughOperand().get().getType())
          .getRank();
  std::optional<int64_t> out = op.mapResultAxisToSource(resultAxes.out);
  std::optional<int64_t> in = op.mapResultAxisToSource(resultAxes.in);
  if (out && in)
    return normalize({*out, *in}, rank);
  return normalize({0, 1}, rank);
}

Value mlir::coreai::traceWeightSource(Value value, WeightAxes &axes) {
  if (auto type = dyn_cast<RankedTensorType>(value.getType()))
    axes = normalize(axes, type.getRank());
  while (auto look = value.getDefiningOp<WeightLookThroughOpInterface>()) {
    if (!isa<RankedTensorType>(look.getLookThroughOperand().get().getType()))
      break;
    axes = mapAxesToSource(look, axes);
    value = look.getLookThroughOperand().get();
  }
  return value;
}

SmallVector<WeightCandidate> mlir::coreai::collectWeightCandidates(
    Operation *root, int64_t weightNumThreshold,
    DenseMap<Operation *, std::string> *rejected) {
  SmallVector<WeightCandidate> candidates;
  auto reject = [&](ConstantOp constant, const Twine &reason) {
    if (rejected)
      (*rejected)[constant] = reason.str();
  };
  root->walk([&](ConstantOp constant) {
    auto type = dyn_cast<RankedTensorType>(constant.getType());
    if (!type || !type.hasStaticShape() ||
        !isa<FloatType>(type.getElementType()))
      return;
    if (!isCompressibleElementType(type.getElementType())) {
      std::string name;
      llvm::raw_string_ostream(name) << type.getElementType();
      return reject(constant, "element type " + name +
                                  " is not compressed (f16, bf16 and f32 "
                                  "are)");
    }
    if (type.getNumElements() <= weightNumThreshold)
      return reject(constant, "small: " + Twine(type.getNumElements()) +
                                  " elements, not more than the threshold " +
                                  Twine(weightNumThreshold));
    // Data, scales, LUTs and masks that already feed a decoder stay as they
    // are.
    if (llvm::any_of(constant->getUses(), [](OpOperand &use) {
          auto decoder = dyn_cast<WeightDecoderOpInterface>(use.getOwner());
          return decoder && decoder.isEncodedOperand(use.getOperandNumber());
        }))
      return;

    UseAxes uses;
    collectUseAxes(constant.getResult(), uses);
    if (!uses.allConsumers && type.getNumElements() < kHugeWeightNumElements)
      return reject(constant, "also used other than as a weight");

    WeightAxes axes = normalize({0, 1}, type.getRank());
    std::optional<WeightAxes> agreed = agree(uses.axes);
    if (agreed)
      axes = *agreed;
    if (uses.disagreement || (!agreed && uses.axes.size() > 1))
      constant.emitWarning("users of this weight disagree on its channel "
                           "axes; using output axis ")
          << axes.out << " and input axis " << axes.in;
    // A weight is decoded into f32 next to its compressed form; one that
    // cannot fit is refused before anything allocates. A splat is never
    // decoded (every scheme leaves it as it is).
    uint64_t workingBytes = uint64_t(type.getNumElements()) * 8;
    if (workingBytes > getPhysicalMemoryBytes() &&
        !constant.getValue().isSplat()) {
      constant.emitWarning("weight of ")
          << type.getNumElements() << " elements needs "
          << workingBytes / (1 << 20) << " MiB of working memory, more than "
          << "this machine's " << getPhysicalMemoryBytes() / (1 << 20)
          << " MiB; left as it is";
      return reject(constant, "too large for this machine's memory");
    }
    candidates.push_back({constant, axes, nullptr});
  });
  return candidates;
}

bool mlir::coreai::isWeightChainOp(Operation *op) {
  return isa<WeightDecoderOpInterface, CastOp>(op);
}
