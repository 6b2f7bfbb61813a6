"""match_weights: a program's weights paired with the framework's tensors by
value (rounded to the weight's element type, as stored or transposed), by
order only among equal values; unmatched and ambiguous weights listed."""
import numpy as np
import pytest

from coreai_opt import Program
from coreai_opt.coreai_utils import match_weights

RNG = np.random.default_rng(3)


def dense(array, dtype=np.float32):
    text = np.array2string(np.asarray(array, dtype=dtype).astype(np.float32), separator=", ",
                           threshold=10**9, floatmode="unique", max_line_width=10**9)
    return "dense<%s>" % text


def program_of(weights, element_type):
    """One matmul per weight of `weights` ([K, N] arrays, all K alike), as
    `element_type` constants; the second one read through a transpose
    (stored [N, K])."""
    k = weights[0].shape[0]
    lines, outputs = [], []
    for i, w in enumerate(weights):
        n = w.shape[1]
        if i == 1:
            lines.append("  %%w%d = coreai.constant %s : tensor<%dx%dx%s>"
                         % (i, dense(w.T), n, k, element_type))
            lines.append("  %%p%d = coreai.constant dense<[1, 0]> : tensor<2xui32>" % i)
            lines.append("  %%t%d = coreai.transpose %%w%d, %%p%d : (tensor<%dx%dx%s>, "
                         "tensor<2xui32>) -> tensor<%dx%dx%s>"
                         % (i, i, i, n, k, element_type, k, n, element_type))
            src = "%%t%d" % i
        else:
            lines.append("  %%w%d = coreai.constant %s : tensor<%dx%dx%s>"
                         % (i, dense(w), k, n, element_type))
            src = "%%w%d" % i
        lines.append("  %%y%d = coreai.batch_matmul %%x, %s : (tensor<3x%dx%s>, tensor<%dx%dx%s>)"
                     " -> tensor<3x%dx%s>" % (i, src, k, element_type, k, n, element_type,
                                              n, element_type))
        outputs.append(("%%y%d" % i, "tensor<3x%dx%s>" % (n, element_type)))
    return Program.from_text(
        "coreai.graph @main(%%x: tensor<3x%dx%s>) -> (%s) {\n%s\n  coreai.output %s : %s\n}\n"
        % (k, element_type, ", ".join(t for _, t in outputs), "\n".join(lines),
           ", ".join(v for v, _ in outputs), ", ".join(t for _, t in outputs)))


@pytest.mark.parametrize("element_type", ["f16", "bf16", "f32"])
def test_matched_by_value_after_rounding_and_transposed(element_type):
    weights = [RNG.standard_normal((48, 32)) for _ in range(3)]
    program = program_of(weights, element_type)
    ids = [w["id"] for w in program.weights()]
    assert len(ids) == 3
    # The framework's float32 tensors, in another order, the second one
    # stored [K, N] as the matmul reads it while the program keeps [N, K];
    # other tensors around.
    tensors = {"bias": np.zeros(32), "layer2.weight": weights[2].astype(np.float32),
               "layer0.weight": weights[0].astype(np.float32),
               "layer1.weight": weights[1].astype(np.float32), "step": np.int64(7)}
    assert match_weights(program, tensors) == {
        ids[0]: "layer0.weight", ids[1]: "layer1.weight", ids[2]: "layer2.weight"}
    # Transposed the other way round (as a PyTorch Linear keeps [N, K]).
    tensors = {"a": weights[0].T.copy(), "b": weights[1].T.copy(), "c": weights[2].T.copy()}
    assert match_weights(program, tensors) == {ids[0]: "a", ids[1]: "b", ids[2]: "c"}
    # The layout: whether the tensor holds the weight as stored, transposed.
    assert match_weights(program, tensors, with_layout=True) == {
        ids[0]: ("a", True), ids[1]: ("b", False), ids[2]: ("c", True)}


def test_rounding_decides():
    # In f32, values one f16 step apart differ; in f16 they round alike.
    w = RNG.standard_normal((48, 32)).astype(np.float16).astype(np.float32)
    near = w + np.abs(w) * 1e-5
    assert not np.array_equal(near, w)
    program32 = program_of([w], "f32")
    with pytest.raises(ValueError, match="no tensor holds its values"):
        match_weights(program32, {"near": near})
    program16 = program_of([w], "f16")
    assert list(match_weights(program16, {"near": near}).values()) == ["near"]


def test_equal_values_by_order_and_errors():
    w = RNG.standard_normal((48, 32))
    other = RNG.standard_normal((48, 32))
    program = program_of([w, w, other], "f16")
    ids = [r["id"] for r in program.weights()]
    # Two equal weights and two equal tensors: by order.
    assert match_weights(program, {"first": w, "second": w.copy(), "third": other}) == {
        ids[0]: "first", ids[1]: "second", ids[2]: "third"}
    # One tensor for two equal weights: ambiguous; a missing one: not held.
    with pytest.raises(ValueError) as error:
        match_weights(program, {"only": w})
    message = str(error.value)
    assert message.startswith("match_weights: 3 of 3 weights are not matched:")
    assert ("#%d" % ids[0]) in message and "ambiguous: 2 weights and 1 tensors (only)" in message
    assert ("#%d" % ids[2]) in message and "48x32 f16: no tensor holds its values" in message
    partial, missing = match_weights(program, {"x": other, "only": w}, strict=False)
    assert partial == {ids[2]: "x"} and missing == ids[:2]
    # Bad arguments.
    with pytest.raises(ValueError, match="program: expected a coreai_opt.Program"):
        match_weights("model.aimodel", {})
    with pytest.raises(ValueError, match="tensors: expected a mapping"):
        match_weights(program, [w])
