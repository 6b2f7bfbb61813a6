//===- ConstantDataTest.cpp - Reading and writing constant payloads -------===//

#include "coreai/IR/ConstantData.h"
#include "coreai/Compression/FloatFormats.h"
#include "coreai/IR/CoreAIOps.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "gtest/gtest.h"

#include <cmath>
#include <cstring>

using namespace mlir;
using namespace mlir::coreai;

namespace {

class ConstantDataTest : public ::testing::Test {
protected:
  ConstantDataTest() { context.loadDialect<CoreAIDialect>(); }

  /// Parses `coreai.constant <attr>` and returns its payload.
  ElementsAttr parseConstant(StringRef attr, StringRef trailer = "") {
    std::string text =
        "%0 = coreai.constant " + attr.str() + "\n" + trailer.str();
    module = parseSourceString<ModuleOp>(text, &context);
    if (!module)
      return {};
    return cast<ConstantOp>(&module->getBody()->front()).getValue();
  }

  std::vector<double> read(ElementsAttr attr) {
    std::vector<double> values(attr.getNumElements());
    std::string error;
    EXPECT_TRUE(readElements(attr, values, error)) << error;
    return values;
  }

  Type parse(StringRef type) { return parseType(type, &context); }

  MLIRContext context;
  OwningOpRef<ModuleOp> module;
};

TEST_F(ConstantDataTest, ReadsInlineValuesOfEveryType) {
  struct Case {
    const char *attr;
    std::vector<double> expected;
  };
  std::vector<Case> cases = {
      {"dense<[1.5, -2.0]> : tensor<2xf32>", {1.5, -2.0}},
      {"dense<[1.5, -2.0]> : tensor<2xf16>", {1.5, -2.0}},
      {"dense<[1.5, -2.0]> : tensor<2xbf16>", {1.5, -2.0}},
      {"dense<[448.0, -0.5]> : tensor<2xf8E4M3FN>", {448.0, -0.5}},
      {"dense<[57344.0, 0.25]> : tensor<2xf8E5M2>", {57344.0, 0.25}},
      {"dense<[0.5, 4.0]> : tensor<2xf8E8M0FNU>", {0.5, 4.0}},
      {"dense<[6.0, -1.5]> : tensor<2xf4E2M1FN>", {6.0, -1.5}},
      {"dense<[-128, 127]> : tensor<2xsi8>", {-128, 127}},
      {"dense<[0, 255]> : tensor<2xui8>", {0, 255}},
      {"dense<[-8, 7]> : tensor<2xsi4>", {-8, 7}},
      {"dense<[0, 15]> : tensor<2xui4>", {0, 15}},
      {"dense<[-2, 1]> : tensor<2xsi2>", {-2, 1}},
      {"dense<[5, 63]> : tensor<2xui6>", {5, 63}},
      {"dense<[7, 2]> : tensor<2xui3>", {7, 2}},
      {"dense<[1, 0]> : tensor<2xui1>", {1, 0}},
      {"dense<[-32768, 5]> : tensor<2xsi16>", {-32768, 5}},
      {"dense<[4000000000, 1]> : tensor<2xui32>", {4000000000.0, 1}},
      {"dense<[true, false, true]> : tensor<3xi1>", {1, 0, 1}},
      {"dense<3.0> : tensor<2x2xf16>", {3, 3, 3, 3}},
      {"dense<-3> : tensor<3xsi4>", {-3, -3, -3}},
      {"dense<true> : tensor<2xi1>", {1, 1}},
  };
  for (const Case &c : cases) {
    ElementsAttr attr = parseConstant(c.attr);
    ASSERT_TRUE(attr) << c.attr;
    EXPECT_EQ(read(attr), c.expected) << c.attr;
  }
}

TEST_F(ConstantDataTest, ReadsPackedResources) {
  // ui4 [1, 2, 3] packs to 0x21 0x03 (alignment prefix 0x01000000).
  ElementsAttr ui4 = parseConstant(
      "dense_resource<blob> : tensor<3xui4>",
      "{-# dialect_resources: { builtin: { blob: \"0x010000002103\" } } #-}");
  ASSERT_TRUE(ui4);
  EXPECT_EQ(read(ui4), (std::vector<double>{1, 2, 3}));

  ElementsAttr si4 = parseConstant(
      "dense_resource<blob> : tensor<2xsi4>",
      "{-# dialect_resources: { builtin: { blob: \"0x010000007F\" } } #-}");
  EXPECT_EQ(read(si4), (std::vector<double>{-1, 7}));

  ElementsAttr ui6 = parseConstant(
      "dense_resource<blob> : tensor<4xui6>",
      "{-# dialect_resources: { builtin: { blob: \"0x01000000813010\" } } #-}");
  EXPECT_EQ(read(ui6), (std::vector<double>{1, 2, 3, 4}));

  ElementsAttr ui1 = parseConstant(
      "dense_resource<blob> : tensor<9xui1>",
      "{-# dialect_resources: { builtin: { blob: \"0x010000000D01\" } } #-}");
  EXPECT_EQ(read(ui1), (std::vector<double>{1, 0, 1, 1, 0, 0, 0, 0, 1}));

  // f4E2M1FN: packed (low nibble first) and one byte per element.
  ElementsAttr f4Packed = parseConstant(
      "dense_resource<blob> : tensor<2xf4E2M1FN>",
      "{-# dialect_resources: { builtin: { blob: \"0x01000000F2\" } } #-}");
  EXPECT_EQ(read(f4Packed), (std::vector<double>{1.0, -6.0}));
  ElementsAttr f4Bytes = parseConstant(
      "dense_resource<blob> : tensor<2xf4E2M1FN>",
      "{-# dialect_resources: { builtin: { blob: \"0x010000000F02\" } } #-}");
  EXPECT_EQ(read(f4Bytes), (std::vector<double>{-6.0, 1.0}));

  ElementsAttr f16 = parseConstant("dense_resource<blob> : tensor<2xf16>",
                                   "{-# dialect_resources: { builtin: { blob: "
                                   "\"0x020000000038003C\" } } #-}");
  EXPECT_EQ(read(f16), (std::vector<double>{0.5, 1.0}));
}

TEST_F(ConstantDataTest, RejectsWrongBlobSizes) {
  // The constant verifier rejects such blobs in IR; build one directly.
  auto type = cast<ShapedType>(parse("tensor<3xf16>"));
  const char bytes[] = {0x00, 0x38};
  ElementsAttr attr = DenseResourceElementsAttr::get(
      type, "blob", HeapAsmResourceBlob::allocateAndCopyWithAlign(bytes, 2));
  std::vector<double> values(3);
  std::string error;
  EXPECT_FALSE(readElements(attr, values, error));
  EXPECT_EQ(error, "dense_resource blob has 2 bytes, expected 6");
}

TEST_F(ConstantDataTest, WritesByPolicyAndReadsBack) {
  struct Case {
    const char *type;
    std::vector<double> values;
    EncodedElements::Form form;
    size_t bytes;
  };
  std::vector<double> big(300);
  for (size_t i = 0; i < big.size(); ++i)
    big[i] = (static_cast<int>(i) % 13) - 6;
  std::vector<Case> cases = {
      {"tensor<4xf32>", {1, 1, 1, 1}, EncodedElements::Form::Splat, 4},
      {"tensor<4xsi4>", {-2, -2, -2, -2}, EncodedElements::Form::Splat, 1},
      {"tensor<2xui1>", {1, 1}, EncodedElements::Form::Splat, 1},
      {"tensor<4xf32>", {1, 2, 3, 4}, EncodedElements::Form::Inline, 16},
      {"tensor<300xf32>", big, EncodedElements::Form::Resource, 1200},
      {"tensor<300xsi8>", big, EncodedElements::Form::Inline, 300},
      {"tensor<300xf16>", big, EncodedElements::Form::Inline, 600},
      {"tensor<300xbf16>", big, EncodedElements::Form::Inline, 600},
      {"tensor<600xf16>", {}, EncodedElements::Form::Resource, 1200},
      {"tensor<300xsi4>", big, EncodedElements::Form::Resource, 150},
      {"tensor<3xui4>", {1, 2, 3}, EncodedElements::Form::Resource, 2},
      {"tensor<3xui3>", {1, 2, 3}, EncodedElements::Form::Resource, 2},
      {"tensor<4xui6>", {1, 2, 3, 4}, EncodedElements::Form::Resource, 3},
      {"tensor<5xui2>", {1, 2, 3, 0, 1}, EncodedElements::Form::Resource, 2},
      {"tensor<9xui1>",
       {1, 0, 1, 1, 0, 0, 0, 0, 1},
       EncodedElements::Form::Resource,
       2},
      {"tensor<2xsi2>", {-2, 1}, EncodedElements::Form::Resource, 1},
      {"tensor<3xf4E2M1FN>",
       {6, -0.5, 1.5},
       EncodedElements::Form::Resource,
       2},
      {"tensor<2xf8E4M3FN>", {448, -0.5}, EncodedElements::Form::Inline, 2},
      {"tensor<2xf8E5M2>", {-57344, 0.25}, EncodedElements::Form::Inline, 2},
      {"tensor<2xf8E8M0FNU>", {0.25, 8}, EncodedElements::Form::Inline, 2},
      {"tensor<2xui32>", {4000000000.0, 1}, EncodedElements::Form::Inline, 8},
  };
  cases[8].values.resize(600);
  for (size_t i = 0; i < 600; ++i)
    cases[8].values[i] = 0.5 * i;
  for (const Case &c : cases) {
    auto type = cast<RankedTensorType>(parse(c.type));
    EncodedElements encoded;
    std::string error;
    ASSERT_TRUE(encodeElements(type.getElementType(), c.values, encoded, error))
        << error;
    EXPECT_EQ(encoded.form, c.form) << c.type;
    EXPECT_EQ(encoded.bytes.size(), c.bytes) << c.type;
    ElementsAttr attr = buildElementsAttr(type, encoded);
    EXPECT_EQ(attr.getType(), type);
    EXPECT_EQ(read(attr), c.values) << c.type;
  }
}

/// Storage units of whole-byte types (here f16 bit patterns) go through the
/// same policy as encodeElements: the same form and the same bytes.
TEST_F(ConstantDataTest, EncodesStorageOfWideTypesLikeValues) {
  Type f16 = parse("f16");
  for (std::vector<double> values :
       {std::vector<double>(700, -1.5), std::vector<double>{1, 2, 3},
        std::vector<double>(700, 0.0), std::vector<double>{}}) {
    if (values.size() == 700 && values[0] == 0.0)
      for (size_t i = 0; i < values.size(); ++i)
        values[i] = 0.25 * double(i % 97);
    EncodedElements expected, got;
    std::string error;
    ASSERT_TRUE(encodeElements(f16, values, expected, error, 2)) << error;
    ByteBuffer storage(values.size() * 2);
    for (size_t i = 0; i < values.size(); ++i) {
      uint16_t h = encodeF16(values[i]);
      std::memcpy(storage.data() + 2 * i, &h, 2);
    }
    ASSERT_TRUE(encodeCodes(f16, std::move(storage), got, error, 2)) << error;
    EXPECT_EQ(got.form, expected.form) << values.size();
    EXPECT_EQ(std::vector<char>(got.bytes.begin(), got.bytes.end()),
              std::vector<char>(expected.bytes.begin(), expected.bytes.end()));
  }
  // An odd number of bytes is not f16 storage.
  EncodedElements out;
  std::string error;
  EXPECT_FALSE(encodeCodes(f16, ByteBuffer(3), out, error));
  EXPECT_EQ(error, "codes do not match the storage width of the element type");
}

TEST_F(ConstantDataTest, RoundsOnceAndSaturatesIntegers) {
  auto type = cast<RankedTensorType>(parse("tensor<4xsi4>"));
  EncodedElements encoded;
  std::string error;
  ASSERT_TRUE(encodeElements(type.getElementType(), {2.5, 3.5, -20, 20},
                             encoded, error));
  EXPECT_EQ(read(buildElementsAttr(type, encoded)),
            (std::vector<double>{2, 4, -8, 7}));

  std::vector<double> values = {0.1, 65520.0, 1.0 + 1.0 / 4096};
  roundToElementType(parse("f16"), values);
  EXPECT_EQ(values[0], 0.0999755859375);
  EXPECT_TRUE(std::isinf(values[1]));
  EXPECT_EQ(values[2], 1.0);
}

TEST_F(ConstantDataTest, ResourceNamesAreStable) {
  auto type = cast<RankedTensorType>(parse("tensor<3xui4>"));
  EncodedElements encoded;
  std::string error;
  ASSERT_TRUE(encodeElements(type.getElementType(), {1, 2, 3}, encoded, error));
  auto first =
      cast<DenseResourceElementsAttr>(buildElementsAttr(type, encoded));
  auto second =
      cast<DenseResourceElementsAttr>(buildElementsAttr(type, encoded));
  EXPECT_TRUE(first.getRawHandle().getKey().starts_with("coreai_"));
  // Same bytes twice in one context: one entry, one name.
  EXPECT_EQ(first, second);
  EXPECT_EQ(first.getRawHandle().getResource(),
            second.getRawHandle().getResource());
  // A freed entry (its attributes gone) is filled again under its name.
  std::string name = first.getRawHandle().getKey().str();
  first.getRawHandle().getResource()->setBlob(AsmResourceBlob());
  auto refilled =
      cast<DenseResourceElementsAttr>(buildElementsAttr(type, encoded));
  EXPECT_EQ(refilled.getRawHandle().getKey(), name);
  ASSERT_TRUE(refilled.getRawHandle().getBlob());
  EXPECT_EQ(refilled.getRawHandle().getBlob()->getData().size(), 2u);
  // Other bytes get their own name.
  ASSERT_TRUE(encodeElements(type.getElementType(), {3, 2, 1}, encoded, error));
  auto other =
      cast<DenseResourceElementsAttr>(buildElementsAttr(type, encoded));
  EXPECT_NE(other.getRawHandle().getKey(), name);
}

// Large payloads are encoded and read in chunks on several threads; the
// bytes and values never depend on the thread count.
TEST_F(ConstantDataTest, ParallelReadWriteMatchesSerial) {
  const int64_t n = 3 * 65536 + 77; // chunk boundaries fall mid-array
  for (const char *typeName :
       {"tensor<196685xui4>", "tensor<196685xui3>", "tensor<196685xsi2>",
        "tensor<196685xf16>", "tensor<196685xbf16>", "tensor<196685xsi8>",
        "tensor<196685xf8E4M3FN>", "tensor<196685xf32>"}) {
    auto type = cast<RankedTensorType>(parse(typeName));
    ASSERT_EQ(type.getNumElements(), n);
    std::vector<double> values(n);
    for (int64_t i = 0; i < n; ++i)
      values[i] = static_cast<double>((i * 37) % 7) - 3.0 + (i % 5) * 0.125;
    if (isa<IntegerType>(type.getElementType()))
      for (double &v : values)
        v = std::trunc(v);
    EncodedElements one, two;
    std::string error;
    ASSERT_TRUE(encodeElements(type.getElementType(), values, one, error, 1));
    ASSERT_TRUE(encodeElements(type.getElementType(), values, two, error, 2));
    EXPECT_EQ(one.form, EncodedElements::Form::Resource) << typeName;
    EXPECT_EQ(one.bytes, two.bytes) << typeName;
    ElementsAttr attr = buildElementsAttr(type, one);
    std::vector<float> serial(n), parallel(n);
    ASSERT_TRUE(readElements(attr, serial, error, 1));
    ASSERT_TRUE(readElements(attr, parallel, error, 2));
    EXPECT_EQ(serial, parallel) << typeName;
    std::vector<double> expected = values;
    roundToElementType(type.getElementType(), expected);
    for (int64_t i = 0; i < n; ++i)
      ASSERT_EQ(serial[i], static_cast<float>(expected[i]))
          << typeName << " at " << i;
  }
}

TEST_F(ConstantDataTest, PackingHelpers) {
  EXPECT_EQ(getPackedBitWidth(parse("ui4")), 4u);
  EXPECT_EQ(getPackedBitWidth(parse("si2")), 2u);
  EXPECT_EQ(getPackedBitWidth(parse("f4E2M1FN")), 4u);
  EXPECT_FALSE(getPackedBitWidth(parse("ui8")).has_value());
  EXPECT_FALSE(getPackedBitWidth(parse("f8E4M3FN")).has_value());
  auto ui4 = cast<ShapedType>(parse("tensor<1024x1024xui4>"));
  EXPECT_EQ(getExpectedBlobSize(ui4), 524288);
  EXPECT_TRUE(isValidBlobSize(ui4, 524288));
  EXPECT_FALSE(isValidBlobSize(ui4, 1048576));
  auto f4 = cast<ShapedType>(parse("tensor<10xf4E2M1FN>"));
  EXPECT_TRUE(isValidBlobSize(f4, 5));
  EXPECT_TRUE(isValidBlobSize(f4, 10));
}

TEST_F(ConstantDataTest, CheckedSizes) {
  EXPECT_EQ(getCheckedNumElements({4, 8}), 32);
  EXPECT_EQ(getCheckedNumElements({}), 1);
  EXPECT_EQ(getCheckedNumElements({0, int64_t(1) << 62}), 0);
  // 4 x (2^62 + 1) wraps to 4 in int64; it must not be taken for 4.
  EXPECT_FALSE(getCheckedNumElements({4, (int64_t(1) << 62) + 1}));
  EXPECT_FALSE(getCheckedNumElements({int64_t(1) << 24, int64_t(1) << 25}));
  EXPECT_EQ(getCheckedNumElements({int64_t(1) << 24, int64_t(1) << 24}),
            kMaxNumElements);
  EXPECT_FALSE(getCheckedNumElements({ShapedType::kDynamic, 2}));
  auto huge = cast<ShapedType>(parse("tensor<4x4611686018427387905xf16>"));
  EXPECT_FALSE(getExpectedBlobSize(huge).has_value());
  EXPECT_FALSE(isValidBlobSize(huge, 8));
  auto i0 = cast<ShapedType>(parse("tensor<4xi0>"));
  EXPECT_FALSE(getPackedBitWidth(parse("i0")).has_value());
  EXPECT_FALSE(getExpectedBlobSize(i0).has_value());
}

} // namespace
