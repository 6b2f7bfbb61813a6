//===- PalettizeScheme.cpp - Palettization as a weight scheme -------------===//
//
// Validates the palettize options and clusters one weight at a time
// (Compression/Palettize.h) into indices -> lut_to_dense (-> cast ->
// blockwise_shift_scale -> cast when the LUT is quantized or a per-channel
// scale is on).
//
//===----------------------------------------------------------------------===//

#include "coreai/Compression/Buffer.h"
#include "coreai/Compression/Gptq.h"
#include "coreai/Compression/Palettize.h"
#include "coreai/Compression/Parallel.h"
#include "coreai/Compression/Quantize.h"
#include "coreai/Schemes/QuantTypes.h"
#include "coreai/Schemes/WeightSchemes.h"

#include <cmath>

using namespace mlir;
using namespace mlir::coreai;

namespace {

struct PalettizeEncoding : WeightEncoding {
  EncodedElements indices, lut, scale, zeroPoint;
  SmallVector<int64_t> indexShape, lutShape, scaleShape;

  SmallVector<const EncodedElements *> getPayloads() const override {
    return {&indices, &lut, &scale, &zeroPoint};
  }
};

class PalettizeWeightScheme : public WeightScheme {
public:
  PalettizeWeightScheme(PalettizeScheme scheme,
                        std::optional<QuantFormat> lutFormat)
      : scheme(scheme), lutFormat(lutFormat) {}

  StringRef getLeftAs() const override { return "unpalettized"; }
  // Scalar LUTs of f16 and bf16 weights work on the bit patterns in place.
  HalfBits getHalfBits(const WeightCandidate &) const override {
    return scheme.clusterDim == 1 && !scheme.perChannelScale
               ? HalfBits::F16OrBF16
               : HalfBits::None;
  }

  void prepare(MLIRContext *context) override {
    indexType = IntegerType::get(context, scheme.nbits, IntegerType::Unsigned);
    if (lutFormat)
      lutType = getQuantElementType(context, *lutFormat);
  }

  std::string getSchemeSkipReason(const WeightCandidate &weight) const override;
  std::unique_ptr<WeightEncoding>
  compute(const WeightCandidate &weight, WeightPayload &payload,
          unsigned threads, WeightWorkStatus &status) const override;
  void describe(const WeightCandidate &weight, WeightEncoding &encoding,
                WeightChain &chain) const override;

private:
  /// Quantizes the LUT (symmetric, one scale) into `result.lut`; returns the
  /// scale and zero point.
  bool quantizeLut(ArrayRef<double> lut, Type weightType,
                   PalettizeEncoding &result, double &scale, double &zeroPoint,
                   std::string &error) const;

  PalettizeScheme scheme;
  std::optional<QuantFormat> lutFormat;
  Type indexType, lutType;
};

std::string PalettizeWeightScheme::getSchemeSkipReason(
    const WeightCandidate &weight) const {
  ArrayRef<int64_t> shape = weight.getShape();
  if (shape.empty())
    return "a scalar weight has no output channels; left unpalettized";
  const int64_t cout = shape[weight.axes.out];
  const int64_t cd = scheme.clusterDim;
  const int64_t group = scheme.groupSize ? scheme.groupSize : cout;
  if (cout % group != 0)
    return "group size " + std::to_string(group) + " does not divide the " +
           std::to_string(cout) + " output channels; left unpalettized";
  if (group % cd != 0)
    return "cluster dim " + std::to_string(cd) + " does not divide the " +
           std::to_string(group) +
           " output channels of a LUT group; left unpalettized";
  return "";
}

bool PalettizeWeightScheme::quantizeLut(ArrayRef<double> lut, Type weightType,
                                        PalettizeEncoding &result,
                                        double &scale, double &zeroPoint,
                                        std::string &error) const {
  std::vector<float> entries(lut.begin(), lut.end());
  QuantizedWeight q =
      quantizePerTensor(*lutFormat, getScaleStorage(weightType), entries);
  if (!encodeCodes(lutType, std::move(q.codes), result.lut, error))
    return false;
  scale = q.scales[0];
  zeroPoint = q.zeroPoints[0];
  return true;
}

/// Calls body(c, begin, end) for every run [begin, end) of consecutive
/// elements (row-major) of output channel c, in memory order.
static void
forEachChannelRun(ArrayRef<int64_t> shape, int64_t outAxis,
                  function_ref<void(int64_t, int64_t, int64_t)> body) {
  int64_t outer = 1, inner = 1;
  for (int64_t d = 0; d < int64_t(shape.size()); ++d) {
    if (d < outAxis)
      outer *= shape[d];
    else if (d > outAxis)
      inner *= shape[d];
  }
  const int64_t channels = shape[outAxis];
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t c = 0; c < channels; ++c) {
      const int64_t begin = (o * channels + c) * inner;
      body(c, begin, begin + inner);
    }
}

/// Re-palettizes `p` with the weight's activation statistics (scalar LUTs):
/// each LUT is refitted by k-means with every element weighed by its input
/// (diag H), then the indices are assigned by GPTQ error feedback, or with
/// only the diagonal of H to the nearest entry (with a warning). Vector LUTs
/// (cluster-dim > 1) are kept, with a warning.
/// `inputOf` gives each element's mean square input.
static bool applyStatistics(const WeightCandidate &weight,
                            WeightPayload &payload, const PalettizeScheme &s,
                            function_ref<bool(int64_t)> zeroChannel,
                            ElementInputWeights inputOf, PalettizedWeight &p,
                            unsigned threads, std::string &warning,
                            std::string &error) {
  const InputStatistics &stats = *weight.statistics;
  if (s.clusterDim > 1) {
    warning = "activation statistics refine scalar LUTs only (cluster-dim 1); "
              "palettized without them";
    return true;
  }
  ArrayRef<int64_t> shape = weight.getShape();
  const int64_t oax = weight.axes.out;
  ArrayRef<float> decoded = payload.decode(threads);
  // Without feedback each element's error reaches the output on its own:
  // k-means weighted by its mean square input is exact. With feedback the
  // values move before they are assigned; weighing by the root mean square
  // (the scale of the element's contribution) served the real recognizer
  // best at 2, 3 and 4 bits (docs/ActivationStatistics.md).
  if (stats.full)
    inputOf.takeSquareRoots();
  refitLutsWeighted(
      s, shape, oax, decoded,
      [&](int64_t, int64_t row, int64_t column) {
        return inputOf.at(row, column);
      },
      p, threads);
  keepZeroChannelsZero(s, shape, oax, zeroChannel, p);
  const int64_t entries = int64_t(1) << s.nbits;
  const int64_t rowsPerLut = shape[oax] / p.numGroups;
  // The decoded values become the ones GPTQ changes (`decoded` is gone).
  UninitVector<float> values = payload.takeDecoded(threads);
  auto assign = [&](const GptqElement &element, float value) {
    const double *lut = &p.lut[(element.row / rowsPerLut) * entries];
    double scale = 1;
    if (s.perChannelScale)
      scale = p.channelScale[element.column];
    const double target = scale != 0 ? value / scale : 0.0;
    int64_t best = 0;
    double bestDistance = std::fabs(lut[0] - target);
    for (int64_t e = 1; e < entries; ++e) {
      double distance = std::fabs(lut[e] - target);
      if (distance < bestDistance)
        best = e, bestDistance = distance;
    }
    p.indices[element.index] = static_cast<char>(best);
    return static_cast<float>(lut[best] * scale);
  };
  if (!stats.full)
    warning = "the activation statistics hold only the diagonal of H (" +
              std::to_string(stats.columns) +
              " input columns); palettized without error feedback";
  return quantizeWithStatistics(shape, oax, stats, values.data(), assign,
                                threads, error);
}

std::unique_ptr<WeightEncoding>
PalettizeWeightScheme::compute(const WeightCandidate &weight,
                               WeightPayload &payload, unsigned threads,
                               WeightWorkStatus &status) const {
  auto result = std::make_unique<PalettizeEncoding>();
  // The si16 axis, and with a scale the zero offset (one element).
  result->fixedBytes = 2 + (lutFormat || scheme.perChannelScale
                                ? weight.getType().getElementTypeBitWidth() / 8
                                : 0);
  ArrayRef<int64_t> shape = weight.getShape();
  Type weightType = weight.getType().getElementType();
  PalettizeScheme s = scheme;
  s.storage = getScaleStorage(weightType);
  const int64_t oax = weight.axes.out;
  const int64_t rank = shape.size();
  // With statistics, scalar LUTs are fitted once, weighted by them
  // (applyStatistics): only groups whose elements all have zero weight are
  // clustered without them here (refitting leaves those groups alone).
  ElementInputWeights inputOf;
  std::vector<char> weighted;
  if (weight.statistics && s.clusterDim == 1) {
    if (!inputOf.init(shape, oax, *weight.statistics)) {
      status.error = "the activation statistics do not fit the weight's shape";
      return nullptr;
    }
    const int64_t rows = shape[oax];
    const int64_t columns = payload.size() / std::max<int64_t>(rows, 1);
    const int64_t groupChannels = s.groupSize > 0 ? s.groupSize : rows;
    weighted.assign(rows / groupChannels, 0);
    for (int64_t r = 0; r < rows; ++r) {
      char &w = weighted[r / groupChannels];
      for (int64_t c = 0; c < columns && !w; ++c)
        w = inputOf.at(r, c) > 0;
    }
  }
  auto clusterGroup = [&](int64_t g) { return !weighted[g]; };
  function_ref<bool(int64_t)> cluster = nullptr;
  if (!weighted.empty())
    cluster = clusterGroup;
  PalettizedWeight p;
  if (!payload.getHalfBits().empty())
    palettizeWeight16(s, shape, oax, payload.getHalfBits(), payload.isBF16(), p,
                      threads, cluster);
  else
    palettizeWeight(s, shape, oax, payload.decode(threads), p, threads,
                    cluster);

  // All-zero output channels decode to exact zeros (a LUT shared with other
  // channels would give them its entry nearest 0).
  const int64_t channels = shape[oax];
  std::vector<char> zeroChannel(channels, 1);
  ArrayRef<uint16_t> half = payload.getHalfBits();
  ArrayRef<float> values =
      half.empty() ? payload.decode(threads) : ArrayRef<float>();
  forEachChannelRun(shape, oax, [&](int64_t c, int64_t begin, int64_t end) {
    char &zero = zeroChannel[c];
    for (int64_t i = begin; i < end && zero; ++i)
      zero = half.empty() ? values[i] == 0.0f : !(half[i] & 0x7fff);
  });
  auto isZeroChannel = [&](int64_t c) { return zeroChannel[c] != 0; };
  if (llvm::is_contained(zeroChannel, 1))
    keepZeroChannelsZero(s, shape, oax, isZeroChannel, p);

  if (weight.statistics &&
      !applyStatistics(weight, payload, s, isZeroChannel, inputOf, p, threads,
                       result->warning, status.error))
    return nullptr;

  const int64_t cd = s.clusterDim;
  result->indexShape.assign(shape.begin(), shape.end());
  result->indexShape[oax] /= cd;
  result->lutShape.assign(rank + 2, 1);
  result->lutShape[oax] = p.numGroups;
  result->lutShape[rank] = int64_t(1) << s.nbits;
  result->lutShape[rank + 1] = cd;
  if (!encodeCodes(indexType, std::move(p.indices), result->indices,
                   status.error, threads))
    return nullptr;

  // The dequantizing scale: the LUT's (per tensor), the per-channel one, or
  // their product with the per-channel shape (one fused scale per channel).
  std::vector<double> scale;
  double zeroPoint = 0;
  if (lutFormat) {
    scale.assign(1, 0.0);
    if (!quantizeLut(p.lut, weightType, *result, scale[0], zeroPoint,
                     status.error))
      return nullptr;
  } else if (!encodeElements(weightType, p.lut, result->lut, status.error)) {
    return nullptr;
  }
  result->scaleShape.assign(rank, 1);
  if (s.perChannelScale) {
    for (int64_t d = 0; d < rank; ++d)
      result->scaleShape[d] = d == oax ? 1 : shape[d];
    double lutScale = scale.empty() ? 1.0 : scale[0];
    scale = p.channelScale;
    if (lutFormat)
      for (double &v : scale)
        v = roundScale(v * lutScale, s.storage);
  }
  if (!scale.empty()) {
    std::vector<double> zp(scale.size(), zeroPoint);
    if (!encodeElements(weightType, scale, result->scale, status.error) ||
        !encodeElements(weightType, zp, result->zeroPoint, status.error))
      return nullptr;
  }
  return result;
}

void PalettizeWeightScheme::describe(const WeightCandidate &weight,
                                     WeightEncoding &encoding,
                                     WeightChain &chain) const {
  using Kind = ChainNode::Kind;
  auto &result = static_cast<PalettizeEncoding &>(encoding);
  ArrayRef<int64_t> shape = weight.getShape();
  Type weightType = weight.getType().getElementType();
  Type storedLutType = lutFormat ? lutType : weightType;
  unsigned indices =
      chain.addConstant(result.indexShape, indexType, result.indices);
  unsigned lut = chain.addConstant(result.lutShape, storedLutType, result.lut);
  unsigned dense = chain.addOp(Kind::Lut, shape, storedLutType, {indices, lut},
                               scheme.clusterDim > 1 ? weight.axes.out : 0);
  if (!lutFormat && !scheme.perChannelScale)
    return;
  unsigned data = chain.addOp(Kind::Cast, shape, weightType, {dense});
  unsigned scale =
      chain.addConstant(result.scaleShape, weightType, result.scale);
  unsigned zeroPoint =
      chain.addConstant(result.scaleShape, weightType, result.zeroPoint);
  unsigned offset2 = chain.addSplat(result.scaleShape, weightType, 0);
  unsigned scaled = chain.addOp(Kind::ShiftScale, shape, weightType,
                                {data, scale, zeroPoint, offset2});
  chain.addOp(Kind::Cast, shape, weightType, {scaled});
}

} // namespace

FailureOr<std::unique_ptr<WeightScheme>> mlir::coreai::createPalettizeScheme(
    const CoreAIPalettizeWeightsPassOptions &options,
    function_ref<InFlightDiagnostic()> diag) {
  auto fail = [&]() { return diag(); };
  std::optional<QuantFormat> lutFormat = getQuantFormat(options.lutDtype);
  if (lutFormat && lutFormat->bits != 8)
    return fail() << "option 'lut-dtype': unsupported value '"
                  << stringify(options.lutDtype)
                  << "'; expected none, int8, uint8, fp8_e4m3fn or fp8_e5m2";
  if (!isValidIndexBitWidth(options.nBits))
    return fail() << "option 'n-bits' must be one of " << kIndexBitWidths
                  << ", got " << options.nBits;
  if (options.granularity == Granularity::PerBlock)
    return fail() << "option 'granularity': per_block is not a palettization "
                     "granularity; expected per_tensor, per_channel or "
                     "per_grouped_channel";
  if (options.groupSize == 0)
    return fail() << "option 'group-size' must be positive, got 0";
  if (options.clusterDim == 0)
    return fail() << "option 'cluster-dim' must be positive, got 0";
  if (options.groupSize > uint64_t(kMaxNumElements) ||
      options.clusterDim > uint64_t(kMaxNumElements))
    return fail() << "option 'group-size' or 'cluster-dim' is too large";
  if (options.enablePerChannelScale && options.clusterDim > 1)
    return fail() << "option 'enable-per-channel-scale' is not supported with "
                     "cluster-dim > 1";
  if (options.numKmeansWorkers == 0)
    return fail() << "option 'num-kmeans-workers' must be positive, got 0";
  if (options.roundingPrecision > 15)
    return fail() << "option 'rounding-precision' must be at most 15, got "
                  << options.roundingPrecision;
  PalettizeScheme scheme;
  scheme.nbits = static_cast<unsigned>(options.nBits);
  scheme.clusterDim = static_cast<int64_t>(options.clusterDim);
  scheme.fastMode = options.enableFastKmeansMode;
  scheme.roundingPrecision = static_cast<int>(options.roundingPrecision);
  scheme.perChannelScale = options.enablePerChannelScale;
  scheme.groupSize = options.granularity == Granularity::PerGroupedChannel
                         ? static_cast<int64_t>(options.groupSize)
                     : options.granularity == Granularity::PerChannel ? 1
                                                                      : 0;
  return std::unique_ptr<WeightScheme>(
      std::make_unique<PalettizeWeightScheme>(scheme, lutFormat));
}
