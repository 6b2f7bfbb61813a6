//===- WeightCandidates.h - Choosing the weights to compress ----*- C++ -*-===//
//
// The one place where the three compression passes decide which constants
// are weights and along which axes their channels run
// (docs/compression.md section 1). Everything is asked of the op interfaces:
// WeightConsumerOpInterface, WeightLookThroughOpInterface and
// WeightDecoderOpInterface.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_WEIGHTS_WEIGHTCANDIDATES_H
#define COREAI_WEIGHTS_WEIGHTCANDIDATES_H

#include "coreai/Compression/Gptq.h"
#include "coreai/IR/CoreAIInterfaces.h"
#include "coreai/IR/CoreAIOps.h"

#include "mlir/Support/LLVM.h"

#include <memory>

namespace mlir {
namespace coreai {

/// Constants of at least this many elements qualify whatever their users.
constexpr int64_t kHugeWeightNumElements = 100000000;

/// Maps channel axes of `op`'s result to its looked-through operand,
/// normalised to that operand's rank; output axis 0 and input axis 1 when
/// either does not map.
WeightAxes mapAxesToSource(WeightLookThroughOpInterface op,
                           WeightAxes resultAxes);

/// Follows the weight operand `value`, whose consumer reads it with channel
/// axes `axes`, back through look-through ops (e.g. a transpose) to the
/// value they read, mapping `axes` as candidate selection does. Returns that
/// value.
Value traceWeightSource(Value value, WeightAxes &axes);

/// Whether `op` belongs to a compressed weight's decoder chain: a weight
/// decoder (WeightDecoderOpInterface) or a `coreai.cast` between decoders.
bool isWeightChainOp(Operation *op);

/// A constant chosen for compression.
struct WeightCandidate {
  ConstantOp op;
  /// Output- and input-channel axes, normalised to [0, rank).
  WeightAxes axes;
  /// What the weight's inputs looked like (activation statistics), when the
  /// user gave them: schemes then feed rounding errors back (GPTQ).
  std::shared_ptr<const InputStatistics> statistics;

  RankedTensorType getType() const {
    return cast<RankedTensorType>(const_cast<ConstantOp &>(op).getType());
  }
  ArrayRef<int64_t> getShape() const { return getType().getShape(); }
  Location getLoc() const { return const_cast<ConstantOp &>(op).getLoc(); }
};

/// Returns the constants under `root` to compress, in program order: float
/// (f16, bf16, f32) tensors of static shape with more than
/// `weightNumThreshold` elements, whose users are all weight consumers (or
/// which have at least kHugeWeightNumElements elements), and which feed no
/// weight decoder. Emits a warning at a constant whose users disagree on its
/// channel axes (it then gets output axis 0 and input axis 1).
/// `rejected`, when given, receives why each float constant that is not a
/// candidate was left out (by its op).
SmallVector<WeightCandidate>
collectWeightCandidates(Operation *root, int64_t weightNumThreshold,
                        DenseMap<Operation *, std::string> *rejected = nullptr);

} // namespace coreai
} // namespace mlir

#endif // COREAI_WEIGHTS_WEIGHTCANDIDATES_H
