"""The documented API: signatures, enums, import paths, errors, in-place and
copies, warnings, and the same bytes as coreai-opt."""
import inspect
import os
import subprocess
import sys
import threading
import warnings

import pytest

from conftest import run_opt
from coreai_opt import Program
from coreai_opt.coreai_utils import (CompressionGranularity, DType, QScheme,
                                     palettize_weights, quantize_weights,
                                     sparsify_weights)

# The documented signatures, as the documentation prints them.
DOCUMENTED = {
    quantize_weights: "(coreai_program, dtype, qscheme=QScheme.SYMMETRIC, "
    "granularity=CompressionGranularity.PER_CHANNEL, block_size=32, "
    "weight_num_threshold=1024, scale_dtype=None, in_place=False)",
    palettize_weights: "(coreai_program, lut_dtype, n_bits=4, "
    "granularity=CompressionGranularity.PER_TENSOR, group_size=32, cluster_dim=1, "
    "enable_per_channel_scale=False, weight_num_threshold=1024, num_kmeans_workers=4, "
    "enable_fast_kmeans_mode=True, rounding_precision=4, in_place=False)",
    sparsify_weights: "(coreai_program, target_sparsity=0.5, block_size=None, "
    "n_m_ratio=None, quantize_dtype=None, palettize_nbits=None, "
    "weight_num_threshold=1024, in_place=False)",
}


def documented_form(function):
    """The signature printed as the documentation prints it (enum defaults as
    `Enum.MEMBER`)."""
    parts = []
    for p in inspect.signature(function).parameters.values():
        if p.kind == inspect.Parameter.KEYWORD_ONLY:
            continue  # our extensions, after the documented parameters
        if p.default is inspect.Parameter.empty:
            parts.append(p.name)
        elif hasattr(p.default, "name") and hasattr(p.default, "value"):
            parts.append("%s=%s.%s" % (p.name, type(p.default).__name__, p.default.name))
        else:
            parts.append("%s=%r" % (p.name, p.default))
    return "(" + ", ".join(parts) + ")"


@pytest.mark.parametrize("function", list(DOCUMENTED), ids=lambda f: f.__name__)
def test_signatures_are_the_documented_ones(function):
    assert inspect.isfunction(function)
    assert documented_form(function) == DOCUMENTED[function]
    # Extensions are keyword-only, so the documented calls mean what they did.
    extensions = [p.name for p in inspect.signature(function).parameters.values()
                  if p.kind == inspect.Parameter.KEYWORD_ONLY]
    assert extensions == EXTENSIONS.get(function, [])


EXTENSIONS = {quantize_weights: ["activation_statistics"],
              palettize_weights: ["activation_statistics"],
              sparsify_weights: ["activation_statistics"]}


def test_enums_and_import_paths():
    from coreai_opt.coreai_utils import common
    assert common.QScheme is QScheme
    assert common.CompressionGranularity is CompressionGranularity
    assert DType.INT4 == "int4"
    assert DType.FP8_E4M3FN == "fp8_e4m3fn"
    assert DType.FP8_E8M0FNU.value == "fp8_e8m0fnu"
    assert CompressionGranularity.PER_BLOCK == "per_block"
    assert CompressionGranularity.PER_GROUPED_CHANNEL == "per_grouped_channel"
    assert QScheme.ASYMMETRIC == "asymmetric"
    for enum in (DType, QScheme, CompressionGranularity):
        for member in enum:
            assert member.value == member.name.lower()
            assert isinstance(member, str)


def chain_ops(program):
    text = str(program)
    return {op: text.count(op) for op in (
        "coreai.blockwise_shift_scale", "coreai.lut_to_dense",
        "coreai.sparse_with_bitmask_to_dense")}


def test_copy_leaves_the_input_untouched(program):
    before = program.to_bytecode()
    out = quantize_weights(coreai_program=program, dtype=DType.INT8, in_place=False)
    assert out is not program
    assert program.to_bytecode() == before
    assert chain_ops(out)["coreai.blockwise_shift_scale"] == 2
    assert chain_ops(program)["coreai.blockwise_shift_scale"] == 0


def test_in_place_changes_and_returns_the_program(program):
    out = sparsify_weights(coreai_program=program, target_sparsity=0.5, in_place=True)
    assert out is program
    assert chain_ops(program)["coreai.sparse_with_bitmask_to_dense"] == 2


# Each function from Python gives the bytes of the same pass through
# coreai-opt.
SAME_AS_DRIVER = [
    (lambda p: quantize_weights(coreai_program=p, dtype=DType.INT8, in_place=False),
     "coreai-quantize-weights{dtype=int8}"),
    (lambda p: quantize_weights(coreai_program=p, dtype=DType.INT4, qscheme=QScheme.ASYMMETRIC,
                                granularity=CompressionGranularity.PER_BLOCK, block_size=32),
     "coreai-quantize-weights{dtype=int4 qscheme=asymmetric granularity=per_block}"),
    (lambda p: quantize_weights(coreai_program=p, dtype=DType.FP8_E4M3FN,
                                granularity=CompressionGranularity.PER_BLOCK,
                                scale_dtype=DType.FP8_E8M0FNU, weight_num_threshold=2048),
     "coreai-quantize-weights{dtype=fp8_e4m3fn granularity=per_block scale-dtype=fp8_e8m0fnu weight-num-threshold=2048}"),
    (lambda p: palettize_weights(coreai_program=p, n_bits=4, lut_dtype=None,
                                 granularity=CompressionGranularity.PER_CHANNEL),
     "coreai-palettize-weights{n-bits=4 granularity=per_channel}"),
    (lambda p: palettize_weights(coreai_program=p, n_bits=8, lut_dtype=DType.INT8,
                                 granularity=CompressionGranularity.PER_GROUPED_CHANNEL,
                                 group_size=16, enable_per_channel_scale=True,
                                 weight_num_threshold=2048, num_kmeans_workers=2,
                                 enable_fast_kmeans_mode=True, rounding_precision=3),
     "coreai-palettize-weights{n-bits=8 lut-dtype=int8 granularity=per_grouped_channel group-size=16 "
     "enable-per-channel-scale=true weight-num-threshold=2048 num-kmeans-workers=2 rounding-precision=3}"),
    (lambda p: sparsify_weights(coreai_program=p, target_sparsity=0.5),
     "coreai-sparsify-weights"),
    (lambda p: sparsify_weights(coreai_program=p, target_sparsity=0.5, block_size=4,
                                quantize_dtype=DType.INT8, weight_num_threshold=2048),
     "coreai-sparsify-weights{block-size=4 quantize-dtype=int8 weight-num-threshold=2048}"),
    (lambda p: sparsify_weights(coreai_program=p, target_sparsity=None, n_m_ratio=(2, 4),
                                palettize_nbits=4),
     "coreai-sparsify-weights{n-m-ratio=2,4 palettize-nbits=4}"),
]


@pytest.mark.parametrize("call,pipeline", SAME_AS_DRIVER, ids=[p for _, p in SAME_AS_DRIVER])
def test_same_bytes_as_the_driver(tmp_path, program_path, call, pipeline):
    out = tmp_path / "out.mlirbc"
    r = run_opt(program_path, "--pass-pipeline=builtin.module(%s)" % pipeline,
                "--emit-bytecode", "-o", out)
    assert r.returncode == 0, r.stderr
    result = call(Program.load(program_path))
    assert result.to_bytecode() == out.read_bytes()


def test_threads_give_identical_bytes(program_text):
    results = [None] * 4

    def work(i):
        p = Program.from_text(program_text)
        results[i] = palettize_weights(coreai_program=p, lut_dtype=None, n_bits=4,
                                       granularity=CompressionGranularity.PER_CHANNEL,
                                       num_kmeans_workers=1 + i % 2).to_bytecode()

    # The reference: one thread, nothing else running.
    alone = palettize_weights(coreai_program=Program.from_text(program_text), lut_dtype=None,
                              n_bits=4, granularity=CompressionGranularity.PER_CHANNEL,
                              num_kmeans_workers=1)
    assert str(alone).count("coreai.lut_to_dense") == 2
    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [alone.to_bytecode()] * 4


def test_skipped_weights_become_warnings(program):
    # Blocks of 48 do not divide the 128 or 64 input channels.
    with pytest.warns(UserWarning, match=r"^<text>:3:9: block size 48 does not divide input channel axis 1"):
        out = quantize_weights(coreai_program=program, dtype=DType.INT4,
                               granularity=CompressionGranularity.PER_BLOCK, block_size=48)
    assert chain_ops(out)["coreai.blockwise_shift_scale"] == 0


def test_strings_are_accepted_for_enums(program):
    out = quantize_weights(coreai_program=program, dtype="int8", granularity="per_tensor")
    assert chain_ops(out)["coreai.blockwise_shift_scale"] == 2


# Every documented ValueError, and a few more; each names its parameter and
# leaves the program as it was.
ERRORS = [
    (quantize_weights, dict(dtype="int3"), "dtype"),
    (quantize_weights, dict(dtype=DType.FP8_E8M0FNU), "dtype"),
    (quantize_weights, dict(dtype=DType.FP8_E4M3FN, qscheme=QScheme.ASYMMETRIC), "qscheme"),
    (quantize_weights, dict(dtype=DType.INT8, scale_dtype=DType.FP8_E8M0FNU), "scale_dtype"),
    (quantize_weights, dict(dtype=DType.FP4_E2M1FN, granularity=CompressionGranularity.PER_BLOCK,
                            scale_dtype=DType.FP8_E8M0FNU), "scale_dtype"),
    (quantize_weights, dict(dtype=DType.FP4_E2M1FN), "granularity"),
    (quantize_weights, dict(dtype=DType.FP4_E2M1FN, granularity=CompressionGranularity.PER_BLOCK,
                            block_size=16), "granularity"),
    (quantize_weights, dict(dtype=DType.INT8, granularity=CompressionGranularity.PER_GROUPED_CHANNEL),
     "granularity"),
    (quantize_weights, dict(dtype=DType.INT8, block_size=0), "block_size"),
    (quantize_weights, dict(dtype=DType.INT8, in_place="yes"), "in_place"),
    (palettize_weights, dict(lut_dtype=DType.INT4), "lut_dtype"),
    (palettize_weights, dict(lut_dtype=None, n_bits=5), "n_bits"),
    (palettize_weights, dict(lut_dtype=None, granularity=CompressionGranularity.PER_BLOCK), "granularity"),
    (palettize_weights, dict(lut_dtype=None, cluster_dim=2, enable_per_channel_scale=True),
     "enable_per_channel_scale"),
    (palettize_weights, dict(lut_dtype=None, num_kmeans_workers=0), "num_kmeans_workers"),
    (palettize_weights, dict(lut_dtype=None, rounding_precision=16), "rounding_precision"),
    (palettize_weights, dict(lut_dtype=None, group_size=0), "group_size"),
    (sparsify_weights, dict(n_m_ratio=(2, 4)), "target_sparsity and n_m_ratio"),
    (sparsify_weights, dict(target_sparsity=None), "target_sparsity and n_m_ratio"),
    (sparsify_weights, dict(quantize_dtype=DType.INT8, palettize_nbits=4), "quantize_dtype and palettize_nbits"),
    (sparsify_weights, dict(quantize_dtype=DType.INT4), "quantize_dtype"),
    (sparsify_weights, dict(palettize_nbits=5), "palettize_nbits"),
    (sparsify_weights, dict(block_size=1), "block_size"),
    (sparsify_weights, dict(target_sparsity=None, n_m_ratio=(2, 4, 8)), "n_m_ratio"),
    (sparsify_weights, dict(target_sparsity=None, n_m_ratio=(2.0, 4)), "n_m_ratio"),
    (sparsify_weights, dict(target_sparsity=None, n_m_ratio=(2, 0)), "n_m_ratio"),
    (sparsify_weights, dict(target_sparsity=None, n_m_ratio=(5, 4)), "n_m_ratio"),
    (sparsify_weights, dict(target_sparsity=1.5), "target_sparsity"),
]


@pytest.mark.parametrize("function,kwargs,name", ERRORS,
                         ids=["%s-%s" % (f.__name__, "-".join("%s=%s" % kv for kv in k.items()))
                              for f, k, _ in ERRORS])
def test_documented_errors(program, function, kwargs, name):
    before = program.to_bytecode()
    with pytest.raises(ValueError, match="^" + name.replace("(", r"\(")):
        function(coreai_program=program, in_place=kwargs.pop("in_place", True), **kwargs)
    assert program.to_bytecode() == before


def test_the_program_must_be_ours():
    with pytest.raises(ValueError, match="^coreai_program"):
        quantize_weights(coreai_program="model.mlir", dtype=DType.INT8)


def test_palettize_needs_lut_dtype(program):
    with pytest.raises(TypeError, match="lut_dtype"):
        palettize_weights(coreai_program=program)  # documented without a default


def test_report_and_automatic_choice(program):
    from coreai_opt.coreai_utils import compress_weights, weight_report
    out = compress_weights(program, bits_per_weight=4.6)
    rows = weight_report(out)
    assert [r["scheme"] for r in rows] == ["int4 per_block 32 sym mse full",
                                           "uint4 per_block 32 asym mse"]
    assert rows[0]["bytes_before"] == 16384 and rows[0]["bytes_after"] == 4611
    assert all(r["compressed"] for r in rows)
    with pytest.raises(ValueError, match="bits-per-weight"):
        compress_weights(program, bits_per_weight=3)
    with pytest.raises(ValueError, match="^objective"):
        compress_weights(program, bits_per_weight=5, objective="best")
    least = compress_weights(program, bits_per_weight=4.6, objective="least-noise",
                             candidates=["int4-channel", "int8-channel"])
    assert [r["scheme"] for r in weight_report(least)] == [
        "int4 per_channel sym mse full", "int4 per_channel sym mse full"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        weight_report(program)
    # Against the original: the errors of each weight.
    rows = weight_report(out, reference=program)
    assert [round(r["worst_channel_sqnr_db"], 2) for r in rows] == [18.77, 17.58]
    assert [round(r["sqnr_db"], 2) for r in rows] == [20.68, 20.51]
    assert all(0 < r["max_abs_error"] < 0.2 for r in rows)
    exact = weight_report(program, reference=program)
    assert [r["sqnr_db"] for r in exact] == [float("inf")] * 2
    with pytest.raises(ValueError, match="^reference"):
        weight_report(out, reference=Program.from_text("module {}"))
    with pytest.raises(ValueError, match="^reference"):
        weight_report(out, reference="model.mlir")


LOAD_FROM_FIFO = r"""
import os, sys, threading, time
from coreai_opt import Program
fifo, text = sys.argv[1], sys.argv[2]
got = []
reader = threading.Thread(target=lambda: got.append(len(Program.load(fifo).weights(0))))
reader.start()
time.sleep(0.2)  # the reader waits for a writer without holding the GIL
with open(fifo, "w") as f:
    f.write(text)
reader.join()
print(got[0])
"""


def test_load_from_a_pipe_or_fifo(tmp_path):
    """A pipe's size says nothing: /dev/stdin and a FIFO are read to their
    end (a pipe gave an empty program), and a FIFO without a writer yet
    does not block other threads."""
    text = ("coreai.graph @main(%x: tensor<1x4xf32>) -> tensor<1x3xf32> {\n"
            "  %w = coreai.constant dense<0.5> : tensor<4x3xf32>\n"
            "  %y = coreai.batch_matmul %x, %w : (tensor<1x4xf32>, tensor<4x3xf32>) -> "
            "tensor<1x3xf32>\n  coreai.output %y : tensor<1x3xf32>\n}\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    r = subprocess.run([sys.executable, "-c", "from coreai_opt import Program; "
                        "print(len(Program.load('/dev/stdin').weights(0)))"],
                       input=text.encode(), capture_output=True, env=env, timeout=60)
    assert r.returncode == 0 and r.stdout.strip() == b"1", r.stderr
    fifo = tmp_path / "program.fifo"
    os.mkfifo(fifo)
    r = subprocess.run([sys.executable, "-c", LOAD_FROM_FIFO, str(fifo), text],
                       capture_output=True, env=env, timeout=60)
    assert r.returncode == 0 and r.stdout.strip() == b"1", r.stderr
