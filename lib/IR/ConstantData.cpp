//===- ConstantData.cpp - Logical values of constant payloads -------------===//

#include "coreai/IR/ConstantData.h"

#include "coreai/Compression/FloatFormats.h"
#include "coreai/Compression/Packing.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <cmath>

#include <cstring>

using namespace mlir;
using namespace mlir::coreai;

std::optional<unsigned> mlir::coreai::getPackedBitWidth(Type type) {
  if (auto intType = dyn_cast<IntegerType>(type))
    if (intType.getWidth() < 8)
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

int64_t mlir::coreai::getExpectedBlobSize(ShapedType type) {
  int64_t numel = type.getNumElements();
  if (std::optional<unsigned> bits = getPackedBitWidth(type.getElementType()))
    return packedByteSize(numel, *bits);
  return numel * getUnpackedByteWidth(type.getElementType());
}

bool mlir::coreai::isValidBlobSize(ShapedType type, size_t size) {
  if (static_cast<int64_t>(size) == getExpectedBlobSize(type))
    return true;
  // f4E2M1FN written one byte per element (coreai-opt HEAD) is accepted too.
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
      if (f.bits <= 64)
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
  }

  bool isSupported() const { return format.kind != Kind::Unsupported; }

  /// Decodes element `i` stored (unpacked) at `bytes + i * width`.
  double decode(const uint8_t *bytes, int64_t i) const {
    switch (format.kind) {
    case Kind::Unsigned:
    case Kind::Signed:
      return fromCode(readRaw(bytes, i));
    case Kind::F32: {
      float v;
      std::memcpy(&v, bytes + 4 * i, 4);
      return v;
    }
    case Kind::F64: {
      double v;
      std::memcpy(&v, bytes + 8 * i, 8);
      return v;
    }
    case Kind::F16:
    case Kind::BF16: {
      uint16_t h;
      std::memcpy(&h, bytes + 2 * i, 2);
      return format.kind == Kind::F16 ? decodeF16(h) : decodeBF16(h);
    }
    case Kind::Small:
      return (*table)[bytes[i]];
    case Kind::OtherFloat: {
      llvm::APFloat f(cast<FloatType>(type).getFloatSemantics(),
                      llvm::APInt(format.bits, readRaw(bytes, i)));
      return f.convertToDouble();
    }
    case Kind::Unsupported:
      break;
    }
    return 0.0;
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
  uint64_t readRaw(const uint8_t *bytes, int64_t i) const {
    unsigned width = (format.bits + 7) / 8;
    uint64_t raw = 0;
    std::memcpy(&raw, bytes + i * width, std::min(width, 8u));
    return raw;
  }

  Type type;
  ElementFormat format;
  const std::array<float, 256> *table = nullptr;
};

template <typename T>
bool readElementsImpl(ElementsAttr attr, MutableArrayRef<T> out,
                      std::string &error) {
  ShapedType type = attr.getShapedType();
  int64_t numel = type.getNumElements();
  if (static_cast<int64_t>(out.size()) != numel) {
    error = "output buffer does not match the element count";
    return false;
  }
  Type elementType = type.getElementType();
  ElementDecoder decoder(elementType);
  if (!decoder.isSupported()) {
    error = "unsupported element type";
    return false;
  }

  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    ArrayRef<char> raw = dense.getRawData();
    const auto *bytes = reinterpret_cast<const uint8_t *>(raw.data());
    // i1 is the only bit-packed DenseElementsAttr storage.
    bool bitPacked = elementType.isInteger(1);
    if (dense.isSplat()) {
      double v = bitPacked ? (bytes[0] & 1) : decoder.decode(bytes, 0);
      std::fill(out.begin(), out.end(), static_cast<T>(v));
      return true;
    }
    if (bitPacked) {
      for (int64_t i = 0; i < numel; ++i)
        out[i] = static_cast<T>((bytes[i / 8] >> (i % 8)) & 1);
      return true;
    }
    for (int64_t i = 0; i < numel; ++i)
      out[i] = static_cast<T>(decoder.decode(bytes, i));
    return true;
  }

  if (auto resource = dyn_cast<DenseResourceElementsAttr>(attr)) {
    const AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob) {
      error = "dense_resource blob '" + resource.getRawHandle().getKey().str() +
              "' is not available";
      return false;
    }
    ArrayRef<char> raw = blob->getData();
    const auto *bytes = reinterpret_cast<const uint8_t *>(raw.data());
    if (!isValidBlobSize(type, raw.size())) {
      error = "dense_resource blob has " + std::to_string(raw.size()) +
              " bytes, expected " + std::to_string(getExpectedBlobSize(type));
      return false;
    }
    std::optional<unsigned> packedBits = getPackedBitWidth(elementType);
    if (packedBits && static_cast<int64_t>(raw.size()) ==
                          packedByteSize(numel, *packedBits)) {
      std::vector<uint8_t> codes(numel);
      unpackBits(ArrayRef<uint8_t>(bytes, raw.size()), *packedBits, codes);
      for (int64_t i = 0; i < numel; ++i)
        out[i] = static_cast<T>(decoder.fromCode(codes[i]));
      return true;
    }
    for (int64_t i = 0; i < numel; ++i)
      out[i] = static_cast<T>(decoder.decode(bytes, i));
    return true;
  }

  error = "unsupported elements attribute";
  return false;
}

} // namespace

bool mlir::coreai::readElements(ElementsAttr attr, MutableArrayRef<float> out,
                                std::string &error) {
  return readElementsImpl(attr, out, error);
}

bool mlir::coreai::readElements(ElementsAttr attr, MutableArrayRef<double> out,
                                std::string &error) {
  return readElementsImpl(attr, out, error);
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
      double r = std::isnan(v) ? 0.0 : std::nearbyint(v);
      r = std::min(std::max(r, lo), hi);
      uint64_t raw = static_cast<uint64_t>(static_cast<int64_t>(r));
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

bool mlir::coreai::encodeElements(Type elementType, ArrayRef<double> values,
                                  EncodedElements &out, std::string &error) {
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
  std::vector<char> storage(n * width);
  for (int64_t i = 0; i < n; ++i)
    encoder.encode(values[i], storage.data() + i * width);

  bool splat = n > 0;
  for (int64_t i = 1; i < n && splat; ++i)
    splat = std::memcmp(storage.data(), storage.data() + i * width, width) == 0;
  if (splat) {
    out.form = EncodedElements::Form::Splat;
    storage.resize(width);
    // An i1 splat is stored as an all-ones or all-zeros byte.
    if (elementType.isInteger(1))
      storage[0] = storage[0] ? char(0xff) : char(0);
    out.bytes = std::move(storage);
    return true;
  }
  if (std::optional<unsigned> bits = getPackedBitWidth(elementType)) {
    out.form = EncodedElements::Form::Resource;
    out.bytes.assign(packedByteSize(n, *bits), 0);
    packBits(
        ArrayRef<uint8_t>(reinterpret_cast<uint8_t *>(storage.data()), n),
        *bits,
        MutableArrayRef<uint8_t>(reinterpret_cast<uint8_t *>(out.bytes.data()),
                                 out.bytes.size()));
    return true;
  }
  out.form = static_cast<int64_t>(storage.size()) <= kInlineByteLimit
                 ? EncodedElements::Form::Inline
                 : EncodedElements::Form::Resource;
  out.bytes = std::move(storage);
  return true;
}

ElementsAttr mlir::coreai::buildElementsAttr(RankedTensorType type,
                                             const EncodedElements &encoded) {
  if (encoded.form != EncodedElements::Form::Resource)
    return DenseElementsAttr::getFromRawBuffer(type, encoded.bytes);
  uint64_t hash = llvm::xxh3_64bits(
      ArrayRef<uint8_t>(reinterpret_cast<const uint8_t *>(encoded.bytes.data()),
                        encoded.bytes.size()));
  std::string name;
  llvm::raw_string_ostream(name)
      << "coreai_" << llvm::format_hex_no_prefix(hash, 16);
  AsmResourceBlob blob = HeapAsmResourceBlob::allocateAndCopyWithAlign(
      encoded.bytes, /*align=*/16);
  return DenseResourceElementsAttr::get(type, name, std::move(blob));
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
