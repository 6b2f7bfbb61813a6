//===- WeightChain.h - Decoder chains as data -------------------*- C++ -*-===//
//
// A decoder chain (constants -> blockwise_shift_scale / lut_to_dense /
// sparse ops / casts) as plain data, its one evaluator and its one emitter.
// A scheme only describes the chain of an encoding; the emitter turns that
// description into IR, op by op, and the automatic choice evaluates the same
// description in a worker thread before any IR exists. The materialization
// reads chains back out of the IR into the same form.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_WEIGHTS_WEIGHTCHAIN_H
#define COREAI_WEIGHTS_WEIGHTCHAIN_H

#include "coreai/IR/ConstantData.h"

#include "mlir/IR/Builders.h"
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
  /// Kind::Constant: an attribute of the IR, an encoding not yet in the IR
  /// (the emitter takes its bytes over), or (neither) a splat of `splat`.
  ElementsAttr constant;
  EncodedElements *encoded = nullptr;
  double splat = 0;
  SmallVector<unsigned, 4> inputs;
  /// Kind::Lut: the vector axis, normalised.
  int64_t axis = 0;
  /// The metadata of the emitted op's location (a FusedLoc around the
  /// weight's location), e.g. how a decoder's scales were found; or null.
  Attribute locationMetadata;
};

/// The nodes of one chain, inputs before their users; the root is last.
struct WeightChain {
  std::vector<ChainNode> nodes;

  /// Appends a constant holding `encoded` (which must outlive the chain;
  /// emitting the chain takes its bytes over).
  unsigned addConstant(ArrayRef<int64_t> shape, Type elementType,
                       EncodedElements &encoded);
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

/// Builds `chain` as IR at the builder's insertion point, op by op in the
/// chain's order, every op at `loc` (with a node's location metadata fused
/// in), and returns the root's value. Takes the bytes of the encoded
/// constants over: the chain cannot be emitted or evaluated again. Creates
/// IR: call it on the thread that owns the context.
Value emitChain(OpBuilder &builder, Location loc, WeightChain &chain);

} // namespace coreai
} // namespace mlir

#endif // COREAI_WEIGHTS_WEIGHTCHAIN_H
