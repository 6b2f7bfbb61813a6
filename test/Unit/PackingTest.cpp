//===- PackingTest.cpp - LSB-first bit-stream packing ---------------------===//

#include "coreai/Compression/Packing.h"

#include "gtest/gtest.h"

#include <random>

using namespace mlir::coreai;

namespace {

std::vector<uint8_t> codesOf(std::initializer_list<int> values) {
  std::vector<uint8_t> codes;
  for (int v : values)
    codes.push_back(static_cast<uint8_t>(v));
  return codes;
}

// The test vectors of docs/compression.md section 5.
TEST(Packing, SpecVectors) {
  EXPECT_EQ(packBits(codesOf({1, 2, 3}), 4),
            (std::vector<uint8_t>{0x21, 0x03}));
  EXPECT_EQ(packBits(codesOf({1, 2, 3, 0, 1}), 2),
            (std::vector<uint8_t>{0x39, 0x01}));
  EXPECT_EQ(packBits(codesOf({1, 0, 1, 1, 0, 0, 0, 0, 1}), 1),
            (std::vector<uint8_t>{0x0D, 0x01}));
  EXPECT_EQ(packBits(codesOf({1, 2, 3, 4}), 6),
            (std::vector<uint8_t>{0x81, 0x30, 0x10}));
  EXPECT_EQ(packBits(codesOf({1, 2, 3}), 3),
            (std::vector<uint8_t>{0xD1, 0x00}));
  EXPECT_EQ(packBits(codesOf({-1, 7}), 4), (std::vector<uint8_t>{0x7F}));
}

TEST(Packing, ByteSizes) {
  EXPECT_EQ(packedByteSize(0, 4), 0);
  EXPECT_EQ(packedByteSize(3, 4), 2);
  EXPECT_EQ(packedByteSize(9, 1), 2);
  EXPECT_EQ(packedByteSize(4, 6), 3);
  EXPECT_EQ(packedByteSize(5, 6), 4);
  EXPECT_EQ(packedByteSize(3, 3), 2);
  EXPECT_EQ(packedByteSize(1024 * 1024, 4), 512 * 1024);
}

TEST(Packing, SignExtend) {
  EXPECT_EQ(signExtend(0xF, 4), -1);
  EXPECT_EQ(signExtend(0x7, 4), 7);
  EXPECT_EQ(signExtend(0x8, 4), -8);
  EXPECT_EQ(signExtend(0x2, 2), -2);
  EXPECT_EQ(signExtend(0x1, 2), 1);
  EXPECT_EQ(signExtend(0xFF, 8), -1);
}

TEST(Packing, RoundTripEveryWidthAndLength) {
  std::mt19937 rng(7);
  for (unsigned bits = 1; bits <= 8; ++bits) {
    for (size_t n : {0u, 1u, 2u, 3u, 7u, 8u, 9u, 31u, 1000u}) {
      std::vector<uint8_t> codes(n);
      for (uint8_t &c : codes)
        c = static_cast<uint8_t>(rng() & ((1u << bits) - 1));
      std::vector<uint8_t> packed = packBits(codes, bits);
      ASSERT_EQ(static_cast<int64_t>(packed.size()), packedByteSize(n, bits));
      std::vector<uint8_t> back(n);
      unpackBits(packed, bits, back);
      EXPECT_EQ(back, codes) << "bits=" << bits << " n=" << n;
    }
  }
}

TEST(Packing, UnpackFromAnyElement) {
  std::mt19937 rng(11);
  for (unsigned bits : {1u, 2u, 3u, 4u, 6u, 8u}) {
    std::vector<uint8_t> codes(101);
    for (uint8_t &c : codes)
      c = static_cast<uint8_t>(rng() & ((1u << bits) - 1));
    std::vector<uint8_t> packed = packBits(codes, bits);
    for (int64_t first : {0, 1, 7, 8, 13, 100}) {
      std::vector<uint8_t> part(codes.size() - first);
      unpackBits(packed, bits, part, first);
      EXPECT_TRUE(std::equal(part.begin(), part.end(), codes.begin() + first))
          << "bits=" << bits << " first=" << first;
    }
  }
}

TEST(Packing, PaddingBitsAreZero) {
  // Three ui2 codes of 3 leave the top two bits of the byte clear.
  EXPECT_EQ(packBits(codesOf({3, 3, 3}), 2), (std::vector<uint8_t>{0x3F}));
  // Out-of-range bits of a code are masked off.
  EXPECT_EQ(packBits(codesOf({0xF3}), 2), (std::vector<uint8_t>{0x03}));
}

} // namespace
