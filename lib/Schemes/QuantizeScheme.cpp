//===- QuantizeScheme.cpp - Quantization as a weight scheme ---------------===//
//
// Validates the quantize options and quantizes one weight at a time
// (Compression/Quantize.h) into data -> blockwise_shift_scale.
//
//===----------------------------------------------------------------------===//

#include "coreai/Compression/Buffer.h"
#include "coreai/Compression/Gptq.h"
#include "coreai/Compression/Parallel.h"
#include "coreai/Compression/Quantize.h"
#include "coreai/Schemes/QuantTypes.h"
#include "coreai/Schemes/WeightSchemes.h"

using namespace mlir;
using namespace mlir::coreai;

namespace {

constexpr StringLiteral kDtypes = "int8, uint8, int4, uint4, int2, uint2, "
                                  "fp8_e4m3fn, fp8_e5m2, fp4_e2m1fn";

struct QuantizeEncoding : WeightEncoding {
  SmallVector<int64_t> paramShape;
  EncodedElements data, scale, zeroPoint;

  SmallVector<const EncodedElements *> getPayloads() const override {
    return {&data, &scale, &zeroPoint};
  }
};

class QuantizeWeightScheme : public WeightScheme {
public:
  QuantizeWeightScheme(QuantFormat format, bool symmetric, bool e8m0Scales,
                       Granularity granularity, int64_t blockSize,
                       ScaleSearch search, bool fullRange)
      : format(format), symmetric(symmetric), e8m0Scales(e8m0Scales),
        granularity(granularity), blockSize(blockSize), search(search),
        fullRange(fullRange) {}

  StringRef getLeftAs() const override { return "unquantized"; }
  HalfBits getHalfBits(const WeightCandidate &) const override {
    return HalfBits::F16;
  }
  // The kernels check Inf/NaN while they find each block's range.
  bool checksFiniteItself() const override { return true; }

  void prepare(MLIRContext *context) override {
    dataType = getQuantElementType(context, format);
    e8m0Type = Float8E8M0FNUType::get(context);
    std::string tag = getIntegerParamsTag(search, fullRange);
    if (!tag.empty())
      paramsTag = StringAttr::get(context, tag);
  }

  std::string
  getSchemeSkipReason(const WeightCandidate &weight) const override {
    std::string reason;
    (void)getParamShape(weight, reason);
    return reason;
  }

  std::unique_ptr<WeightEncoding>
  compute(const WeightCandidate &weight, WeightPayload &payload,
          unsigned threads, WeightWorkStatus &status) const override;

  void describe(const WeightCandidate &weight, WeightEncoding &encoding,
                WeightChain &chain) const override {
    auto &result = static_cast<QuantizeEncoding &>(encoding);
    ArrayRef<int64_t> shape = weight.getShape();
    unsigned data = chain.addConstant(shape, dataType, result.data);
    unsigned decoded =
        describeDequantize(chain, shape, weight.getType().getElementType(),
                           data, result.paramShape, getScaleType(weight),
                           result.scale, dataType, result.zeroPoint);
    // The decoder says, in its location's metadata, how its scales were
    // found.
    chain.nodes[decoded].locationMetadata = paramsTag;
  }

private:
  /// The parameter shape, or failure with a reason to skip the weight.
  FailureOr<SmallVector<int64_t>> getParamShape(const WeightCandidate &weight,
                                                std::string &reason) const;
  Type getScaleType(const WeightCandidate &weight) const {
    return e8m0Scales ? e8m0Type : weight.getType().getElementType();
  }

  QuantFormat format;
  bool symmetric, e8m0Scales;
  Granularity granularity;
  int64_t blockSize;
  ScaleSearch search;
  bool fullRange;
  Type dataType, e8m0Type;
  /// Location metadata that tells the report how the scales were chosen.
  StringAttr paramsTag;
};

FailureOr<SmallVector<int64_t>>
QuantizeWeightScheme::getParamShape(const WeightCandidate &weight,
                                    std::string &reason) const {
  ArrayRef<int64_t> shape = weight.getShape();
  WeightAxes axes = weight.axes;
  SmallVector<int64_t> param(shape.size(), 1);
  if (granularity == Granularity::PerTensor || shape.empty())
    return param;
  param[axes.out] = shape[axes.out];
  if (granularity == Granularity::PerChannel)
    return param;
  if (axes.in == axes.out) {
    reason = "per_block needs an input channel axis besides the output axis; "
             "weight left unquantized";
    return failure();
  }
  if (shape[axes.in] % blockSize != 0) {
    reason = "block size " + std::to_string(blockSize) +
             " does not divide input channel axis " + std::to_string(axes.in) +
             " (size " + std::to_string(shape[axes.in]) +
             "); weight left unquantized";
    return failure();
  }
  param[axes.in] = shape[axes.in] / blockSize;
  return param;
}

/// Re-quantizes `q` with the weight's activation statistics: with the
/// least-squares search (scale-search=mse, or auto at 2 and 4 bits) each
/// block's integer scale is searched again with every element weighed by
/// the mean square of its input (diag H); then the codes come from GPTQ
/// error feedback, or with only the diagonal of H from plain rounding to
/// the new scales (with a warning). The codes come out unpacked.
static bool applyStatistics(const WeightCandidate &weight,
                            WeightPayload &payload, const QuantScheme &scheme,
                            ArrayRef<int64_t> paramShape, QuantizedWeight &q,
                            unsigned threads, std::string &warning,
                            std::string &error) {
  const InputStatistics &stats = *weight.statistics;
  ArrayRef<int64_t> shape = weight.getShape();
  const int64_t rank = shape.size(), out = weight.axes.out;
  // Element index -> block index, dim by dim.
  SmallVector<int64_t> blockLen(rank), paramStride(rank, 1);
  for (int64_t d = rank - 1; d >= 0; --d) {
    blockLen[d] = shape[d] / paramShape[d];
    if (d + 1 < rank)
      paramStride[d] = paramStride[d + 1] * paramShape[d + 1];
  }
  auto blockOf = [&](int64_t index) {
    int64_t block = 0;
    for (int64_t d = rank - 1; d >= 0; --d) {
      int64_t coord = index % shape[d];
      index /= shape[d];
      block += (coord / blockLen[d]) * paramStride[d];
    }
    return block;
  };
  const IntRange range =
      getIntRange(scheme.format, scheme.symmetric, scheme.fullRange);
  UninitVector<float> values = payload.takeDecoded(threads);
  const bool oneZeroPoint = q.zeroPoints.size() == 1;

  if (scheme.search == ScaleSearch::MSE && !scheme.format.isFloat) {
    ElementInputWeights weightOf;
    if (!weightOf.init(shape, out, stats)) {
      error = "the activation statistics do not fit the weight's shape";
      return false;
    }
    SmallVector<int64_t> strides(rank, 1);
    for (int64_t d = rank - 2; d >= 0; --d)
      strides[d] = strides[d + 1] * shape[d + 1];
    // Element k of any block (a box of the weight), relative to the block's
    // first element.
    int64_t blockSize = 1;
    for (int64_t d = 0; d < rank; ++d)
      blockSize *= blockLen[d];
    std::vector<int64_t> offsets(blockSize);
    {
      SmallVector<int64_t> coord(rank, 0);
      for (int64_t k = 0; k < blockSize; ++k) {
        int64_t offset = 0;
        for (int64_t d = 0; d < rank; ++d)
          offset += coord[d] * strides[d];
        offsets[k] = offset;
        for (int64_t d = rank - 1; d >= 0; --d) {
          if (++coord[d] < blockLen[d])
            break;
          coord[d] = 0;
        }
      }
    }
    auto firstOf = [&](int64_t b) {
      int64_t index = 0;
      for (int64_t d = rank - 1; d >= 0; --d) {
        index += (b % paramShape[d]) * blockLen[d] * strides[d];
        b /= paramShape[d];
      }
      return index;
    };
    // Eight blocks at a time, interleaved (value k of each side by side),
    // searched together.
    const int64_t blocks = q.scales.size();
    parallelForChunks(
        threads, (blocks + 7) / 8, 2, [&](int64_t g0, int64_t g1) {
          std::vector<float> x;
          std::vector<double> h;
          for (int64_t g = g0; g < g1; ++g) {
            const int64_t b0 = g * 8, lanes = std::min<int64_t>(8, blocks - b0);
            x.resize(lanes * blockSize);
            h.resize(lanes * blockSize);
            int64_t first[8];
            double scales[8], zeros[8];
            for (int64_t l = 0; l < lanes; ++l) {
              first[l] = firstOf(b0 + l);
              scales[l] = q.scales[b0 + l];
              zeros[l] = q.zeroPoints[oneZeroPoint ? 0 : b0 + l];
            }
            for (int64_t k = 0; k < blockSize; ++k)
              for (int64_t l = 0; l < lanes; ++l) {
                const int64_t index = first[l] + offsets[k];
                x[k * lanes + l] = values[index];
                h[k * lanes + l] = weightOf(index);
              }
            searchWeightedIntegerParams(scheme, range, x.data(), h.data(),
                                        blockSize, lanes, scales, zeros);
            for (int64_t l = 0; l < lanes; ++l) {
              q.scales[b0 + l] = scales[l];
              if (!oneZeroPoint)
                q.zeroPoints[b0 + l] = zeros[l];
            }
          }
        });
  }

  ByteBuffer codes(values.size());
  // An element's block, from its row (output channel) and column as GPTQ
  // sees them: the sum of what each contributes, tabulated once.
  int64_t inner = 1;
  for (int64_t d = out + 1; d < rank; ++d)
    inner *= shape[d];
  const int64_t rows = shape[out],
                cols = values.size() / std::max<int64_t>(rows, 1);
  std::vector<int64_t> rowBlock(rows), columnBlock(cols);
  for (int64_t r = 0; r < rows; ++r)
    rowBlock[r] = blockOf(r * inner);
  for (int64_t c = 0; c < cols; ++c)
    columnBlock[c] = blockOf((c / inner) * rows * inner + c % inner);
  auto quantize = [&](const GptqElement &element, float value) {
    const int64_t index = element.index;
    const int64_t block = rowBlock[element.row] + columnBlock[element.column];
    double scale = q.scales[block];
    double zeroPoint = q.zeroPoints[oneZeroPoint ? 0 : block];
    uint8_t code;
    quantizeValues(scheme.format, range, scale, zeroPoint, &value, &code, 1);
    codes[index] = static_cast<char>(code);
    return static_cast<float>(
        (decodeQuantCode(scheme.format, code) - zeroPoint) * scale);
  };
  if (!stats.full)
    warning = "the activation statistics hold only the diagonal of H (" +
              std::to_string(stats.columns) +
              " input columns); quantized without error feedback";
  if (!quantizeWithStatistics(shape, out, stats, values.data(), quantize,
                              threads, error))
    return false;
  q.codes = std::move(codes);
  q.packed = false;
  return true;
}

std::unique_ptr<WeightEncoding>
QuantizeWeightScheme::compute(const WeightCandidate &weight,
                              WeightPayload &payload, unsigned threads,
                              WeightWorkStatus &status) const {
  auto result = std::make_unique<QuantizeEncoding>();
  // The zero offset: one element of the weight's type.
  result->fixedBytes = weight.getType().getElementTypeBitWidth() / 8;
  std::string unused;
  result->paramShape = *getParamShape(weight, unused);
  Type weightType = weight.getType().getElementType();
  QuantScheme scheme{format, symmetric,
                     e8m0Scales ? ScaleStorage::E8M0
                                : getScaleStorage(weightType)};
  scheme.search = search;
  scheme.fullRange = fullRange;
  // Per-channel and per-tensor blocks are long: they may clip more.
  scheme.lowestRatio = granularity == Granularity::PerBlock ? 0.65 : 0.30;
  // f16 bits stored element after element go to the vector kernels as they
  // are.
  ArrayRef<uint16_t> half = payload.getHalfBits();
  const ElementReader &reader = payload.getReader();
  // With statistics the least-squares search runs once, weighted by them
  // (applyStatistics); the first pass only needs the blocks' ranges.
  QuantScheme first = scheme;
  if (weight.statistics && scheme.search == ScaleSearch::MSE)
    first.search = ScaleSearch::MinMax;
  QuantizedWeight q;
  quantizeWeight(
      first, weight.getShape(), result->paramShape,
      [&](int64_t b, int64_t e, float *out) { reader.read(b, e, out); }, q,
      threads, /*allowPacked=*/true, half.empty() ? nullptr : half.data());
  if (!q.finite) {
    status.skipReason = getNonFiniteSkipReason(getLeftAs());
    return nullptr;
  }
  if (weight.statistics &&
      !applyStatistics(weight, payload, scheme, result->paramShape, q, threads,
                       result->warning, status.error))
    return nullptr;
  bool encoded =
      q.packed ? encodePackedCodes(dataType, std::move(q.codes), payload.size(),
                                   result->data, status.error)
               : encodeCodes(dataType, std::move(q.codes), result->data,
                             status.error, threads);
  if (!encoded ||
      !encodeElements(getScaleType(weight), q.scales, result->scale,
                      status.error, threads) ||
      !encodeElements(dataType, q.zeroPoints, result->zeroPoint, status.error,
                      threads))
    return nullptr;
  return result;
}

} // namespace

FailureOr<std::unique_ptr<WeightScheme>> mlir::coreai::createQuantizeScheme(
    const CoreAIQuantizeWeightsPassOptions &options,
    function_ref<InFlightDiagnostic()> diag) {
  auto fail = [&]() { return diag(); };
  std::optional<QuantFormat> format = getQuantFormat(options.dtype);
  if (!format)
    return fail() << "option 'dtype' is required: one of " << kDtypes;
  StringRef dtype = stringify(options.dtype);
  const bool symmetric = options.qscheme == QScheme::Symmetric;
  if (options.granularity == Granularity::PerGroupedChannel)
    return fail() << "option 'granularity': per_grouped_channel is not a "
                     "quantization granularity; expected per_tensor, "
                     "per_channel or per_block";
  if (options.blockSize == 0)
    return fail() << "option 'block-size' must be positive, got 0";
  const bool isFP4 =
      format->isFloat && format->floatFormat == SmallFloat::F4E2M1FN;
  const bool e8m0 = options.scaleDtype == ScaleDtype::FP8E8M0FNU;
  if (!format->isFloat && e8m0)
    return fail() << "option 'scale-dtype' must be none for integer dtype "
                  << dtype;
  if (format->isFloat && !symmetric)
    return fail() << "option 'qscheme': asymmetric quantization is not "
                     "supported for float dtype "
                  << dtype << "; use symmetric";
  if (isFP4 && e8m0)
    return fail() << "option 'scale-dtype' must be none for fp4_e2m1fn: its "
                     "scales are always f8E8M0FNU";
  if (isFP4 &&
      (options.granularity != Granularity::PerBlock || options.blockSize != 32))
    return fail() << "dtype fp4_e2m1fn requires granularity=per_block and "
                     "block-size=32 (MXFP4), got granularity="
                  << stringify(options.granularity)
                  << " block-size=" << options.blockSize;
  if (options.blockSize > uint64_t(kMaxNumElements))
    return fail() << "option 'block-size' is too large, got "
                  << options.blockSize;
  if (format->isFloat && options.scaleSearch == ScaleSearchMode::MSE)
    return fail() << "option 'scale-search': mse applies to integer dtypes, "
                     "got "
                  << dtype;
  const bool full = options.symmetricRange == SymmetricRange::Full;
  if (full && (format->isFloat || !symmetric))
    return fail() << "option 'symmetric-range': full applies to symmetric "
                     "integer quantization, got "
                  << dtype << " " << stringify(options.qscheme);
  // auto: the search gains measurably only at 2 and 4 bits.
  const bool mse = options.scaleSearch == ScaleSearchMode::MSE ||
                   (options.scaleSearch == ScaleSearchMode::Auto &&
                    !format->isFloat && format->bits <= 4);
  return std::unique_ptr<WeightScheme>(std::make_unique<QuantizeWeightScheme>(
      *format, symmetric, isFP4 || e8m0, options.granularity,
      static_cast<int64_t>(options.blockSize),
      mse ? ScaleSearch::MSE : ScaleSearch::MinMax, full));
}
