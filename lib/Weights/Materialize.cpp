//===- Materialize.cpp - Decompress weight chains
//--------------------------===//
//
// Collect every chain of compression ops fed by constants (serially), evaluate
// the chains in parallel on data extracted from the IR, then replace each
// chain's root by a constant (serially, in program order).
//
//===----------------------------------------------------------------------===//

#include "coreai/Weights/Materialize.h"
#include "coreai/Compression/Buffer.h"
#include "coreai/Compression/Decompress.h"
#include "coreai/IR/ConstantData.h"
#include "coreai/IR/CoreAIOps.h"
#include "coreai/Weights/WeightCandidates.h"
#include "coreai/Weights/WeightChain.h"
#include "coreai/Weights/WeightPassDriver.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::coreai;

namespace {

struct Chain {
  Operation *root;
  RankedTensorType type; // of the root's dense result
  WeightChain chain;
};

struct ChainResult : WeightWorkStatus {
  EncodedElements encoded;
};

/// Appends the nodes computing `value` to `chain`; fails when a leaf is not a
/// constant or a shape is not static.
FailureOr<unsigned> addNode(Value value, WeightChain &chain,
                            DenseMap<Value, unsigned> &seen) {
  if (auto it = seen.find(value); it != seen.end())
    return it->second;
  Operation *op = value.getDefiningOp();
  if (!op)
    return failure();
  ChainNode node;
  RankedTensorType type;
  if (auto sparse = dyn_cast<SparseWithBitmaskType>(value.getType()))
    type = sparse.getDenseType();
  else
    type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || !type.hasStaticShape())
    return failure();
  node.shape.assign(type.getShape().begin(), type.getShape().end());
  node.elementType = type.getElementType();

  bool supported = true;
  TypeSwitch<Operation *>(op)
      .Case([&](ConstantOp constant) {
        node.kind = ChainNode::Kind::Constant;
        node.constant = constant.getValue();
      })
      .Case([&](BlockwiseShiftScaleOp) {
        node.kind = ChainNode::Kind::ShiftScale;
      })
      .Case([&](LutToDenseOp lut) {
        node.kind = ChainNode::Kind::Lut;
        int64_t rank = type.getRank();
        auto lutType = cast<RankedTensorType>(lut.getLut().getType());
        if (lutType.getShape().back() > 1) {
          // The verifier guarantees a constant scalar axis here.
          double axis = 0;
          std::string error;
          auto axisOp = lut.getAxis().getDefiningOp<ConstantOp>();
          if (!axisOp || !readElements(axisOp.getValue(),
                                       MutableArrayRef(&axis, 1), error))
            supported = false;
          node.axis = static_cast<int64_t>(axis);
          if (node.axis < 0)
            node.axis += rank;
        }
      })
      .Case([&](BuildSparseWithBitmaskOp) {
        node.kind = ChainNode::Kind::BuildSparse;
      })
      .Case([&](SparseWithBitmaskToDenseOp) {
        node.kind = ChainNode::Kind::ToDense;
      })
      .Case([&](CastOp) { node.kind = ChainNode::Kind::Cast; })
      .Default([&](Operation *) { supported = false; });
  if (!supported)
    return failure();

  if (node.kind != ChainNode::Kind::Constant) {
    // The LUT axis is folded into the node above, not evaluated.
    unsigned numInputs =
        node.kind == ChainNode::Kind::Lut ? 2 : op->getNumOperands();
    for (unsigned i = 0; i < numInputs; ++i) {
      FailureOr<unsigned> input = addNode(op->getOperand(i), chain, seen);
      if (failed(input))
        return failure();
      node.inputs.push_back(*input);
    }
  }
  chain.nodes.push_back(std::move(node));
  return seen[value] = chain.nodes.size() - 1;
}

/// Evaluates `chain` into `result.encoded`, or sets `result.error`.
void evaluate(Chain &chain, ChainResult &result, unsigned threads) {
  std::string error;
  std::vector<double> values;
  if (!evaluateChain(chain.chain, values, error, threads) ||
      !encodeElements(chain.type.getElementType(), values, result.encoded,
                      error))
    result.error = "cannot materialize this chain: " + error;
}

/// Erases `op` and, transitively, the chain ops and constants it leaves
/// without users.
void eraseIfDead(Operation *op) {
  SmallVector<Operation *> worklist = {op};
  while (!worklist.empty()) {
    Operation *current = worklist.pop_back_val();
    if (!current->use_empty() ||
        !(isWeightChainOp(current) || isa<ConstantOp>(current)))
      continue;
    for (Value operand : current->getOperands())
      if (Operation *def = operand.getDefiningOp())
        if (!llvm::is_contained(worklist, def))
          worklist.push_back(def);
    current->erase();
  }
}

} // namespace

LogicalResult mlir::coreai::materializeWeights(Operation *root,
                                               unsigned threads) {
  // Collect: roots are chain ops that produce a tensor used by something
  // other than another chain op.
  std::vector<Chain> chains;
  bool tooLarge = false;
  root->walk([&](Operation *op) {
    if (!isWeightChainOp(op) || isa<BuildSparseWithBitmaskOp>(op))
      return;
    Value result = op->getResult(0);
    if (!result.use_empty() && llvm::all_of(result.getUsers(), isWeightChainOp))
      return;
    Chain chain;
    chain.root = op;
    DenseMap<Value, unsigned> seen;
    if (failed(addNode(result, chain.chain, seen)))
      return;
    const ChainNode &last = chain.chain.nodes.back();
    chain.type = RankedTensorType::get(last.shape, last.elementType);
    // Every node is evaluated into f64 values; refuse what cannot fit.
    uint64_t workingBytes = chain.chain.getWorkingBytes();
    if (workingBytes > getPhysicalMemoryBytes()) {
      op->emitError("materializing this chain needs ")
          << workingBytes / (1 << 20) << " MiB of working memory, more than "
          << "this machine's " << getPhysicalMemoryBytes() / (1 << 20)
          << " MiB";
      tooLarge = true;
      return;
    }
    chains.push_back(std::move(chain));
  });
  if (tooLarge)
    return failure();

  // Compute off the IR, then rewrite in program order.
  OpBuilder builder(root->getContext());
  auto anchor = [](Chain &chain) { return chain.root; };
  auto rewrite = [&](Chain &chain, ChainResult &result) {
    builder.setInsertionPoint(chain.root);
    auto constant = ConstantOp::create(
        builder, chain.root->getLoc(),
        buildElementsAttr(chain.type, std::move(result.encoded)));
    chain.root->getResult(0).replaceAllUsesWith(constant.getResult());
    eraseIfDead(chain.root);
  };
  // Chains run in parallel, and so does the work inside a large one.
  auto compute = [&](Chain &chain, ChainResult &result) {
    evaluate(chain, result, threads);
  };
  return runWeightWork<Chain, ChainResult>(
      chains, threads, anchor, compute, rewrite, "coreai-materialize-weights");
}
