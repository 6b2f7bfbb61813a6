//===- Palettize.cpp - Weight palettization -------------------------------===//

#include "coreai/Compression/Palettize.h"
#include "coreai/Compression/FloatFormats.h"
#include "coreai/Compression/KMeans.h"
#include "coreai/Compression/Parallel.h"

#include "llvm/ADT/bit.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

using namespace mlir::coreai;
using llvm::ArrayRef;

namespace {

/// The weight as [outer, channels, inner] around the output axis.
struct Layout {
  int64_t outer = 1, channels = 1, inner = 1;
};

Layout makeLayout(ArrayRef<int64_t> shape, int64_t outAxis) {
  Layout l;
  for (int64_t d = 0; d < static_cast<int64_t>(shape.size()); ++d) {
    if (d < outAxis)
      l.outer *= shape[d];
    else if (d == outAxis)
      l.channels = shape[d];
    else
      l.inner *= shape[d];
  }
  return l;
}

/// Sorted distinct keys of `values` with their counts; keys are the values,
/// or with `fastMode` the values rounded to `precision` decimals.
struct Keys {
  std::vector<double> keys, counts;
};

/// keyOf before the division by `scale`: equal for equal keys, in the same
/// order, and one division cheaper. Rounds half to even: adding and
/// subtracting 1.5 * 2^52 rounds any |x| < 2^51 in the default rounding mode
/// (larger values are integers already).
inline double scaledKey(double v, bool fastMode, double scale) {
  if (!fastMode)
    return v;
  double x = v * scale;
  if (std::fabs(x) < 2251799813685248.0)
    x = (x + 6755399441055744.0) - 6755399441055744.0;
  return x;
}

double keyOf(float v, bool fastMode, double scale) {
  return fastMode ? scaledKey(v, true, scale) / scale : v;
}

/// The value of an f16 or bf16 bit pattern.
inline double halfValue(uint16_t h, bool bf16) {
  return bf16 ? decodeBF16(h) : decodeF16(h);
}

/// The exact 1-D k-means of n points given in increasing value order,
/// point i of value valueOf(i) and weight weightOf(i), points of equal keys
/// merged: lut[e] gets cluster e's weighted mean (0 when it is empty) and
/// clusterOf(i, e) hears each point's cluster.
template <typename ValueOf, typename WeightOf, typename ClusterOf>
void clusterInOrder(size_t n, ValueOf valueOf, WeightOf weightOf,
                    const PalettizeScheme &s, double scale, unsigned threads,
                    double *lut, ClusterOf clusterOf) {
  const unsigned k = 1u << s.nbits;
  Keys keys;
  std::vector<int64_t> keyOfPoint(n);
  for (size_t i = 0; i < n; ++i) {
    const double key = keyOf(static_cast<float>(valueOf(i)), s.fastMode, scale);
    if (keys.keys.empty() || keys.keys.back() != key) {
      keys.keys.push_back(key);
      keys.counts.push_back(0);
    }
    keys.counts.back() += weightOf(i);
    keyOfPoint[i] = keys.keys.size() - 1;
  }
  std::vector<int64_t> starts =
      optimalKMeans1D(keys.keys, keys.counts, k, threads);
  std::vector<double> sum(k, 0.0), weight(k, 0.0);
  size_t cluster = 0;
  for (size_t i = 0; i < n; ++i) {
    while (cluster + 1 < starts.size() && keyOfPoint[i] >= starts[cluster + 1])
      ++cluster;
    clusterOf(i, cluster);
    sum[cluster] += weightOf(i) * valueOf(i);
    weight[cluster] += weightOf(i);
  }
  for (unsigned e = 0; e < k; ++e)
    lut[e] = weight[e] > 0 ? sum[e] / weight[e] : 0.0;
}

Keys distinctKeys(ArrayRef<float> input, bool fastMode, double scale) {
  std::vector<float> values(input.begin(), input.end());
  std::sort(values.begin(), values.end());
  Keys k;
  for (size_t i = 0; i < values.size();) {
    size_t j = i;
    while (j < values.size() && values[j] == values[i])
      ++j;
    double key = keyOf(values[i], fastMode, scale);
    if (!k.keys.empty() && k.keys.back() == key)
      k.counts.back() += double(j - i);
    else {
      k.keys.push_back(key);
      k.counts.push_back(double(j - i));
    }
    i = j;
  }
  return k;
}

/// The 16-bit pattern of a float that is exactly an f16 (or bf16) value.
inline uint16_t halfBits(float v, bool bf16) {
  uint32_t b;
  std::memcpy(&b, &v, 4);
  if (bf16)
    return static_cast<uint16_t>(b >> 16);
  uint32_t sign = (b >> 16) & 0x8000u, exp = (b >> 23) & 0xffu,
           mant = b & 0x7fffffu;
  if (exp == 0)
    return static_cast<uint16_t>(sign);
  if (exp >= 113)
    return static_cast<uint16_t>(sign | ((exp - 112) << 10) | (mant >> 13));
  return static_cast<uint16_t>(sign | ((mant | 0x800000u) >> (126 - exp)));
}

/// One scalar LUT for a small group of 16-bit values: sorting (pattern,
/// index) pairs beats a 65,536-entry histogram.
void clusterScalarHalfSorted(ArrayRef<uint16_t> bits, const PalettizeScheme &s,
                             bool bf16, double *lut, uint8_t *labels) {
  const unsigned k = 1u << s.nbits;
  const double scale = std::pow(10.0, s.roundingPrecision);
  const int64_t n = bits.size();
  // Patterns mapped to unsigned keys in value order (sign-magnitude).
  std::vector<uint32_t> order(n);
  for (int64_t i = 0; i < n; ++i) {
    uint32_t b = bits[i];
    uint32_t key = (b & 0x8000u) ? (~b & 0xffffu) : (b | 0x8000u);
    order[i] = (key << 16) | static_cast<uint32_t>(i);
  }
  // LSD radix sort on the 16-bit key (two byte passes); stable, so equal
  // keys keep their index order.
  {
    std::vector<uint32_t> tmp(n);
    for (unsigned shift : {16u, 24u}) {
      uint32_t offsets[257] = {0};
      for (uint32_t v : order)
        ++offsets[((v >> shift) & 0xffu) + 1];
      for (int b = 0; b < 256; ++b)
        offsets[b + 1] += offsets[b];
      for (uint32_t v : order)
        tmp[offsets[(v >> shift) & 0xffu]++] = v;
      order.swap(tmp);
    }
  }
  auto valueOf = [&](uint16_t h) { return halfValue(h, bf16); };
  // Runs of equal patterns (the two zeros are two runs with one key),
  // their keys and counts.
  Keys keys;
  std::vector<int64_t> runStart, runKey;
  std::vector<double> runValue;
  runStart.reserve(n + 1);
  runKey.reserve(n);
  runValue.reserve(n);
  keys.keys.reserve(n);
  keys.counts.reserve(n);
  double lastScaled = 0;
  for (int64_t i = 0; i < n;) {
    const uint32_t key16 = order[i] >> 16;
    int64_t j = i + 1;
    while (j < n && (order[j] >> 16) == key16)
      ++j;
    double v = valueOf(bits[order[i] & 0xffffu]);
    double scaled = scaledKey(v, s.fastMode, scale);
    if (keys.keys.empty() || lastScaled != scaled) {
      lastScaled = scaled;
      keys.keys.push_back(s.fastMode ? scaled / scale : v);
      keys.counts.push_back(0);
    }
    keys.counts.back() += double(j - i);
    runStart.push_back(i);
    runKey.push_back(keys.keys.size() - 1);
    runValue.push_back(v);
    i = j;
  }
  runStart.push_back(n);
  std::vector<int64_t> starts = optimalKMeans1D(keys.keys, keys.counts, k, 1);
  std::vector<double> sum(k, 0.0), count(k, 0.0);
  size_t cluster = 0;
  for (size_t r = 0; r + 1 < runStart.size(); ++r) {
    while (cluster + 1 < starts.size() && runKey[r] >= starts[cluster + 1])
      ++cluster;
    int64_t size = runStart[r + 1] - runStart[r];
    sum[cluster] += double(size) * runValue[r];
    count[cluster] += double(size);
    for (int64_t i = runStart[r]; i < runStart[r + 1]; ++i)
      labels[order[i] & 0xffffu] = static_cast<uint8_t>(cluster);
  }
  for (unsigned e = 0; e < k; ++e)
    lut[e] = count[e] > 0 ? sum[e] / count[e] : 0.0;
}

/// One scalar LUT for 16-bit values, through a histogram of bit patterns:
/// keys in value order come from walking the patterns, and labels and means
/// from per-pattern tables.
void clusterScalarHalf(ArrayRef<uint16_t> bits, const PalettizeScheme &s,
                       bool bf16, double *lut, uint8_t *labels,
                       unsigned threads) {
  const double scale = std::pow(10.0, s.roundingPrecision);
  const int64_t n = bits.size();
  if (n < 16384)
    return clusterScalarHalfSorted(bits, s, bf16, lut, labels);
  std::vector<uint32_t> hist(65536, 0);
  {
    const int64_t grain = 1 << 20;
    const int64_t chunks = (n + grain - 1) / grain;
    std::vector<std::vector<uint32_t>> partial(chunks > 1 ? chunks : 0,
                                               std::vector<uint32_t>());
    if (chunks <= 1) {
      for (int64_t i = 0; i < n; ++i)
        ++hist[bits[i]];
    } else {
      parallelFor(threads, chunks, [&](int64_t c) {
        partial[c].assign(65536, 0);
        for (int64_t i = c * grain, e = std::min(n, (c + 1) * grain); i < e;
             ++i)
          ++partial[c][bits[i]];
      });
      for (auto &p : partial)
        for (int i = 0; i < 65536; ++i)
          hist[i] += p[i];
    }
  }
  // Patterns in ascending value order: negatives by falling magnitude, the
  // two zeros together, then positives.
  std::vector<uint16_t> order;
  for (int m = 0x7fff; m >= 1; --m)
    if (hist[0x8000 | m])
      order.push_back(static_cast<uint16_t>(0x8000 | m));
  hist[0] += hist[0x8000];
  hist[0x8000] = 0;
  for (int m = 0; m <= 0x7fff; ++m)
    if (hist[m])
      order.push_back(static_cast<uint16_t>(m));
  std::vector<uint8_t> table(65536, 0);
  clusterInOrder(
      order.size(), [&](size_t i) { return halfValue(order[i], bf16); },
      [&](size_t i) { return double(hist[order[i]]); }, s, scale, threads, lut,
      [&](size_t i, size_t e) { table[order[i]] = static_cast<uint8_t>(e); });
  table[0x8000] = table[0];
  parallelForChunks(threads, n, 1 << 16, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i)
      labels[i] = table[bits[i]];
  });
}

/// One scalar LUT for `values`: the optimal partition of their keys, each
/// entry the mean of its members; `labels` gets each value's entry.
void clusterScalar(ArrayRef<float> values, const PalettizeScheme &s,
                   double *lut, uint8_t *labels, unsigned threads) {
  const unsigned k = 1u << s.nbits;
  const double scale = std::pow(10.0, s.roundingPrecision);
  Keys keys = distinctKeys(values, s.fastMode, scale);
  std::vector<int64_t> starts =
      optimalKMeans1D(keys.keys, keys.counts, k, threads);
  std::vector<double> firstKey;
  for (int64_t st : starts)
    firstKey.push_back(keys.keys[st]);
  const int64_t n = values.size();
  // Labels by the cluster whose first key is the last one <= the key.
  parallelForChunks(threads, n, 1 << 16, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i) {
      double key = keyOf(values[i], s.fastMode, scale);
      labels[i] = static_cast<uint8_t>(
          std::upper_bound(firstKey.begin(), firstKey.end(), key) -
          firstKey.begin() - 1);
    }
  });
  std::vector<double> sum(k, 0.0), count(k, 0.0);
  for (int64_t i = 0; i < n; ++i) {
    sum[labels[i]] += values[i];
    count[labels[i]] += 1;
  }
  for (unsigned e = 0; e < k; ++e)
    lut[e] = count[e] > 0 ? sum[e] / count[e] : 0.0;
}

} // namespace

void mlir::coreai::palettizeWeight(
    const PalettizeScheme &scheme, ArrayRef<int64_t> shape, int64_t outAxis,
    ArrayRef<float> w, PalettizedWeight &out, unsigned threads,
    llvm::function_ref<bool(int64_t)> clusterGroup) {
  const Layout l = makeLayout(shape, outAxis);
  const int64_t cd = std::max<int64_t>(1, scheme.clusterDim);
  const int64_t groupChannels =
      scheme.groupSize > 0 ? scheme.groupSize : l.channels;
  const int64_t numGroups = l.channels / groupChannels;
  const unsigned k = 1u << scheme.nbits;
  out.numGroups = numGroups;
  out.lut.assign(numGroups * k * cd, 0.0);

  // Per-channel scale: max |w| over the output axis, 0 -> 1, stored.
  UninitVector<float> normalized;
  ArrayRef<float> values = w;
  if (scheme.perChannelScale) {
    out.channelScale.assign(l.outer * l.inner, 0.0);
    for (int64_t o = 0; o < l.outer; ++o)
      for (int64_t c = 0; c < l.channels; ++c)
        for (int64_t i = 0; i < l.inner; ++i) {
          double &m = out.channelScale[o * l.inner + i];
          m = std::max(
              m, std::fabs(double(w[(o * l.channels + c) * l.inner + i])));
        }
    for (double &m : out.channelScale)
      m = m > 0 ? roundScale(m, scheme.storage) : 1.0;
    normalized.resize(w.size());
    for (int64_t o = 0; o < l.outer; ++o)
      for (int64_t c = 0; c < l.channels; ++c)
        for (int64_t i = 0; i < l.inner; ++i) {
          int64_t at = (o * l.channels + c) * l.inner + i;
          normalized[at] = static_cast<float>(
              double(w[at]) / out.channelScale[o * l.inner + i]);
        }
    values = normalized;
  }

  // Indices: [outer, channels / cd, inner].
  const int64_t vecChannels = l.channels / cd;
  out.indices.resize(l.outer * vecChannels * l.inner);
  auto *indices = reinterpret_cast<uint8_t *>(out.indices.data());
  // Large groups split their work inside; many groups run side by side.
  const unsigned inner = numGroups >= int64_t(threads) ? 1 : threads;
  parallelFor(numGroups >= 2 ? threads : 1, numGroups, [&](int64_t g) {
    if (clusterGroup && !clusterGroup(g))
      return;
    // Gather the group's points in (outer, vector channel, inner) order.
    const int64_t vecPerGroup = groupChannels / cd;
    const int64_t numPoints = l.outer * vecPerGroup * l.inner;
    UninitVector<float> points(numPoints * cd);
    int64_t p = 0;
    for (int64_t o = 0; o < l.outer; ++o)
      for (int64_t v = 0; v < vecPerGroup; ++v)
        for (int64_t i = 0; i < l.inner; ++i, ++p)
          for (int64_t t = 0; t < cd; ++t) {
            int64_t c = g * groupChannels + v * cd + t;
            points[p * cd + t] = values[(o * l.channels + c) * l.inner + i];
          }
    UninitVector<uint8_t> labels(numPoints);
    double *lut = out.lut.data() + g * k * cd;
    const bool half =
        !scheme.perChannelScale && (scheme.storage == ScaleStorage::F16 ||
                                    scheme.storage == ScaleStorage::BF16);
    if (cd == 1 && half && numPoints >= 8192) {
      const bool bf16 = scheme.storage == ScaleStorage::BF16;
      UninitVector<uint16_t> bits(numPoints);
      for (int64_t i = 0; i < numPoints; ++i)
        bits[i] = halfBits(points[i], bf16);
      clusterScalarHalf(ArrayRef<uint16_t>(bits.data(), bits.size()), scheme,
                        bf16, lut, labels.data(), inner);
    } else if (cd == 1) {
      clusterScalar(ArrayRef<float>(points.data(), points.size()), scheme, lut,
                    labels.data(), inner);
    } else {
      std::vector<double> centroids;
      std::vector<uint32_t> vlabels;
      vectorKMeans(ArrayRef<float>(points.data(), points.size()), cd, k,
                   /*seed=*/uint64_t(g) + 1, centroids, vlabels, inner);
      std::copy(centroids.begin(), centroids.end(), lut);
      for (int64_t i = 0; i < numPoints; ++i)
        labels[i] = static_cast<uint8_t>(vlabels[i]);
    }
    p = 0;
    for (int64_t o = 0; o < l.outer; ++o)
      for (int64_t v = 0; v < vecPerGroup; ++v)
        for (int64_t i = 0; i < l.inner; ++i, ++p)
          indices[(o * vecChannels + g * vecPerGroup + v) * l.inner + i] =
              labels[p];
  });
}

void mlir::coreai::palettizeWeight16(
    const PalettizeScheme &scheme, ArrayRef<int64_t> shape, int64_t outAxis,
    ArrayRef<uint16_t> bits, bool bf16, PalettizedWeight &out, unsigned threads,
    llvm::function_ref<bool(int64_t)> clusterGroup) {
  const Layout l = makeLayout(shape, outAxis);
  const int64_t groupChannels =
      scheme.groupSize > 0 ? scheme.groupSize : l.channels;
  const int64_t numGroups = l.channels / groupChannels;
  const unsigned k = 1u << scheme.nbits;
  out.numGroups = numGroups;
  out.lut.assign(numGroups * k, 0.0);
  out.indices.resize(bits.size());
  auto *indices = reinterpret_cast<uint8_t *>(out.indices.data());
  const unsigned inner = numGroups >= int64_t(threads) ? 1 : threads;
  const int64_t groupSize = groupChannels * l.inner;
  parallelFor(numGroups >= 2 ? threads : 1, numGroups, [&](int64_t g) {
    if (clusterGroup && !clusterGroup(g))
      return;
    double *lut = out.lut.data() + g * k;
    if (l.outer == 1) {
      // A group is a contiguous slice; so are its indices.
      clusterScalarHalf(bits.slice(g * groupSize, groupSize), scheme, bf16, lut,
                        indices + g * groupSize, inner);
      return;
    }
    const int64_t numPoints = l.outer * groupSize;
    UninitVector<uint16_t> points(numPoints);
    UninitVector<uint8_t> labels(numPoints);
    for (int64_t o = 0; o < l.outer; ++o)
      std::memcpy(points.data() + o * groupSize,
                  bits.data() + (o * l.channels + g * groupChannels) * l.inner,
                  groupSize * 2);
    clusterScalarHalf(ArrayRef<uint16_t>(points.data(), points.size()), scheme,
                      bf16, lut, labels.data(), inner);
    for (int64_t o = 0; o < l.outer; ++o)
      std::memcpy(indices + (o * l.channels + g * groupChannels) * l.inner,
                  labels.data() + o * groupSize, groupSize);
  });
}

namespace {

/// Sorts `keys` (a 32-bit key above a 32-bit position, positions
/// increasing on entry) ascending: for large arrays by three stable radix
/// passes over the upper half, which leave equal keys in position order, as
/// a full sort would.
void sortKeysAbovePositions(std::vector<uint64_t> &keys,
                            std::vector<uint64_t> &scratch) {
  if (keys.size() < 1024) {
    std::sort(keys.begin(), keys.end());
    return;
  }
  constexpr int kBits = 11;
  constexpr size_t kBuckets = size_t(1) << kBits;
  scratch.resize(keys.size());
  std::vector<size_t> start(kBuckets);
  for (int shift = 32; shift < 64; shift += kBits) {
    std::fill(start.begin(), start.end(), 0);
    for (uint64_t key : keys)
      ++start[(key >> shift) & (kBuckets - 1)];
    size_t offset = 0;
    for (size_t &b : start)
      offset += std::exchange(b, offset);
    for (uint64_t key : keys)
      scratch[start[(key >> shift) & (kBuckets - 1)]++] = key;
    keys.swap(scratch);
  }
}

} // namespace

void mlir::coreai::refitLutsWeighted(const PalettizeScheme &scheme,
                                     ArrayRef<int64_t> shape, int64_t outAxis,
                                     ArrayRef<float> w,
                                     ArrayRef<double> weights,
                                     PalettizedWeight &out, unsigned threads) {
  refitLutsWeighted(
      scheme, shape, outAxis, w,
      [&](int64_t index, int64_t, int64_t) { return weights[index]; }, out,
      threads);
}

void mlir::coreai::refitLutsWeighted(
    const PalettizeScheme &scheme, ArrayRef<int64_t> shape, int64_t outAxis,
    ArrayRef<float> w,
    llvm::function_ref<double(int64_t, int64_t, int64_t)> weightOf,
    PalettizedWeight &out, unsigned threads) {
  const Layout l = makeLayout(shape, outAxis);
  const int64_t groupChannels = l.channels / out.numGroups;
  const unsigned k = 1u << scheme.nbits;
  const double precision = std::pow(10.0, scheme.roundingPrecision);
  // Groups in chunks whose buffers are reused (no heap churn per group).
  parallelForChunks(threads, out.numGroups, 8, [&](int64_t g0, int64_t g1) {
    std::vector<float> values;
    std::vector<double> pointWeights, keys, counts;
    std::vector<uint64_t> order, scratch;
    std::vector<int64_t> keyOfPoint;
    for (int64_t g = g0; g < g1; ++g) {
      // The group's values (divided by their channel's scale) and weights.
      values.clear();
      pointWeights.clear();
      for (int64_t o = 0; o < l.outer; ++o)
        for (int64_t c = g * groupChannels; c < (g + 1) * groupChannels; ++c)
          for (int64_t i = 0; i < l.inner; ++i) {
            const int64_t at = (o * l.channels + c) * l.inner + i;
            const double weight = weightOf(at, c, o * l.inner + i);
            if (!(weight > 0))
              continue;
            float v = w[at];
            if (scheme.perChannelScale)
              v = static_cast<float>(double(v) /
                                     out.channelScale[o * l.inner + i]);
            values.push_back(v);
            pointWeights.push_back(weight);
          }
      if (values.empty())
        continue;
      // In increasing value, equal values in the order gathered: one sort
      // of 64-bit keys (the value's bits made unsigned-monotone, -0 as +0,
      // then the point's position), or beyond 2^32 points a stable sort of
      // the positions.
      auto monotone = [&](uint64_t p) {
        uint32_t bits = llvm::bit_cast<uint32_t>(values[p] + 0.0f);
        return (bits & 0x80000000u) ? ~bits : bits | 0x80000000u;
      };
      const bool packed = values.size() <= (uint64_t(1) << 32);
      const uint64_t mask = packed ? 0xffffffffu : ~uint64_t(0);
      order.resize(values.size());
      for (size_t p = 0; p < values.size(); ++p)
        order[p] = packed ? (uint64_t(monotone(p)) << 32) | p : p;
      if (packed)
        sortKeysAbovePositions(order, scratch);
      else
        std::stable_sort(
            order.begin(), order.end(),
            [&](uint64_t a, uint64_t b) { return monotone(a) < monotone(b); });
      clusterInOrder(
          order.size(),
          [&](size_t p) { return double(values[order[p] & mask]); },
          [&](size_t p) { return pointWeights[order[p] & mask]; }, scheme,
          precision, 1, out.lut.data() + g * k, [](size_t, size_t) {});
    }
  });
}

void mlir::coreai::keepZeroChannelsZero(
    const PalettizeScheme &scheme, ArrayRef<int64_t> shape, int64_t outAxis,
    llvm::function_ref<bool(int64_t)> zeroChannel, PalettizedWeight &out) {
  if (scheme.clusterDim > 1)
    return;
  const Layout l = makeLayout(shape, outAxis);
  const int64_t groupChannels = l.channels / out.numGroups;
  const int64_t k = int64_t(1) << scheme.nbits;
  auto *indices = reinterpret_cast<uint8_t *>(out.indices.data());
  for (int64_t c = 0; c < l.channels; ++c) {
    if (!zeroChannel(c))
      continue;
    double *lut = out.lut.data() + (c / groupChannels) * k;
    int64_t zero = 0;
    for (int64_t e = 1; e < k; ++e)
      if (std::fabs(lut[e]) < std::fabs(lut[zero]))
        zero = e;
    lut[zero] = 0.0;
    for (int64_t o = 0; o < l.outer; ++o)
      for (int64_t i = 0; i < l.inner; ++i)
        indices[(o * l.channels + c) * l.inner + i] =
            static_cast<uint8_t>(zero);
  }
}
