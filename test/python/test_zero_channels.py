"""All-zero output channels stay exactly zero under every LUT scheme:
per-tensor and grouped LUTs gave them the noise of the entry nearest 0
(4-bit: about 2.6e-4, 2-bit: about 1e-2 on the real recognizer)."""
import numpy as np
import pytest

from coreai_opt import Program
from coreai_opt.coreai_utils import (ActivationStatistics, CompressionGranularity,
                                     palettize_weights)

RNG = np.random.default_rng(4)


def program_with_zero_channels(dtype):
    # x @ w with w [64 in, 16 out]: output channels are w's columns; 3 and
    # 10 are all zero (one of them -0.0).
    w = RNG.standard_normal((64, 16)).astype(np.float32) * 0.05 + 0.01
    w[:, 3] = 0.0
    w[:, 10] = -0.0
    text = np.array2string(w, separator=", ", threshold=10**9, floatmode="unique",
                           max_line_width=10**9)
    return w, Program.from_text("""
coreai.graph @main(%%x: tensor<2x64x%s>) -> tensor<2x16x%s> {
  %%w = coreai.constant dense<%s> : tensor<64x16x%s>
  %%y = coreai.batch_matmul %%x, %%w : (tensor<2x64x%s>, tensor<64x16x%s>) -> tensor<2x16x%s>
  coreai.output %%y : tensor<2x16x%s>
}""" % (dtype, dtype, text, dtype, dtype, dtype, dtype, dtype))


@pytest.mark.parametrize("dtype", ["f16", "f32"])
@pytest.mark.parametrize("options", [
    dict(n_bits=4), dict(n_bits=2),
    dict(n_bits=2, granularity=CompressionGranularity.PER_GROUPED_CHANNEL, group_size=4),
    dict(n_bits=4, lut_dtype="int8"),
    dict(n_bits=3, granularity=CompressionGranularity.PER_TENSOR, statistics=True)])
def test_zero_channels_stay_zero(dtype, options):
    options = dict(options)
    w, program = program_with_zero_channels(dtype)
    extra = {}
    if options.pop("statistics", False):
        stats = ActivationStatistics(program)
        stats.add(0, RNG.standard_normal((100, 64)))
        extra["activation_statistics"] = stats
    options.setdefault("lut_dtype", None)
    out = palettize_weights(program, weight_num_threshold=0, **options, **extra)
    dense = out.copy().run("builtin.module(coreai-materialize-weights)")
    values = np.frombuffer(dense._core.dense_values([0])[0], np.float32).reshape(64, 16)
    assert not np.any(values[:, [3, 10]]), values[:, [3, 10]]
    # The other channels are still compressed (not left as they were).
    assert np.any(values[:, 0] != w[:, 0].astype(dtype.replace("f", "float")))
