//===- WeightScheme.h - One interface behind every compression --*- C++ -*-===//
//
// A weight's journey is written once (compressWeights): choose the weights
// (collectWeightCandidates), ask each one's scheme whether it applies, load
// its payload (WeightPayload), compute the encoding in parallel off the IR,
// report every error before any change, then rewrite in program order by
// emitting the chain the scheme describes (emitChain). A scheme writes its
// decoder chain once, as a description; the automatic choice evaluates the
// same description. Quantization, palettization and sparsification are
// schemes; a pass turns its options into one scheme, a recipe gives each
// weight its own.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_WEIGHTS_WEIGHTSCHEME_H
#define COREAI_WEIGHTS_WEIGHTSCHEME_H

#include "coreai/Weights/WeightCandidates.h"
#include "coreai/Weights/WeightChain.h"
#include "coreai/Weights/WeightPassDriver.h"
#include "coreai/Weights/WeightPayload.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

#include <memory>
#include <string>

namespace mlir {
namespace coreai {

/// What a scheme computed for one weight, kept from the compute step to the
/// rewrite. Each scheme derives its own.
struct WeightEncoding {
  virtual ~WeightEncoding();

  /// The bytes of every constant the rewrite will create, counted as the
  /// weight report counts them (payloads as stored, splats as one element).
  int64_t getStoredBytes() const;

  /// Bytes of the small constants the rewrite creates besides the payloads
  /// (zero offsets, LUT axes).
  int64_t fixedBytes = 0;

  /// A warning the rewrite emits at the weight (set by compute, which runs
  /// in a worker and cannot emit it), or empty.
  std::string warning;

protected:
  /// The payloads the rewrite turns into constants (unset ones count 0).
  virtual SmallVector<const EncodedElements *> getPayloads() const = 0;
};

/// One compression family with its options fixed.
class WeightScheme {
public:
  virtual ~WeightScheme();

  /// What a skipped weight is left as: "unquantized", "unpalettized", ...
  virtual StringRef getLeftAs() const = 0;

  /// The half-precision payloads the compute step takes as bit patterns in
  /// place (the others arrive decoded).
  virtual HalfBits getHalfBits(const WeightCandidate &weight) const {
    return HalfBits::None;
  }

  /// True when compute checks Inf/NaN itself (fused into its kernel) and
  /// reports it through getNonFiniteSkipReason; the load step checks
  /// otherwise.
  virtual bool checksFiniteItself() const { return false; }

  /// Creates every type the scheme produces. Called once, on the IR thread,
  /// before any compute.
  virtual void prepare(MLIRContext *context) = 0;

  /// Returns why the scheme does not apply to `weight` (a sentence the
  /// report can show, ending in "left <getLeftAs()>"), or an empty string.
  /// A splat weight (one stored element) never gets smaller: where the
  /// scheme would otherwise apply, it is left as it is, without reading it.
  /// Called on the IR thread.
  std::string getSkipReason(const WeightCandidate &weight) const;

  /// Computes the encoding of `weight` from its payload. Runs in a worker:
  /// touches no IR. On failure returns null and sets `status.error` (the
  /// pass fails) or `status.skipReason` (the weight stays as it is).
  virtual std::unique_ptr<WeightEncoding>
  compute(const WeightCandidate &weight, WeightPayload &payload,
          unsigned threads, WeightWorkStatus &status) const = 0;

  /// Describes the decoder chain of `encoding`, the one and only account
  /// of it: emitChain builds it as IR, evaluateChain decodes it. Its
  /// constants point into `encoding`. Safe in a worker.
  virtual void describe(const WeightCandidate &weight, WeightEncoding &encoding,
                        WeightChain &chain) const = 0;

protected:
  /// The scheme's own reasons not to apply to a weight, from its type and
  /// axes alone (see getSkipReason).
  virtual std::string
  getSchemeSkipReason(const WeightCandidate &weight) const = 0;
};

/// Bytes of `type` stored densely, one element after another.
int64_t getDenseBytes(RankedTensorType type);

/// The skip reason of a splat weight; `leftAs` as for
/// getNonFiniteSkipReason.
std::string getSplatSkipReason(StringRef leftAs);

/// Builds the decoder chain of `encoding` at the builder's insertion point
/// (just before the weight), emits the encoding's warning, and returns the
/// value that replaces the weight. Takes the encoding's payloads over.
Value rewriteWeight(OpBuilder &builder, const WeightCandidate &weight,
                    const WeightScheme &scheme, WeightEncoding &encoding);

/// Why an encoding of `storedBytes` does not replace a dense weight of
/// `denseBytes` (never bigger: a chain must take fewer bytes).
std::string getNotSmallerReason(int64_t storedBytes, int64_t denseBytes,
                                StringRef leftAs);

/// One weight and the scheme that compresses it.
struct WeightAssignment {
  WeightCandidate candidate;
  const WeightScheme *scheme;
};

/// Runs the shared skeleton over `weights`: skips with a warning where the
/// scheme does not apply, loads and computes in parallel on up to `threads`
/// threads (the output bytes do not depend on the count), fails before any
/// change on an error, and rewrites in the order of `weights`. Every scheme
/// must have been prepared. `label` names the progress line.
/// `skipped`, when given, receives the reason of every weight left as it
/// is, by its constant.
LogicalResult
compressWeights(MutableArrayRef<WeightAssignment> weights, unsigned threads,
                StringRef label,
                DenseMap<Operation *, std::string> *skipped = nullptr);

/// compressWeights over the candidates of `module` with more than
/// `weightNumThreshold` elements, all with `scheme` (prepared here).
LogicalResult compressWeights(ModuleOp module, WeightScheme &scheme,
                              uint64_t weightNumThreshold, unsigned threads,
                              StringRef label);

} // namespace coreai
} // namespace mlir

#endif // COREAI_WEIGHTS_WEIGHTSCHEME_H
