"""Activation statistics: what each weight sees, from the user's runtime.

`ActivationStatistics(program)` holds, for each weight that an op contracts
with a data input (a matmul's other operand, a conv2d's padded NCHW input),
the Gram matrix H = sum x x^T of the input columns the weight meets (for a
conv2d its im2col patches, one H per group). `add(weight_id, x)` takes the
input exactly as the op receives it; leading dimensions are samples and
batch and spatial sizes may differ from the program's. Sums are exact, so
statistics gathered in pieces (`merge`) give the bytes of one pass. The
compression functions take them as `activation_statistics=` and then round
with GPTQ error feedback. See docs/ActivationStatistics.md.
"""
import os
import tempfile
from numbers import Integral

from .common import path_option

__all__ = ["ActivationStatistics", "DEFAULT_MAX_FULL_COLUMNS"]

#: Inputs of up to this many columns keep the whole H; wider ones only its
#: diagonal (with which GPTQ cannot feed errors back).
DEFAULT_MAX_FULL_COLUMNS = 8192


class ActivationStatistics:
    """Input statistics of one program's weights, keyed by weight id (the
    `id` of `Program.weights()`)."""

    def __init__(self, program, max_full_columns=DEFAULT_MAX_FULL_COLUMNS):
        from .. import Program
        if not isinstance(program, Program):
            raise ValueError("program: expected a coreai_opt.Program, got %s"
                             % type(program).__name__)
        if isinstance(max_full_columns, bool) or not isinstance(max_full_columns, Integral) \
                or max_full_columns < 0:
            raise ValueError("max_full_columns: expected a non-negative integer, got %r"
                             % (max_full_columns,))
        self._program = program
        self._core = program._core.activation_statistics(int(max_full_columns))

    def inputs(self):
        """One dict per input that weights read: `ids` (the weights that
        share it), `location` (of the first), `operand` (the index of the
        data operand of their consumer), `shape` (its static shape),
        `convolution`, `columns` and `groups` (of H), `full` (H kept whole)
        and `samples` (input vectors added so far)."""
        return self._core.entries()

    def capture(self, weight_id):
        """What to capture for weight `weight_id`: its entry of inputs()."""
        weight_id = _weight_id(weight_id)
        for entry in self.inputs():
            if weight_id in entry["ids"]:
                return entry
        raise ValueError("weight %d: no weight with this id takes a data input "
                         "(see ActivationStatistics.inputs())" % weight_id)

    def add(self, weight_id, x):
        """Adds the data input `x` (array-like, any float type) of weight
        `weight_id`'s consumer, as the op receives it. A ValueError names the
        weight when its shape does not fit the op."""
        import numpy as np
        weight_id = _weight_id(weight_id)
        array = np.asarray(x)
        if not (np.issubdtype(array.dtype, np.floating) or np.issubdtype(array.dtype, np.integer)):
            raise ValueError("weight %d: expected a real array, got dtype %s"
                             % (weight_id, array.dtype))
        self._core.add(weight_id, np.ascontiguousarray(array, dtype=np.float64))
        return self

    def merge(self, other):
        """Adds the statistics `other` (of the same program) into these."""
        if not isinstance(other, ActivationStatistics):
            raise ValueError("other: expected ActivationStatistics, got %s"
                             % type(other).__name__)
        self._core.merge(other._core)
        return self

    def gram(self, weight_id):
        """H of weight `weight_id` as float64, shaped [groups, columns,
        columns] (or [groups, columns]: the diagonal)."""
        import numpy as np
        entry = self.capture(weight_id)
        shape = (entry["groups"], entry["columns"]) + ((entry["columns"],) if entry["full"] else ())
        if entry["samples"] == 0:
            return np.zeros(shape)
        return np.frombuffer(self._core.gram(_weight_id(weight_id)), dtype="<f8").reshape(shape)

    def to_bytes(self):
        """The statistics file's bytes."""
        return self._core.serialize()

    @classmethod
    def from_bytes(cls, program, data, name="<bytes>"):
        """Statistics of `program` read from a file's bytes."""
        stats = cls(program)
        stats._core = stats._core.load(bytes(data), str(name))
        return stats

    def save(self, path):
        """Writes one safetensors file (replacing `path` only when written
        whole)."""
        self._core.save(os.fspath(path))

    @classmethod
    def load(cls, program, path):
        """Reads a file written by save() for `program`: weights the
        program lacks or whose SHA-256 differs are a ValueError naming
        them."""
        with open(os.fspath(path), "rb") as f:
            return cls.from_bytes(program, f.read(), os.fspath(path))

    def __reduce__(self):
        return (_rebuild, (self._program, self.to_bytes()))


def _rebuild(program, data):
    return ActivationStatistics.from_bytes(program, data)


def _weight_id(value):
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise ValueError("weight ids are integers, got %r" % (value,))
    if not -2**63 <= int(value) < 2**63:
        raise ValueError("weight %d: no weight has this id (see Program.weights())" % value)
    return int(value)


def statistics_option(statistics, program, directory):
    """The pass option that hands `statistics` to a pass: the file written
    into `directory`, its path quoted."""
    if statistics is None:
        return ""
    if not isinstance(statistics, ActivationStatistics):
        raise ValueError("activation_statistics: expected ActivationStatistics, got %s"
                         % type(statistics).__name__)
    path = os.path.join(directory, "statistics.safetensors")
    statistics.save(path)
    return " " + path_option("activation-statistics", path)


def with_statistics_file(statistics, program, run):
    """Calls run(option) with the statistics option (empty without
    statistics), the file alive for the call."""
    if statistics is None:
        return run("")
    with tempfile.TemporaryDirectory(prefix="coreai-statistics-") as directory:
        return run(statistics_option(statistics, program, directory))
