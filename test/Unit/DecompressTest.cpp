//===- DecompressTest.cpp - Reference semantics of compression ops --------===//

#include "coreai/Compression/Decompress.h"

#include "gtest/gtest.h"

using namespace mlir::coreai;

namespace {

TEST(Decompress, ShiftScaleRepeatsBlocks) {
  // data 2x4, parameters 2x2: blocks of 1 row x 2 columns.
  std::vector<double> data = {1, 2, 3, 4, 5, 6, 7, 8};
  std::vector<double> scale = {1, 10, 100, 1000};
  std::vector<double> off1 = {1, 0, 0, 1};
  std::vector<double> off2 = {0, 0, 0.5, 0};
  std::vector<double> out(8);
  blockwiseShiftScale(data, {2, 4}, scale, off1, off2, {2, 2}, out);
  EXPECT_EQ(out, (std::vector<double>{0, 1, 30, 40, 500.5, 600.5, 6000, 7000}));
}

TEST(Decompress, LutScalarPerGroup) {
  // indices 4x2, LUT [2,1,2,1]: rows 0-1 use palette 0, rows 2-3 palette 1.
  std::vector<double> indices = {0, 1, 1, 0, 0, 0, 1, 1};
  std::vector<double> lut = {-1, 1, -10, 10};
  std::vector<double> out(8);
  std::string error;
  ASSERT_TRUE(lutToDense(indices, {4, 2}, lut, {2, 1, 2, 1}, 0, out, error));
  EXPECT_EQ(out, (std::vector<double>{-1, 1, 1, -1, -10, -10, 10, 10}));
}

TEST(Decompress, LutVectorsAlongAxis) {
  // indices 2x2 with 2-element vectors along axis 0: output 4x2 where
  // out[i*2+v][j] = lut[idx[i][j]][v].
  std::vector<double> indices = {0, 1, 1, 0};
  std::vector<double> lut = {1, 2, 3, 4}; // palette 0 = (1,2), 1 = (3,4)
  std::vector<double> out(8);
  std::string error;
  ASSERT_TRUE(lutToDense(indices, {2, 2}, lut, {1, 1, 2, 2}, 0, out, error));
  EXPECT_EQ(out, (std::vector<double>{1, 3, 2, 4, 3, 1, 4, 2}));
  // Along axis 1: out[i][j*2+v].
  ASSERT_TRUE(lutToDense(indices, {2, 2}, lut, {1, 1, 2, 2}, 1, out, error));
  EXPECT_EQ(out, (std::vector<double>{1, 2, 3, 4, 3, 4, 1, 2}));
}

TEST(Decompress, LutRejectsOutOfPaletteIndex) {
  std::vector<double> indices = {2};
  std::vector<double> lut = {0, 1};
  std::vector<double> out(1);
  std::string error;
  EXPECT_FALSE(lutToDense(indices, {1}, lut, {1, 2, 1}, 0, out, error));
  EXPECT_NE(error.find("outside the palette"), std::string::npos);
}

TEST(Decompress, ScatterRowMajor) {
  std::vector<double> out(6);
  std::string error;
  ASSERT_TRUE(scatterByMask({5, 6, 7}, {0, 1, 0, 1, 1, 0}, out, error));
  EXPECT_EQ(out, (std::vector<double>{0, 5, 0, 6, 7, 0}));
  EXPECT_FALSE(scatterByMask({5, 6}, {0, 1, 0, 1, 1, 0}, out, error));
  EXPECT_EQ(error, "the mask has 3 ones but there are 2 values");
  EXPECT_FALSE(scatterByMask({5, 6, 7, 8}, {0, 1, 0, 1, 1, 0}, out, error));
  EXPECT_EQ(error, "the mask has 3 ones but there are 4 values");
}

// Large inputs split over threads (row chunks, prefix counts) give the same
// results as one thread.
TEST(Decompress, ThreadCountDoesNotMatter) {
  const int64_t rows = 300, cols = 1000;
  std::vector<double> data(rows * cols), mask(rows * cols), codes(rows * cols);
  for (int64_t i = 0; i < rows * cols; ++i) {
    data[i] = (i * 7919) % 255 - 127;
    mask[i] = (i * 31) % 3 == 0;
    codes[i] = (i * 13) % 4;
  }
  std::vector<double> scale(rows * 10), off1(rows * 10, 1), off2(rows * 10);
  for (size_t i = 0; i < scale.size(); ++i) {
    scale[i] = 0.01 * (i % 17 + 1);
    off2[i] = 0.5 * (i % 3);
  }
  std::vector<double> a(rows * cols), b(rows * cols);
  blockwiseShiftScale(data, {rows, cols}, scale, off1, off2, {rows, 10}, a, 1);
  blockwiseShiftScale(data, {rows, cols}, scale, off1, off2, {rows, 10}, b, 2);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a[cols + 150], (data[cols + 150] - 1) * scale[11] + off2[11]);

  std::vector<double> lut(rows / 100 * 4 * 2);
  for (size_t i = 0; i < lut.size(); ++i)
    lut[i] = i * 0.25;
  std::vector<double> la(rows * cols * 2), lb(rows * cols * 2);
  std::string error;
  ASSERT_TRUE(lutToDense(codes, {rows, cols}, lut, {rows / 100, 1, 4, 2}, 1, la,
                         error, 1));
  ASSERT_TRUE(lutToDense(codes, {rows, cols}, lut, {rows / 100, 1, 4, 2}, 1, lb,
                         error, 2));
  EXPECT_EQ(la, lb);
  // Row 150 (group 1), column 3: index codes[150 * cols + 3], vector along
  // axis 1.
  int64_t code = static_cast<int64_t>(codes[150 * cols + 3]);
  EXPECT_EQ(la[150 * cols * 2 + 3 * 2 + 1], lut[(1 * 4 + code) * 2 + 1]);

  int64_t ones = 0;
  for (double m : mask)
    ones += m != 0.0;
  std::vector<double> values(ones);
  for (int64_t i = 0; i < ones; ++i)
    values[i] = i + 1;
  std::vector<double> sa(rows * cols), sb(rows * cols);
  ASSERT_TRUE(scatterByMask(values, mask, sa, error, 1));
  ASSERT_TRUE(scatterByMask(values, mask, sb, error, 2));
  EXPECT_EQ(sa, sb);
  EXPECT_EQ(sa.back(), mask.back() != 0.0 ? ones : 0);
}

} // namespace
