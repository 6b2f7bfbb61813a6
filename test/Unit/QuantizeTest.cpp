//===- QuantizeTest.cpp - Blockwise weight quantization -------------------===//

#include "coreai/Compression/Quantize.h"
#include "coreai/Compression/Packing.h"

#include "gtest/gtest.h"

#include <cmath>
#include <random>

using namespace mlir::coreai;

namespace {

QuantizedWeight quantize(const QuantScheme &scheme, std::vector<float> w,
                         std::vector<int64_t> shape,
                         std::vector<int64_t> paramShape,
                         unsigned threads = 1) {
  QuantizedWeight out;
  quantizeWeight(
      scheme, shape, paramShape,
      [&](int64_t b, int64_t e, float *dst) {
        std::copy(w.begin() + b, w.begin() + e, dst);
      },
      out, threads);
  return out;
}

std::vector<double> codesOf(const QuantScheme &scheme,
                            const QuantizedWeight &q) {
  std::vector<double> codes;
  for (uint8_t c : q.codes)
    codes.push_back(decodeQuantCode(scheme.format, c));
  return codes;
}

QuantScheme intScheme(unsigned bits, bool isSigned, bool symmetric) {
  return {QuantFormat::integer(bits, isSigned), symmetric, ScaleStorage::F32};
}

// The worked examples of docs/compression.md section 2 (f32, per-tensor,
// W = [0.5, -1.0, 0.25, 0.0]).
TEST(Quantize, SpecWorkedExamples) {
  std::vector<float> w = {0.5f, -1.0f, 0.25f, 0.0f};
  struct Case {
    QuantScheme scheme;
    std::vector<double> codes;
    double zeroPoint;
  };
  std::vector<Case> cases = {
      {intScheme(8, true, true), {63, -127, 32, 0}, 0},
      {intScheme(8, false, true), {190, 0, 159, 127}, 127},
      {intScheme(8, false, false), {255, 0, 212, 170}, 170},
      {intScheme(4, true, true), {3, -7, 2, 0}, 0},
      {intScheme(4, true, false), {7, -8, 4, 2}, 2},
      {intScheme(4, false, true), {10, 0, 9, 7}, 7},
  };
  for (const Case &c : cases) {
    QuantizedWeight q = quantize(c.scheme, w, {4}, {1});
    EXPECT_EQ(codesOf(c.scheme, q), c.codes)
        << "bits " << c.scheme.format.bits << " signed "
        << c.scheme.format.isSigned << " symmetric " << c.scheme.symmetric;
    EXPECT_EQ(q.zeroPoints[0], c.zeroPoint);
  }
}

TEST(Quantize, Ranges) {
  auto check = [](unsigned bits, bool isSigned, bool sym, int64_t lo,
                  int64_t hi, int64_t zp) {
    IntRange r = getIntRange(QuantFormat::integer(bits, isSigned), sym);
    EXPECT_EQ(r.qmin, lo);
    EXPECT_EQ(r.qmax, hi);
    EXPECT_EQ(r.symmetricZeroPoint, zp);
  };
  check(8, true, true, -127, 127, 0);
  check(8, true, false, -128, 127, 0);
  check(8, false, true, 0, 254, 127);
  check(8, false, false, 0, 255, 0);
  check(4, true, true, -7, 7, 0);
  check(4, false, true, 0, 14, 7);
  check(2, true, true, -1, 1, 0);
  check(2, true, false, -2, 1, 0);
  check(2, false, true, 0, 2, 1);
  check(2, false, false, 0, 3, 0);
}

// Symmetric int8 per channel: |w - (q - zp) * s| <= s / 2 everywhere, with s
// the stored (f16) scale; axis 1 is the output channel (as for a matmul y).
TEST(Quantize, Int8PerChannelBound) {
  const int64_t rows = 64, cols = 48;
  std::mt19937 rng(3);
  std::student_t_distribution<float> dist(4.0f);
  std::vector<float> w(rows * cols);
  for (float &v : w)
    v = static_cast<float>(dist(rng)) * 0.02f;
  QuantScheme scheme{QuantFormat::integer(8, true), true, ScaleStorage::F16};
  QuantizedWeight q = quantize(scheme, w, {rows, cols}, {1, cols});
  ASSERT_EQ(q.scales.size(), static_cast<size_t>(cols));
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c) {
      double s = q.scales[c];
      EXPECT_EQ(s, decodeF16(encodeF16(s))) << "scale is stored in f16";
      double dq = decodeQuantCode(scheme.format, q.codes[r * cols + c]) * s;
      EXPECT_LE(std::fabs(w[r * cols + c] - dq), s / 2 * (1 + 1e-12))
          << r << "," << c;
    }
}

// Blocks of 4 along axis 1 of a [3, 8] weight: 6 scales in row-major order.
TEST(Quantize, PerBlockLayout) {
  std::vector<float> w(24);
  for (int i = 0; i < 24; ++i)
    w[i] = static_cast<float>((i / 4 + 1) * (i % 2 ? -1 : 1));
  QuantScheme scheme = intScheme(8, true, true);
  QuantizedWeight q = quantize(scheme, w, {3, 8}, {3, 2});
  ASSERT_EQ(q.scales.size(), 6u);
  for (int b = 0; b < 6; ++b)
    EXPECT_FLOAT_EQ(q.scales[b],
                    static_cast<float>((2.0 * (b + 1) + 1e-6) / 254.0));
  for (int i = 0; i < 24; ++i)
    EXPECT_EQ(decodeQuantCode(scheme.format, q.codes[i]), i % 2 ? -127 : 127);
}

// An all-zero block dequantizes to exactly 0 (no NaN), even where the scale
// would underflow its f16 storage.
TEST(Quantize, ZeroBlocks) {
  std::vector<float> w = {0, 0, 0, 0, 1e-9f, -2e-9f, 0, 0};
  for (ScaleStorage storage :
       {ScaleStorage::F16, ScaleStorage::BF16, ScaleStorage::F32}) {
    QuantScheme scheme{QuantFormat::integer(8, true), true, storage};
    QuantizedWeight q = quantize(scheme, w, {2, 4}, {2, 1});
    for (double s : q.scales)
      EXPECT_GT(s, 0.0);
    for (int i = 0; i < 4; ++i)
      EXPECT_EQ(q.codes[i], 0);
    for (int i = 0; i < 8; ++i) {
      double dq = decodeQuantCode(scheme.format, q.codes[i]) * q.scales[i / 4];
      EXPECT_FALSE(std::isnan(dq));
      EXPECT_LE(std::fabs(dq - w[i]), q.scales[i / 4] / 2 + 1e-30);
    }
  }
}

TEST(Quantize, NonFiniteWeights) {
  QuantizedWeight q = quantize(intScheme(8, true, true),
                               {1.0f, INFINITY, 0.0f, 2.0f}, {4}, {1});
  EXPECT_FALSE(q.finite);
  q = quantize(intScheme(8, true, true), {1.0f, NAN, 0.0f, 2.0f}, {4}, {1});
  EXPECT_FALSE(q.finite);
}

// OCP MX scales: 2^(floor(log2(amax)) - emax), and data quantized against
// them.
TEST(Quantize, MXScales) {
  EXPECT_EQ(getMXScale(6.0, SmallFloat::F4E2M1FN), 1.0); // 2^(2-2)
  EXPECT_EQ(getMXScale(7.9, SmallFloat::F4E2M1FN), 1.0);
  EXPECT_EQ(getMXScale(8.0, SmallFloat::F4E2M1FN), 2.0);
  EXPECT_EQ(getMXScale(0.3, SmallFloat::F4E2M1FN), 0.0625); // 2^(-2-2)
  EXPECT_EQ(getMXScale(448.0, SmallFloat::F8E4M3FN), 1.0);  // 2^(8-8)
  EXPECT_EQ(getMXScale(1.0, SmallFloat::F8E5M2), std::ldexp(1.0, -15));
  EXPECT_EQ(getMXScale(0.0, SmallFloat::F4E2M1FN), std::ldexp(1.0, -127));
  EXPECT_EQ(getMXScale(1e-300, SmallFloat::F4E2M1FN), std::ldexp(1.0, -127));

  // One MXFP4 block: amax 7.9 -> X = 2^(2-2) = 1, and the values are
  // quantized against X: 5 is a tie between 4 and 6 (even code: 4), 7.9
  // saturates to 6.
  QuantScheme scheme{QuantFormat::floating(SmallFloat::F4E2M1FN), true,
                     ScaleStorage::E8M0};
  std::vector<float> w(32, 0.0f);
  w[0] = 5.0f;
  w[1] = -2.6f;
  w[2] = 0.2f;
  w[3] = 7.9f;
  QuantizedWeight q = quantize(scheme, w, {1, 32}, {1, 1});
  EXPECT_EQ(q.scales[0], 1.0);
  std::vector<double> codes = codesOf(scheme, q);
  EXPECT_EQ(std::vector<double>(codes.begin(), codes.begin() + 4),
            (std::vector<double>{4.0, -3.0, 0.0, 6.0}));
}

// The result never depends on the thread count, for every layout.
TEST(Quantize, ThreadCountDoesNotMatter) {
  std::mt19937 rng(9);
  std::normal_distribution<float> dist(0.0f, 1.0f);
  const int64_t rows = 512, cols = 1024;
  std::vector<float> w(rows * cols);
  for (float &v : w)
    v = dist(rng);
  std::vector<std::vector<int64_t>> params = {
      {1, 1}, {rows, 1}, {1, cols}, {rows, cols / 32}};
  for (const auto &p : params)
    for (QuantScheme scheme :
         {QuantScheme{QuantFormat::integer(4, true), true, ScaleStorage::F16},
          QuantScheme{QuantFormat::integer(4, true), true, ScaleStorage::F16,
                      ScaleSearch::MSE, 0.30, /*fullRange=*/true},
          QuantScheme{QuantFormat::integer(2, false), false, ScaleStorage::F16,
                      ScaleSearch::MSE},
          QuantScheme{QuantFormat::integer(8, false), false, ScaleStorage::F32},
          QuantScheme{QuantFormat::floating(SmallFloat::F8E4M3FN), true,
                      ScaleStorage::BF16}}) {
      QuantizedWeight one = quantize(scheme, w, {rows, cols}, p, 1);
      QuantizedWeight two = quantize(scheme, w, {rows, cols}, p, 2);
      EXPECT_EQ(one.codes, two.codes);
      EXPECT_EQ(one.scales, two.scales);
      EXPECT_EQ(one.zeroPoints, two.zeroPoints);
    }
}

} // namespace

// The fast float encoders of the kernel agree with the reference encoder
// (encodeSmallFloat) on v / s, over normals, subnormals, ties and the
// saturating edge; and packed output equals packBits of the unpacked codes.
TEST(Quantize, FastPathsMatchReference) {
  std::mt19937 rng(11);
  std::uniform_real_distribution<float> mag(-20.0f, 3.0f);
  const int64_t cols = 4096;
  std::vector<float> w(cols);
  for (float &v : w)
    v = (rng() & 1 ? 1.0f : -1.0f) * std::exp2(mag(rng));
  for (int i = 0; i < 64; ++i) // exact ties and codes of every format
    w[i] = (i % 2 ? -1.0f : 1.0f) * static_cast<float>(i) * 0.0625f;
  w[100] = 0.0f;
  for (SmallFloat f :
       {SmallFloat::F8E4M3FN, SmallFloat::F8E5M2, SmallFloat::F4E2M1FN}) {
    QuantScheme scheme{QuantFormat::floating(f), true, ScaleStorage::F32};
    QuantizedWeight q = quantize(scheme, w, {1, cols}, {1, 1});
    float s = static_cast<float>(q.scales[0]);
    double fmax = smallFloatMax(f);
    for (int64_t i = 0; i < cols; ++i) {
      double x = std::clamp(double(w[i] / s), -fmax, fmax);
      ASSERT_EQ(uint8_t(q.codes[i]), encodeSmallFloat(f, x))
          << "format " << int(f) << " value " << w[i];
    }
  }
  for (unsigned bits : {1u, 2u, 4u}) {
    QuantScheme scheme{QuantFormat::integer(bits, true), false,
                       ScaleStorage::F32};
    QuantizedWeight plain = quantize(scheme, w, {4, cols / 4}, {4, 1});
    QuantizedWeight packed;
    quantizeWeight(
        scheme, {4, cols / 4}, {4, 1},
        [&](int64_t b, int64_t e, float *dst) {
          std::copy(w.begin() + b, w.begin() + e, dst);
        },
        packed, 2, /*allowPacked=*/true);
    ASSERT_TRUE(packed.packed);
    std::vector<uint8_t> expected(packedByteSize(cols, bits));
    std::vector<uint8_t> codes(plain.codes.begin(), plain.codes.end());
    packBits(codes, bits, expected);
    EXPECT_EQ(std::vector<uint8_t>(packed.codes.begin(), packed.codes.end()),
              expected);
  }
}

// The vector kernels for f16 weights (quantizeWeight given the f16 bits)
// give exactly the bytes of the portable path, for every integer format,
// both schemes, f16 and f32 scales (subnormal f16 scales included), and
// every layout whose rows own their blocks; layouts they do not take (blocks
// of 16) agree too.
TEST(Quantize, F16KernelsMatchPortablePath) {
  std::mt19937 rng(21);
  std::student_t_distribution<float> dist(5.0f);
  const int64_t rows = 96, cols = 512;
  std::vector<uint16_t> bits(rows * cols);
  for (int64_t i = 0; i < rows * cols; ++i) {
    int64_t r = i / cols;
    // Rows of tiny values (subnormal f16 scales), large values, a zero row
    // and a zero block.
    float magnitude = r % 5 == 0 ? 1e-4f : r % 7 == 0 ? 2000.0f : 0.02f;
    float v =
        r == 3 || (r == 4 && i % cols < 64) ? 0.0f : dist(rng) * magnitude;
    bits[i] = encodeF16(v);
  }
  std::vector<float> w(bits.size());
  decodeF16Array(bits.data(), w.data(), w.size());
  auto load = [&](int64_t b, int64_t e, float *dst) {
    std::copy(w.begin() + b, w.begin() + e, dst);
  };
  std::vector<std::vector<int64_t>> params = {{1, 1},
                                              {rows, 1},
                                              {rows, cols / 32},
                                              {rows, cols / 64},
                                              {rows, cols / 16}};
  int checked = 0;
  for (unsigned nbits : {2u, 3u, 4u, 8u})
    for (bool isSigned : {true, false})
      for (bool symmetric : {true, false})
        for (ScaleStorage storage : {ScaleStorage::F16, ScaleStorage::F32})
          for (const auto &p : params)
            for (int variant : {0, 1, 2})
              for (bool allowPacked : {true, false}) {
                QuantScheme scheme{QuantFormat::integer(nbits, isSigned),
                                   symmetric, storage};
                // 1: the least-squares search; 2: with the full symmetric
                // range (symmetric schemes only).
                if (variant == 2 && !symmetric)
                  continue;
                if (variant >= 1)
                  scheme.search = ScaleSearch::MSE;
                scheme.fullRange = variant == 2;
                QuantizedWeight portable, vector;
                quantizeWeight(scheme, {rows, cols}, p, load, portable, 2,
                               allowPacked);
                quantizeWeight(scheme, {rows, cols}, p, load, vector, 2,
                               allowPacked, bits.data());
                SCOPED_TRACE(testing::Message()
                             << nbits << " bits signed " << isSigned
                             << " symmetric " << symmetric << " f16 scales "
                             << (storage == ScaleStorage::F16) << " variant "
                             << variant << " params " << p[0] << "x" << p[1]
                             << " packed " << allowPacked);
                ASSERT_EQ(portable.packed, vector.packed);
                ASSERT_EQ(portable.codes, vector.codes);
                ASSERT_EQ(portable.scales, vector.scales);
                ASSERT_EQ(portable.zeroPoints, vector.zeroPoints);
                EXPECT_EQ(vector.zeroPoints.size(),
                          symmetric ? 1u : vector.scales.size());
                ++checked;
              }
  EXPECT_EQ(checked, 320 * 5 / 2);
}

// encodeF16Array equals encodeF16 on every kind of value: exact in f32 or
// not, ties, subnormals, overflow, signed zeros, Inf and NaN.
TEST(Quantize, EncodeF16ArrayMatchesEncodeF16) {
  std::mt19937_64 rng(5);
  std::vector<double> values = {0.0,           -0.0,      65504.0,   65519.99,
                                65520.0,       1e6,       -1e6,      0x1p-24,
                                0x1p-25,       0x1.8p-25, 0x1p-26,   6.1e-5,
                                1.0 + 0x1p-11, INFINITY,  -INFINITY, NAN};
  std::uniform_real_distribution<double> exponent(-30.0, 17.0);
  for (int i = 0; i < 4000; ++i) {
    double v = std::exp2(exponent(rng)) * (rng() & 1 ? 1 : -1);
    values.push_back(i % 2 ? double(float(v)) : v);
  }
  std::vector<uint16_t> out(values.size());
  encodeF16Array(values.data(), out.data(), values.size());
  for (size_t i = 0; i < values.size(); ++i)
    ASSERT_EQ(out[i], encodeF16(values[i])) << "value " << values[i];
}
