//===- WeightChain.h - Decoder chains evaluated off the IR ------*- C++ -*-===//
//
// A decoder chain (constants -> blockwise_shift_scale / lut_to_dense /
// sparse ops / casts) as plain data, and its one evaluator. The
// materialization reads chains out of the IR; a scheme describes the chain
// its rewrite will build, so that a candidate encoding can be measured in a
// worker thread before any IR exists. Both evaluate the same way.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_TRANSFORMS_WEIGHTCHAIN_H
#define COREAI_TRANSFORMS_WEIGHTCHAIN_H

#include "coreai/IR/ConstantData.h"

#include "mlir/IR/BuiltinAttributeInterfaces.h"
#include "mlir/Support/LLVM.h"

#include <string>
#include <vector>

namespace mlir {
namespace coreai {

/// One step of a chain, with everything its evaluation needs (attributes and
/// types are only read: safe in worker threads).
struct ChainNode {
  enum class Kind { Constant, ShiftScale, Lut, BuildSparse, ToDense, Cast };
  Kind kind = Kind::Constant;
  /// The result's shape and element type (BuildSparse: the dense ones).
  SmallVector<int64_t> shape;
  Type elementType;
  /// Kind::Constant: an attribute of the IR, an encoding not yet in the IR,
  /// or (neither) a splat of `splat`.
  ElementsAttr constant;
  const EncodedElements *encoded = nullptr;
  double splat = 0;
  SmallVector<unsigned, 4> inputs;
  /// Kind::Lut: the vector axis, normalised.
  int64_t axis = 0;
};

/// The nodes of one chain, inputs before their users; the root is last.
struct WeightChain {
  std::vector<ChainNode> nodes;

  /// Appends a constant holding `encoded` (which must outlive the chain).
  unsigned addConstant(ArrayRef<int64_t> shape, Type elementType,
                       const EncodedElements &encoded);
  /// Appends a splat constant.
  unsigned addSplat(ArrayRef<int64_t> shape, Type elementType, double value);
  /// Appends an op of `kind` on `inputs`.
  unsigned addOp(ChainNode::Kind kind, ArrayRef<int64_t> shape,
                 Type elementType, ArrayRef<unsigned> inputs, int64_t axis = 0);

  /// Bytes of f64 working memory the evaluation may hold at once (an upper
  /// bound).
  uint64_t getWorkingBytes() const;
};

/// Evaluates `chain` as the decoder ops define it, rounding every result to
/// its element type, into `out` (the root's values, row-major). Runs on up to
/// `threads` threads; touches no IR. Returns false with `error` when a
/// payload cannot be read or the chain is inconsistent.
bool evaluateChain(const WeightChain &chain, std::vector<double> &out,
                   std::string &error, unsigned threads);

} // namespace coreai
} // namespace mlir

#endif // COREAI_TRANSFORMS_WEIGHTCHAIN_H
