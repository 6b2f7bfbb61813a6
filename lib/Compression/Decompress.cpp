//===- Decompress.cpp - Reference semantics of the compression ops --------===//

#include "coreai/Compression/Decompress.h"
#include "coreai/Compression/Parallel.h"

#include <algorithm>
#include <atomic>

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
  /// Starts at the first element of row `row` (of the leading dim).
  BlockCursor(ArrayRef<int64_t> shape, ArrayRef<int64_t> paramShape,
              int64_t row = 0)
      : shape(shape), index(shape.size(), 0), blockSize(shape.size()),
        paramStride(shape.size()) {
    int64_t stride = 1;
    for (int64_t d = shape.size() - 1; d >= 0; --d) {
      blockSize[d] = shape[d] / paramShape[d];
      paramStride[d] = stride;
      stride *= paramShape[d];
    }
    if (!shape.empty()) {
      index[0] = row;
      current = (row / blockSize[0]) * paramStride[0];
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
    ArrayRef<int64_t> paramShape, MutableArrayRef<double> out,
    unsigned threads) {
  if (data.empty())
    return;
  // Rank 0 is one row; otherwise rows of the leading dim go to the threads.
  int64_t rows = dataShape.empty() ? 1 : dataShape[0];
  int64_t rowSize = data.size() / rows;
  parallelForChunks(
      threads, rows,
      std::max<int64_t>(1, (1 << 16) / std::max<int64_t>(rowSize, 1)),
      [&](int64_t rowBegin, int64_t rowEnd) {
        BlockCursor cursor(dataShape, paramShape, rowBegin);
        for (int64_t i = rowBegin * rowSize, e = rowEnd * rowSize; i < e;
             ++i, cursor.next()) {
          int64_t p = cursor.paramIndex();
          out[i] = (data[i] - offset1[p]) * scale[p] + offset2[p];
        }
      });
}

bool mlir::coreai::lutToDense(ArrayRef<double> indices,
                              ArrayRef<int64_t> indicesShape,
                              ArrayRef<double> lut, ArrayRef<int64_t> lutShape,
                              int64_t axis, MutableArrayRef<double> out,
                              std::string &error, unsigned threads) {
  const int64_t k = indicesShape.size();
  const int64_t palettes = lutShape[k];
  const int64_t vectorSize = lutShape[k + 1];
  if (indices.empty())
    return true;
  // Strides of the output, whose dim `axis` is vectorSize times longer.
  std::vector<int64_t> outStride(k);
  int64_t stride = 1;
  for (int64_t d = k - 1; d >= 0; --d) {
    outStride[d] = stride;
    stride *= indicesShape[d] * (d == axis ? vectorSize : 1);
  }
  auto stepOf = [&](int64_t d) {
    return outStride[d] * (d == axis ? vectorSize : 1);
  };
  const int64_t rows = k == 0 ? 1 : indicesShape[0];
  const int64_t rowSize = indices.size() / rows;
  std::atomic<int64_t> badIndex(-1);
  parallelForChunks(
      threads, rows,
      std::max<int64_t>(1, (1 << 16) / std::max<int64_t>(rowSize, 1)),
      [&](int64_t rowBegin, int64_t rowEnd) {
        BlockCursor cursor(indicesShape, lutShape.take_front(k), rowBegin);
        std::vector<int64_t> index(k, 0);
        if (k > 0)
          index[0] = rowBegin;
        // Output offset of the index position, for vector element 0.
        int64_t outBase = k > 0 ? rowBegin * stepOf(0) : 0;
        for (int64_t i = rowBegin * rowSize, e = rowEnd * rowSize; i < e; ++i) {
          double code = indices[i];
          if (code < 0 || code >= palettes) {
            badIndex = static_cast<int64_t>(code);
            return;
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
            if (++index[d] < indicesShape[d]) {
              outBase += stepOf(d);
              break;
            }
            outBase -= (indicesShape[d] - 1) * stepOf(d);
            index[d] = 0;
          }
        }
      });
  if (badIndex >= 0) {
    error = "index " + std::to_string(badIndex.load()) +
            " is outside the palette of " + std::to_string(palettes);
    return false;
  }
  return true;
}

bool mlir::coreai::scatterByMask(ArrayRef<double> values, ArrayRef<double> mask,
                                 MutableArrayRef<double> out,
                                 std::string &error, unsigned threads) {
  // Two passes over fixed chunks: count the ones of each chunk, then scatter
  // each chunk from its prefix offset.
  const int64_t n = mask.size();
  const int64_t chunk = 1 << 16;
  const int64_t numChunks = (n + chunk - 1) / chunk;
  std::vector<int64_t> ones(numChunks + 1, 0);
  parallelFor(threads, numChunks, [&](int64_t c) {
    int64_t count = 0;
    for (int64_t i = c * chunk, e = std::min(n, (c + 1) * chunk); i < e; ++i)
      count += mask[i] != 0.0;
    ones[c + 1] = count;
  });
  for (int64_t c = 0; c < numChunks; ++c)
    ones[c + 1] += ones[c];
  if (ones[numChunks] != static_cast<int64_t>(values.size())) {
    error = "the mask has " + std::to_string(ones[numChunks]) +
            " ones but there are " + std::to_string(values.size()) + " values";
    return false;
  }
  parallelFor(threads, numChunks, [&](int64_t c) {
    int64_t next = ones[c];
    for (int64_t i = c * chunk, e = std::min(n, (c + 1) * chunk); i < e; ++i)
      out[i] = mask[i] != 0.0 ? values[next++] : 0.0;
  });
  return true;
}
