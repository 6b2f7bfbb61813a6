//===- Gptq.h - Error feedback from activation statistics -------*- C++ -*-===//
//
// GPTQ (Frantar et al., 2022) in the numerics library, free of IR: a weight
// seen as a matrix W (rows = output channels, columns = the input columns the
// consumer contracts) is quantized column after column, and each column's
// rounding error is fed back into the columns not yet quantized through the
// Cholesky factor of the damped inverse of H = sum x x^T, the Gram matrix of
// the inputs the weight sees (computed from the upper factor V of
// H = V V^T, without an inverse; see docs/ActivationStatistics.md). What
// "quantize a column" means is the caller's (a uniform grid with fixed
// scales, the nearest entry of a LUT), so every scheme shares the one loop.
// Dense linear algebra from libraries: the Cholesky factorization is
// LAPACK's, the lazy block updates BLAS's matrix product (both OpenBLAS,
// whose kernels are chosen for the machine at run time), the small products
// Eigen's.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_COMPRESSION_GPTQ_H
#define COREAI_COMPRESSION_GPTQ_H

#include "coreai/Compression/Buffer.h"
#include "coreai/Compression/Metrics.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace mlir {
namespace coreai {

/// What a weight's inputs looked like over the calibration samples: per
/// group of output channels, the Gram matrix H = sum x x^T of the input
/// columns the weight contracts (or only its diagonal, sum x^2).
struct InputStatistics {
  int64_t groups = 1;
  int64_t columns = 0;
  /// gram holds groups x columns x columns values (full), or groups x
  /// columns (the diagonal only); uninitialized, huge-page memory when large
  /// (a 4096-column H is 128 MiB).
  bool full = true;
  UninitVector<double> gram;
  /// Input vectors (rows, patches) accumulated.
  int64_t samples = 0;
};

/// The knobs of GPTQ, with the usual defaults.
struct GptqOptions {
  /// Added to the diagonal of H: this ratio of its mean diagonal.
  double dampingRatio = 0.01;
  /// Columns whose updates are applied lazily, as one matrix product.
  int64_t blockColumns = 128;
  /// Quantize the columns in descending diag(H) ("act-order"); else in order.
  bool actOrder = true;
};

/// Replaces values[0, rowEnd - rowBegin) -- the current values of column
/// `column` in rows [rowBegin, rowEnd) -- by their quantized (decoded)
/// values, recording whatever codes the caller keeps. Called concurrently
/// for disjoint row ranges.
using GptqColumnQuantizer = llvm::function_ref<void(
    int64_t column, int64_t rowBegin, int64_t rowEnd, float *values)>;

/// Runs GPTQ on the `rows` x `cols` matrix `w` (row-major; on return it holds
/// the decoded values) with the Gram matrix `h` (`cols` x `cols`, row-major,
/// symmetric). Columns with a zero diagonal (inputs that were always zero)
/// are rounded without feedback. Rows are independent: they are processed
/// in fixed chunks on up to `threads` threads, so the result does not depend
/// on the count. Returns false with `error` when H is not finite or not
/// positive semi-definite enough to factor after damping.
bool gptqQuantize(int64_t rows, int64_t cols, float *w, const double *h,
                  const GptqOptions &options, GptqColumnQuantizer quantize,
                  unsigned threads, std::string &error);

/// gptqQuantize on a strided matrix: element (r, c) at w[r * rowStride + c *
/// colStride] (a weight stored input-major, [in, out], is the matrix with
/// rowStride 1 and colStride out, read in place).
bool gptqQuantize(int64_t rows, int64_t cols, float *w, int64_t rowStride,
                  int64_t colStride, const double *h,
                  const GptqOptions &options, GptqColumnQuantizer quantize,
                  unsigned threads, std::string &error);

/// An element of a weight tensor as GPTQ sees it: its row-major index, its
/// row (output channel) and its column (see gptqQuantizeTensor).
struct GptqElement {
  int64_t index, row, column;
};

/// Returns the quantized (decoded) value of `element`, whose current value
/// is `value`, and records its code. Called concurrently for distinct
/// elements.
using GptqElementQuantizer =
    llvm::function_ref<float(const GptqElement &element, float value)>;

/// GPTQ on a weight tensor of `shape` (row-major `values`, decoded values on
/// return): its rows run along `outAxis`, its columns over every other axis
/// in order (a conv2d's [Cout, Cin/groups, KH, KW] weight has one row per
/// output channel and the im2col patch (c, ky, kx) as columns; a matmul
/// weight its contraction axis). The rows form `groups` contiguous groups,
/// group g seeing inputs of Gram matrix gram[g] (columns x columns). Returns
/// false with `error` as gptqQuantize does, or when the groups do not divide
/// the rows.
bool gptqQuantizeTensor(llvm::ArrayRef<int64_t> shape, int64_t outAxis,
                        int64_t groups, const double *gram, float *values,
                        const GptqOptions &options,
                        GptqElementQuantizer quantize, unsigned threads,
                        std::string &error);

/// gptqQuantizeTensor with `stats`: each element's error fed back through
/// the full H, or, with only its diagonal, each element rounded on its own
/// (no feedback is possible).
bool quantizeWithStatistics(llvm::ArrayRef<int64_t> shape, int64_t outAxis,
                            const InputStatistics &stats, float *values,
                            GptqElementQuantizer quantize, unsigned threads,
                            std::string &error);

/// The mean square input each element of a weight of `shape` multiplies:
/// diag H of its group and column (rows along `outAxis`, columns over the
/// other axes in order, rows in `stats.groups` contiguous groups), divided by
/// the samples; one value per element, row-major. Weighted scale search,
/// weighted k-means and Wanda's pruning score use it. Returns false when
/// the statistics do not fit the shape. Filled on up to `threads` threads.
bool getElementInputWeights(llvm::ArrayRef<int64_t> shape, int64_t outAxis,
                            const InputStatistics &stats,
                            UninitVector<double> &weights,
                            unsigned threads = 1);

/// getElementInputWeights' value of one element, from a table of one value
/// per column and group (no array the size of the weight).
class ElementInputWeights {
public:
  /// False when the statistics do not fit the shape.
  bool init(llvm::ArrayRef<int64_t> shape, int64_t outAxis,
            const InputStatistics &stats);
  /// The weight of element `index` (row-major).
  double operator()(int64_t index) const {
    const int64_t i = index % inner, r = (index / inner) % rows,
                  o = index / (inner * rows);
    return mean[(r / rowsPerGroup) * cols + o * inner + i];
  }
  /// The weight of the element in row (output channel) `row` and column
  /// `column` (gptqQuantizeTensor's).
  double at(int64_t row, int64_t column) const {
    return mean[(row / rowsPerGroup) * cols + column];
  }
  /// Replaces every weight by its square root (the inputs' root mean
  /// square).
  void takeSquareRoots() {
    for (double &v : mean)
      v = std::sqrt(v);
  }

private:
  std::vector<double> mean;
  int64_t rows = 1, inner = 1, cols = 1, rowsPerGroup = 1;
};

/// What the consumer's output holds of a tensor `d` of `shape` (a weight,
/// or its error) seen as GPTQ sees it (getElementInputWeights' layout), per
/// row (output channel): energies[r] = d_r H_g d_r^T, summed over the
/// calibration samples; with only diag H, sum_c h_c d_rc^2. Returns false
/// when the statistics do not fit the shape.
bool getRowOutputEnergies(llvm::ArrayRef<int64_t> shape, int64_t outAxis,
                          const InputStatistics &stats,
                          llvm::ArrayRef<double> d,
                          std::vector<double> &energies);

/// Per output channel (row), what the consumer's output holds of the
/// weight `reference` (signal w_r H w_r^T) and of its error in `actual`
/// (noise d_r H d_r^T): the output SQNR's parts. Returns false when the
/// statistics do not fit the shape.
bool compareOutputChannels(llvm::ArrayRef<int64_t> shape, int64_t outAxis,
                           const InputStatistics &stats,
                           llvm::ArrayRef<double> reference,
                           llvm::ArrayRef<double> actual,
                           std::vector<ErrorStats> &channels);

/// The error a consumer sees through inputs of Gram matrix `h`:
/// tr(D H D^T) for the `rows` x `cols` difference D (row-major), i.e. the
/// summed squared output error over the calibration samples.
double getOutputError(int64_t rows, int64_t cols, const float *d,
                      const double *h, unsigned threads = 1);

} // namespace coreai
} // namespace mlir

#endif // COREAI_COMPRESSION_GPTQ_H
