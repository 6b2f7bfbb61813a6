//===- FloatFormatsTest.cpp - Narrow float encodings ----------------------===//

#include "coreai/Compression/FloatFormats.h"

#include "llvm/ADT/APFloat.h"
#include "gtest/gtest.h"

#include <vector>

#include <cmath>
#include <random>

#include <cmath>

using namespace mlir::coreai;

namespace {

const llvm::fltSemantics &semanticsOf(SmallFloat format) {
  switch (format) {
  case SmallFloat::F8E4M3FN:
    return llvm::APFloat::Float8E4M3FN();
  case SmallFloat::F8E5M2:
    return llvm::APFloat::Float8E5M2();
  case SmallFloat::F8E8M0FNU:
    return llvm::APFloat::Float8E8M0FNU();
  case SmallFloat::F4E2M1FN:
    return llvm::APFloat::Float4E2M1FN();
  }
  return llvm::APFloat::IEEEsingle();
}

// The decoding tables agree with LLVM's APFloat for every code.
TEST(FloatFormats, TablesMatchAPFloat) {
  for (SmallFloat format : {SmallFloat::F8E4M3FN, SmallFloat::F8E5M2,
                            SmallFloat::F8E8M0FNU, SmallFloat::F4E2M1FN}) {
    unsigned bits = smallFloatBits(format);
    for (unsigned code = 0; code < (1u << bits); ++code) {
      llvm::APFloat f(semanticsOf(format), llvm::APInt(bits, code));
      float actual = smallFloatTable(format)[code];
      if (f.isNaN()) {
        EXPECT_TRUE(std::isnan(actual)) << code;
        continue;
      }
      float expected = f.convertToFloat();
      if (std::isnan(expected))
        EXPECT_TRUE(std::isnan(actual)) << code;
      else
        EXPECT_EQ(actual, expected)
            << "format " << int(format) << " code " << code;
    }
  }
}

// Encoding agrees with APFloat's round-to-nearest-even within range.
TEST(FloatFormats, EncodeMatchesAPFloatRounding) {
  for (SmallFloat format :
       {SmallFloat::F8E4M3FN, SmallFloat::F8E5M2, SmallFloat::F4E2M1FN}) {
    float max = smallFloatMax(format);
    for (int i = -4000; i <= 4000; ++i) {
      double v = max * i / 4000.0;
      bool losesInfo;
      llvm::APFloat f(v);
      f.convert(semanticsOf(format), llvm::APFloat::rmNearestTiesToEven,
                &losesInfo);
      uint8_t expected =
          static_cast<uint8_t>(f.bitcastToAPInt().getZExtValue());
      EXPECT_EQ(encodeSmallFloat(format, v), expected) << v;
    }
  }
}

TEST(FloatFormats, SmallFloatSaturatesAndKeepsTies) {
  EXPECT_EQ(encodeSmallFloat(SmallFloat::F8E4M3FN, 1e9), 0x7E); // 448
  EXPECT_EQ(encodeSmallFloat(SmallFloat::F8E4M3FN, -1e9), 0xFE);
  EXPECT_EQ(encodeSmallFloat(SmallFloat::F4E2M1FN, 7.0), 0x7); // 6
  // 2.5 lies between 2 (code 4) and 3 (code 5): ties go to the even code.
  EXPECT_EQ(encodeSmallFloat(SmallFloat::F4E2M1FN, 2.5), 0x4);
  EXPECT_EQ(encodeSmallFloat(SmallFloat::F4E2M1FN, -0.25), 0x8); // -0
  EXPECT_EQ(encodeSmallFloat(SmallFloat::F8E8M0FNU, 0.25), 125);
  EXPECT_EQ(smallFloatTable(SmallFloat::F8E8M0FNU)[127], 1.0f);
}

TEST(FloatFormats, AllFiniteHalfFindsInfAndNaN) {
  // Largest finite values, subnormals and zeros of both signs pass; every
  // all-ones exponent (Inf, quiet and signalling NaN, either sign) fails.
  std::vector<uint16_t> f16 = {0x7bff, 0xfbff, 0x0001, 0x8000, 0x0000};
  std::vector<uint16_t> bf16 = {0x7f7f, 0xff7f, 0x0001, 0x8000, 0x3f80};
  EXPECT_TRUE(allFiniteHalf(f16.data(), f16.size(), false));
  EXPECT_TRUE(allFiniteHalf(bf16.data(), bf16.size(), true));
  EXPECT_TRUE(allFiniteHalf(nullptr, 0, false));
  for (uint16_t bad : {0x7c00, 0xfc00, 0x7e00, 0x7c01}) {
    std::vector<uint16_t> v = f16;
    v.insert(v.begin() + 2, bad);
    EXPECT_FALSE(allFiniteHalf(v.data(), v.size(), false)) << bad;
  }
  for (uint16_t bad : {0x7f80, 0xff80, 0x7fc0, 0x7f81}) {
    std::vector<uint16_t> v = bf16;
    v.push_back(bad);
    EXPECT_FALSE(allFiniteHalf(v.data(), v.size(), true)) << bad;
  }
  // The f16 Inf pattern is a finite bf16 value, and the reverse.
  uint16_t f16Inf = 0x7c00, bf16Inf = 0x7f80;
  EXPECT_TRUE(allFiniteHalf(&f16Inf, 1, true));
  EXPECT_FALSE(allFiniteHalf(&bf16Inf, 1, false));
}

TEST(FloatFormats, F16AndBF16MatchAPFloat) {
  for (double v : {0.0, -0.0, 1.0, 0.1, -3.14159, 65504.0, 65519.0, 65520.0,
                   1e-5, 5.960464477539063e-08, 2.98e-08, 1e-9, 1e30,
                   1.00048828125, 1.000732421875, 3.0e38}) {
    bool losesInfo;
    llvm::APFloat half(v);
    half.convert(llvm::APFloat::IEEEhalf(), llvm::APFloat::rmNearestTiesToEven,
                 &losesInfo);
    EXPECT_EQ(encodeF16(v), half.bitcastToAPInt().getZExtValue()) << v;
    llvm::APFloat bf(v);
    bf.convert(llvm::APFloat::BFloat(), llvm::APFloat::rmNearestTiesToEven,
               &losesInfo);
    EXPECT_EQ(encodeBF16(v), bf.bitcastToAPInt().getZExtValue()) << v;
  }
  for (unsigned bits = 0; bits < 65536; ++bits) {
    float f = decodeF16(static_cast<uint16_t>(bits));
    if (!std::isnan(f))
      EXPECT_EQ(encodeF16(f), bits) << bits;
  }
  // Random doubles over the whole f16 range, and exact midpoints between
  // neighbouring f16 values (ties go to the even code).
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> exponent(-30.0, 17.0);
  for (int i = 0; i < 200000; ++i) {
    double v = std::exp2(exponent(rng)) * (rng() & 1 ? -1.0 : 1.0);
    if (i % 2) {
      uint16_t h = encodeF16(v) & 0x7bff;
      v = (double(decodeF16(h)) + double(decodeF16(h + 1))) / 2;
    }
    bool losesInfo;
    llvm::APFloat half(v);
    half.convert(llvm::APFloat::IEEEhalf(), llvm::APFloat::rmNearestTiesToEven,
                 &losesInfo);
    ASSERT_EQ(encodeF16(v), half.bitcastToAPInt().getZExtValue()) << v;
  }
}

} // namespace
