//===- Gptq.cpp - Error feedback from activation statistics ---------------===//

#include "coreai/Compression/Gptq.h"
#include "coreai/Compression/Buffer.h"
#include "coreai/Compression/Parallel.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <mutex>
#include <numeric>
#include <vector>

using namespace mlir::coreai;

// From OpenBLAS: LAPACK's Cholesky factorization, BLAS's matrix product
// (column-major, Fortran conventions) and the size of its thread pool.
extern "C" {
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda,
             int *info);
void sgemm_(const char *transa, const char *transb, const int *m, const int *n,
            const int *k, const float *alpha, const float *a, const int *lda,
            const float *b, const int *ldb, const float *beta, float *c,
            const int *ldc);
int openblas_get_num_threads(void);
void openblas_set_num_threads(int threads);
}

namespace {
using MatrixD =
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using MatrixF =
    Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using ColMatrixF = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic>;

/// Rows handled by one task: fixed, so that the bytes do not depend on the
/// thread count.
constexpr int64_t kRowChunk = 128;

/// Columns of a block whose errors are fed to each other one by one; the
/// rest of the block hears of them by a matrix product.
constexpr int64_t kSubBlock = 16;

/// Keeps OpenBLAS on the calling thread while any sweep runs: the sweeps'
/// own oneTBB tasks call it from every thread, and its thread pool, shared
/// by all of them, would serialize them. The pool's size is restored when
/// the last sweep ends (a factorization meanwhile runs on one thread).
class SerialBlasScope {
public:
  SerialBlasScope() {
    std::lock_guard<std::mutex> lock(mutex());
    if (holders()++ == 0) {
      saved() = openblas_get_num_threads();
      openblas_set_num_threads(1);
    }
  }
  ~SerialBlasScope() {
    std::lock_guard<std::mutex> lock(mutex());
    if (--holders() == 0)
      openblas_set_num_threads(saved());
  }
  SerialBlasScope(const SerialBlasScope &) = delete;
  SerialBlasScope &operator=(const SerialBlasScope &) = delete;

private:
  static std::mutex &mutex() {
    static std::mutex m;
    return m;
  }
  static int &holders() {
    static int count = 0;
    return count;
  }
  static int &saved() {
    static int threads = 1;
    return threads;
  }
};

/// C (m x n) += A (m x k) B^T, with B^T stored as k rows of n values
/// `ldb` apart (rows of a row-major matrix); A and C column-major with
/// leading dimension m. One call of OpenBLAS's sgemm on the calling thread.
void addProductTransposed(int64_t m, int64_t n, int64_t k, const float *a,
                          const float *bt, int64_t ldb, float *c) {
  const int mi = static_cast<int>(m), ni = static_cast<int>(n),
            ki = static_cast<int>(k), ldbi = static_cast<int>(ldb);
  const float one = 1.0f;
  sgemm_("N", "T", &mi, &ni, &ki, &one, a, &mi, bt, &ldbi, &one, c, &mi);
}

/// The feedback factor of GPTQ for the permuted, damped H, without
/// inverting anything: H = V V^T with V upper triangular (the Cholesky
/// factor of H with rows and columns reversed). GPTQ's U, the upper Cholesky
/// factor of H^-1, is V^-1, and its update w_k -= (w~_j - q_j) / U_jj * U_jk
/// sums to w~_k = w_k + sum_{j<k} (w_j - q_j) V_jk / V_kk, with w the
/// original values: returns F with F_jk = V_jk / V_kk (upper, unit
/// diagonal). Retries with ten times the damping when H is not positive
/// definite enough.
bool getFeedbackFactor(const double *h, int64_t n, llvm::ArrayRef<int64_t> perm,
                       double dampingRatio, unsigned threads,
                       UninitVector<float> &f, std::string &error) {
  auto hIn = [&](int64_t i, int64_t j) { return h[i * n + j]; };
  if (n > std::numeric_limits<int>::max()) {
    error = "the activation statistics have too many columns for LAPACK";
    return false;
  }
  // An input that was always zero: its column is rounded on its own (a
  // unit diagonal, no coupling).
  std::vector<char> dead(n);
  double diagonalSum = 0;
  for (int64_t i = 0; i < n; ++i) {
    dead[i] = !(hIn(perm[i], perm[i]) > 0);
    diagonalSum += dead[i] ? 1.0 : hIn(perm[i], perm[i]);
  }
  double damping = dampingRatio * diagonalSum / double(n);
  // The permuted H with rows and columns reversed, built in one pass
  // (fresh memory: uninitialized, huge pages).
  UninitVector<double> workStorage(n * n);
  Eigen::Map<MatrixD> work(workStorage.data(), n, n);
  for (int attempt = 0; attempt < 4; ++attempt, damping *= 10) {
    parallelFor(threads, n, [&](int64_t i) {
      const int64_t pi = perm[n - 1 - i];
      const bool deadRow = dead[n - 1 - i];
      for (int64_t j = 0; j < n; ++j) {
        const int64_t pj = perm[n - 1 - j];
        work(i, j) = deadRow || dead[n - 1 - j] ? 0.0 : hIn(pi, pj);
      }
      work(i, i) = (deadRow ? 1.0 : work(i, i)) + damping;
    });
    // LAPACK's Cholesky (OpenBLAS). The row-major matrix is the
    // column-major transpose of itself (H is symmetric): its upper factor
    // there, U^T U, is the lower factor L L^T here.
    const int size = static_cast<int>(n);
    int info = 0;
    dpotrf_("U", &size, work.data(), &size, &info);
    if (info != 0)
      continue;
    // The lower factor, reversed, is V (its upper triangle; the lower one
    // holds what the in-place factorization left): F_jk = V_jk / V_kk with
    // V_jk = work(n-1-j, n-1-k).
    bool usable = true;
    for (int64_t k = 0; usable && k < n; ++k)
      usable = work(k, k) > 0 && std::isfinite(work(k, k));
    if (!usable)
      continue;
    // Row-major; only the upper triangle is read.
    f.resize(n * n);
    parallelFor(threads, n, [&](int64_t j) {
      float *row = f.data() + j * n;
      for (int64_t k = j; k < n; ++k)
        row[k] = static_cast<float>(work(n - 1 - j, n - 1 - k) /
                                    work(n - 1 - k, n - 1 - k));
    });
    return true;
  }
  error = "the activation statistics are not positive definite even with "
          "damping (degenerate or corrupt Gram matrix)";
  return false;
}
} // namespace

bool mlir::coreai::gptqQuantize(int64_t rows, int64_t cols, float *w,
                                const double *h, const GptqOptions &options,
                                GptqColumnQuantizer quantize, unsigned threads,
                                std::string &error) {
  return gptqQuantize(rows, cols, w, cols, 1, h, options, quantize, threads,
                      error);
}

bool mlir::coreai::gptqQuantize(int64_t rows, int64_t cols, float *w,
                                int64_t rowStride, int64_t colStride,
                                const double *h, const GptqOptions &options,
                                GptqColumnQuantizer quantize, unsigned threads,
                                std::string &error) {
  if (rows == 0 || cols == 0)
    return true;
  Eigen::Map<const MatrixD> hIn(h, cols, cols);
  if (!hIn.allFinite()) {
    error = "the activation statistics hold Inf or NaN";
    return false;
  }
  // Column order: descending diag(H), ties in index order.
  std::vector<int64_t> perm(cols);
  std::iota(perm.begin(), perm.end(), 0);
  if (options.actOrder)
    std::stable_sort(perm.begin(), perm.end(), [&](int64_t a, int64_t b) {
      return hIn(a, a) > hIn(b, b);
    });
  UninitVector<float> f;
  if (!getFeedbackFactor(h, cols, perm, options.dampingRatio, threads, f,
                         error))
    return false;

  // Each chunk of rows: its values, columns permuted, column-major (a
  // column is contiguous for the quantizer); each quantized column's error
  // against its original values (read from `w`, which the chunk rewrites
  // only at the end) fed into the rest of its block at once, and the
  // block's errors into every later column by one matrix product.
  const int64_t block = std::max<int64_t>(1, options.blockColumns);
  const int64_t chunks = (rows + kRowChunk - 1) / kRowChunk;
  SerialBlasScope serialBlas;
  parallelFor(threads, chunks, [&](int64_t chunk) {
    const int64_t r0 = chunk * kRowChunk;
    const int64_t r1 = std::min(rows, r0 + kRowChunk);
    const int64_t n = r1 - r0;
    UninitVector<float> wpStorage(n * cols), deltaStorage(n * block);
    Eigen::Map<ColMatrixF> wp(wpStorage.data(), n, cols);
    Eigen::Map<ColMatrixF> deltas(deltaStorage.data(), n, block);
    auto at = [&](int64_t r, int64_t k) -> float & {
      return w[(r0 + r) * rowStride + perm[k] * colStride];
    };
    // Gathered and scattered in the order of memory.
    auto forEach = [&](auto body) {
      if (rowStride == 1) {
        for (int64_t k = 0; k < cols; ++k)
          for (int64_t r = 0; r < n; ++r)
            body(r, k);
      } else {
        for (int64_t r = 0; r < n; ++r)
          for (int64_t k = 0; k < cols; ++k)
            body(r, k);
      }
    };
    forEach([&](int64_t r, int64_t k) { wp(r, k) = at(r, k); });
    for (int64_t b0 = 0; b0 < cols; b0 += block) {
      const int64_t b1 = std::min(cols, b0 + block);
      // Within the block, sub-blocks of kSubBlock columns: each column's
      // error fed into the rest of its sub-block at once (Eigen), each
      // sub-block's into the rest of the block by one product.
      for (int64_t s0 = b0; s0 < b1; s0 += kSubBlock) {
        const int64_t s1 = std::min(b1, s0 + kSubBlock);
        for (int64_t k = s0; k < s1; ++k) {
          float *column = &wp(0, k);
          quantize(perm[k], r0, r1, column);
          for (int64_t r = 0; r < n; ++r)
            deltas(r, k - b0) = at(r, k) - column[r];
          if (k + 1 < s1)
            wp.middleCols(k + 1, s1 - k - 1).noalias() +=
                deltas.col(k - b0) *
                Eigen::Map<const Eigen::RowVectorXf>(
                    f.data() + k * cols + k + 1, s1 - k - 1);
        }
        if (s1 < b1)
          addProductTransposed(n, b1 - s1, s1 - s0, &deltas(0, s0 - b0),
                               f.data() + s0 * cols + s1, cols, &wp(0, s1));
      }
      // And the block's into every later column.
      if (b1 < cols)
        addProductTransposed(n, cols - b1, b1 - b0, deltas.data(),
                             f.data() + b0 * cols + b1, cols, &wp(0, b1));
    }
    forEach([&](int64_t r, int64_t k) { at(r, k) = wp(r, k); });
  });
  return true;
}

bool mlir::coreai::gptqQuantizeTensor(llvm::ArrayRef<int64_t> shape,
                                      int64_t outAxis, int64_t groups,
                                      const double *gram, float *values,
                                      const GptqOptions &options,
                                      GptqElementQuantizer quantize,
                                      unsigned threads, std::string &error) {
  int64_t outer = 1, inner = 1;
  for (int64_t d = 0; d < outAxis; ++d)
    outer *= shape[d];
  for (size_t d = outAxis + 1; d < shape.size(); ++d)
    inner *= shape[d];
  const int64_t rows = shape[outAxis], cols = outer * inner;
  if (groups <= 0 || rows % groups != 0) {
    error = "the statistics have " + std::to_string(groups) +
            " groups, which do not divide the " + std::to_string(rows) +
            " output channels";
    return false;
  }
  // Element (row r, column c) of the matrix: the column's first element,
  // then `inner` apart.
  auto columnBase = [&](int64_t c) {
    return (c / inner) * rows * inner + c % inner;
  };
  const int64_t groupRows = rows / groups;
  const unsigned groupThreads = groups > 1 ? 1 : threads;
  // Group g's rows [r0, r1) of column c.
  auto quantizeColumn = [&](int64_t g, int64_t c, int64_t r0, int64_t r1,
                            float *v) {
    const int64_t base = columnBase(c);
    for (int64_t r = r0; r < r1; ++r) {
      const int64_t row = g * groupRows + r;
      v[r - r0] = quantize({base + row * inner, row, c}, v[r - r0]);
    }
  };
  // Rows or columns contiguous (outAxis first or last): each group read in
  // place.
  if (outer == 1 || inner == 1) {
    for (int64_t g = 0; g < groups; ++g) {
      auto column = [&](int64_t c, int64_t r0, int64_t r1, float *v) {
        quantizeColumn(g, c, r0, r1, v);
      };
      float *first = values + g * groupRows * inner;
      if (!gptqQuantize(groupRows, cols, first, outer == 1 ? inner : 1,
                        outer == 1 ? 1 : rows, gram + g * cols * cols, options,
                        column, groupThreads, error))
        return false;
    }
    return true;
  }
  // Else each group copied into a matrix and back.
  UninitVector<float> matrix(groupRows * cols);
  for (int64_t g = 0; g < groups; ++g) {
    const int64_t base = g * groupRows;
    for (int64_t r = 0; r < groupRows; ++r)
      for (int64_t c = 0; c < cols; ++c)
        matrix[r * cols + c] = values[columnBase(c) + (base + r) * inner];
    auto column = [&](int64_t c, int64_t r0, int64_t r1, float *v) {
      quantizeColumn(g, c, r0, r1, v);
    };
    if (!gptqQuantize(groupRows, cols, matrix.data(), gram + g * cols * cols,
                      options, column, groupThreads, error))
      return false;
    for (int64_t r = 0; r < groupRows; ++r)
      for (int64_t c = 0; c < cols; ++c)
        values[columnBase(c) + (base + r) * inner] = matrix[r * cols + c];
  }
  return true;
}

bool mlir::coreai::quantizeWithStatistics(
    llvm::ArrayRef<int64_t> shape, int64_t outAxis,
    const InputStatistics &stats, float *values, GptqElementQuantizer quantize,
    unsigned threads, std::string &error) {
  if (stats.full)
    return gptqQuantizeTensor(shape, outAxis, stats.groups, stats.gram.data(),
                              values, GptqOptions(), quantize, threads, error);
  int64_t count = 1;
  for (int64_t d : shape)
    count *= d;
  const int64_t rank = shape.size();
  const int64_t rows = outAxis >= 0 && outAxis < rank ? shape[outAxis] : 1;
  int64_t inner = 1;
  for (int64_t d = outAxis + 1; d < rank; ++d)
    inner *= shape[d];
  parallelForChunks(threads, count, 1 << 14, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i)
      values[i] = quantize(
          {i, (i / inner) % rows, (i / (inner * rows)) * inner + i % inner},
          values[i]);
  });
  return true;
}

bool ElementInputWeights::init(llvm::ArrayRef<int64_t> shape, int64_t outAxis,
                               const InputStatistics &stats) {
  const int64_t rank = shape.size();
  if (outAxis < 0 || outAxis >= rank || stats.groups <= 0 ||
      shape[outAxis] % stats.groups != 0)
    return false;
  int64_t outer = 1;
  inner = 1;
  for (int64_t d = 0; d < rank; ++d) {
    if (d < outAxis)
      outer *= shape[d];
    else if (d > outAxis)
      inner *= shape[d];
  }
  rows = shape[outAxis];
  cols = stats.columns;
  if (outer * inner != cols ||
      int64_t(stats.gram.size()) !=
          stats.groups * cols * (stats.full ? cols : 1))
    return false;
  rowsPerGroup = rows / stats.groups;
  const double samples = stats.samples > 0 ? double(stats.samples) : 1.0;
  // E[x^2] of each group's columns.
  mean.resize(stats.groups * cols);
  for (int64_t g = 0; g < stats.groups; ++g)
    for (int64_t column = 0; column < cols; ++column)
      mean[g * cols + column] =
          (stats.full ? stats.gram[(g * cols + column) * cols + column]
                      : stats.gram[g * cols + column]) /
          samples;
  return true;
}

bool mlir::coreai::getElementInputWeights(llvm::ArrayRef<int64_t> shape,
                                          int64_t outAxis,
                                          const InputStatistics &stats,
                                          UninitVector<double> &weights,
                                          unsigned threads) {
  ElementInputWeights of;
  if (!of.init(shape, outAxis, stats))
    return false;
  int64_t count = 1;
  for (int64_t d : shape)
    count *= d;
  weights.resize(count);
  parallelForChunks(threads, count, 1 << 16, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i)
      weights[i] = of(i);
  });
  return true;
}

bool mlir::coreai::getRowOutputEnergies(llvm::ArrayRef<int64_t> shape,
                                        int64_t outAxis,
                                        const InputStatistics &stats,
                                        llvm::ArrayRef<double> d,
                                        std::vector<double> &energies) {
  UninitVector<double> diagonal;
  if (!getElementInputWeights(shape, outAxis, stats, diagonal, 1) ||
      d.size() != diagonal.size())
    return false;
  const int64_t rows = shape[outAxis], cols = stats.columns;
  int64_t inner = 1;
  for (size_t a = outAxis + 1; a < shape.size(); ++a)
    inner *= shape[a];
  auto at = [&](int64_t r, int64_t c) {
    return (c / inner * rows + r) * inner + c % inner;
  };
  energies.assign(rows, 0.0);
  const double samples = stats.samples > 0 ? double(stats.samples) : 1.0;
  if (!stats.full) {
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t c = 0; c < cols; ++c)
        energies[r] += diagonal[at(r, c)] * samples * d[at(r, c)] * d[at(r, c)];
    return true;
  }
  // D as rows x cols (rows along outAxis), group by group.
  const int64_t rowsPerGroup = rows / stats.groups;
  MatrixD block(rowsPerGroup, cols);
  for (int64_t g = 0; g < stats.groups; ++g) {
    for (int64_t r = 0; r < rowsPerGroup; ++r)
      for (int64_t c = 0; c < cols; ++c)
        block(r, c) = d[at(g * rowsPerGroup + r, c)];
    Eigen::Map<const MatrixD> h(stats.gram.data() + g * cols * cols, cols,
                                cols);
    Eigen::VectorXd rowEnergy =
        ((block * h).array() * block.array()).rowwise().sum().matrix();
    for (int64_t r = 0; r < rowsPerGroup; ++r)
      energies[g * rowsPerGroup + r] = rowEnergy(r);
  }
  return true;
}

bool mlir::coreai::compareOutputChannels(llvm::ArrayRef<int64_t> shape,
                                         int64_t outAxis,
                                         const InputStatistics &stats,
                                         llvm::ArrayRef<double> reference,
                                         llvm::ArrayRef<double> actual,
                                         std::vector<ErrorStats> &channels) {
  if (reference.size() != actual.size())
    return false;
  std::vector<double> difference(reference.size()), signal, noise;
  for (size_t i = 0; i < reference.size(); ++i)
    difference[i] = actual[i] - reference[i];
  if (!getRowOutputEnergies(shape, outAxis, stats, reference, signal) ||
      !getRowOutputEnergies(shape, outAxis, stats, difference, noise))
    return false;
  channels.assign(signal.size(), ErrorStats());
  for (size_t r = 0; r < signal.size(); ++r) {
    channels[r].signal = signal[r];
    channels[r].noise = noise[r];
  }
  return true;
}

double mlir::coreai::getOutputError(int64_t rows, int64_t cols, const float *d,
                                    const double *h, unsigned threads) {
  Eigen::Map<const MatrixD> hm(h, cols, cols);
  const int64_t chunks = (rows + kRowChunk - 1) / kRowChunk;
  std::vector<double> partial(chunks);
  parallelFor(threads, chunks, [&](int64_t chunk) {
    const int64_t r0 = chunk * kRowChunk;
    const int64_t r1 = std::min(rows, r0 + kRowChunk);
    MatrixD block =
        Eigen::Map<const MatrixF>(d + r0 * cols, r1 - r0, cols).cast<double>();
    partial[chunk] = (block * hm).cwiseProduct(block).sum();
  });
  return std::accumulate(partial.begin(), partial.end(), 0.0);
}
