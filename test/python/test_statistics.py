"""Activation statistics and GPTQ: im2col statistics of a strided, dilated,
grouped conv against numpy, shared H for shared inputs, exact merging, the
file and its errors, and the compression functions with statistics (driver
and Python give the same bytes; no statistics gives today's bytes; the
output error is below plain rounding's)."""
import json
import os

import numpy as np
import pytest

from conftest import run_opt
from coreai_opt import Program
from coreai_opt.coreai_utils import (ActivationStatistics, CompressionGranularity, DType,
                                     QScheme, compress_weights, measure_sensitivity,
                                     palettize_weights, quantize_weights, sparsify_weights,
                                     weight_report)

RNG = np.random.default_rng(0)


def dense(array):
    text = np.array2string(np.asarray(array, dtype=np.float32), separator=", ",
                           threshold=10**9, floatmode="unique", max_line_width=10**9)
    return "dense<%s>" % text


def make_program(rng=RNG):
    """x [1, 8, 11, 12] through a conv (16 out, groups 2, 3x3, stride (2, 1),
    dilation (1, 2)), and h [2, 5, 40] through three matmuls (q, k through
    a transpose, v) that share it."""
    conv_w = rng.standard_normal((16, 4, 3, 3))
    q = rng.standard_normal((40, 24))
    k = rng.standard_normal((24, 40))  # read transposed
    v = rng.standard_normal((40, 24))
    return conv_w, q, k, v, Program.from_text("""
coreai.graph @main(%%x: tensor<1x8x11x12xf32>, %%h: tensor<2x5x40xf32>) -> (tensor<1x16x5x8xf32>, tensor<2x5x24xf32>, tensor<2x5x24xf32>, tensor<2x5x24xf32>) {
  %%w = coreai.constant %s : tensor<16x4x3x3xf32>
  %%s = coreai.constant dense<[2, 1]> : tensor<2xui32>
  %%d = coreai.constant dense<[1, 2]> : tensor<2xui32>
  %%g = coreai.constant dense<2> : tensor<ui32>
  %%c = coreai.conv2d %%x, %%w, %%s, %%d, %%g : (tensor<1x8x11x12xf32>, tensor<16x4x3x3xf32>, tensor<2xui32>, tensor<2xui32>, tensor<ui32>) -> tensor<1x16x5x8xf32>
  %%q = coreai.constant %s : tensor<40x24xf32>
  %%k = coreai.constant %s : tensor<24x40xf32>
  %%v = coreai.constant %s : tensor<40x24xf32>
  %%perm = coreai.constant dense<[1, 0]> : tensor<2xui32>
  %%kt = coreai.transpose %%k, %%perm : (tensor<24x40xf32>, tensor<2xui32>) -> tensor<40x24xf32>
  %%a = coreai.batch_matmul %%h, %%q : (tensor<2x5x40xf32>, tensor<40x24xf32>) -> tensor<2x5x24xf32>
  %%b = coreai.batch_matmul %%h, %%kt : (tensor<2x5x40xf32>, tensor<40x24xf32>) -> tensor<2x5x24xf32>
  %%e = coreai.batch_matmul %%h, %%v : (tensor<2x5x40xf32>, tensor<40x24xf32>) -> tensor<2x5x24xf32>
  coreai.output %%c, %%a, %%b, %%e : tensor<1x16x5x8xf32>, tensor<2x5x24xf32>, tensor<2x5x24xf32>, tensor<2x5x24xf32>
}
""" % (dense(conv_w), dense(q), dense(k), dense(v)))


def ids_by_consumer(program):
    rows = program.weights(weight_num_threshold=0)
    conv = [r["id"] for r in rows if r["consumer"] == "coreai.conv2d"]
    mm = [r["id"] for r in rows if r["consumer"] != "coreai.conv2d"]
    return conv[0], mm


def im2col_gram(x, groups, kernel, stride, dilation):
    n, c, hgt, wid = x.shape
    cg = c // groups
    oh = (hgt - dilation[0] * (kernel[0] - 1) - 1) // stride[0] + 1
    ow = (wid - dilation[1] * (kernel[1] - 1) - 1) // stride[1] + 1
    out = []
    for g in range(groups):
        rows = []
        for b in range(n):
            for oy in range(oh):
                for ox in range(ow):
                    patch = [x[b, g * cg + ch, oy * stride[0] + ky * dilation[0],
                               ox * stride[1] + kx * dilation[1]]
                             for ch in range(cg) for ky in range(kernel[0]) for kx in range(kernel[1])]
                    rows.append(patch)
        p = np.array(rows)
        out.append(p.T @ p)
    return np.stack(out)


def test_conv_and_shared_matmul_statistics():
    conv_w, q, k, v, program = make_program()
    conv_id, mm_ids = ids_by_consumer(program)
    stats = ActivationStatistics(program)
    entry = stats.capture(conv_id)
    assert entry["convolution"] and entry["groups"] == 2 and entry["columns"] == 36
    assert entry["operand"] == 0 and entry["shape"] == (1, 8, 11, 12)
    # A calibration input of another batch and spatial size.
    x = RNG.standard_normal((3, 8, 13, 9))
    stats.add(conv_id, x)
    expected = im2col_gram(x, 2, (3, 3), (2, 1), (1, 2))
    np.testing.assert_allclose(stats.gram(conv_id), expected, rtol=1e-12, atol=1e-9)
    assert stats.capture(conv_id)["samples"] == 3 * 6 * 5
    # q, k (through the transpose) and v read h: one H.
    shared = stats.capture(mm_ids[0])
    assert sorted(shared["ids"]) == sorted(mm_ids) and shared["columns"] == 40
    h = RNG.standard_normal((4, 7, 40))
    stats.add(mm_ids[1], h)
    flat = h.reshape(-1, 40)
    np.testing.assert_allclose(stats.gram(mm_ids[2])[0], flat.T @ flat, rtol=1e-12, atol=1e-9)


def test_shape_errors_name_the_weight():
    _, _, _, _, program = make_program()
    conv_id, mm_ids = ids_by_consumer(program)
    stats = ActivationStatistics(program)
    with pytest.raises(ValueError, match=r"weight %d \(.*\): the input has 7 channels, "
                                         r"the convolution takes 8" % conv_id):
        stats.add(conv_id, np.zeros((1, 7, 11, 12)))
    with pytest.raises(ValueError, match="expected the NCHW input of the convolution"):
        stats.add(conv_id, np.zeros((8, 11, 12)))
    with pytest.raises(ValueError, match="smaller than the dilated kernel"):
        stats.add(conv_id, np.zeros((1, 8, 2, 12)))
    with pytest.raises(ValueError, match=r"weight %d .*contraction axis 1 has 39 elements, "
                                         r"the weight's input channels are 40" % mm_ids[0]):
        stats.add(mm_ids[0], np.zeros((3, 39)))
    with pytest.raises(ValueError, match="Inf or NaN"):
        stats.add(mm_ids[0], np.full((3, 40), np.nan))
    with pytest.raises(ValueError, match="weight 99: no weight"):
        stats.add(99, np.zeros((3, 40)))
    with pytest.raises(ValueError, match="weight ids are integers"):
        stats.add("0", np.zeros((3, 40)))
    # Nothing was accumulated by the failed calls.
    assert all(e["samples"] == 0 for e in stats.inputs())


def test_merged_halves_are_one_pass(tmp_path):
    _, _, _, _, program = make_program()
    conv_id, mm_ids = ids_by_consumer(program)
    xs = [RNG.standard_normal((1, 8, 11, 12)) * 10.0 ** RNG.integers(-3, 3) for _ in range(6)]
    hs = [RNG.standard_normal((5, 40)) * 10.0 ** RNG.integers(-3, 3) for _ in range(6)]
    one = ActivationStatistics(program)
    halves = [ActivationStatistics(program), ActivationStatistics(program)]
    for i, (x, h) in enumerate(zip(xs, hs)):
        for target in (one, halves[i * 2 // len(xs)]):
            target.add(conv_id, x)
            target.add(mm_ids[0], h)
    merged = halves[0].merge(halves[1])
    assert merged.to_bytes() == one.to_bytes()
    # Through files too.
    halves[1].save(tmp_path / "b.safetensors")
    again = ActivationStatistics(program).merge(
        ActivationStatistics.load(program, tmp_path / "b.safetensors"))
    assert again.to_bytes() == halves[1].to_bytes()


def test_file_is_safetensors_and_checked(tmp_path):
    import json
    import struct
    _, _, _, _, program = make_program()
    conv_id, mm_ids = ids_by_consumer(program)
    stats = ActivationStatistics(program)
    stats.add(conv_id, RNG.standard_normal((1, 8, 11, 12)))
    path = tmp_path / "s.safetensors"
    stats.save(path)
    data = path.read_bytes()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    t = header[str(conv_id)]
    assert t["dtype"] == "F64" and t["shape"] == [2, 36, 36]
    begin, end = t["data_offsets"]
    h = np.frombuffer(data[8 + n + begin:8 + n + end], dtype="<f8").reshape(2, 36, 36)
    np.testing.assert_array_equal(h, stats.gram(conv_id))
    exact = header[str(conv_id) + ".exact"]
    begin, end = exact["data_offsets"]
    pairs = np.frombuffer(data[8 + n + begin:8 + n + end], dtype="<i8").reshape(2, 36, 36, 2)
    approx = pairs[..., 0] + pairs[..., 1].view("<u8") * 2.0 ** -64
    np.testing.assert_allclose(approx, h, rtol=1e-14, atol=1e-15)
    meta = json.loads(header["__metadata__"]["entries"])
    assert meta[0]["ids"] == [conv_id] and meta[0]["samples"] == 5 * 8
    assert ActivationStatistics.load(program, path).to_bytes() == data
    # Another program (one weight changed): the SHA-256 names the weight.
    other = program.with_weights({conv_id: np.zeros((16, 4, 3, 3))})
    with pytest.raises(ValueError, match="weight %d: its SHA-256 differs" % conv_id):
        ActivationStatistics.load(other, path)
    # Not a statistics file; nested too deep; truncated.
    (tmp_path / "bad").write_bytes(b"\x10" + b"\0" * 7 + b"{}" + b" " * 14)
    with pytest.raises(ValueError, match="not an activation statistics file"):
        ActivationStatistics.load(program, tmp_path / "bad")
    deep = b"[" * 5000
    (tmp_path / "deep").write_bytes(struct.pack("<Q", len(deep)) + deep)
    with pytest.raises(ValueError, match="nested deeper than 16 levels"):
        ActivationStatistics.load(program, tmp_path / "deep")
    many = b"[" + b",".join([b"[]"] * 70000) + b"]"
    (tmp_path / "many").write_bytes(struct.pack("<Q", len(many)) + many)
    with pytest.raises(ValueError, match="the header holds more than 65536 arrays and objects"):
        ActivationStatistics.load(program, tmp_path / "many")
    (tmp_path / "cut").write_bytes(data[:-8])
    with pytest.raises(ValueError, match="missing or has the wrong type or size"):
        ActivationStatistics.load(program, tmp_path / "cut")
    # The driver's option reports the same.
    program.save(tmp_path / "p.mlirbc")
    r = run_opt(tmp_path / "p.mlirbc", "-o", "/dev/null",
                "--pass-pipeline=builtin.module(coreai-quantize-weights{dtype=int4 "
                "weight-num-threshold=0 activation-statistics=%s})" % (tmp_path / "cut"))
    assert r.returncode == 1
    assert b"error: option 'activation-statistics': " in r.stderr
    assert b"missing or has the wrong type or size" in r.stderr


def materialized(program):
    """{weight id: float64 array} of every weight, decoded."""
    dense_p = program.copy().run("builtin.module(coreai-materialize-weights)")
    rows = {r["id"]: r for r in dense_p.weights(weight_num_threshold=0)}
    raw = dense_p._core.dense_values(sorted(rows))
    return {i: np.frombuffer(b, dtype=np.float32).reshape(rows[i]["shape"]).astype(np.float64)
            for i, b in zip(sorted(rows), raw)}


def output_error(w, wq, h):
    d = (w - wq).reshape(w.shape[0], -1)
    return float(np.einsum("ij,jk,ik->", d, h, d))


@pytest.mark.parametrize("compress", ["int4", "int4-block", "lut3"])
def test_gptq_lowers_the_output_error(compress, tmp_path):
    conv_w, q, k, v, program = make_program()
    conv_id, mm_ids = ids_by_consumer(program)
    stats = ActivationStatistics(program)
    # Correlated, uneven inputs: where error feedback pays.
    mix = RNG.standard_normal((40, 40)) * np.linspace(0.1, 3, 40)
    stats.add(mm_ids[0], RNG.standard_normal((200, 40)) @ mix)
    stats.add(conv_id, RNG.standard_normal((4, 8, 11, 12)).cumsum(axis=3))

    def run(**extra):
        if compress == "lut3":
            return palettize_weights(program, lut_dtype=None, n_bits=3,
                                     granularity=CompressionGranularity.PER_CHANNEL,
                                     weight_num_threshold=0, **extra)
        return quantize_weights(program, dtype=DType.INT4, weight_num_threshold=0,
                                granularity=(CompressionGranularity.PER_BLOCK if compress == "int4-block"
                                             else CompressionGranularity.PER_CHANNEL),
                                block_size=4, **extra)

    plain, gptq = run(), run(activation_statistics=stats)
    # The statistics change the codes (today's bytes without them are
    # checked against the previous build by utils/compare_builds.py).
    assert gptq.to_bytecode() != plain.to_bytecode()
    # The driver with the saved file gives Python's bytes.
    stats.save(tmp_path / "s.safetensors")
    program.save(tmp_path / "p.mlirbc")
    pipeline = {"int4": "coreai-quantize-weights{dtype=int4 weight-num-threshold=0",
                "int4-block": "coreai-quantize-weights{dtype=int4 granularity=per_block "
                              "block-size=4 weight-num-threshold=0",
                "lut3": "coreai-palettize-weights{n-bits=3 granularity=per_channel "
                        "weight-num-threshold=0"}[compress]
    r = run_opt(tmp_path / "p.mlirbc", "--emit-bytecode", "-o", tmp_path / "d.mlirbc",
                "--pass-pipeline=builtin.module(%s activation-statistics=%s})"
                % (pipeline, tmp_path / "s.safetensors"))
    assert r.returncode == 0, r.stderr
    assert str(Program.load(tmp_path / "d.mlirbc")) == str(gptq)
    # Every weight that reads the shared input got the statistics in the
    # driver too (q, k and v share one entry of the file).
    driven = materialized(Program.load(tmp_path / "d.mlirbc"))
    plain_values = materialized(plain)
    for i in mm_ids:
        assert not np.array_equal(driven[i], plain_values[i]), i

    before, a, b = materialized(program), materialized(plain), materialized(gptq)
    # q: [40 in, 24 out] -> rows are output channels.
    hq = stats.gram(mm_ids[0])[0]
    e_plain = output_error(before[mm_ids[0]].T, a[mm_ids[0]].T, hq)
    e_gptq = output_error(before[mm_ids[0]].T, b[mm_ids[0]].T, hq)
    assert e_gptq < 0.8 * e_plain, (e_gptq, e_plain)
    hc = stats.gram(conv_id)
    def conv_error(vals):
        w, wq = before[conv_id].reshape(2, 8, 36), vals[conv_id].reshape(2, 8, 36)
        return sum(output_error(w[g], wq[g], hc[g]) for g in range(2))
    assert conv_error(b) < 0.8 * conv_error(a)

    # The weight report's output SQNR against the original and the same
    # statistics: 10 log10 tr(W H W^T) / tr(dW H dW^T) of each weight.
    gptq.save(tmp_path / "g.mlirbc")
    report = tmp_path / "report.json"
    r = run_opt(tmp_path / "g.mlirbc", "-o", os.devnull,
                "--pass-pipeline=builtin.module(coreai-weight-report{reference=%s "
                "activation-statistics=%s format=json output=%s})"
                % (tmp_path / "p.mlirbc", tmp_path / "s.safetensors", report))
    assert r.returncode == 0, r.stderr
    rows = json.loads(report.read_text())
    zero = {i: np.zeros_like(w) for i, w in before.items()}
    expected = {
        conv_id: conv_error(zero) / conv_error(b),
        mm_ids[0]: output_error(before[mm_ids[0]].T, 0 * before[mm_ids[0]].T, hq)
        / output_error(before[mm_ids[0]].T, b[mm_ids[0]].T, hq),
        # k is read transposed: its rows are already the output channels.
        mm_ids[1]: output_error(before[mm_ids[1]], 0 * before[mm_ids[1]], hq)
        / output_error(before[mm_ids[1]], b[mm_ids[1]], hq)}
    for weight_id, ratio in expected.items():
        got = rows["weights"][weight_id]["output_sqnr_db"]
        assert got == pytest.approx(10 * np.log10(ratio), abs=1e-6), weight_id
    worst = min(w["output_sqnr_db"] for w in rows["weights"])
    assert rows["totals"]["worst_output_sqnr_db"] == worst
    # The table shows the column; without statistics it has none.
    r = run_opt(tmp_path / "g.mlirbc", "-o", os.devnull,
                "--pass-pipeline=builtin.module(coreai-weight-report{reference=%s "
                "activation-statistics=%s})" % (tmp_path / "p.mlirbc", tmp_path / "s.safetensors"))
    table = r.stdout.decode()
    assert "output dB" in table.splitlines()[0] and "worst output SQNR:" in table
    r = run_opt(tmp_path / "g.mlirbc", "-o", os.devnull,
                "--pass-pipeline=builtin.module(coreai-weight-report{reference=%s})"
                % (tmp_path / "p.mlirbc"))
    assert r.returncode == 0 and b"output dB" not in r.stdout and b"output SQNR" not in r.stdout


def test_lut_groups_without_inputs_keep_the_data_free_lut():
    """The conv's second group of inputs (channels 4-7) is always zero: its
    output channels 8-15 have no weighted element, so their LUTs are the
    k-means of the values alone and their indices the nearest entries,
    exactly as without statistics; the first group's LUTs are refitted."""
    # Its own generator: the other tests' data stay as they were.
    rng = np.random.default_rng(11)
    conv_w, q, k, v, program = make_program(rng)
    conv_id, _ = ids_by_consumer(program)
    stats = ActivationStatistics(program)
    x = rng.standard_normal((4, 8, 11, 12)).cumsum(axis=3)
    x[:, 4:] = 0
    stats.add(conv_id, x)

    def run(**extra):
        return palettize_weights(program, lut_dtype=None, n_bits=3,
                                 granularity=CompressionGranularity.PER_CHANNEL,
                                 weight_num_threshold=0, **extra)

    plain = materialized(run())[conv_id]
    gptq = materialized(run(activation_statistics=stats))[conv_id]
    assert np.array_equal(gptq[8:], plain[8:])
    for channel in range(8):
        assert not np.array_equal(gptq[channel], plain[channel]), channel


@pytest.mark.parametrize("compress", ["int4", "int4-asym", "lut3"])
def test_diagonal_statistics_weigh_scales_and_luts(compress):
    """Statistics that keep only diag(H) (max_full_columns=0): no feedback,
    a warning, but scales and LUTs follow the input weights: the error the
    consumer sees, sum h (dw)^2, drops below today's on the loud columns."""
    conv_w, q, k, v, program = make_program()
    _, mm_ids = ids_by_consumer(program)
    stats = ActivationStatistics(program, max_full_columns=0)
    loud = np.ones(40)
    loud[[3, 17, 29]] = 30.0  # three inputs thirty times louder
    stats.add(mm_ids[0], RNG.standard_normal((500, 40)) * loud)
    assert stats.capture(mm_ids[0])["full"] is False

    def run(**extra):
        if compress == "lut3":
            return palettize_weights(program, lut_dtype=None, n_bits=3,
                                     granularity=CompressionGranularity.PER_CHANNEL,
                                     weight_num_threshold=0, **extra)
        return quantize_weights(program, dtype=DType.INT4, weight_num_threshold=0,
                                qscheme=(QScheme.ASYMMETRIC if compress == "int4-asym"
                                         else QScheme.SYMMETRIC),
                                **extra)
    plain = run()
    with pytest.warns(UserWarning, match="only the diagonal of H"):
        weighted = run(activation_statistics=stats)

    def values(p):
        return materialized(p)[mm_ids[0]]
    h = stats.gram(mm_ids[0])[0]  # the diagonal, one value per input row of q
    w = values(program).astype(np.float64)
    e_plain = (h[:, None] * (values(plain) - w) ** 2).sum()
    e_weighted = (h[:, None] * (values(weighted) - w) ** 2).sum()
    assert e_weighted < 0.8 * e_plain, (e_weighted, e_plain)


@pytest.mark.parametrize("joint", [{}, {"quantize_dtype": DType.INT8}, {"palettize_nbits": 3}])
def test_sparsify_with_statistics(joint, tmp_path):
    """Wanda's mask (|w| sqrt(E[x^2])), then GPTQ corrects the kept values:
    the output error falls below the same mask without feedback (diagonal
    statistics) and far below today's magnitude pruning."""
    conv_w, q, k, v, program = make_program()
    _, mm_ids = ids_by_consumer(program)
    # Inputs that share a common part: what one pruned weight loses, the
    # others' can make up.
    x = (RNG.standard_normal((300, 1)) * 2 + RNG.standard_normal((300, 40)) * 0.5) \
        * np.linspace(0.5, 2, 40)
    full = ActivationStatistics(program).add(mm_ids[0], x)
    diagonal = ActivationStatistics(program, max_full_columns=0).add(mm_ids[0], x)

    def run(**extra):
        return sparsify_weights(program, target_sparsity=0.5, weight_num_threshold=0,
                                **joint, **extra)
    plain, wanda, gptq = run(), None, run(activation_statistics=full)
    with pytest.warns(UserWarning, match="only the diagonal of H"):
        wanda = run(activation_statistics=diagonal)

    def values(p):
        return materialized(p)[mm_ids[0]]
    w = q.astype(np.float32).astype(np.float64)
    h = full.gram(mm_ids[0])[0]
    # The mask: the 480 smallest scores (rows of q are input columns).
    scores = np.abs(w) * np.sqrt(np.diag(h) / 300)[:, None]
    pruned = np.zeros(w.size, bool)
    pruned[np.argsort(scores.ravel(), kind="stable")[:480]] = True
    pruned = pruned.reshape(w.shape)
    for p in (wanda, gptq):
        assert (values(p)[pruned] == 0).all() and (values(p)[~pruned] != 0).all()
    assert not (values(plain)[pruned] == 0).all()
    errors = {name: output_error(w.T, values(p).T, h)
              for name, p in (("plain", plain), ("wanda", wanda), ("gptq", gptq))}
    assert errors["wanda"] < errors["plain"], errors
    assert errors["gptq"] < 0.7 * errors["wanda"], errors
    # The driver with the saved file gives Python's bytes.
    full.save(tmp_path / "s.safetensors")
    program.save(tmp_path / "p.mlirbc")
    options = " ".join(["target-sparsity=0.5 weight-num-threshold=0"]
                       + ["%s=%s" % (key.replace("_", "-"), value) for key, value in joint.items()])
    r = run_opt(tmp_path / "p.mlirbc", "--emit-bytecode", "-o", tmp_path / "d.mlirbc",
                "--pass-pipeline=builtin.module(coreai-sparsify-weights{%s activation-statistics=%s})"
                % (options, tmp_path / "s.safetensors"))
    assert r.returncode == 0, r.stderr
    assert str(Program.load(tmp_path / "d.mlirbc")) == str(gptq)


def test_compress_and_sensitivity_with_statistics(tmp_path):
    """compress_weights and measure_sensitivity take the statistics: a recipe
    gives quantize_weights' bytes, candidates are measured by output SQNR,
    and a table measured with statistics needs the same ones."""
    conv_w, q, k, v, program = make_program()
    conv_id, mm_ids = ids_by_consumer(program)
    stats = ActivationStatistics(program)
    mix = RNG.standard_normal((40, 40)) * np.linspace(0.1, 3, 40)
    stats.add(mm_ids[0], RNG.standard_normal((200, 40)) @ mix)
    stats.add(conv_id, RNG.standard_normal((4, 8, 11, 12)))
    recipe = tmp_path / "recipe.json"
    recipe.write_text('{"rules": [{"quantize": {"dtype": "int4"}}]}')
    by_recipe = compress_weights(program, recipe=recipe, weight_num_threshold=0,
                                 activation_statistics=stats)
    single = quantize_weights(program, dtype=DType.INT4, weight_num_threshold=0,
                              activation_statistics=stats)
    assert str(by_recipe) == str(single)
    assert str(compress_weights(program, recipe=recipe, weight_num_threshold=0)) != str(single)

    # measure_sensitivity: figures are output SQNR, the table remembers.
    seen = []

    def evaluate(replacements):
        seen.append(replacements)
        return float(sum(np.sum(np.square(v)) for v in replacements.values()))
    table = measure_sensitivity(program, evaluate, candidates=["int4-channel", "int8-channel"],
                                weight_num_threshold=0, activation_statistics=stats)
    entry = [w for w in table.weights if w["id"] == mm_ids[0]][0]
    figures = entry["candidates"]["int4-channel"]
    values = [r[mm_ids[0]] for r in seen if mm_ids[0] in r]
    w = q.astype(np.float32).astype(np.float64)
    hq = stats.gram(mm_ids[0])[0]
    expected = 10 * np.log10(output_error(w.T, 0 * w.T, hq) / output_error(w.T, values[0].T, hq))
    assert figures["sqnr_db"] == pytest.approx(expected, abs=1e-6)
    # Without statistics the same candidate's output SQNR is lower (and its
    # figure is the weight's own SQNR).
    seen.clear()
    plain = measure_sensitivity(program, evaluate, candidates=["int4-channel"],
                                weight_num_threshold=0)
    values_plain = [r[mm_ids[0]] for r in seen if mm_ids[0] in r][0]
    plain_db = 10 * np.log10(output_error(w.T, 0 * w.T, hq)
                             / output_error(w.T, values_plain.T, hq))
    assert expected > plain_db + 3, (expected, plain_db)
    figure = [x for x in plain.weights if x["id"] == mm_ids[0]][0]["candidates"]["int4-channel"]
    assert figure["sqnr_db"] == pytest.approx(
        10 * np.log10(np.sum(w ** 2) / np.sum((values_plain - w) ** 2)), abs=1e-6)
    assert "activation_statistics_sha256" not in plain.to_json()
    assert table.to_json().count("activation_statistics_sha256") == 1
    with pytest.raises(ValueError, match="measured with activation statistics"):
        compress_weights(program, sensitivity=table, bits_per_weight=8, weight_num_threshold=0)
    other = ActivationStatistics(program).add(mm_ids[0], np.ones((3, 40)))
    with pytest.raises(ValueError, match="pass the activation_statistics the table was measured"):
        compress_weights(program, sensitivity=table, bits_per_weight=8, weight_num_threshold=0,
                         activation_statistics=other)
    out = compress_weights(program, sensitivity=table, bits_per_weight=8, weight_num_threshold=0,
                           activation_statistics=stats)
    assert "coreai.blockwise_shift_scale" in str(out)
    # Statistics of another program are refused by weight.
    conv_w2, *_ , program2 = make_program()
    foreign = ActivationStatistics(program2).add(mm_ids[0], np.ones((3, 40)))
    with pytest.raises(ValueError, match="statistics are of another weight"):
        measure_sensitivity(program, evaluate, candidates=["int8-channel"],
                            weight_num_threshold=0, activation_statistics=foreign)


LADDER = ["lut4-group16", "lut4-channel", "int4-channel", "int4-block32", "uint4-block32",
          "lut6-group16", "int8-channel"]
BELOW_4_BITS = ["lut3-group16", "lut3-channel", "lut2-group16", "lut2-channel",
                "int4-block16", "int4-block8"]


def test_ladder_with_and_without_statistics():
    """With statistics the default ladder reaches below 4 bits (3- and 2-bit
    LUTs with GPTQ) and has int4 blocks that fit input axes 32 does not
    divide (40 here); without, it and its bytes stay as they were."""
    from coreai_opt import _core
    assert _core.default_candidates() == LADDER
    assert _core.default_candidates(True) == LADDER + BELOW_4_BITS
    # One f16 128x64 matmul weight.
    linear = Program.from_text("""
coreai.graph @main(%%h: tensor<2x5x128xf16>) -> tensor<2x5x64xf16> {
  %%w = coreai.constant %s : tensor<128x64xf16>
  %%y = coreai.batch_matmul %%h, %%w : (tensor<2x5x128xf16>, tensor<128x64xf16>) -> tensor<2x5x64xf16>
  coreai.output %%y : tensor<2x5x64xf16>
}
""" % dense(RNG.standard_normal((128, 64)).astype(np.float16)))
    stats = ActivationStatistics(linear)
    stats.add(linear.weights()[0]["id"], RNG.standard_normal((300, 128)))
    # Without statistics: the old ladder's bytes, and 3 bits out of reach.
    assert str(compress_weights(linear, bits_per_weight=5)) == str(
        compress_weights(linear, bits_per_weight=5, candidates=LADDER))
    with pytest.raises(ValueError, match="3 bits per weight cannot be reached"):
        compress_weights(linear, bits_per_weight=3)
    # With them: 3 bits per weight is reached by a LUT of 3 bits per 16
    # channels (3.06) or 2 bits per channel (2.5).
    out = compress_weights(linear, bits_per_weight=3.1, activation_statistics=stats)
    row, = weight_report(out)
    assert row["bits_per_weight"] <= 3.1 and row["scheme"].startswith(("3-bit", "2-bit")), row
    # A table measured with statistics has the wider ladder; int4 blocks of
    # 8 apply to the matmul weights (40 inputs), blocks of 32 do not.
    conv_w, q, k, v, program = make_program()
    conv_id, mm_ids = ids_by_consumer(program)
    stats = ActivationStatistics(program)
    stats.add(mm_ids[0], RNG.standard_normal((200, 40)))
    stats.add(conv_id, RNG.standard_normal((4, 8, 11, 12)))
    table = measure_sensitivity(program, lambda r: 0.0, weight_num_threshold=0,
                                activation_statistics=stats)
    assert table.candidates == LADDER + BELOW_4_BITS
    entry = [w for w in table.weights if w["id"] == mm_ids[0]][0]["candidates"]
    assert "skip_reason" in entry["int4-block32"] and "skip_reason" in entry["int4-block16"]
    assert "stored_bytes" in entry["int4-block8"]

    # probes="none": no evaluation, each entry the output noise-to-signal
    # ratio; the plans follow it.
    def never(replacements):
        raise AssertionError("evaluated")
    predicted = measure_sensitivity(program, never, probes="none", weight_num_threshold=0,
                                    activation_statistics=stats)
    assert predicted.evaluations == 0 and predicted.baseline_loss == 0
    entries = [(c, f) for w in predicted.weights for c, f in w["candidates"].items()
               if "loss_increase" in f]
    assert len(entries) > 20
    for name, f in entries:
        assert f["measured"] is False
        assert f["loss_increase"] == pytest.approx(10 ** (-f["sqnr_db"] / 10), rel=1e-12)
    assert measure_sensitivity(program, None, probes="none", weight_num_threshold=0,
                               activation_statistics=stats).to_json() is not None
    out = compress_weights(program, sensitivity=predicted, bits_per_weight=6,
                           weight_num_threshold=0, activation_statistics=stats)
    assert sum(r["bytes_after"] for r in weight_report(out)) * 8 <= 6 * 16 * 36 + 6 * 3 * 960
    with pytest.raises(ValueError, match="needs activation_statistics"):
        measure_sensitivity(program, None, probes="none", weight_num_threshold=0)
    with pytest.raises(ValueError, match="evaluate: expected a callable"):
        measure_sensitivity(program, None, probes="one", weight_num_threshold=0,
                            activation_statistics=stats)
    with pytest.raises(ValueError, match='probes: expected "all", "one" or "none", got \'two\''):
        measure_sensitivity(program, never, probes="two", weight_num_threshold=0)


def test_program_weights_say_what_to_capture():
    conv_w, q, k, v, program = make_program()
    rows = {r["id"]: r for r in program.weights(weight_num_threshold=0)}
    conv_id, mm_ids = ids_by_consumer(program)
    assert rows[conv_id]["capture"] == {"operand": 0, "shape": [1, 8, 11, 12],
                                        "shared_with": [conv_id]}
    for weight_id in mm_ids:  # q, k (through its transpose) and v share h
        assert rows[weight_id]["capture"] == {"operand": 0, "shape": [2, 5, 40],
                                              "shared_with": mm_ids}
