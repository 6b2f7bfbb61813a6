//===- WeightPayload.cpp - Loading a weight for the compute step ----------===//

#include "coreai/Weights/WeightPayload.h"

#include "coreai/Compression/FloatFormats.h"
#include "coreai/Compression/Parallel.h"

#include <cmath>

using namespace mlir;
using namespace mlir::coreai;

/// Elements per chunk of the parallel Inf/NaN check.
static constexpr int64_t kFiniteGrain = 1 << 20;

std::optional<WeightPayload> WeightPayload::open(ElementsAttr value,
                                                 Type elementType,
                                                 HalfBits halfBits,
                                                 std::string &error) {
  std::optional<ElementReader> reader = ElementReader::create(value, error);
  if (!reader)
    return std::nullopt;
  WeightPayload payload(std::move(*reader));
  const bool takes = elementType.isF16() ||
                     (halfBits == HalfBits::F16OrBF16 && elementType.isBF16());
  if (halfBits == HalfBits::None || !takes)
    return payload;
  std::optional<ArrayRef<uint8_t>> bytes = payload.reader->getUnpackedBytes();
  if (!bytes || reinterpret_cast<uintptr_t>(bytes->data()) % 2 != 0)
    return payload;
  payload.half = ArrayRef<uint16_t>(
      reinterpret_cast<const uint16_t *>(bytes->data()), payload.size());
  payload.bf16 = elementType.isBF16();
  return payload;
}

ArrayRef<float> WeightPayload::decode(unsigned threads) {
  if (!decoded) {
    values.resize(size());
    const ElementReader &r = *reader;
    parallelForChunks(threads, size(), 1 << 16, [&](int64_t b, int64_t e) {
      r.read(b, e, values.data() + b);
    });
    decoded = true;
  }
  return ArrayRef<float>(values.data(), values.size());
}

UninitVector<float> WeightPayload::takeDecoded(unsigned threads) {
  decode(threads);
  decoded = false;
  return std::move(values);
}

bool WeightPayload::allFinite(unsigned threads) {
  const int64_t n = size();
  std::vector<char> chunkFinite((n + kFiniteGrain - 1) / kFiniteGrain);
  if (!half.empty()) {
    parallelForChunks(threads, n, kFiniteGrain, [&](int64_t b, int64_t e) {
      chunkFinite[b / kFiniteGrain] =
          allFiniteHalf(half.data() + b, e - b, bf16);
    });
  } else {
    ArrayRef<float> v = decode(threads);
    parallelForChunks(threads, n, kFiniteGrain, [&](int64_t b, int64_t e) {
      chunkFinite[b / kFiniteGrain] =
          std::all_of(v.begin() + b, v.begin() + e,
                      [](float x) { return std::isfinite(x); });
    });
  }
  return llvm::all_of(chunkFinite, [](char f) { return f; });
}

std::string mlir::coreai::getNonFiniteSkipReason(StringRef leftAs) {
  return ("weight holds Inf or NaN values; left " + leftAs).str();
}
