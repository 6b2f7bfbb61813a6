//===- Decompress.cpp - Reference semantics of the compression ops --------===//

#include "coreai/Compression/Decompress.h"

#include <vector>

using namespace mlir::coreai;
using llvm::ArrayRef;
using llvm::MutableArrayRef;

int64_t mlir::coreai::getNumElements(ArrayRef<int64_t> shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

namespace {
/// Walks a row-major index over `shape` and keeps the flat index of the
/// block-parameter element that covers it.
class BlockCursor {
public:
  BlockCursor(ArrayRef<int64_t> shape, ArrayRef<int64_t> paramShape)
      : shape(shape), index(shape.size(), 0), blockSize(shape.size()),
        paramStride(shape.size()) {
    int64_t stride = 1;
    for (int64_t d = shape.size() - 1; d >= 0; --d) {
      blockSize[d] = shape[d] / paramShape[d];
      paramStride[d] = stride;
      stride *= paramShape[d];
    }
  }

  int64_t paramIndex() const { return current; }

  void next() {
    for (int64_t d = shape.size() - 1; d >= 0; --d) {
      int64_t before = index[d] / blockSize[d];
      if (++index[d] < shape[d]) {
        current += (index[d] / blockSize[d] - before) * paramStride[d];
        return;
      }
      current -= before * paramStride[d];
      index[d] = 0;
    }
  }

private:
  ArrayRef<int64_t> shape;
  std::vector<int64_t> index, blockSize, paramStride;
  int64_t current = 0;
};
} // namespace

void mlir::coreai::blockwiseShiftScale(
    ArrayRef<double> data, ArrayRef<int64_t> dataShape, ArrayRef<double> scale,
    ArrayRef<double> offset1, ArrayRef<double> offset2,
    ArrayRef<int64_t> paramShape, MutableArrayRef<double> out) {
  BlockCursor cursor(dataShape, paramShape);
  for (size_t i = 0; i < data.size(); ++i, cursor.next()) {
    int64_t p = cursor.paramIndex();
    out[i] = (data[i] - offset1[p]) * scale[p] + offset2[p];
  }
}

bool mlir::coreai::lutToDense(ArrayRef<double> indices,
                              ArrayRef<int64_t> indicesShape,
                              ArrayRef<double> lut, ArrayRef<int64_t> lutShape,
                              int64_t axis, MutableArrayRef<double> out,
                              std::string &error) {
  const int64_t k = indicesShape.size();
  const int64_t palettes = lutShape[k];
  const int64_t vectorSize = lutShape[k + 1];
  // Strides of the output, whose dim `axis` is vectorSize times longer.
  std::vector<int64_t> outStride(k);
  int64_t stride = 1;
  for (int64_t d = k - 1; d >= 0; --d) {
    outStride[d] = stride;
    stride *= indicesShape[d] * (d == axis ? vectorSize : 1);
  }
  BlockCursor cursor(indicesShape, lutShape.take_front(k));
  std::vector<int64_t> index(k, 0);
  int64_t outBase = 0; // output offset of the index position, v = 0
  for (size_t i = 0; i < indices.size(); ++i) {
    double code = indices[i];
    if (code < 0 || code >= palettes) {
      error = "index " + std::to_string(static_cast<int64_t>(code)) +
              " is outside the palette of " + std::to_string(palettes);
      return false;
    }
    const double *entry =
        lut.data() +
        (cursor.paramIndex() * palettes + int64_t(code)) * vectorSize;
    if (vectorSize == 1)
      out[outBase] = entry[0];
    else
      for (int64_t v = 0; v < vectorSize; ++v)
        out[outBase + v * outStride[axis]] = entry[v];
    // Advance the row-major index position and its output offset.
    cursor.next();
    for (int64_t d = k - 1; d >= 0; --d) {
      int64_t step = outStride[d] * (d == axis ? vectorSize : 1);
      if (++index[d] < indicesShape[d]) {
        outBase += step;
        break;
      }
      outBase -= (indicesShape[d] - 1) * step;
      index[d] = 0;
    }
  }
  return true;
}

bool mlir::coreai::scatterByMask(ArrayRef<double> values, ArrayRef<double> mask,
                                 MutableArrayRef<double> out,
                                 std::string &error) {
  size_t next = 0;
  for (size_t i = 0; i < mask.size(); ++i) {
    if (mask[i] != 0.0) {
      if (next == values.size()) {
        error = "the mask has more ones than the " +
                std::to_string(values.size()) + " values";
        return false;
      }
      out[i] = values[next++];
    } else {
      out[i] = 0.0;
    }
  }
  if (next != values.size()) {
    error = "the mask has " + std::to_string(next) + " ones but there are " +
            std::to_string(values.size()) + " values";
    return false;
  }
  return true;
}
