//===- PalettizeWeightsTest.cpp - coreai-palettize-weights end to end -----===//
//
// Runs the pass on small random weights, materializes the result and checks
// it: scalar LUTs reach the brute-force optimum of their rows, and the
// per-channel-scale and quantized-LUT paths stay within their bounds.
//
//===----------------------------------------------------------------------===//

#include "coreai/IR/ConstantData.h"
#include "coreai/IR/CoreAIDialect.h"
#include "coreai/IR/CoreAIOps.h"
#include "coreai/Transforms/Passes.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"

#include "BruteForceKMeans.h"

#include "gtest/gtest.h"

#include <cmath>
#include <functional>
#include <limits>
#include <random>

using namespace mlir;
using namespace mlir::coreai;
using coreai_test::bruteForceSSE;

namespace {

constexpr int64_t kRows = 6, kCols = 10;

class PalettizeWeightsTest : public ::testing::Test {
protected:
  PalettizeWeightsTest() {
    ctx.getOrLoadDialect<CoreAIDialect>();
    registerCoreAIPasses();
  }

  /// Runs `pipeline` then materializes; returns the weight's values.
  std::vector<double> run(const std::vector<float> &w, StringRef pipeline) {
    std::string text = R"(
coreai.graph @main(%x: tensor<2x10xf32>) -> tensor<2x6xf32> {
  %w = coreai.constant dense<0.0> : tensor<6x10xf32>
  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>
  %wt = coreai.transpose %w, %perm : (tensor<6x10xf32>, tensor<2xui32>) -> tensor<10x6xf32>
  %y = coreai.decomposable.broadcasting_batch_matmul %x, %wt : (tensor<2x10xf32>, tensor<10x6xf32>) -> tensor<2x6xf32>
  coreai.output %y : tensor<2x6xf32>
})";
    OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(text, &ctx);
    module->walk([&](ConstantOp op) {
      auto type = cast<RankedTensorType>(op.getType());
      if (type.getRank() == 2)
        op.setValueAttr(DenseElementsAttr::get(type, ArrayRef<float>(w)));
    });
    PassManager pm(&ctx);
    std::string full = pipeline.str() + ",coreai-materialize-weights";
    EXPECT_TRUE(succeeded(parsePassPipeline(full, pm)));
    EXPECT_TRUE(succeeded(pm.run(*module)));
    std::vector<double> values(w.size());
    module->walk([&](TransposeOp op) {
      auto constant = op->getOperand(0).getDefiningOp<ConstantOp>();
      ASSERT_TRUE(constant);
      std::string error;
      ASSERT_TRUE(readElements(constant.getValue(), values, error)) << error;
    });
    return values;
  }

  MLIRContext ctx;
};

TEST_F(PalettizeWeightsTest, ScalarLUTsAreOptimal) {
  std::mt19937 rng(5);
  std::student_t_distribution<float> t(3.0f);
  for (int trial = 0; trial < 5; ++trial) {
    std::vector<float> w(kRows * kCols);
    for (float &v : w)
      v = t(rng);
    for (unsigned bits : {1u, 2u, 3u}) {
      std::vector<double> r = run(
          w, "coreai-palettize-weights{granularity=per_channel "
             "enable-fast-kmeans-mode=false weight-num-threshold=8 n-bits=" +
                 std::to_string(bits) + "}");
      for (int64_t row = 0; row < kRows; ++row) {
        std::vector<double> values(w.begin() + row * kCols,
                                   w.begin() + (row + 1) * kCols);
        double sse = 0;
        for (int64_t c = 0; c < kCols; ++c) {
          double e = values[c] - r[row * kCols + c];
          sse += e * e;
        }
        EXPECT_NEAR(sse, bruteForceSSE(values, 1u << bits), 1e-5)
            << "trial " << trial << " bits " << bits << " row " << row;
      }
    }
  }
}

TEST_F(PalettizeWeightsTest, ScaledAndQuantizedLUTsStayWithinBounds) {
  std::mt19937 rng(6);
  std::normal_distribution<float> d(0.0f, 1.0f);
  std::vector<float> w(kRows * kCols);
  for (float &v : w)
    v = d(rng);
  // 8-bit LUTs over 10 values per column: every value is its own entry, so
  // the only error is the LUT's storage.
  std::vector<double> pcs =
      run(w, "coreai-palettize-weights{n-bits=8 enable-per-channel-scale=true "
             "weight-num-threshold=8}");
  for (size_t i = 0; i < w.size(); ++i)
    EXPECT_NEAR(pcs[i], w[i], 1e-6 * std::abs(w[i]) + 1e-7) << i;
  double amax = 0;
  for (float v : w)
    amax = std::max(amax, std::abs(double(v)));
  std::vector<double> int8 = run(w, "coreai-palettize-weights{n-bits=8 "
                                    "lut-dtype=int8 weight-num-threshold=8}");
  const double s = (2 * amax + 1e-6) / 254;
  for (size_t i = 0; i < w.size(); ++i)
    EXPECT_LE(std::abs(int8[i] - w[i]), s / 2 * (1 + 1e-5)) << i;
  // Per-channel scale and a uint8 LUT: the fused scale is per column.
  std::vector<double> both =
      run(w, "coreai-palettize-weights{n-bits=8 lut-dtype=uint8 "
             "enable-per-channel-scale=true weight-num-threshold=8}");
  for (int64_t c = 0; c < kCols; ++c) {
    double colMax = 0;
    for (int64_t r = 0; r < kRows; ++r)
      colMax = std::max(colMax, std::abs(double(w[r * kCols + c])));
    for (int64_t r = 0; r < kRows; ++r) {
      int64_t i = r * kCols + c;
      // LUT entries in [-1, 1], quantized with step (2 + 1e-6) / 254.
      EXPECT_LE(std::abs(both[i] - w[i]), colMax * (2 + 1e-6) / 254 / 2 * 1.01)
          << i;
    }
  }
}

} // namespace
