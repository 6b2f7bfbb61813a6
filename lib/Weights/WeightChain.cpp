//===- WeightChain.cpp - Decoder chains evaluated off the IR --------------===//

#include "coreai/Weights/WeightChain.h"
#include "coreai/Compression/Decompress.h"
#include "coreai/Compression/Parallel.h"

#include "mlir/IR/BuiltinTypes.h"

#include <cmath>

using namespace mlir;
using namespace mlir::coreai;

unsigned WeightChain::addConstant(ArrayRef<int64_t> shape, Type elementType,
                                  EncodedElements &encoded) {
  ChainNode node;
  node.shape.assign(shape.begin(), shape.end());
  node.elementType = elementType;
  node.encoded = &encoded;
  nodes.push_back(std::move(node));
  return nodes.size() - 1;
}

unsigned WeightChain::addSplat(ArrayRef<int64_t> shape, Type elementType,
                               double value) {
  ChainNode node;
  node.shape.assign(shape.begin(), shape.end());
  node.elementType = elementType;
  node.splat = value;
  nodes.push_back(std::move(node));
  return nodes.size() - 1;
}

unsigned WeightChain::addOp(ChainNode::Kind kind, ArrayRef<int64_t> shape,
                            Type elementType, ArrayRef<unsigned> inputs,
                            int64_t axis) {
  ChainNode node;
  node.kind = kind;
  node.shape.assign(shape.begin(), shape.end());
  node.elementType = elementType;
  node.inputs.assign(inputs.begin(), inputs.end());
  node.axis = axis;
  nodes.push_back(std::move(node));
  return nodes.size() - 1;
}

uint64_t WeightChain::getWorkingBytes() const {
  uint64_t bytes = 0;
  for (const ChainNode &node : nodes)
    bytes += uint64_t(getNumElements(node.shape)) * 8;
  return bytes;
}

namespace {

/// Reads the values of constant `node` into `out`.
bool readConstant(const ChainNode &node, std::vector<double> &out,
                  std::string &error, unsigned threads) {
  if (node.constant)
    return readElements(node.constant, out, error, threads);
  if (!node.encoded) {
    std::fill(out.begin(), out.end(), node.splat);
    return true;
  }
  std::optional<ElementReader> reader =
      ElementReader::create(node.elementType, *node.encoded, out.size(), error);
  if (!reader)
    return false;
  parallelForChunks(threads, out.size(), 1 << 16, [&](int64_t b, int64_t e) {
    reader->read(b, e, out.data() + b);
  });
  return true;
}

} // namespace

bool mlir::coreai::evaluateChain(const WeightChain &chain,
                                 std::vector<double> &out, std::string &error,
                                 unsigned threads) {
  const size_t numNodes = chain.nodes.size();
  if (numNodes == 0) {
    error = "an empty chain";
    return false;
  }
  // values[i] of node i, released after its last use; a BuildSparse node
  // keeps its mask in masks[i].
  std::vector<std::vector<double>> values(numNodes), masks(numNodes);
  std::vector<size_t> lastUse(numNodes, 0);
  for (size_t i = 0; i < numNodes; ++i)
    for (unsigned input : chain.nodes[i].inputs) {
      if (input >= i) {
        error = "a chain node uses a later one";
        return false;
      }
      lastUse[input] = i;
    }
  using Kind = ChainNode::Kind;
  for (size_t index = 0; index < numNodes; ++index) {
    const ChainNode &node = chain.nodes[index];
    std::vector<double> &result = values[index];
    auto in = [&](unsigned k) -> const std::vector<double> & {
      return values[node.inputs[k]];
    };
    // Input k's values, moved out when this node is their last use.
    auto take = [&](unsigned k) -> std::vector<double> {
      std::vector<double> &input = values[node.inputs[k]];
      if (lastUse[node.inputs[k]] == index)
        return std::move(input);
      return input;
    };
    auto shapeOf = [&](unsigned k) -> ArrayRef<int64_t> {
      return chain.nodes[node.inputs[k]].shape;
    };
    const size_t arity =
        node.kind == Kind::Constant                                ? 0
        : node.kind == Kind::ShiftScale                            ? 4
        : node.kind == Kind::Lut || node.kind == Kind::BuildSparse ? 2
                                                                   : 1;
    if (node.inputs.size() != arity) {
      error = "a chain node has the wrong number of inputs";
      return false;
    }
    if (node.kind == Kind::BuildSparse) {
      result = take(0);
      masks[index] = take(1);
    } else {
      if (node.kind != Kind::Cast)
        result.resize(getNumElements(node.shape));
      switch (node.kind) {
      case Kind::Constant:
        if (!readConstant(node, result, error, threads))
          return false;
        break;
      case Kind::ShiftScale:
        blockwiseShiftScale(in(0), shapeOf(0), in(1), in(2), in(3), shapeOf(1),
                            result, threads);
        break;
      case Kind::Lut:
        if (!lutToDense(in(0), shapeOf(0), in(1), shapeOf(1), node.axis, result,
                        error, threads))
          return false;
        break;
      case Kind::ToDense:
        if (!scatterByMask(in(0), masks[node.inputs[0]], result, error,
                           threads))
          return false;
        break;
      case Kind::Cast:
        result = take(0);
        // Float to integer conversions truncate toward zero.
        if (isa<IntegerType>(node.elementType))
          for (double &v : result)
            v = std::trunc(v);
        break;
      case Kind::BuildSparse:
        break;
      }
      // Stored values are exact already.
      if (node.kind != Kind::Constant)
        roundToElementType(node.elementType, result);
    }
    for (unsigned input : node.inputs)
      if (lastUse[input] == index) {
        std::vector<double>().swap(values[input]);
        std::vector<double>().swap(masks[input]);
      }
  }
  out = std::move(values.back());
  return true;
}
