//===- Sparsify.cpp - Magnitude pruning -----------------------------------===//

#include "coreai/Compression/Sparsify.h"
#include "coreai/Compression/FloatFormats.h"
#include "coreai/Compression/Parallel.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
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

/// |h| of an f16 bit pattern: orders like the magnitude of the value.
inline uint16_t magnitudeKey(uint16_t h) { return h & 0x7fffu; }

constexpr int64_t kGrain = 1 << 20;

/// f32 weights: keys and rows of values.
struct F32Source {
  const float *w;
  int64_t size;
  uint32_t key(int64_t i) const { return magnitudeKey(w[i]); }
  static constexpr unsigned keyBits = 32;
  /// The values [b, b + n): a pointer into the weight, or `out` filled
  /// with them.
  const float *values(int64_t b, int64_t, float *) const { return w + b; }
};

/// f16 weights as bit patterns: 15-bit keys, rows decoded on demand.
struct F16Source {
  const uint16_t *h;
  int64_t size;
  uint32_t key(int64_t i) const { return magnitudeKey(h[i]); }
  static constexpr unsigned keyBits = 16;
  const float *values(int64_t b, int64_t n, float *out) const {
    decodeF16Array(h + b, out, n);
    return out;
  }
};

/// Per chunk of kGrain elements, counts keys per bucket (key >> shift, masked
/// to 16 bits) among elements whose key matches `prefix` on the bits above
/// `shift + 16`.
template <typename KeyAt>
std::vector<std::vector<uint32_t>>
histograms(int64_t n, KeyAt keyAt, unsigned shift, uint32_t prefixMask,
           uint32_t prefix, unsigned threads) {
  const int64_t chunks = (n + kGrain - 1) / kGrain;
  std::vector<std::vector<uint32_t>> partial(chunks);
  parallelFor(threads, chunks, [&](int64_t c) {
    partial[c].assign(65536, 0);
    uint32_t *counts = partial[c].data();
    for (int64_t i = c * kGrain, e = std::min(n, (c + 1) * kGrain); i < e;
         ++i) {
      const uint32_t key = keyAt(i);
      if ((key & prefixMask) == prefix)
        ++counts[(key >> shift) & 0xffffu];
    }
  });
  return partial;
}

/// Sets keep[i] = 0 for the `count` smallest keys (ties: lowest index) and,
/// with `dropZeroKeys`, for every zero key; keep[i] = 1 otherwise. `keyAt(i)`
/// gives key i (an unsigned integer of `keyBits` bits, compared as such);
/// radix selection on 16 bits at a time, no sort and no copy of the keys.
template <typename KeyAt>
void selectSmallest(int64_t n, KeyAt keyAt, unsigned keyBits, int64_t count,
                    bool dropZeroKeys, UninitVector<uint8_t> &keep,
                    unsigned threads) {
  keep.resize(n);
  count = std::clamp<int64_t>(count, 0, n);
  // Find the threshold key T and how many elements equal to T to prune:
  // on the high 16 bits, then on the low 16 bits within that bucket.
  uint32_t threshold = 0;
  int64_t remaining = count;
  uint32_t prefixMask = 0, prefix = 0;
  std::vector<std::vector<uint32_t>> partial;
  uint32_t bucket = 0;
  for (unsigned shift : {16u, 0u}) {
    if (shift >= keyBits)
      continue;
    partial = histograms(n, keyAt, shift, prefixMask, prefix, threads);
    std::vector<int64_t> total(65536, 0);
    for (const auto &p : partial)
      for (int i = 0; i < 65536; ++i)
        total[i] += p[i];
    bucket = 0;
    while (bucket < 65535 && total[bucket] <= remaining && remaining > 0) {
      remaining -= total[bucket];
      ++bucket;
    }
    threshold |= bucket << shift;
    prefixMask |= 0xffffu << shift;
    prefix = threshold;
  }
  // Keys below the threshold are pruned; of the keys equal to it, the
  // first `remaining` in index order. The last histogram counted each
  // chunk's keys equal to it.
  const int64_t chunks = partial.size();
  std::vector<int64_t> equalBefore(chunks + 1, 0);
  for (int64_t c = 0; c < chunks; ++c)
    equalBefore[c + 1] = equalBefore[c] + partial[c][bucket];
  const uint8_t zeroKeep = dropZeroKeys ? 0 : 1;
  uint8_t *const keepOut = keep.data();
  parallelFor(threads, chunks, [&, keyAt](int64_t c) {
    // Locals, so that the byte stores do not make the compiler reload them.
    const KeyAt key = keyAt;
    uint8_t *const out = keepOut;
    const uint32_t t = threshold;
    const uint8_t zeroKept = zeroKeep;
    const int64_t begin = c * kGrain, end = std::min(n, (c + 1) * kGrain);
    int64_t eq = equalBefore[c];
    if (equalBefore[c + 1] <= remaining || eq >= remaining) {
      // Every key equal to T in this chunk goes the same way: one compare
      // per element, which vectorizes.
      const uint32_t keepFrom = eq >= remaining ? t : t + 1;
      for (int64_t i = begin; i < end; ++i) {
        const uint32_t k = key(i);
        out[i] = uint8_t(k >= keepFrom) & (uint8_t(k != 0) | zeroKept);
      }
      return;
    }
    for (int64_t i = begin; i < end; ++i) {
      const uint32_t k = key(i);
      const uint8_t equal = k == t;
      const uint8_t kept = uint8_t(k > t) | (equal & uint8_t(eq >= remaining));
      out[i] = kept & (uint8_t(k != 0) | zeroKept);
      eq += equal;
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

constexpr int64_t kKeptChunk = 1 << 20;

template <typename T>
void gatherKeptImpl(ArrayRef<uint8_t> keep, const KeptLayout &layout,
                    ArrayRef<T> in, T *out, unsigned threads) {
  const int64_t n = keep.size();
  parallelFor(threads, layout.chunkOffsets.size() - 1, [&](int64_t c) {
    // Branch-free: every element is written and the cursor moves past the
    // kept ones; once the chunk's share is full, the rest are all dropped.
    T *to = out + layout.chunkOffsets[c];
    T *const end = out + layout.chunkOffsets[c + 1];
    for (int64_t i = c * kKeptChunk, e = std::min(n, (c + 1) * kKeptChunk);
         i < e && to != end; ++i) {
      *to = in[i];
      to += keep[i];
    }
  });
}

template <typename Source>
void pruneSmallestImpl(Source src, int64_t count, UninitVector<uint8_t> &keep,
                       unsigned threads) {
  selectSmallest(
      src.size, [src](int64_t i) { return src.key(i); }, Source::keyBits, count,
      /*dropZeroKeys=*/true, keep, threads);
}

template <typename Source>
void pruneBlocksImpl(Source src, ArrayRef<int64_t> shape, int64_t outAxis,
                     int64_t blockSize, int64_t count,
                     UninitVector<uint8_t> &keep, unsigned threads) {
  const Layout l = around(shape, outAxis);
  const int64_t blocksPerColumn = (l.size + blockSize - 1) / blockSize;
  const int64_t numBlocks = l.outer * blocksPerColumn * l.inner;
  // Block (o, j, i) covers channels [j * b, min((j + 1) * b, size)); its
  // key is the L2 norm, summed over the channels in order, a row of `inner`
  // elements at a time.
  UninitVector<uint32_t> keys(numBlocks);
  parallelFor(threads, l.outer * blocksPerColumn, [&](int64_t oj) {
    const int64_t o = oj / blocksPerColumn, j = oj % blocksPerColumn;
    std::vector<float> sums(l.inner, 0.0f), scratch(l.inner);
    for (int64_t c = j * blockSize; c < std::min(l.size, (j + 1) * blockSize);
         ++c) {
      const float *v =
          src.values((o * l.size + c) * l.inner, l.inner, scratch.data());
      for (int64_t i = 0; i < l.inner; ++i)
        sums[i] += v[i] * v[i];
    }
    for (int64_t i = 0; i < l.inner; ++i)
      keys[oj * l.inner + i] = magnitudeKey(std::sqrt(sums[i]));
  });
  // Whole blocks: as many of the lowest as fit in `count` elements (full
  // blocks; a short last block counts as a full one).
  UninitVector<uint8_t> keepBlock;
  selectSmallest(
      numBlocks, [k = keys.data()](int64_t i) { return k[i]; }, 32,
      count / blockSize, /*dropZeroKeys=*/false, keepBlock, threads);
  // Each element takes its block's verdict; zeros are dropped too.
  keep.resize(src.size);
  parallelFor(threads, l.outer * l.size, [&](int64_t oc) {
    const int64_t o = oc / l.size, c = oc % l.size;
    const uint8_t *block =
        keepBlock.data() + (o * blocksPerColumn + c / blockSize) * l.inner;
    uint8_t *out = keep.data() + oc * l.inner;
    const Source s = src;
    for (int64_t i = 0; i < l.inner; ++i)
      out[i] = block[i] & uint8_t(s.key(oc * l.inner + i) != 0);
  });
}

/// Groups up to this size rank their elements by comparing every pair.
constexpr int64_t kSmallGroup = 16;

template <typename Source>
void pruneNMImpl(Source src, ArrayRef<int64_t> shape, int64_t inAxis, int64_t n,
                 int64_t m, UninitVector<uint8_t> &keep, unsigned threads) {
  const Layout l = around(shape, inAxis);
  keep.resize(src.size);
  const int64_t groups = l.size / m;
  // An element stays when its rank by (|w|, index) within its group is at
  // least n, and it is not zero.
  parallelFor(threads, l.outer, [&](int64_t o) {
    const Source s = src;
    uint8_t *const out = keep.data();
    std::vector<uint32_t> keys(m);
    std::vector<int64_t> order(m);
    for (int64_t g = 0; g < groups; ++g)
      for (int64_t i = 0; i < l.inner; ++i) {
        const int64_t base = (o * l.size + g * m) * l.inner + i;
        for (int64_t k = 0; k < m; ++k)
          keys[k] = s.key(base + k * l.inner);
        if (m <= kSmallGroup) {
          // Branch-free ranks: those before k that are not larger, those
          // after k that are smaller.
          for (int64_t k = 0; k < m; ++k) {
            const uint32_t key = keys[k];
            int64_t rank = 0;
            for (int64_t j = 0; j < k; ++j)
              rank += keys[j] <= key;
            for (int64_t j = k + 1; j < m; ++j)
              rank += keys[j] < key;
            out[base + k * l.inner] = uint8_t(rank >= n) & uint8_t(key != 0);
          }
          continue;
        }
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
          return keys[a] < keys[b];
        });
        for (int64_t r = 0; r < m; ++r)
          out[base + order[r] * l.inner] =
              uint8_t(r >= n) & uint8_t(keys[order[r]] != 0);
      }
  });
}

} // namespace

void mlir::coreai::pruneSmallest(ArrayRef<float> w, int64_t count,
                                 UninitVector<uint8_t> &keep,
                                 unsigned threads) {
  pruneSmallestImpl(F32Source{w.data(), int64_t(w.size())}, count, keep,
                    threads);
}

void mlir::coreai::pruneSmallest(F16Bits w, int64_t count,
                                 UninitVector<uint8_t> &keep,
                                 unsigned threads) {
  pruneSmallestImpl(F16Source{w.bits.data(), int64_t(w.bits.size())}, count,
                    keep, threads);
}

void mlir::coreai::pruneBlocks(ArrayRef<float> w, ArrayRef<int64_t> shape,
                               int64_t outAxis, int64_t blockSize,
                               int64_t count, UninitVector<uint8_t> &keep,
                               unsigned threads) {
  pruneBlocksImpl(F32Source{w.data(), int64_t(w.size())}, shape, outAxis,
                  blockSize, count, keep, threads);
}

void mlir::coreai::pruneBlocks(F16Bits w, ArrayRef<int64_t> shape,
                               int64_t outAxis, int64_t blockSize,
                               int64_t count, UninitVector<uint8_t> &keep,
                               unsigned threads) {
  pruneBlocksImpl(F16Source{w.bits.data(), int64_t(w.bits.size())}, shape,
                  outAxis, blockSize, count, keep, threads);
}

void mlir::coreai::pruneNM(ArrayRef<float> w, ArrayRef<int64_t> shape,
                           int64_t inAxis, int64_t n, int64_t m,
                           UninitVector<uint8_t> &keep, unsigned threads) {
  pruneNMImpl(F32Source{w.data(), int64_t(w.size())}, shape, inAxis, n, m, keep,
              threads);
}

void mlir::coreai::pruneNM(F16Bits w, ArrayRef<int64_t> shape, int64_t inAxis,
                           int64_t n, int64_t m, UninitVector<uint8_t> &keep,
                           unsigned threads) {
  pruneNMImpl(F16Source{w.bits.data(), int64_t(w.bits.size())}, shape, inAxis,
              n, m, keep, threads);
}

KeptLayout mlir::coreai::packKeepMask(ArrayRef<uint8_t> keep,
                                      unsigned threads) {
  const int64_t n = keep.size();
  const int64_t chunks = (n + kKeptChunk - 1) / kKeptChunk;
  KeptLayout layout;
  layout.mask.resize((n + 7) / 8);
  layout.chunkOffsets.assign(chunks + 1, 0);
  auto *mask = reinterpret_cast<uint8_t *>(layout.mask.data());
  // Chunks are whole bytes of the mask; bit j of byte i is element 8i + j.
  parallelFor(threads, chunks, [&](int64_t c) {
    const int64_t b = c * kKeptChunk, e = std::min(n, (c + 1) * kKeptChunk);
    int64_t kept = 0;
    for (int64_t i = b; i < e; i += 8) {
      uint8_t byte = 0;
      for (int64_t j = 0; j < 8 && i + j < e; ++j)
        byte |= static_cast<uint8_t>((keep[i + j] & 1u) << j);
      mask[i / 8] = byte;
      kept += __builtin_popcount(byte);
    }
    layout.chunkOffsets[c + 1] = kept;
  });
  for (int64_t c = 0; c < chunks; ++c)
    layout.chunkOffsets[c + 1] += layout.chunkOffsets[c];
  layout.numKept = layout.chunkOffsets[chunks];
  return layout;
}

void mlir::coreai::gatherKept(ArrayRef<uint8_t> keep, const KeptLayout &layout,
                              ArrayRef<uint16_t> in, uint16_t *out,
                              unsigned threads) {
  gatherKeptImpl(keep, layout, in, out, threads);
}

void mlir::coreai::gatherKept(ArrayRef<uint8_t> keep, const KeptLayout &layout,
                              ArrayRef<float> in, float *out,
                              unsigned threads) {
  gatherKeptImpl(keep, layout, in, out, threads);
}
