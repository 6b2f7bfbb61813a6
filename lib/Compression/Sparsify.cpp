//===- Sparsify.cpp - Magnitude pruning -----------------------------------===//

#include "coreai/Compression/Sparsify.h"
#include "coreai/Compression/Parallel.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

using namespace mlir::coreai;
using llvm::ArrayRef;

namespace {

/// |v| as an unsigned key that orders like the magnitude (NaN sorts last).
inline uint32_t magnitudeKey(float v) {
  uint32_t b;
  std::memcpy(&b, &v, 4);
  return b & 0x7fffffffu;
}

/// Counts keys per bucket (key >> shift, masked to 16 bits) among elements
/// whose key matches `prefix` on the bits above `shift + 16`.
std::vector<int64_t> histogram(ArrayRef<uint32_t> keys, unsigned shift,
                               uint32_t prefixMask, uint32_t prefix,
                               unsigned threads) {
  const int64_t n = keys.size();
  const int64_t grain = 1 << 20;
  const int64_t chunks = (n + grain - 1) / grain;
  std::vector<std::vector<int64_t>> partial(chunks);
  parallelFor(threads, chunks, [&](int64_t c) {
    partial[c].assign(65536, 0);
    for (int64_t i = c * grain, e = std::min(n, (c + 1) * grain); i < e; ++i)
      if ((keys[i] & prefixMask) == prefix)
        ++partial[c][(keys[i] >> shift) & 0xffffu];
  });
  std::vector<int64_t> total(65536, 0);
  for (const auto &p : partial)
    for (int i = 0; i < 65536; ++i)
      total[i] += p[i];
  return total;
}

/// Marks the `count` smallest keys (ties: lowest index) with keep = 0.
void selectSmallest(ArrayRef<uint32_t> keys, int64_t count,
                    UninitVector<uint8_t> &keep, unsigned threads) {
  const int64_t n = keys.size();
  keep.resize(n);
  count = std::clamp<int64_t>(count, 0, n);
  // Find the threshold key T and how many elements equal to T to prune:
  // first on the high 16 bits, then on the low 16 bits within that bucket.
  uint32_t threshold = 0;
  int64_t remaining = count;
  uint32_t prefixMask = 0, prefix = 0;
  for (unsigned shift : {16u, 0u}) {
    std::vector<int64_t> hist =
        histogram(keys, shift, prefixMask, prefix, threads);
    uint32_t bucket = 0;
    while (bucket < 65535 && hist[bucket] <= remaining && remaining > 0) {
      remaining -= hist[bucket];
      ++bucket;
    }
    threshold |= bucket << shift;
    prefixMask |= 0xffffu << shift;
    prefix = threshold;
  }
  // Keys below the threshold are pruned; of the keys equal to it, the
  // first `remaining` in index order.
  const uint32_t t = threshold;
  const int64_t grain = 1 << 20;
  const int64_t chunks = (n + grain - 1) / grain;
  std::vector<int64_t> equalBefore(chunks + 1, 0);
  parallelFor(threads, chunks, [&](int64_t c) {
    int64_t eq = 0;
    for (int64_t i = c * grain, e = std::min(n, (c + 1) * grain); i < e; ++i)
      eq += keys[i] == t;
    equalBefore[c + 1] = eq;
  });
  for (int64_t c = 0; c < chunks; ++c)
    equalBefore[c + 1] += equalBefore[c];
  parallelFor(threads, chunks, [&](int64_t c) {
    int64_t eq = equalBefore[c];
    for (int64_t i = c * grain, e = std::min(n, (c + 1) * grain); i < e; ++i) {
      bool prune = keys[i] < t || (keys[i] == t && eq++ < remaining);
      keep[i] = !prune;
    }
  });
}

struct Layout {
  int64_t outer = 1, size = 1, inner = 1;
};

Layout around(ArrayRef<int64_t> shape, int64_t axis) {
  Layout l;
  for (int64_t d = 0; d < static_cast<int64_t>(shape.size()); ++d)
    (d < axis ? l.outer : d == axis ? l.size : l.inner) *= shape[d];
  return l;
}

/// Drops elements that are zero already.
void dropZeros(ArrayRef<float> w, UninitVector<uint8_t> &keep,
               unsigned threads) {
  parallelForChunks(threads, w.size(), 1 << 20, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i)
      keep[i] &= w[i] != 0.0f;
  });
}

} // namespace

void mlir::coreai::pruneSmallest(ArrayRef<float> w, int64_t count,
                                 UninitVector<uint8_t> &keep,
                                 unsigned threads) {
  UninitVector<uint32_t> keys(w.size());
  parallelForChunks(threads, w.size(), 1 << 20, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i)
      keys[i] = magnitudeKey(w[i]);
  });
  selectSmallest(ArrayRef<uint32_t>(keys.data(), keys.size()), count, keep,
                 threads);
  dropZeros(w, keep, threads);
}

void mlir::coreai::pruneBlocks(ArrayRef<float> w, ArrayRef<int64_t> shape,
                               int64_t outAxis, int64_t blockSize,
                               int64_t count, UninitVector<uint8_t> &keep,
                               unsigned threads) {
  const Layout l = around(shape, outAxis);
  const int64_t blocksPerColumn = (l.size + blockSize - 1) / blockSize;
  const int64_t numBlocks = l.outer * blocksPerColumn * l.inner;
  // Block (o, j, i) covers channels [j * b, min((j + 1) * b, size)).
  UninitVector<uint32_t> keys(numBlocks);
  parallelFor(threads, l.outer, [&](int64_t o) {
    for (int64_t j = 0; j < blocksPerColumn; ++j)
      for (int64_t i = 0; i < l.inner; ++i) {
        float sum = 0;
        for (int64_t c = j * blockSize;
             c < std::min(l.size, (j + 1) * blockSize); ++c) {
          float v = w[(o * l.size + c) * l.inner + i];
          sum += v * v;
        }
        keys[(o * blocksPerColumn + j) * l.inner + i] =
            magnitudeKey(std::sqrt(sum));
      }
  });
  // Whole blocks: as many of the lowest as fit in `count` elements (full
  // blocks; a short last block counts as a full one).
  UninitVector<uint8_t> keepBlock;
  selectSmallest(ArrayRef<uint32_t>(keys.data(), keys.size()),
                 count / blockSize, keepBlock, threads);
  keep.resize(w.size());
  parallelFor(threads, l.outer, [&](int64_t o) {
    for (int64_t c = 0; c < l.size; ++c)
      for (int64_t i = 0; i < l.inner; ++i)
        keep[(o * l.size + c) * l.inner + i] =
            keepBlock[(o * blocksPerColumn + c / blockSize) * l.inner + i];
  });
  dropZeros(w, keep, threads);
}

void mlir::coreai::pruneNM(ArrayRef<float> w, ArrayRef<int64_t> shape,
                           int64_t inAxis, int64_t n, int64_t m,
                           UninitVector<uint8_t> &keep, unsigned threads) {
  const Layout l = around(shape, inAxis);
  keep.resize(w.size());
  const int64_t groups = l.size / m;
  parallelFor(threads, l.outer, [&](int64_t o) {
    std::vector<int64_t> order(m);
    std::vector<uint32_t> keys(m);
    for (int64_t g = 0; g < groups; ++g)
      for (int64_t i = 0; i < l.inner; ++i) {
        auto at = [&](int64_t k) {
          return (o * l.size + g * m + k) * l.inner + i;
        };
        // Insertion sort by magnitude: stable, so equal magnitudes keep
        // their index order; m is small.
        for (int64_t k = 0; k < m; ++k) {
          uint32_t key = magnitudeKey(w[at(k)]);
          int64_t j = k;
          for (; j > 0 && keys[j - 1] > key; --j) {
            keys[j] = keys[j - 1];
            order[j] = order[j - 1];
          }
          keys[j] = key;
          order[j] = k;
        }
        for (int64_t k = 0; k < m; ++k)
          keep[at(order[k])] = k >= n;
      }
  });
  dropZeros(w, keep, threads);
}
