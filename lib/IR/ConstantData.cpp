//===- ConstantData.cpp - Logical values of constant payloads -------------===//

#include "coreai/IR/ConstantData.h"

#include "coreai/Compression/FloatFormats.h"
#include "coreai/Compression/Packing.h"
#include "coreai/Compression/Parallel.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <cmath>

#include <cstring>
#include <mutex>

using namespace mlir;
using namespace mlir::coreai;

std::optional<unsigned> mlir::coreai::getPackedBitWidth(Type type) {
  if (auto intType = dyn_cast<IntegerType>(type))
    if (intType.getWidth() > 0 && intType.getWidth() < 8)
      return intType.getWidth();
  if (isa<Float4E2M1FNType>(type))
    return 4u;
  return std::nullopt;
}

unsigned mlir::coreai::getUnpackedByteWidth(Type type) {
  unsigned bits = 8;
  if (auto intType = dyn_cast<IntegerType>(type))
    bits = intType.getWidth();
  else if (auto floatType = dyn_cast<FloatType>(type))
    bits = floatType.getWidth();
  else if (auto complexType = dyn_cast<ComplexType>(type))
    return 2 * getUnpackedByteWidth(complexType.getElementType());
  return (bits + 7) / 8;
}

std::optional<int64_t>
mlir::coreai::getCheckedNumElements(ArrayRef<int64_t> shape) {
  int64_t numel = 1;
  for (int64_t dim : shape)
    if (dim < 0 || llvm::MulOverflow(numel, dim, numel) ||
        numel > kMaxNumElements)
      return std::nullopt;
  return numel;
}

std::optional<int64_t> mlir::coreai::getExpectedBlobSize(ShapedType type) {
  if (!type.hasRank())
    return std::nullopt;
  std::optional<int64_t> numel = getCheckedNumElements(type.getShape());
  Type elementType = type.getElementType();
  if (!numel || (isa<IntegerType>(elementType) &&
                 cast<IntegerType>(elementType).getWidth() == 0))
    return std::nullopt;
  if (std::optional<unsigned> bits = getPackedBitWidth(elementType))
    return packedByteSize(*numel, *bits);
  return *numel * getUnpackedByteWidth(elementType);
}

bool mlir::coreai::isValidBlobSize(ShapedType type, size_t size) {
  std::optional<int64_t> expected = getExpectedBlobSize(type);
  if (!expected)
    return false;
  if (static_cast<int64_t>(size) == *expected)
    return true;
  // f4E2M1FN written one byte per element is accepted too.
  return isa<Float4E2M1FNType>(type.getElementType()) &&
         static_cast<int64_t>(size) == type.getNumElements();
}

namespace {

/// How the values of one element type are stored.
struct ElementFormat {
  enum class Kind {
    Unsupported,
    Unsigned, ///< unsigned and 1-bit integers
    Signed,   ///< signed and signless integers
    F32,
    F64,
    F16,
    BF16,
    Small,     ///< f8E4M3FN, f8E5M2, f8E8M0FNU, f4E2M1FN (`small`)
    OtherFloat ///< any other float, decoded through APFloat
  };
  Kind kind = Kind::Unsupported;
  unsigned bits = 0;
  SmallFloat small = SmallFloat::F8E4M3FN;

  static ElementFormat of(Type type) {
    ElementFormat f;
    auto setSmall = [&](SmallFloat format) {
      f.kind = Kind::Small;
      f.small = format;
      f.bits = smallFloatBits(format);
    };
    if (auto intType = dyn_cast<IntegerType>(type)) {
      f.bits = intType.getWidth();
      // Zero-width integers have no storage to read or write.
      if (f.bits >= 1 && f.bits <= 64)
        f.kind =
            intType.isUnsigned() || f.bits == 1 ? Kind::Unsigned : Kind::Signed;
    } else if (type.isF32()) {
      f.kind = Kind::F32;
    } else if (type.isF64()) {
      f.kind = Kind::F64;
    } else if (type.isF16()) {
      f.kind = Kind::F16;
    } else if (type.isBF16()) {
      f.kind = Kind::BF16;
    } else if (isa<Float8E4M3FNType>(type)) {
      setSmall(SmallFloat::F8E4M3FN);
    } else if (isa<Float8E5M2Type>(type)) {
      setSmall(SmallFloat::F8E5M2);
    } else if (isa<Float8E8M0FNUType>(type)) {
      setSmall(SmallFloat::F8E8M0FNU);
    } else if (isa<Float4E2M1FNType>(type)) {
      setSmall(SmallFloat::F4E2M1FN);
    } else if (auto floatType = dyn_cast<FloatType>(type)) {
      f.kind = Kind::OtherFloat;
      f.bits = floatType.getWidth();
    }
    return f;
  }
};

using Kind = ElementFormat::Kind;

/// Decodes elements of one element type from their storage bytes.
class ElementDecoder {
public:
  explicit ElementDecoder(Type type)
      : type(type), format(ElementFormat::of(type)) {
    if (format.kind == Kind::Small)
      table = &smallFloatTable(format.small);
    if (isSupported() && format.bits <= 8)
      for (unsigned code = 0; code < (1u << format.bits); ++code)
        codeTable[code] = fromCode(code);
  }

  /// Decodes a packed code of at most 8 bits through a table.
  double fromSmallCode(uint8_t code) const { return codeTable[code]; }

  bool isSupported() const { return format.kind != Kind::Unsupported; }

  /// Decodes element `i` stored (unpacked) at `bytes + i * width`.
  double decode(const uint8_t *bytes, int64_t i) const {
    double v;
    decodeRange(bytes, i, i + 1, &v);
    return v;
  }

  /// Decodes elements [begin, end) into dst[0, end - begin); one switch per
  /// range, tight loops inside.
  template <typename T>
  void decodeRange(const uint8_t *bytes, int64_t begin, int64_t end,
                   T *dst) const {
    switch (format.kind) {
    case Kind::Unsigned:
    case Kind::Signed:
      for (int64_t i = begin; i < end; ++i)
        dst[i - begin] = static_cast<T>(fromCode(readRaw(bytes, i)));
      return;
    case Kind::F32:
      for (int64_t i = begin; i < end; ++i) {
        float v;
        std::memcpy(&v, bytes + 4 * i, 4);
        dst[i - begin] = static_cast<T>(v);
      }
      return;
    case Kind::F64:
      for (int64_t i = begin; i < end; ++i) {
        double v;
        std::memcpy(&v, bytes + 8 * i, 8);
        dst[i - begin] = static_cast<T>(v);
      }
      return;
    case Kind::F16:
    case Kind::BF16: {
      if constexpr (std::is_same_v<T, float>) {
        if (format.kind == Kind::F16 &&
            (reinterpret_cast<uintptr_t>(bytes) & 1) == 0) {
          decodeF16Array(reinterpret_cast<const uint16_t *>(bytes) + begin, dst,
                         end - begin);
          return;
        }
      }
      const float *lut = halfTable(format.kind);
      for (int64_t i = begin; i < end; ++i) {
        uint16_t h;
        std::memcpy(&h, bytes + 2 * i, 2);
        dst[i - begin] = static_cast<T>(lut[h]);
      }
      return;
    }
    case Kind::Small:
      for (int64_t i = begin; i < end; ++i)
        dst[i - begin] = static_cast<T>((*table)[bytes[i]]);
      return;
    case Kind::OtherFloat:
      for (int64_t i = begin; i < end; ++i) {
        llvm::APFloat f(cast<FloatType>(type).getFloatSemantics(),
                        llvm::APInt(format.bits, readRaw(bytes, i)));
        dst[i - begin] = static_cast<T>(f.convertToDouble());
      }
      return;
    case Kind::Unsupported:
      return;
    }
  }

  /// Decodes a packed code (the low `bits` bits of `code`).
  double fromCode(uint64_t code) const {
    if (format.kind == Kind::Small)
      return (*table)[code & 0xff];
    if (format.bits < 64)
      code &= (uint64_t(1) << format.bits) - 1;
    if (format.kind == Kind::Signed)
      return static_cast<double>(signExtend(code, format.bits));
    return static_cast<double>(code);
  }

private:
  /// All 65,536 f16 or bf16 values, built once.
  static const float *halfTable(Kind kind) {
    static const std::vector<float> f16 = [] {
      std::vector<float> t(65536);
      for (unsigned h = 0; h < 65536; ++h)
        t[h] = decodeF16(static_cast<uint16_t>(h));
      return t;
    }();
    static const std::vector<float> bf16 = [] {
      std::vector<float> t(65536);
      for (unsigned h = 0; h < 65536; ++h)
        t[h] = decodeBF16(static_cast<uint16_t>(h));
      return t;
    }();
    return kind == Kind::F16 ? f16.data() : bf16.data();
  }

  uint64_t readRaw(const uint8_t *bytes, int64_t i) const {
    unsigned width = (format.bits + 7) / 8;
    uint64_t raw = 0;
    std::memcpy(&raw, bytes + i * width, std::min(width, 8u));
    return raw;
  }

  Type type;
  ElementFormat format;
  const std::array<float, 256> *table = nullptr;
  std::array<double, 256> codeTable{};
};

/// Elements per parallel chunk when reading or writing large payloads.
constexpr int64_t kChunk = 1 << 16;

} // namespace

/// Where the bytes of a payload are and how they are laid out.
struct ElementReader::Impl {
  enum class Layout { Splat, BitPackedI1, Unpacked, Packed };
  explicit Impl(Type elementType) : decoder(elementType) {}
  ElementDecoder decoder;
  Layout layout = Layout::Unpacked;
  const uint8_t *bytes = nullptr;
  size_t numBytes = 0;
  unsigned packedBits = 0;
  double splatValue = 0;
};

ElementReader::ElementReader(std::unique_ptr<Impl> impl, int64_t numElements)
    : impl(std::move(impl)), numElements(numElements) {}
ElementReader::~ElementReader() = default;
ElementReader::ElementReader(ElementReader &&) = default;

std::optional<ElementReader> ElementReader::create(ElementsAttr attr,
                                                   std::string &error) {
  ShapedType type = attr.getShapedType();
  if (!type.hasStaticShape() || !getCheckedNumElements(type.getShape())) {
    error = "the payload has more than 2^48 elements";
    return std::nullopt;
  }
  int64_t numel = type.getNumElements();
  Type elementType = type.getElementType();
  auto impl = std::make_unique<Impl>(elementType);
  if (!impl->decoder.isSupported()) {
    error = "unsupported element type";
    return std::nullopt;
  }
  using Layout = Impl::Layout;
  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    ArrayRef<char> raw = dense.getRawData();
    impl->bytes = reinterpret_cast<const uint8_t *>(raw.data());
    impl->numBytes = raw.size();
    // i1 is the only bit-packed DenseElementsAttr storage.
    bool bitPacked = elementType.isInteger(1);
    if (dense.isSplat()) {
      impl->layout = Layout::Splat;
      impl->splatValue = bitPacked ? (impl->bytes[0] & 1)
                                   : impl->decoder.decode(impl->bytes, 0);
    } else {
      impl->layout = bitPacked ? Layout::BitPackedI1 : Layout::Unpacked;
    }
    return ElementReader(std::move(impl), numel);
  }
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(attr)) {
    const AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob) {
      error = "dense_resource blob '" + resource.getRawHandle().getKey().str() +
              "' is not available";
      return std::nullopt;
    }
    ArrayRef<char> raw = blob->getData();
    if (!isValidBlobSize(type, raw.size())) {
      error = "dense_resource blob has " + std::to_string(raw.size()) +
              " bytes, expected " +
              std::to_string(getExpectedBlobSize(type).value_or(0));
      return std::nullopt;
    }
    impl->bytes = reinterpret_cast<const uint8_t *>(raw.data());
    impl->numBytes = raw.size();
    std::optional<unsigned> packedBits = getPackedBitWidth(elementType);
    if (packedBits && static_cast<int64_t>(raw.size()) ==
                          packedByteSize(numel, *packedBits)) {
      impl->layout = Layout::Packed;
      impl->packedBits = *packedBits;
    }
    return ElementReader(std::move(impl), numel);
  }
  error = "unsupported elements attribute";
  return std::nullopt;
}

std::optional<ElementReader>
ElementReader::create(Type elementType, const EncodedElements &encoded,
                      int64_t numElements, std::string &error) {
  auto impl = std::make_unique<Impl>(elementType);
  if (!impl->decoder.isSupported()) {
    error = "unsupported element type";
    return std::nullopt;
  }
  using Layout = Impl::Layout;
  impl->bytes = reinterpret_cast<const uint8_t *>(encoded.bytes.data());
  impl->numBytes = encoded.bytes.size();
  const bool isI1 = elementType.isInteger(1);
  std::optional<unsigned> packedBits = getPackedBitWidth(elementType);
  const unsigned width = getUnpackedByteWidth(elementType);
  switch (encoded.form) {
  case EncodedElements::Form::Splat:
    if (impl->numBytes < 1 || (!packedBits && impl->numBytes < width)) {
      error = "the encoded splat holds no element";
      return std::nullopt;
    }
    impl->layout = Layout::Splat;
    impl->splatValue =
        isI1 ? (impl->bytes[0] & 1) : impl->decoder.decode(impl->bytes, 0);
    return ElementReader(std::move(impl), numElements);
  case EncodedElements::Form::Inline:
  case EncodedElements::Form::Resource:
    if (packedBits && static_cast<int64_t>(impl->numBytes) ==
                          packedByteSize(numElements, *packedBits)) {
      impl->layout = Layout::Packed;
      impl->packedBits = *packedBits;
    } else if (static_cast<int64_t>(impl->numBytes) != numElements * width) {
      error = "the encoded payload has " + std::to_string(impl->numBytes) +
              " bytes for " + std::to_string(numElements) + " elements";
      return std::nullopt;
    }
    return ElementReader(std::move(impl), numElements);
  }
  llvm_unreachable("unknown payload form");
}

bool ElementReader::isSplat() const {
  return impl->layout == Impl::Layout::Splat;
}

template <typename T>
static void readRange(const ElementReader::Impl &impl, int64_t begin,
                      int64_t end, T *out) {
  using Layout = ElementReader::Impl::Layout;
  switch (impl.layout) {
  case Layout::Splat:
    std::fill(out, out + (end - begin), static_cast<T>(impl.splatValue));
    return;
  case Layout::BitPackedI1:
    for (int64_t i = begin; i < end; ++i)
      out[i - begin] = static_cast<T>((impl.bytes[i / 8] >> (i % 8)) & 1);
    return;
  case Layout::Unpacked:
    impl.decoder.decodeRange(impl.bytes, begin, end, out);
    return;
  case Layout::Packed: {
    uint8_t codes[1024];
    ArrayRef<uint8_t> packed(impl.bytes, impl.numBytes);
    for (int64_t b = begin; b < end; b += 1024) {
      int64_t e = std::min(end, b + 1024);
      unpackBits(packed, impl.packedBits, MutableArrayRef(codes, e - b), b);
      for (int64_t i = b; i < e; ++i)
        out[i - begin] =
            static_cast<T>(impl.decoder.fromSmallCode(codes[i - b]));
    }
    return;
  }
  }
}

std::optional<ArrayRef<uint8_t>> ElementReader::getUnpackedBytes() const {
  if (impl->layout != Impl::Layout::Unpacked)
    return std::nullopt;
  return ArrayRef<uint8_t>(impl->bytes, impl->numBytes);
}

void ElementReader::read(int64_t begin, int64_t end, float *out) const {
  readRange(*impl, begin, end, out);
}

void ElementReader::read(int64_t begin, int64_t end, double *out) const {
  readRange(*impl, begin, end, out);
}

namespace {

template <typename T>
bool readElementsImpl(ElementsAttr attr, MutableArrayRef<T> out,
                      std::string &error, unsigned threads) {
  if (static_cast<int64_t>(out.size()) !=
      attr.getShapedType().getNumElements()) {
    error = "output buffer does not match the element count";
    return false;
  }
  std::optional<ElementReader> reader = ElementReader::create(attr, error);
  if (!reader)
    return false;
  parallelForChunks(threads, out.size(), kChunk, [&](int64_t b, int64_t e) {
    reader->read(b, e, out.data() + b);
  });
  return true;
}

} // namespace

bool mlir::coreai::readElements(ElementsAttr attr, MutableArrayRef<float> out,
                                std::string &error, unsigned threads) {
  return readElementsImpl(attr, out, error, threads);
}

bool mlir::coreai::readElements(ElementsAttr attr, MutableArrayRef<double> out,
                                std::string &error, unsigned threads) {
  return readElementsImpl(attr, out, error, threads);
}

//===----------------------------------------------------------------------===//
// Writing
//===----------------------------------------------------------------------===//

namespace {
/// Encodes one value into `width` little-endian storage bytes.
class ElementEncoder {
public:
  explicit ElementEncoder(Type type)
      : format(ElementFormat::of(type)), width(getUnpackedByteWidth(type)) {
    if (format.kind == Kind::Unsigned) {
      hi = std::ldexp(1.0, format.bits) - 1;
    } else if (format.kind == Kind::Signed) {
      lo = -std::ldexp(1.0, format.bits - 1);
      hi = std::ldexp(1.0, format.bits - 1) - 1;
    }
  }

  bool isSupported() const {
    return format.kind != Kind::Unsupported && format.kind != Kind::OtherFloat;
  }
  unsigned getWidth() const { return width; }

  void encode(double v, char *out) const {
    switch (format.kind) {
    case Kind::Unsigned:
    case Kind::Signed: {
      // Clamp first, then round half to even: adding and subtracting 1.5 *
      // 2^52 rounds any |r| < 2^51 in the default rounding mode.
      double r = std::isnan(v) ? 0.0 : std::min(std::max(v, lo), hi);
      if (std::fabs(r) < 2251799813685248.0)
        r = (r + 6755399441055744.0) - 6755399441055744.0;
      uint64_t raw = static_cast<uint64_t>(static_cast<int64_t>(r));
      if (width == 1) {
        *out = static_cast<char>(raw);
        return;
      }
      if (format.bits < 64)
        raw &= (uint64_t(1) << format.bits) - 1;
      std::memcpy(out, &raw, width);
      return;
    }
    case Kind::F32: {
      float f = static_cast<float>(v);
      std::memcpy(out, &f, 4);
      return;
    }
    case Kind::F64:
      std::memcpy(out, &v, 8);
      return;
    case Kind::F16:
    case Kind::BF16: {
      uint16_t h = format.kind == Kind::F16 ? encodeF16(v) : encodeBF16(v);
      std::memcpy(out, &h, 2);
      return;
    }
    case Kind::Small:
      *out = static_cast<char>(encodeSmallFloat(format.small, v));
      return;
    case Kind::OtherFloat:
    case Kind::Unsupported:
      return;
    }
  }

private:
  ElementFormat format;
  unsigned width;
  double lo = 0, hi = 0;
};
} // namespace

/// Whether the `count` elements of `width` bytes at `p` all equal `first`.
static bool allEqualTo(const char *first, const char *p, int64_t count,
                       unsigned width) {
  auto allEqual = [&](auto word) {
    using Word = decltype(word);
    Word f, x;
    std::memcpy(&f, first, sizeof(Word));
    for (int64_t i = 0; i < count; ++i) {
      std::memcpy(&x, p + i * sizeof(Word), sizeof(Word));
      if (x != f)
        return false;
    }
    return true;
  };
  switch (width) {
  case 1:
    return allEqual(uint8_t());
  case 2:
    return allEqual(uint16_t());
  case 4:
    return allEqual(uint32_t());
  case 8:
    return allEqual(uint64_t());
  }
  for (int64_t i = 0; i < count; ++i, p += width)
    if (std::memcmp(first, p, width) != 0)
      return false;
  return true;
}

bool mlir::coreai::encodeElements(Type elementType, ArrayRef<double> values,
                                  EncodedElements &out, std::string &error,
                                  unsigned threads) {
  ElementEncoder encoder(elementType);
  if (!encoder.isSupported()) {
    std::string name;
    llvm::raw_string_ostream os(name);
    os << elementType;
    error = "cannot encode values of type " + name;
    return false;
  }
  const unsigned width = encoder.getWidth();
  const int64_t n = values.size();
  // Every chunk compares its elements with the first one: all equal is a
  // splat.
  char first[8] = {0};
  if (n > 0)
    encoder.encode(values[0], first);
  auto sameAsFirst = [&](const char *p, int64_t count) {
    return allEqualTo(first, p, count, width);
  };
  const int64_t numChunks = (n + kChunk - 1) / kChunk;
  std::vector<char> chunkIsSplat(numChunks, 1);
  auto forEachChunk =
      [&](llvm::function_ref<void(int64_t, int64_t, int64_t)> body) {
        parallelFor(threads, numChunks, [&](int64_t c) {
          body(c, c * kChunk, std::min(n, (c + 1) * kChunk));
        });
      };
  auto finishSplat = [&] {
    out.form = EncodedElements::Form::Splat;
    out.bytes.assign(first, first + width);
    // An i1 splat is stored as an all-ones or all-zeros byte.
    if (elementType.isInteger(1))
      out.bytes[0] = out.bytes[0] ? char(0xff) : char(0);
  };

  if (std::optional<unsigned> bits = getPackedBitWidth(elementType)) {
    // Encode and pack chunk by chunk; chunks are multiples of 8 elements, so
    // each starts on a whole byte of the packed stream.
    out.form = EncodedElements::Form::Resource;
    out.bytes.resize(packedByteSize(n, *bits));
    auto *packed = reinterpret_cast<uint8_t *>(out.bytes.data());
    forEachChunk([&](int64_t c, int64_t b, int64_t e) {
      std::vector<char> codes(e - b);
      for (int64_t i = b; i < e; ++i)
        encoder.encode(values[i], &codes[i - b]);
      chunkIsSplat[c] = sameAsFirst(codes.data(), e - b);
      packBits(
          ArrayRef<uint8_t>(reinterpret_cast<uint8_t *>(codes.data()), e - b),
          *bits,
          MutableArrayRef<uint8_t>(packed + b * *bits / 8,
                                   packedByteSize(e - b, *bits)));
    });
    if (n > 0 && llvm::all_of(chunkIsSplat, [](char c) { return c; }))
      finishSplat();
    return true;
  }

  out.bytes.resize(n * width);
  forEachChunk([&](int64_t c, int64_t b, int64_t e) {
    char *p = out.bytes.data() + b * width;
    if (elementType.isF16())
      encodeF16Array(values.data() + b, reinterpret_cast<uint16_t *>(p), e - b);
    else
      for (int64_t i = b; i < e; ++i)
        encoder.encode(values[i], out.bytes.data() + i * width);
    chunkIsSplat[c] = sameAsFirst(p, e - b);
  });
  if (n > 0 && llvm::all_of(chunkIsSplat, [](char c) { return c; })) {
    finishSplat();
    return true;
  }
  out.form = static_cast<int64_t>(out.bytes.size()) <= kInlineByteLimit
                 ? EncodedElements::Form::Inline
                 : EncodedElements::Form::Resource;
  return true;
}

bool mlir::coreai::encodeCodes(Type elementType, ByteBuffer &&codeBuffer,
                               EncodedElements &out, std::string &error,
                               unsigned threads) {
  ArrayRef<uint8_t> codes(reinterpret_cast<const uint8_t *>(codeBuffer.data()),
                          codeBuffer.size());
  const unsigned width = getUnpackedByteWidth(elementType);
  if (width == 0 || width > 8 || codes.size() % width != 0) {
    error = "codes do not match the storage width of the element type";
    return false;
  }
  const int64_t n = codes.size() / width;
  const int64_t numChunks = (n + kChunk - 1) / kChunk;
  std::vector<char> chunkIsSplat(numChunks, 1);
  parallelFor(threads, numChunks, [&](int64_t c) {
    const int64_t b = c * kChunk, e = std::min(n, (c + 1) * kChunk);
    chunkIsSplat[c] = allEqualTo(codeBuffer.data(),
                                 codeBuffer.data() + b * width, e - b, width);
  });
  if (n > 0 && llvm::all_of(chunkIsSplat, [](char c) { return c; })) {
    out.form = EncodedElements::Form::Splat;
    out.bytes.assign(codeBuffer.begin(), codeBuffer.begin() + width);
    if (elementType.isInteger(1))
      out.bytes[0] = out.bytes[0] ? char(0xff) : char(0);
    return true;
  }
  if (std::optional<unsigned> bits = getPackedBitWidth(elementType)) {
    out.form = EncodedElements::Form::Resource;
    out.bytes.resize(packedByteSize(n, *bits));
    auto *packed = reinterpret_cast<uint8_t *>(out.bytes.data());
    parallelFor(threads, numChunks, [&](int64_t c) {
      int64_t b = c * kChunk, e = std::min(n, (c + 1) * kChunk);
      packBits(codes.slice(b, e - b), *bits,
               MutableArrayRef<uint8_t>(packed + b * *bits / 8,
                                        packedByteSize(e - b, *bits)));
    });
    return true;
  }
  out.bytes = std::move(codeBuffer);
  out.form = n * width <= kInlineByteLimit ? EncodedElements::Form::Inline
                                           : EncodedElements::Form::Resource;
  return true;
}

bool mlir::coreai::encodePackedCodes(Type elementType, ByteBuffer &&packed,
                                     int64_t n, EncodedElements &out,
                                     std::string &error) {
  std::optional<unsigned> bits = getPackedBitWidth(elementType);
  if (!bits ||
      static_cast<int64_t>(packed.size()) != packedByteSize(n, *bits)) {
    error = "packed codes do not match the element type and count";
    return false;
  }
  // Equal codes give equal bytes when each byte holds whole codes.
  const auto *bytes = reinterpret_cast<const uint8_t *>(packed.data());
  if (n > 0 && 8 % *bits == 0 && (n * *bits) % 8 == 0) {
    uint8_t code = bytes[0] & ((1u << *bits) - 1u);
    uint8_t replicated = 0;
    for (unsigned b = 0; b < 8; b += *bits)
      replicated |= code << b;
    if (std::all_of(bytes, bytes + packed.size(),
                    [&](uint8_t v) { return v == replicated; })) {
      out.form = EncodedElements::Form::Splat;
      out.bytes.assign(1, static_cast<char>(code));
      if (elementType.isInteger(1))
        out.bytes[0] = code ? char(0xff) : char(0);
      return true;
    }
  }
  out.form = EncodedElements::Form::Resource;
  out.bytes = std::move(packed);
  return true;
}

/// A resource attribute holding `blob`, named by the hash of its bytes. An
/// entry of that name with the same bytes is shared; one whose data was
/// freed (its attributes are gone) is filled again. Names thus depend only
/// on the bytes, however many programs the context held before.
static ElementsAttr buildResourceAttr(RankedTensorType type,
                                      AsmResourceBlob &&blob) {
  ArrayRef<char> bytes = blob.getData();
  uint64_t hash = llvm::xxh3_64bits(ArrayRef<uint8_t>(
      reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size()));
  std::string name;
  llvm::raw_string_ostream(name)
      << "coreai_" << llvm::format_hex_no_prefix(hash, 16);
  auto &manager =
      DenseResourceElementsHandle::getManagerInterface(type.getContext());
  // Lookup and refill must not interleave with another thread's.
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  if (DialectResourceBlobManager::BlobEntry *entry =
          manager.getBlobManager().lookup(name)) {
    AsmResourceBlob *existing = entry->getBlob();
    bool freed = !existing || existing->getData().empty();
    if (freed && !bytes.empty())
      entry->setBlob(std::move(blob));
    if ((freed && !bytes.empty()) || (existing && existing->getData() == bytes))
      return DenseResourceElementsAttr::get(
          type,
          DenseResourceElementsHandle(
              entry, type.getContext()->getLoadedDialect<BuiltinDialect>()));
  }
  return DenseResourceElementsAttr::get(type, name, std::move(blob));
}

ElementsAttr mlir::coreai::buildElementsAttr(RankedTensorType type,
                                             const EncodedElements &encoded) {
  if (encoded.form != EncodedElements::Form::Resource)
    return DenseElementsAttr::getFromRawBuffer(
        type, ArrayRef<char>(encoded.bytes.data(), encoded.bytes.size()));
  AsmResourceBlob blob = HeapAsmResourceBlob::allocateAndCopyWithAlign(
      ArrayRef<char>(encoded.bytes.data(), encoded.bytes.size()),
      /*align=*/16);
  return buildResourceAttr(type, std::move(blob));
}

ElementsAttr mlir::coreai::buildElementsAttr(RankedTensorType type,
                                             EncodedElements &&encoded) {
  if (encoded.form != EncodedElements::Form::Resource)
    return buildElementsAttr(type,
                             static_cast<const EncodedElements &>(encoded));
  auto *owned = new PayloadBytes(std::move(encoded.bytes));
  // The buffer is 64-byte aligned (allocateBuffer); the blob frees it.
  AsmResourceBlob blob(
      ArrayRef<char>(owned->data(), owned->size()), /*dataAlignment=*/16,
      [owned](void *, size_t, size_t) { delete owned; },
      /*dataIsMutable=*/true);
  return buildResourceAttr(type, std::move(blob));
}

void mlir::coreai::roundToElementType(Type elementType,
                                      MutableArrayRef<double> values) {
  ElementEncoder encoder(elementType);
  ElementDecoder decoder(elementType);
  if (!encoder.isSupported() || !decoder.isSupported() || elementType.isF64())
    return;
  char buffer[8];
  for (double &v : values) {
    encoder.encode(v, buffer);
    v = decoder.decode(reinterpret_cast<const uint8_t *>(buffer), 0);
  }
}
