"""The documented compression API over the C++ passes.

`quantize_weights`, `palettize_weights` and `sparsify_weights` take exactly
the documented parameters; each validates them (ValueError naming the
parameter, before any change), runs the pass of the same name with the GIL
released and returns the compressed program (a new one unless `in_place`).
Weights left as they are become Python warnings with the constant's
location. Beyond the documented API: `compress_weights` (per-weight recipes,
automatic mixed precision) and `weight_report`.
"""
from enum import StrEnum
from numbers import Integral, Real

from .. import Program, _run
from .common import CompressionGranularity, QScheme, names_option, path_option
from .matching import match_weights
from .sensitivity import SensitivityTable, compress_by_sensitivity, measure_sensitivity
from .statistics import ActivationStatistics, with_statistics_file

__all__ = [
    "ActivationStatistics",
    "CompressionGranularity",
    "DType",
    "QScheme",
    "SensitivityTable",
    "compress_weights",
    "match_weights",
    "measure_sensitivity",
    "palettize_weights",
    "quantize_weights",
    "sparsify_weights",
    "weight_report",
]


class DType(StrEnum):
    """Data types of compressed weights, look-up tables and scales."""
    INT8 = "int8"
    UINT8 = "uint8"
    INT4 = "int4"
    UINT4 = "uint4"
    INT2 = "int2"
    UINT2 = "uint2"
    FP8_E4M3FN = "fp8_e4m3fn"
    FP8_E5M2 = "fp8_e5m2"
    FP4_E2M1FN = "fp4_e2m1fn"
    FP8_E8M0FNU = "fp8_e8m0fnu"


_WEIGHT_DTYPES = (DType.INT8, DType.UINT8, DType.INT4, DType.UINT4, DType.INT2,
                  DType.UINT2, DType.FP8_E4M3FN, DType.FP8_E5M2, DType.FP4_E2M1FN)
_FLOAT_DTYPES = (DType.FP8_E4M3FN, DType.FP8_E5M2, DType.FP4_E2M1FN)
_BYTE_DTYPES = (DType.INT8, DType.UINT8, DType.FP8_E4M3FN, DType.FP8_E5M2)
_NBITS = (1, 2, 3, 4, 6, 8)


def _names(values):
    return ", ".join(str(v) for v in values)


def _enum(name, value, enum, allowed=None):
    """`value` as a member of `enum` (members and their string values are
    accepted), restricted to `allowed`."""
    try:
        member = enum(value)
    except ValueError:
        member = None
    allowed = tuple(allowed if allowed is not None else enum)
    if member is None or member not in allowed:
        raise ValueError("%s: unsupported value %r; expected one of %s"
                         % (name, value, _names(allowed)))
    return member


def _optional_dtype(name, value, allowed):
    if value is None:
        return None
    return _enum(name, value, DType, allowed)


def _int(name, value, minimum=None):
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise ValueError("%s: expected an integer, got %r" % (name, value))
    if minimum is not None and value < minimum:
        raise ValueError("%s: must be at least %d, got %d" % (name, minimum, value))
    return int(value)


def _bool(name, value):
    if not isinstance(value, bool):
        raise ValueError("%s: expected True or False, got %r" % (name, value))
    return value


def _program(value):
    if not isinstance(value, Program):
        raise ValueError("coreai_program: expected a coreai_opt.Program, got %s"
                         % type(value).__name__)
    return value


def _apply(coreai_program, in_place, pipeline, threads=0):
    target = coreai_program if in_place else coreai_program.copy()
    _run(target, "builtin.module(%s)" % pipeline, threads, stacklevel=4)
    return target


def quantize_weights(coreai_program, dtype, qscheme=QScheme.SYMMETRIC,
                     granularity=CompressionGranularity.PER_CHANNEL,
                     block_size=32, weight_num_threshold=1024,
                     scale_dtype=None, in_place=False, *, activation_statistics=None):
    """Quantize weights in a Core AI program by using Core AI ops.

    Each eligible `coreai.constant` becomes quantized data, scales and zero
    points decoded by `coreai.blockwise_shift_scale`
    (`coreai-quantize-weights`). With `activation_statistics`
    (ActivationStatistics of this program) the weights they cover are
    rounded with GPTQ error feedback. Returns the quantized program.
    """
    _program(coreai_program)
    dtype = _enum("dtype", dtype, DType, _WEIGHT_DTYPES)
    qscheme = _enum("qscheme", qscheme, QScheme)
    granularity = _enum("granularity", granularity, CompressionGranularity,
                        (CompressionGranularity.PER_TENSOR,
                         CompressionGranularity.PER_CHANNEL,
                         CompressionGranularity.PER_BLOCK))
    block_size = _int("block_size", block_size, 1)
    weight_num_threshold = _int("weight_num_threshold", weight_num_threshold, 0)
    scale_dtype = _optional_dtype("scale_dtype", scale_dtype, (DType.FP8_E8M0FNU,))
    in_place = _bool("in_place", in_place)
    if dtype in _FLOAT_DTYPES and qscheme == QScheme.ASYMMETRIC:
        raise ValueError("qscheme: %s supports only QScheme.SYMMETRIC" % dtype)
    if scale_dtype is not None and dtype not in _FLOAT_DTYPES:
        raise ValueError("scale_dtype: must be None for integer dtype %s" % dtype)
    if scale_dtype is not None and dtype == DType.FP4_E2M1FN:
        raise ValueError("scale_dtype: must be None for fp4_e2m1fn (its scales "
                         "are always fp8_e8m0fnu)")
    if dtype == DType.FP4_E2M1FN and (
            granularity != CompressionGranularity.PER_BLOCK or block_size != 32):
        raise ValueError("granularity: fp4_e2m1fn requires "
                         "CompressionGranularity.PER_BLOCK and block_size=32 "
                         "(MXFP4), got %s and %d" % (granularity, block_size))
    options = "dtype=%s qscheme=%s granularity=%s block-size=%d " \
              "weight-num-threshold=%d scale-dtype=%s" % (
                  dtype, qscheme, granularity, block_size, weight_num_threshold,
                  scale_dtype or "none")
    return with_statistics_file(activation_statistics, coreai_program, lambda extra: _apply(
        coreai_program, in_place, "coreai-quantize-weights{%s%s}" % (options, extra)))


def palettize_weights(coreai_program, lut_dtype, n_bits=4,
                      granularity=CompressionGranularity.PER_TENSOR,
                      group_size=32, cluster_dim=1,
                      enable_per_channel_scale=False,
                      weight_num_threshold=1024, num_kmeans_workers=4,
                      enable_fast_kmeans_mode=True, rounding_precision=4,
                      in_place=False, *, activation_statistics=None):
    """Palettize weights in a Core AI program by using Core AI ops.

    Each eligible `coreai.constant` becomes indices into k-means look-up
    tables decoded by `coreai.lut_to_dense` (`coreai-palettize-weights`);
    `num_kmeans_workers` bounds the threads. With `activation_statistics`
    (ActivationStatistics of this program) each element of a weight they
    cover takes its LUT entry with GPTQ error feedback. Returns the
    palettized program.
    """
    _program(coreai_program)
    lut_dtype = _optional_dtype("lut_dtype", lut_dtype, _BYTE_DTYPES)
    n_bits = _int("n_bits", n_bits)
    if n_bits not in _NBITS:
        raise ValueError("n_bits: must be one of %s, got %d" % (_names(_NBITS), n_bits))
    granularity = _enum("granularity", granularity, CompressionGranularity,
                        (CompressionGranularity.PER_TENSOR,
                         CompressionGranularity.PER_CHANNEL,
                         CompressionGranularity.PER_GROUPED_CHANNEL))
    group_size = _int("group_size", group_size, 1)
    cluster_dim = _int("cluster_dim", cluster_dim, 1)
    enable_per_channel_scale = _bool("enable_per_channel_scale", enable_per_channel_scale)
    weight_num_threshold = _int("weight_num_threshold", weight_num_threshold, 0)
    num_kmeans_workers = _int("num_kmeans_workers", num_kmeans_workers, 1)
    enable_fast_kmeans_mode = _bool("enable_fast_kmeans_mode", enable_fast_kmeans_mode)
    rounding_precision = _int("rounding_precision", rounding_precision, 0)
    if rounding_precision > 15:
        raise ValueError("rounding_precision: must be at most 15, got %d" % rounding_precision)
    in_place = _bool("in_place", in_place)
    if enable_per_channel_scale and cluster_dim > 1:
        raise ValueError("enable_per_channel_scale: not supported with cluster_dim > 1")
    options = ("lut-dtype=%s n-bits=%d granularity=%s group-size=%d cluster-dim=%d "
               "enable-per-channel-scale=%s weight-num-threshold=%d "
               "num-kmeans-workers=%d enable-fast-kmeans-mode=%s "
               "rounding-precision=%d" % (
                   lut_dtype or "none", n_bits, granularity, group_size,
                   cluster_dim, str(enable_per_channel_scale).lower(),
                   weight_num_threshold, num_kmeans_workers,
                   str(enable_fast_kmeans_mode).lower(), rounding_precision))
    return with_statistics_file(activation_statistics, coreai_program, lambda extra: _apply(
        coreai_program, in_place, "coreai-palettize-weights{%s%s}" % (options, extra),
        num_kmeans_workers))


def sparsify_weights(coreai_program, target_sparsity=0.5, block_size=None,
                     n_m_ratio=None, quantize_dtype=None, palettize_nbits=None,
                     weight_num_threshold=1024, in_place=False, *, activation_statistics=None):
    """Sparsify weights in a Core AI program by using Core AI ops.

    Each eligible `coreai.constant` becomes its kept values and a bit mask
    decoded by `coreai.sparse_with_bitmask_to_dense`
    (`coreai-sparsify-weights`). With `activation_statistics`
    (ActivationStatistics of this program) the weights they cover are pruned
    by |w| times their input's RMS (Wanda) and their kept values corrected
    by GPTQ error feedback. Returns the sparsified program.
    """
    _program(coreai_program)
    if target_sparsity is not None and n_m_ratio is not None:
        raise ValueError("target_sparsity and n_m_ratio: set one of them, not "
                         "both (pass target_sparsity=None with n_m_ratio)")
    if target_sparsity is None and n_m_ratio is None:
        raise ValueError("target_sparsity and n_m_ratio: one of them must be set")
    if quantize_dtype is not None and palettize_nbits is not None:
        raise ValueError("quantize_dtype and palettize_nbits: set one of them, "
                         "not both")
    quantize_dtype = _optional_dtype("quantize_dtype", quantize_dtype, _BYTE_DTYPES)
    if palettize_nbits is not None:
        palettize_nbits = _int("palettize_nbits", palettize_nbits)
        if palettize_nbits not in _NBITS:
            raise ValueError("palettize_nbits: must be one of %s, got %d"
                             % (_names(_NBITS), palettize_nbits))
    if block_size is not None:
        block_size = _int("block_size", block_size)
        if block_size <= 1:
            raise ValueError("block_size: must be greater than 1, got %d" % block_size)
    options = []
    if target_sparsity is not None:
        if isinstance(target_sparsity, bool) or not isinstance(target_sparsity, Real) \
                or not 0 <= target_sparsity <= 1:
            raise ValueError("target_sparsity: must be a number in [0, 1], got %r"
                             % (target_sparsity,))
        options.append("target-sparsity=%r" % float(target_sparsity))
    if n_m_ratio is not None:
        if not isinstance(n_m_ratio, (tuple, list)) or len(n_m_ratio) != 2 or any(
                isinstance(v, bool) or not isinstance(v, Integral) for v in n_m_ratio):
            raise ValueError("n_m_ratio: must be a pair of integers (n, m), got %r"
                             % (n_m_ratio,))
        n, m = int(n_m_ratio[0]), int(n_m_ratio[1])
        if m <= 0:
            raise ValueError("n_m_ratio: m must be positive, got m = %d" % m)
        if not 0 <= n <= m:
            raise ValueError("n_m_ratio: n must be in [0, m], got n = %d, m = %d" % (n, m))
        options.append("n-m-ratio=%d,%d" % (n, m))
    weight_num_threshold = _int("weight_num_threshold", weight_num_threshold, 0)
    in_place = _bool("in_place", in_place)
    if block_size is not None:
        options.append("block-size=%d" % block_size)
    if quantize_dtype is not None:
        options.append("quantize-dtype=%s" % quantize_dtype)
    if palettize_nbits is not None:
        options.append("palettize-nbits=%d" % palettize_nbits)
    options.append("weight-num-threshold=%d" % weight_num_threshold)
    return with_statistics_file(activation_statistics, coreai_program, lambda extra: _apply(
        coreai_program, in_place, "coreai-sparsify-weights{%s%s}" % (" ".join(options), extra)))


def compress_weights(coreai_program, recipe=None, bits_per_weight=None,
                     min_sqnr=None, candidates=None, objective=None,
                     weight_num_threshold=1024, in_place=False,
                     sensitivity=None, max_loss_increase_per_weight=None,
                     max_loss_increase=None, evaluate=None, *, activation_statistics=None):
    """Gives each weight its own scheme (`coreai-compress-weights`): by the
    JSON recipe file `recipe`, and/or automatically for an average of
    `bits_per_weight` (optimizing `objective`: "max-worst", "balanced" or
    "least-noise") or a worst output-channel SQNR of `min_sqnr` dB among
    `candidates` (names, e.g. ["int4-block32", "int8-channel"]).

    With `sensitivity` (a SensitivityTable of `measure_sensitivity`, or its
    file): for `bits_per_weight`, the plan of least summed measured loss
    increase within it (`max_loss_increase_per_weight` comes first: the
    least summed excess over it, so candidates above it stay out while the
    budget allows; `min_sqnr` is then a floor on each candidate's worst
    output channel);
    or, with `max_loss_increase=D` and `evaluate`, the smallest plan whose
    measured increase (one evaluation of the whole plan) is at most D, found
    by bisection over budgets; the returned program's `accuracy_target`
    dict says what was measured.

    With `activation_statistics` (ActivationStatistics of this program)
    every scheme compresses the weights they cover with them, and the
    automatic choice measures output SQNR (docs/ActivationStatistics.md); a
    sensitivity table measured with statistics needs the same ones.
    Returns the compressed program."""
    _program(coreai_program)
    if sensitivity is not None or max_loss_increase is not None \
            or max_loss_increase_per_weight is not None:
        return with_statistics_file(
            activation_statistics, coreai_program, lambda extra: _compress_by_sensitivity(
                coreai_program, recipe, bits_per_weight, min_sqnr, candidates, objective,
                weight_num_threshold, in_place, sensitivity, max_loss_increase_per_weight,
                max_loss_increase, evaluate, extra, activation_statistics))
    return with_statistics_file(activation_statistics, coreai_program, lambda extra: _compress(
        coreai_program, recipe, bits_per_weight, min_sqnr, candidates, objective,
        weight_num_threshold, in_place, extra))


def _compress(coreai_program, recipe, bits_per_weight, min_sqnr, candidates, objective,
              weight_num_threshold, in_place, extra):
    options = []
    if recipe is not None:
        options.append(path_option("recipe", recipe))
    if bits_per_weight is not None:
        options.append("bits-per-weight=%r" % float(bits_per_weight))
    if min_sqnr is not None:
        options.append("min-sqnr=%r" % float(min_sqnr))
    if candidates:
        options.append(names_option("candidates", candidates))
    if objective is not None:
        if objective not in ("max-worst", "balanced", "least-noise"):
            raise ValueError("objective: unsupported value %r; expected max-worst, "
                             "balanced or least-noise" % (objective,))
        options.append("objective=%s" % objective)
    options.append("weight-num-threshold=%d"
                   % _int("weight_num_threshold", weight_num_threshold, 0))
    in_place = _bool("in_place", in_place)
    try:
        return _apply(coreai_program, in_place,
                      "coreai-compress-weights{%s%s}" % (" ".join(options), extra))
    except RuntimeError as e:
        raise ValueError(str(e)) from None


def _compress_by_sensitivity(program, recipe, bits_per_weight, min_sqnr, candidates,
                             objective, weight_num_threshold, in_place, sensitivity,
                             max_loss_increase_per_weight, max_loss_increase, evaluate,
                             extra="", statistics=None):
    if sensitivity is None:
        raise ValueError("sensitivity: max_loss_increase and max_loss_increase_per_weight "
                         "need a sensitivity table")
    if recipe is not None or objective is not None:
        raise ValueError("sensitivity: recipe and objective cannot be given with it "
                         "(the table's measured losses are the objective)")
    if (bits_per_weight is None) == (max_loss_increase is None):
        raise ValueError("sensitivity: give exactly one of bits_per_weight and "
                         "max_loss_increase")
    if evaluate is not None and max_loss_increase is None:
        raise ValueError("evaluate: only max_loss_increase uses it")
    threshold = _int("weight_num_threshold", weight_num_threshold, 0)
    in_place = _bool("in_place", in_place)

    def apply(target, options, change):
        try:
            return _apply(target, change,
                          "coreai-compress-weights{%s%s}" % (" ".join(options), extra))
        except RuntimeError as e:
            raise ValueError(str(e)) from None

    return compress_by_sensitivity(program, apply, sensitivity, bits_per_weight, candidates,
                                   min_sqnr, max_loss_increase_per_weight, max_loss_increase,
                                   evaluate, threshold, in_place, statistics)


def weight_report(coreai_program, reference=None):
    """One dict per weight operand of every weight consumer: consumer,
    location, shape, type, stored types, scheme, bytes before and after,
    bits per weight, and why it is left as it is; against the program
    `reference` (the uncompressed one), also `sqnr_db`,
    `worst_channel_sqnr_db` and `max_abs_error` (inf and 0 when exact)."""
    _program(coreai_program)
    if reference is None:
        return coreai_program._core.report()
    if not isinstance(reference, Program):
        raise ValueError("reference: expected a coreai_opt.Program, got %s"
                         % type(reference).__name__)
    return coreai_program._core.report(reference._core)
