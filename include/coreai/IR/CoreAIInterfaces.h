//===- CoreAIInterfaces.h - Weight consumer interfaces ----------*- C++ -*-===//

#ifndef COREAI_IR_COREAIINTERFACES_H
#define COREAI_IR_COREAIINTERFACES_H

#include "mlir/IR/OpDefinition.h"

#include <cstdint>
#include <optional>

namespace mlir {
namespace coreai {

/// The output- and input-channel axes of a weight operand. Axes may be
/// negative (counted from the back) until normalised against a rank.
struct WeightAxes {
  int64_t out = 0;
  int64_t in = 1;

  bool operator==(const WeightAxes &other) const {
    return out == other.out && in == other.in;
  }
  bool operator!=(const WeightAxes &other) const { return !(*this == other); }

  /// Returns the axes with negative values counted from the back of `rank`.
  WeightAxes normalized(int64_t rank) const {
    return {out < 0 ? out + rank : out, in < 0 ? in + rank : in};
  }
};

/// How a consumer contracts a weight operand with its data input: what
/// activation statistics are gathered over. A matmul contracts axis
/// `dataAxis` of the data operand (negative: from the back) with the
/// weight's input axis; a convolution (`isConvolution`) slides the weight
/// over the NCHW data with `strides` and `dilations` (height, width), its
/// input channels split into `groups`.
struct WeightContraction {
  unsigned dataOperand = 0;
  int64_t dataAxis = -1;
  bool isConvolution = false;
  int64_t strides[2] = {1, 1};
  int64_t dilations[2] = {1, 1};
  int64_t groups = 1;
};

} // namespace coreai
} // namespace mlir

#include "coreai/IR/CoreAIInterfaces.h.inc"

#endif // COREAI_IR_COREAIINTERFACES_H
