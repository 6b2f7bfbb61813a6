//===- SparsifyScheme.cpp - Sparsification as a weight scheme -------------===//
//
// Validates the sparsify options and prunes one weight at a time
// (Compression/Sparsify.h), optionally quantizing or palettizing the kept
// values, into values + mask -> build_sparse_with_bitmask ->
// sparse_with_bitmask_to_dense. Quantized values are dequantized before they
// are scattered, so pruned weights stay exactly 0.
//
//===----------------------------------------------------------------------===//

#include "coreai/Compression/Buffer.h"
#include "coreai/Compression/FloatFormats.h"
#include "coreai/Compression/Gptq.h"
#include "coreai/Compression/Palettize.h"
#include "coreai/Compression/Parallel.h"
#include "coreai/Compression/Sparsify.h"
#include "coreai/Schemes/QuantTypes.h"
#include "coreai/Schemes/WeightSchemes.h"

#include <cmath>

using namespace mlir;
using namespace mlir::coreai;

namespace {

enum class Mode { Unstructured, Blocks, NM };

struct SparsifyConfig {
  Mode mode = Mode::Unstructured;
  double sparsity = 0.5;
  int64_t blockSize = 0, n = 0, m = 0;
  std::optional<QuantFormat> quantFormat;
  unsigned palettizeBits = 0;
};

struct SparsifyEncoding : WeightEncoding {
  int64_t numValues = 0;
  EncodedElements values, mask, scale, zeroPoint, lut;
  /// The values are stored plainly although a joint mode was asked for.
  bool plain = true;

  SmallVector<const EncodedElements *> getPayloads() const override {
    return {&values, &mask, &scale, &zeroPoint, &lut};
  }
};

class SparsifyWeightScheme : public WeightScheme {
public:
  explicit SparsifyWeightScheme(SparsifyConfig config) : config(config) {}

  StringRef getLeftAs() const override { return "unsparsified"; }
  // f16 payloads are pruned on their bit patterns, without a decoded copy.
  HalfBits getHalfBits(const WeightCandidate &) const override {
    return HalfBits::F16;
  }

  void prepare(MLIRContext *context) override {
    maskType = IntegerType::get(context, 1, IntegerType::Unsigned);
    if (config.quantFormat)
      valueType = getQuantElementType(context, *config.quantFormat);
    else if (config.palettizeBits)
      valueType = IntegerType::get(context, config.palettizeBits,
                                   IntegerType::Unsigned);
  }

  std::string getSchemeSkipReason(const WeightCandidate &weight) const override;
  std::unique_ptr<WeightEncoding>
  compute(const WeightCandidate &weight, WeightPayload &payload,
          unsigned threads, WeightWorkStatus &status) const override;
  void describe(const WeightCandidate &weight, WeightEncoding &encoding,
                WeightChain &chain) const override;

private:
  /// Chooses the kept elements: keep[i] is 1 for every element kept. The
  /// smallest |w| are pruned, or with `scores` (Wanda's |w| sqrt(E[x^2]))
  /// the smallest scores.
  void selectKept(const WeightCandidate &weight, WeightPayload &payload,
                  UninitVector<uint8_t> &keep, unsigned threads,
                  ArrayRef<float> scores = {}) const;
  /// With activation statistics: the kept values corrected by GPTQ error
  /// feedback (pruned elements fixed at 0) and stored on their grid.
  bool encodeWithStatistics(const WeightCandidate &weight,
                            WeightPayload &payload, ArrayRef<uint8_t> keep,
                            const KeptLayout &layout,
                            const ElementInputWeights &inputOf,
                            SparsifyEncoding &result, std::string &warning,
                            std::string &error, unsigned threads) const;
  /// Stores the kept `values` plainly, quantized or palettized.
  bool encodeValues(ArrayRef<float> values, Type weightType,
                    SparsifyEncoding &result, std::string &error,
                    unsigned threads) const;

  SparsifyConfig config;
  Type maskType, valueType;
};

std::string
SparsifyWeightScheme::getSchemeSkipReason(const WeightCandidate &weight) const {
  ArrayRef<int64_t> shape = weight.getShape();
  const WeightAxes axes = weight.axes;
  const bool hasChannels = shape.size() >= 2 && axes.in != axes.out;
  if (config.mode == Mode::Blocks) {
    if (!hasChannels)
      return "block sparsity needs output and input channel axes; left "
             "unsparsified";
    if (config.blockSize > shape[axes.out] / 2)
      return "block size " + std::to_string(config.blockSize) +
             " is more than half of the " + std::to_string(shape[axes.out]) +
             " output channels; left unsparsified";
  } else if (config.mode == Mode::NM) {
    if (!hasChannels)
      return "n:m sparsity needs output and input channel axes; left "
             "unsparsified";
    if (config.m > shape[axes.in] / 2)
      return "m = " + std::to_string(config.m) + " is more than half of the " +
             std::to_string(shape[axes.in]) +
             " input channels; left unsparsified";
    if (shape[axes.in] % config.m != 0)
      return "m = " + std::to_string(config.m) + " does not divide the " +
             std::to_string(shape[axes.in]) +
             " input channels; left unsparsified";
  }
  return "";
}

void SparsifyWeightScheme::selectKept(const WeightCandidate &weight,
                                      WeightPayload &payload,
                                      UninitVector<uint8_t> &keep,
                                      unsigned threads,
                                      ArrayRef<float> scores) const {
  const int64_t count = static_cast<int64_t>(
      std::floor(double(payload.size()) * config.sparsity));
  auto prune = [&](auto input) {
    switch (config.mode) {
    case Mode::Unstructured:
      pruneSmallest(input, count, keep, threads);
      return;
    case Mode::Blocks:
      pruneBlocks(input, weight.getShape(), weight.axes.out, config.blockSize,
                  count, keep, threads);
      return;
    case Mode::NM:
      pruneNM(input, weight.getShape(), weight.axes.in, config.n, config.m,
              keep, threads);
      return;
    }
  };
  if (!scores.empty())
    prune(scores);
  else if (!payload.getHalfBits().empty())
    prune(F16Bits{payload.getHalfBits()});
  else
    prune(payload.decode(threads));
}

bool SparsifyWeightScheme::encodeWithStatistics(
    const WeightCandidate &weight, WeightPayload &payload,
    ArrayRef<uint8_t> keep, const KeptLayout &layout,
    const ElementInputWeights &inputOf, SparsifyEncoding &result,
    std::string &warning, std::string &error, unsigned threads) const {
  const InputStatistics &stats = *weight.statistics;
  Type weightType = weight.getType().getElementType();
  ArrayRef<float> decoded = payload.decode(threads);
  const int64_t n = layout.numKept;
  UninitVector<float> kept(n);
  gatherKept(keep, layout, decoded, kept.data(), threads);
  // The grid of the kept values, from the original kept values: the joint
  // quantization's scale, or the LUT of k-means weighted by the inputs.
  QuantizedWeight q;
  IntRange range{0, 0, 0};
  PalettizedWeight p;
  const int64_t entries = int64_t(1) << config.palettizeBits;
  if (n > 0 && config.quantFormat) {
    q = quantizePerTensor(*config.quantFormat, getScaleStorage(weightType),
                          ArrayRef<float>(kept.data(), n), threads);
    range = getIntRange(*config.quantFormat, /*symmetric=*/true);
  } else if (n > 0 && config.palettizeBits) {
    PalettizeScheme ps;
    ps.nbits = config.palettizeBits;
    ps.fastMode = false;
    ps.storage = getScaleStorage(weightType);
    int64_t shape[] = {n};
    palettizeWeight(ps, shape, 0, ArrayRef<float>(kept.data(), n), p, threads);
    // As coreai-palettize-weights weighs: sqrt(E[x^2]) with feedback.
    std::vector<double> keptInputs;
    keptInputs.reserve(n);
    for (size_t i = 0; i < keep.size(); ++i)
      if (keep[i])
        keptInputs.push_back(stats.full ? std::sqrt(inputOf(i)) : inputOf(i));
    refitLutsWeighted(ps, shape, 0, ArrayRef<float>(kept.data(), n), keptInputs,
                      p, threads);
  }
  const bool half = weightType.isF16(), bf16 = weightType.isBF16();
  auto onGrid = [&](float v) -> float {
    if (config.quantFormat) {
      uint8_t code;
      quantizeValues(*config.quantFormat, range, q.scales[0], q.zeroPoints[0],
                     &v, &code, 1);
      return static_cast<float>(
          (decodeQuantCode(*config.quantFormat, code) - q.zeroPoints[0]) *
          q.scales[0]);
    }
    if (config.palettizeBits) {
      int64_t best = 0;
      for (int64_t e = 1; e < entries; ++e)
        if (std::fabs(p.lut[e] - v) < std::fabs(p.lut[best] - v))
          best = e;
      return static_cast<float>(p.lut[best]);
    }
    if (half)
      return decodeF16(encodeF16(v));
    if (bf16)
      return decodeBF16(encodeBF16(v));
    return v;
  };
  // Pruned elements are "quantized" to 0; with the full H their error, like
  // the kept values' rounding, flows into the columns not yet visited.
  // The decoded values become the ones GPTQ changes (`decoded` is gone).
  UninitVector<float> values = payload.takeDecoded(threads);
  auto quantize = [&](const GptqElement &element, float value) {
    return keep[element.index] ? onGrid(value) : 0.0f;
  };
  if (!stats.full)
    warning = "the activation statistics hold only the diagonal of H (" +
              std::to_string(stats.columns) +
              " input columns); pruned by it, without error feedback";
  if (!quantizeWithStatistics(weight.getShape(), weight.axes.out, stats,
                              values.data(), quantize, threads, error))
    return false;
  gatherKept(keep, layout, ArrayRef<float>(values.data(), values.size()),
             kept.data(), threads);
  if (n == 0)
    return encodeValues({}, weightType, result, error, threads);
  if (config.quantFormat) {
    ByteBuffer codes(n);
    quantizeValues(*config.quantFormat, range, q.scales[0], q.zeroPoints[0],
                   kept.data(), reinterpret_cast<uint8_t *>(codes.data()), n);
    result.plain = false;
    result.fixedBytes = weightType.getIntOrFloatBitWidth() / 8;
    return encodeCodes(valueType, std::move(codes), result.values, error,
                       threads) &&
           encodeElements(weightType, q.scales, result.scale, error) &&
           encodeElements(valueType, q.zeroPoints, result.zeroPoint, error);
  }
  if (config.palettizeBits) {
    ByteBuffer indices(n);
    for (int64_t i = 0; i < n; ++i) {
      int64_t best = 0;
      for (int64_t e = 1; e < entries; ++e)
        if (std::fabs(p.lut[e] - kept[i]) < std::fabs(p.lut[best] - kept[i]))
          best = e;
      indices[i] = static_cast<char>(best);
    }
    result.plain = false;
    result.fixedBytes = 2;
    return encodeCodes(valueType, std::move(indices), result.values, error,
                       threads) &&
           encodeElements(weightType, p.lut, result.lut, error);
  }
  return encodeValues(ArrayRef<float>(kept.data(), n), weightType, result,
                      error, threads);
}

bool SparsifyWeightScheme::encodeValues(ArrayRef<float> values, Type weightType,
                                        SparsifyEncoding &result,
                                        std::string &error,
                                        unsigned threads) const {
  const int64_t n = values.size();
  if (n > 0 && config.quantFormat) {
    QuantizedWeight q = quantizePerTensor(
        *config.quantFormat, getScaleStorage(weightType), values, threads);
    result.plain = false;
    result.fixedBytes = weightType.getIntOrFloatBitWidth() / 8; // zero offset
    return encodeCodes(valueType, std::move(q.codes), result.values, error,
                       threads) &&
           encodeElements(weightType, q.scales, result.scale, error) &&
           encodeElements(valueType, q.zeroPoints, result.zeroPoint, error);
  }
  if (n > 0 && config.palettizeBits) {
    PalettizeScheme ps;
    ps.nbits = config.palettizeBits;
    ps.fastMode = false;
    ps.storage = getScaleStorage(weightType);
    PalettizedWeight p;
    int64_t shape[] = {n};
    palettizeWeight(ps, shape, 0, values, p, threads);
    result.plain = false;
    result.fixedBytes = 2; // the si16 axis
    return encodeCodes(valueType, std::move(p.indices), result.values, error,
                       threads) &&
           encodeElements(weightType, p.lut, result.lut, error);
  }
  UninitVector<double> plain(values.begin(), values.end());
  return encodeElements(weightType,
                        ArrayRef<double>(plain.data(), plain.size()),
                        result.values, error, threads);
}

std::unique_ptr<WeightEncoding>
SparsifyWeightScheme::compute(const WeightCandidate &weight,
                              WeightPayload &payload, unsigned threads,
                              WeightWorkStatus &status) const {
  auto result = std::make_unique<SparsifyEncoding>();
  Type weightType = weight.getType().getElementType();
  const int64_t numel = payload.size();
  UninitVector<uint8_t> keep;
  ElementInputWeights inputOf;
  if (weight.statistics) {
    // Wanda: an element's score is |w| times its input's RMS.
    if (!inputOf.init(weight.getShape(), weight.axes.out, *weight.statistics)) {
      status.error = "the activation statistics do not fit the weight's shape";
      return nullptr;
    }
    ArrayRef<float> decoded = payload.decode(threads);
    UninitVector<float> scores(numel);
    parallelForChunks(threads, numel, 1 << 14, [&](int64_t b, int64_t e) {
      for (int64_t i = b; i < e; ++i)
        scores[i] = static_cast<float>(std::fabs(double(decoded[i])) *
                                       std::sqrt(inputOf(i)));
    });
    selectKept(weight, payload, keep, threads,
               ArrayRef<float>(scores.data(), numel));
  } else {
    selectKept(weight, payload, keep, threads);
  }

  // The packed mask, then the kept values in row-major order.
  ArrayRef<uint8_t> keepRef(keep.data(), keep.size());
  KeptLayout layout = packKeepMask(keepRef, threads);
  const int64_t n = layout.numKept;
  result->numValues = n;
  if (n == 0 || n == numel) {
    result->mask.form = EncodedElements::Form::Splat;
    result->mask.bytes.assign(1, n ? char(0xff) : char(0));
  } else if (!encodePackedCodes(maskType, std::move(layout.mask), numel,
                                result->mask, status.error)) {
    return nullptr;
  }
  const bool joint = config.quantFormat || config.palettizeBits;
  if (weight.statistics) {
    if (!encodeWithStatistics(weight, payload, keepRef, layout, inputOf,
                              *result, result->warning, status.error, threads))
      return nullptr;
    if (result->plain && joint && n == 0)
      result->warning = "every element is pruned; the values are stored "
                        "without quantization or palettization";
    return result;
  }
  ArrayRef<uint16_t> f16 = payload.getHalfBits();
  if (!f16.empty() && !joint) {
    // Plain f16 values are copied as they are stored.
    ByteBuffer bits(n * 2);
    gatherKept(keepRef, layout, f16, reinterpret_cast<uint16_t *>(bits.data()),
               threads);
    if (!encodeCodes(weightType, std::move(bits), result->values, status.error,
                     threads))
      return nullptr;
    return result;
  }
  UninitVector<float> values(n);
  if (!f16.empty()) {
    UninitVector<uint16_t> bits(n);
    gatherKept(keepRef, layout, f16, bits.data(), threads);
    parallelForChunks(threads, n, 1 << 16, [&](int64_t b, int64_t e) {
      decodeF16Array(bits.data() + b, values.data() + b, e - b);
    });
  } else {
    gatherKept(keepRef, layout, payload.decode(threads), values.data(),
               threads);
  }
  if (!encodeValues(ArrayRef<float>(values.data(), values.size()), weightType,
                    *result, status.error, threads))
    return nullptr;
  if (result->plain && joint)
    result->warning = "every element is pruned; the values are stored "
                      "without quantization or palettization";
  return result;
}

void SparsifyWeightScheme::describe(const WeightCandidate &weight,
                                    WeightEncoding &encoding,
                                    WeightChain &chain) const {
  using Kind = ChainNode::Kind;
  auto &result = static_cast<SparsifyEncoding &>(encoding);
  ArrayRef<int64_t> shape = weight.getShape();
  Type weightType = weight.getType().getElementType();
  const int64_t n = result.numValues;
  unsigned values;
  if (result.plain) {
    values = chain.addConstant({n}, weightType, result.values);
  } else if (config.quantFormat) {
    unsigned data = chain.addConstant({n}, valueType, result.values);
    values = describeDequantize(chain, {n}, weightType, data, {1}, weightType,
                                result.scale, valueType, result.zeroPoint);
  } else {
    unsigned indices = chain.addConstant({n}, valueType, result.values);
    unsigned lut = chain.addConstant({1, int64_t(1) << config.palettizeBits, 1},
                                     weightType, result.lut);
    values = chain.addOp(Kind::Lut, {n}, weightType, {indices, lut});
  }
  unsigned mask = chain.addConstant(shape, maskType, result.mask);
  unsigned sparse =
      chain.addOp(Kind::BuildSparse, shape, weightType, {values, mask});
  chain.addOp(Kind::ToDense, shape, weightType, {sparse});
}

} // namespace

FailureOr<std::unique_ptr<WeightScheme>> mlir::coreai::createSparsifyScheme(
    const CoreAISparsifyWeightsPassOptions &options, bool targetSparsityGiven,
    function_ref<InFlightDiagnostic()> diag) {
  auto fail = [&]() { return diag(); };
  SparsifyConfig config;
  ArrayRef<int64_t> nm = options.nMRatio;
  if (targetSparsityGiven && !nm.empty())
    return fail() << "options 'target-sparsity' and 'n-m-ratio' cannot both "
                     "be set";
  if (!nm.empty()) {
    if (nm.size() != 2)
      return fail() << "option 'n-m-ratio' must be two integers n,m, got "
                    << nm.size() << (nm.size() == 1 ? " value" : " values");
    config.n = nm[0];
    config.m = nm[1];
    if (config.m <= 0)
      return fail() << "option 'n-m-ratio' requires m > 0, got m = "
                    << config.m;
    if (config.n < 0 || config.n > config.m)
      return fail() << "option 'n-m-ratio' requires 0 <= n <= m, got n = "
                    << config.n << ", m = " << config.m;
    config.mode = Mode::NM;
  }
  double sparsity = options.targetSparsity;
  if (!(sparsity >= 0.0 && sparsity <= 1.0))
    return fail() << "option 'target-sparsity' must be in [0, 1], got "
                  << sparsity;
  config.sparsity = sparsity;
  if (options.blockSize != 0) {
    if (options.blockSize == 1 || options.blockSize > uint64_t(kMaxNumElements))
      return fail() << "option 'block-size' must be greater than 1, got "
                    << options.blockSize;
    if (config.mode == Mode::NM)
      return fail() << "options 'block-size' and 'n-m-ratio' cannot both be "
                       "set";
    config.mode = Mode::Blocks;
    config.blockSize = static_cast<int64_t>(options.blockSize);
  }
  const bool quantize = options.quantizeDtype != QuantDtype::None;
  if (quantize && options.palettizeNbits != 0)
    return fail() << "options 'quantize-dtype' and 'palettize-nbits' cannot "
                     "both be set";
  if (quantize) {
    config.quantFormat = getQuantFormat(options.quantizeDtype);
    if (config.quantFormat->bits != 8)
      return fail() << "option 'quantize-dtype': unsupported value '"
                    << stringify(options.quantizeDtype)
                    << "'; expected none, int8, uint8, fp8_e4m3fn or "
                       "fp8_e5m2";
  }
  if (options.palettizeNbits != 0) {
    if (!isValidIndexBitWidth(options.palettizeNbits))
      return fail() << "option 'palettize-nbits' must be one of "
                    << kIndexBitWidths << ", got " << options.palettizeNbits;
    config.palettizeBits = static_cast<unsigned>(options.palettizeNbits);
  }
  return std::unique_ptr<WeightScheme>(
      std::make_unique<SparsifyWeightScheme>(config));
}
