//===- ActivationStatistics.cpp - What each weight sees -------------------===//
//
// Which weights have a data input and how their consumer contracts it (asked
// of WeightConsumerOpInterface), and the exact accumulation of H.
//
//===----------------------------------------------------------------------===//

#include "coreai/Statistics/ActivationStatistics.h"
#include "coreai/Analysis/WeightAnalysis.h"
#include "coreai/Compression/Parallel.h"

#include "llvm/Support/raw_ostream.h"

#include <Eigen/Core>

#include <cmath>
#include <cstring>

using namespace mlir;
using namespace mlir::coreai;

namespace {

using RowMatrix =
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// Columns of H computed by one task: fixed, so that the sums do not depend
/// on the thread count.
constexpr int64_t kBand = 64;
/// Patches gathered at once for a convolution (bounded memory).
constexpr int64_t kPatchBytes = 32 << 20;

std::string describe(const StatisticsEntry &entry, int64_t id) {
  return "weight " + std::to_string(id) + " (" + entry.location + ")";
}

/// The operands that consume `value`, looking through ops such as a
/// transpose; sets `lookedThrough` when it did.
void findConsumers(Value value, SmallVectorImpl<OpOperand *> &out,
                   bool &lookedThrough) {
  for (OpOperand &use : value.getUses()) {
    Operation *user = use.getOwner();
    if (auto through = dyn_cast<WeightLookThroughOpInterface>(user))
      if (&through.getLookThroughOperand() == &use) {
        lookedThrough = true;
        findConsumers(user->getResult(0), out, lookedThrough);
        continue;
      }
    out.push_back(&use);
  }
}

/// Adds G (rows of `x`: `n` vectors of `k` values, row-major; or, when
/// `columnsAreSamples`, `k` rows of `n` values) to `gram` (k x k, or its
/// diagonal when !full).
void addGram(const double *x, int64_t n, int64_t k, bool columnsAreSamples,
             bool full, double *gram, unsigned threads) {
  if (!full) {
    for (int64_t i = 0; i < n; ++i)
      for (int64_t j = 0; j < k; ++j) {
        double v = columnsAreSamples ? x[j * n + i] : x[i * k + j];
        gram[j] += v * v;
      }
    return;
  }
  // The lower triangle, a band of columns per task; the caller mirrors it.
  const int64_t bands = (k + kBand - 1) / kBand;
  parallelFor(threads, bands, [&](int64_t band) {
    const int64_t j0 = band * kBand, w = std::min(kBand, k - j0);
    Eigen::Map<RowMatrix> g(gram, k, k);
    if (columnsAreSamples) {
      Eigen::Map<const RowMatrix> s(x, k, n);
      g.block(j0, j0, k - j0, w).noalias() +=
          s.middleRows(j0, k - j0) * s.middleRows(j0, w).transpose();
    } else {
      Eigen::Map<const RowMatrix> m(x, n, k);
      g.block(j0, j0, k - j0, w).noalias() +=
          m.middleCols(j0, k - j0).transpose() * m.middleCols(j0, w);
    }
  });
}

/// Copies the lower triangle of each k x k matrix of `gram` over its upper.
void mirrorLower(double *gram, int64_t count, int64_t k, unsigned threads) {
  parallelFor(threads, count * k, [&](int64_t row) {
    double *g = gram + (row / k) * k * k;
    const int64_t i = row % k;
    for (int64_t j = i + 1; j < k; ++j)
      g[i * k + j] = g[j * k + i];
  });
}

} // namespace

__int128 mlir::coreai::toFixedPoint(double v) {
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  const int exponent = static_cast<int>((bits >> 52) & 0x7ff);
  if (exponent == 0) // zero or subnormal: below 2^-1022
    return 0;
  const uint64_t mantissa =
      (bits & ((uint64_t(1) << 52) - 1)) | (uint64_t(1) << 52);
  // v * 2^64 = mantissa * 2^shift.
  const int shift = exponent - 1075 + 64;
  unsigned __int128 magnitude;
  if (shift >= 0) {
    magnitude = static_cast<unsigned __int128>(mantissa) << shift;
  } else if (-shift > 63) {
    magnitude = 0; // below one half
  } else {
    const int s = -shift;
    uint64_t q = mantissa >> s;
    const uint64_t r = mantissa & ((uint64_t(1) << s) - 1);
    const uint64_t half = uint64_t(1) << (s - 1);
    if (r > half || (r == half && (q & 1)))
      ++q;
    magnitude = q;
  }
  const __int128 value = static_cast<__int128>(magnitude);
  return (bits >> 63) ? -value : value;
}

InputStatistics StatisticsEntry::getStatistics() const {
  InputStatistics stats;
  stats.groups = groups;
  stats.columns = columns;
  stats.full = full;
  stats.samples = samples;
  if (sums.empty()) {
    stats.gram = gram;
    return stats;
  }
  stats.gram.resize(sums.size());
  for (size_t i = 0; i < sums.size(); ++i)
    stats.gram[i] = std::ldexp(static_cast<double>(sums[i]), -64);
  return stats;
}

InputStatistics StatisticsEntry::takeStatistics() {
  if (!sums.empty())
    return getStatistics();
  InputStatistics stats;
  stats.groups = groups;
  stats.columns = columns;
  stats.full = full;
  stats.samples = samples;
  stats.gram = std::move(gram);
  gram.clear();
  return stats;
}

ActivationStatistics
ActivationStatistics::create(ModuleOp module, int64_t weightNumThreshold,
                             int64_t maxFullColumns,
                             DenseMap<Operation *, int64_t> *idsOut) {
  ActivationStatistics stats;
  WeightAnalysis analysis(module);
  DenseMap<Operation *, int64_t> ids = getWeightIds(analysis);
  std::map<std::string, size_t> byInput;
  for (WeightCandidate &weight :
       collectWeightCandidates(module, weightNumThreshold)) {
    auto idIt = ids.find(weight.op);
    if (idIt == ids.end())
      continue;
    SmallVector<OpOperand *> consumers;
    bool lookedThrough = false;
    findConsumers(weight.op.getResult(), consumers, lookedThrough);
    if (consumers.size() != 1)
      continue;
    auto consumer =
        dyn_cast<WeightConsumerOpInterface>(consumers[0]->getOwner());
    if (!consumer)
      continue;
    std::optional<WeightContraction> contraction =
        consumer.getWeightContraction(consumers[0]->getOperandNumber());
    if (!contraction)
      continue;
    ArrayRef<int64_t> shape = weight.getShape();
    auto dataType = dyn_cast<RankedTensorType>(
        consumer->getOperand(contraction->dataOperand).getType());
    if (!dataType)
      continue;
    StatisticsEntry entry;
    entry.dataOperand = contraction->dataOperand;
    entry.dataShape.assign(dataType.getShape().begin(),
                           dataType.getShape().end());
    entry.isConvolution = contraction->isConvolution;
    if (contraction->isConvolution) {
      if (shape.size() != 4 || lookedThrough || contraction->groups <= 0 ||
          shape[0] % contraction->groups != 0)
        continue;
      entry.groups = contraction->groups;
      entry.inChannels = shape[1] * contraction->groups;
      entry.kernel[0] = shape[2];
      entry.kernel[1] = shape[3];
      for (int d = 0; d < 2; ++d) {
        entry.strides[d] = contraction->strides[d];
        entry.dilations[d] = contraction->dilations[d];
      }
      entry.columns = shape[1] * shape[2] * shape[3];
    } else {
      // A rank-2 weight: its input axis is the contraction.
      if (shape.size() != 2 || weight.axes.in == weight.axes.out)
        continue;
      entry.dataAxis = contraction->dataAxis;
      entry.inChannels = shape[weight.axes.in];
      entry.columns = entry.inChannels;
    }
    entry.full = entry.columns <= maxFullColumns;
    std::string key;
    llvm::raw_string_ostream os(key);
    os << consumer->getOperand(contraction->dataOperand).getAsOpaquePointer()
       << ' ' << entry.isConvolution << ' ' << entry.dataAxis << ' '
       << entry.inChannels << ' ' << entry.kernel[0] << ' ' << entry.kernel[1]
       << ' ' << entry.strides[0] << ' ' << entry.strides[1] << ' '
       << entry.dilations[0] << ' ' << entry.dilations[1] << ' '
       << entry.groups;
    const int64_t id = idIt->second;
    std::string sha = getPayloadSha256(weight.op.getValue());
    auto [it, inserted] = byInput.try_emplace(key, stats.entries.size());
    if (inserted) {
      llvm::raw_string_ostream loc(entry.location);
      weight.op.getLoc().print(loc);
      stats.entries.push_back(std::move(entry));
    }
    StatisticsEntry &shared = stats.entries[it->second];
    shared.ids.push_back(id);
    shared.sha256.push_back(std::move(sha));
    stats.byId[id] = it->second;
  }
  if (idsOut)
    *idsOut = std::move(ids);
  return stats;
}

const StatisticsEntry *ActivationStatistics::find(int64_t id) const {
  auto it = byId.find(id);
  return it == byId.end() ? nullptr : &entries[it->second];
}

StatisticsEntry *ActivationStatistics::findMutable(int64_t id) {
  auto it = byId.find(id);
  return it == byId.end() ? nullptr : &entries[it->second];
}

bool ActivationStatistics::add(int64_t id, ArrayRef<int64_t> shape,
                               const double *x, unsigned threads,
                               std::string &error) {
  StatisticsEntry *entry = findMutable(id);
  if (!entry) {
    error = "weight " + std::to_string(id) +
            ": no weight of this program with this id has a data input to "
            "gather statistics over (see Program.weights())";
    return false;
  }
  auto fail = [&](const std::string &message) {
    error = describe(*entry, id) + ": " + message;
    return false;
  };
  auto shapeText = [&] {
    std::string text;
    for (int64_t d : shape)
      text += (text.empty() ? "" : "x") + std::to_string(d);
    return text;
  };
  int64_t numel = 1;
  for (int64_t d : shape) {
    if (d < 0 || (d > 0 && numel > INT64_MAX / d))
      return fail("the input's shape " + shapeText() + " is too large");
    numel *= d;
  }
  const int64_t rank = shape.size();
  const int64_t groups = entry->groups, k = entry->columns;
  const int64_t per = entry->full ? k * k : k;
  std::vector<double> &gram = scratch;
  gram.resize(groups * per);
  parallelForChunks(threads, gram.size(), 1 << 16, [&](int64_t b, int64_t e) {
    std::fill(gram.begin() + b, gram.begin() + e, 0.0);
  });
  int64_t samples = 0;
  if (!entry->isConvolution) {
    const int64_t axis =
        entry->dataAxis < 0 ? rank + entry->dataAxis : entry->dataAxis;
    if (axis < 0 || axis >= rank)
      return fail("expected an input of rank at least " +
                  std::to_string(-entry->dataAxis) + ", got shape " +
                  shapeText());
    if (shape[axis] != k)
      return fail("the input's contraction axis " + std::to_string(axis) +
                  " has " + std::to_string(shape[axis]) +
                  " elements, the weight's input channels are " +
                  std::to_string(k) + " (shape " + shapeText() + ")");
    if (numel == 0)
      return true;
    if (axis == rank - 1) {
      samples = numel / k;
      addGram(x, samples, k, false, entry->full, gram.data(), threads);
    } else {
      // [..., K, N]: each leading index holds N vectors along K.
      const int64_t n = shape[rank - 1], slices = numel / (k * n);
      for (int64_t b = 0; b < slices; ++b)
        addGram(x + b * k * n, n, k, true, entry->full, gram.data(), threads);
      samples = slices * n;
    }
  } else {
    if (rank != 4)
      return fail("expected the NCHW input of the convolution (rank 4), got "
                  "shape " +
                  shapeText());
    if (shape[1] != entry->inChannels)
      return fail("the input has " + std::to_string(shape[1]) +
                  " channels, the convolution takes " +
                  std::to_string(entry->inChannels));
    int64_t out[2];
    for (int d = 0; d < 2; ++d) {
      const int64_t span = entry->dilations[d] * (entry->kernel[d] - 1) + 1;
      if (shape[2 + d] < span)
        return fail("the input's spatial size " + shapeText() +
                    " is smaller than the dilated kernel (" +
                    std::to_string(span) + "); give the padded input");
      out[d] = (shape[2 + d] - span) / entry->strides[d] + 1;
    }
    const int64_t cg = entry->inChannels / groups;
    const int64_t kh = entry->kernel[0], kw = entry->kernel[1];
    const int64_t positions = out[0] * out[1];
    const int64_t chunk =
        std::max<int64_t>(16, kPatchBytes / (8 * std::max<int64_t>(k, 1)));
    const int64_t height = shape[2], width = shape[3];
    // The patches of group `g` of every sample into H of that group, with
    // `inner` threads for each chunk of positions.
    auto addGroup = [&](int64_t g, unsigned inner) {
      std::vector<double> patches(std::min(chunk, positions) * k);
      for (int64_t n = 0; n < shape[0]; ++n)
        for (int64_t p0 = 0; p0 < positions; p0 += chunk) {
          const int64_t p1 = std::min(positions, p0 + chunk);
          parallelForChunks(inner, p1 - p0, 64, [&](int64_t b, int64_t e) {
            for (int64_t p = p0 + b; p < p0 + e; ++p) {
              const int64_t oy = p / out[1], ox = p % out[1];
              double *row = &patches[(p - p0) * k];
              for (int64_t c = 0; c < cg; ++c) {
                const double *plane =
                    x + ((n * entry->inChannels) + g * cg + c) * height * width;
                for (int64_t ky = 0; ky < kh; ++ky) {
                  const int64_t iy =
                      oy * entry->strides[0] + ky * entry->dilations[0];
                  for (int64_t kx = 0; kx < kw; ++kx)
                    *row++ = plane[iy * width + ox * entry->strides[1] +
                                   kx * entry->dilations[1]];
                }
              }
            }
          });
          addGram(patches.data(), p1 - p0, k, false, entry->full,
                  gram.data() + g * per, inner);
        }
    };
    // Many groups (a depthwise convolution: one small H per channel) run
    // side by side; one group spreads its products over the threads. Each
    // H is summed in the same order either way.
    if (groups > 1)
      parallelFor(threads, groups, [&](int64_t g) { addGroup(g, 1); });
    else
      addGroup(0, threads);
    samples = shape[0] * positions;
  }
  if (entry->full)
    mirrorLower(gram.data(), groups, k, threads);
  // Into the exact sums: every value of this call rounded to 2^-64 units.
  // Checked first, so that a failed call leaves the sums as they were; the
  // first failing element (in order) names the problem.
  const double limit = std::ldexp(1.0, 62);
  const __int128 bound = __int128(1) << 126;
  const int64_t size = gram.size();
  constexpr int64_t kGrain = 1 << 14;
  std::vector<int> problems((size + kGrain - 1) / kGrain, 0);
  parallelFor(threads, problems.size(), [&](int64_t chunk) {
    const int64_t end = std::min(size, (chunk + 1) * kGrain);
    for (int64_t i = chunk * kGrain; i < end; ++i) {
      if (!(std::fabs(gram[i]) < limit)) {
        problems[chunk] = std::isfinite(gram[i]) ? 1 : 2;
        return;
      }
      if (!entry->sums.empty()) {
        __int128 sum = entry->sums[i] + toFixedPoint(gram[i]);
        if (sum > bound || sum < -bound) {
          problems[chunk] = 3;
          return;
        }
      }
    }
  });
  for (int problem : problems) {
    if (problem == 1)
      return fail("the input's products exceed the range of the statistics "
                  "(2^62); scale the input down");
    if (problem == 2)
      return fail("the input holds Inf or NaN");
    if (problem == 3)
      return fail("the accumulated statistics exceed their range (2^62)");
  }
  if (entry->sums.empty())
    entry->sums.assign(gram.size(), 0);
  parallelFor(threads, problems.size(), [&](int64_t chunk) {
    const int64_t end = std::min(size, (chunk + 1) * kGrain);
    for (int64_t i = chunk * kGrain; i < end; ++i)
      entry->sums[i] += toFixedPoint(gram[i]);
  });
  entry->samples += samples;
  return true;
}

bool ActivationStatistics::merge(const ActivationStatistics &other,
                                 std::string &error) {
  if (other.entries.size() != entries.size()) {
    error = "the statistics are of another program (" +
            std::to_string(other.entries.size()) + " inputs, expected " +
            std::to_string(entries.size()) + ")";
    return false;
  }
  for (size_t i = 0; i < entries.size(); ++i) {
    const StatisticsEntry &a = entries[i], &b = other.entries[i];
    if (a.ids != b.ids || a.sha256 != b.sha256 || a.columns != b.columns ||
        a.groups != b.groups) {
      error = describe(a, a.ids[0]) + ": the statistics are of another "
                                      "program or another weight";
      return false;
    }
    if (a.full != b.full && !b.sums.empty() && !a.sums.empty()) {
      error = describe(a, a.ids[0]) +
              ": one side keeps the whole H, the other only its diagonal";
      return false;
    }
  }
  for (size_t i = 0; i < entries.size(); ++i) {
    StatisticsEntry &a = entries[i];
    const StatisticsEntry &b = other.entries[i];
    if (b.sums.empty())
      continue;
    if (a.sums.empty()) {
      a.sums = b.sums;
      a.full = b.full;
    } else {
      for (size_t j = 0; j < a.sums.size(); ++j)
        a.sums[j] += b.sums[j];
    }
    a.samples += b.samples;
  }
  return true;
}
