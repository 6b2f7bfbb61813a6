"""coreai_opt: Core AI weight compression over C++ MLIR passes.

`Program` holds a Core AI program; `coreai_opt.coreai_utils` has the
documented compression functions (`quantize_weights`, `palettize_weights`,
`sparsify_weights`) and, beyond them, `compress_weights` (recipes and the
automatic mixed precision) and `weight_report`.
"""
import os
import warnings

from . import _core

__all__ = ["Program", "__version__"]

__version__ = "0.13.0"


class Program:
    """A Core AI program: an MLIR module of the `coreai` dialect with its
    weights. Our own class (it does not imitate another package's)."""

    def __init__(self, core, source_asset=None):
        self._core = core
        # The asset it was loaded from: its metadata and other files go into
        # the assets it is saved as.
        self._source_asset = source_asset

    @classmethod
    def load(cls, path):
        """Reads `.mlir` text, `.mlirbc` bytecode or an `.aimodel` asset
        directory (a bad `main.hash` is a warning: it is recomputed on
        save). A regular file is mapped; a pipe, a FIFO or /dev/stdin is
        read to its end (without holding the GIL while it waits)."""
        path = os.fspath(path)
        if _is_asset(path):
            core, warning = _core._Program.load_asset(path)
            if warning:
                warnings.warn(warning, stacklevel=2)
            return cls(core, os.path.abspath(path.rstrip("/")))
        return cls(_core._Program.load_file(path))

    @classmethod
    def from_text(cls, text):
        """Parses the textual IR `text`."""
        return cls(_core._Program.from_text(text))

    @classmethod
    def from_bytecode(cls, data):
        """Parses MLIR bytecode `data` (bytes)."""
        return cls(_core._Program.from_bytecode(bytes(data)))

    def __str__(self):
        return self._core.to_text(False)

    def to_text(self, debug_info=False):
        """The textual IR; with `debug_info`, locations included."""
        return self._core.to_text(debug_info)

    def to_bytecode(self):
        """The program as MLIR bytecode (bytes)."""
        return self._core.to_bytecode()

    def copy(self):
        """An independent copy."""
        return Program(self._core.copy(), self._source_asset)

    def save(self, path, overwrite=False):
        """Writes the program; the format follows the suffix: `.mlir` text
        (with locations), `.mlirbc` bytecode, `.aimodel` an asset directory
        (written next to `path` and renamed into place; replacing the asset
        the program was loaded from needs `overwrite=True`). A file is
        written beside `path` as `.<name>.tmp-XXXXXX` and renamed over it
        only once complete: a failure leaves an existing `path` as it was,
        and the new file keeps its mode."""
        path = os.fspath(path)
        if _is_asset(path):
            self._core.save_asset(path, self._source_asset or "", overwrite)
        elif path.endswith(".mlirbc"):
            self._core.save_file(path, bytecode=True)
        elif path.endswith(".mlir"):
            self._core.save_file(path, bytecode=False)
        else:
            raise ValueError("path: unknown suffix of '%s'; expected .mlir, "
                             ".mlirbc or .aimodel" % path)

    def save_asset(self, path, overwrite=False):
        """Writes the program as the `.aimodel` asset `path` (see save)."""
        path = os.fspath(path)
        if not _is_asset(path):
            raise ValueError("path: an asset's name ends in .aimodel, got '%s'" % path)
        self.save(path, overwrite)

    def optimize(self):
        """Simplifies the program in place: MLIR's canonicalizer (dead ops
        removed) and common-subexpression elimination (equal constants
        shared). Returns self."""
        return self.run("builtin.module(canonicalize,cse)")

    def weights(self, weight_num_threshold=1024):
        """The compressible weights (constants of more than
        `weight_num_threshold` elements feeding weight consumers), in program
        order: one dict each with `id` (the `#` of the weight report, which
        recipes match as "ordinal"), `location`, `consumer`, `shape`,
        `element_type`, `elements` and `sha256` (of the payload bytes as
        stored; Core AI constants carry no names). A weight that its consumer
        contracts with a data input also has `capture`: what activation
        statistics need of it, {`operand`: the index of that data operand
        of the consumer, `shape`: its static shape, `shared_with`: the ids
        of the weights that read the same input}."""
        rows = self._core.weights(_threshold(weight_num_threshold))
        inputs = {}
        for entry in self._core.activation_statistics(0).entries():
            for weight_id in entry["ids"]:
                inputs[weight_id] = {"operand": entry["operand"],
                                     "shape": list(entry["shape"]),
                                     "shared_with": list(entry["ids"])}
        for row in rows:
            if row["id"] in inputs:
                row["capture"] = inputs[row["id"]]
        return rows

    def with_weights(self, values):
        """A copy with the weights `values` names ({id: array}) holding
        those values (rounded to the weight's element type; every use of the
        constant sees them). Values that are not finite real numbers, or
        that the element type cannot hold (they would become inf), are a
        ValueError naming the weight. Needs numpy."""
        import numpy as np
        if not isinstance(values, dict):
            raise ValueError("values: expected a dict {weight id: array}, got %s"
                             % type(values).__name__)
        raw = {}
        for key, array in values.items():
            if isinstance(key, bool) or not isinstance(key, (int, np.integer)):
                raise ValueError("values: weight ids are integers, got %r" % (key,))
            key = int(key)
            if not -2**63 <= key < 2**63:
                raise ValueError("values: weight %d: no compressible weight has this id "
                                 "(see Program.weights())" % key)
            array = np.asarray(array)
            if np.iscomplexobj(array):
                raise ValueError("values: weight %d: complex values; the weight holds real "
                                 "numbers" % key)
            if not np.issubdtype(array.dtype, np.number) or not np.all(np.isfinite(array)):
                raise ValueError("values: weight %d must hold finite numbers" % key)
            # What float32 cannot hold would become inf (the weight's own type
            # is checked when the values are stored).
            with np.errstate(over="ignore"):
                f32 = np.ascontiguousarray(array, dtype=np.float32)
            if not np.all(np.isfinite(f32)):
                raise ValueError("values: weight %d: %g does not fit f32 (it would become inf)"
                                 % (key, float(np.max(np.abs(array.astype(np.float64))))))
            raw[key] = f32.tobytes()
        return Program(self._core.with_weights(raw), self._source_asset)

    def run(self, pipeline, threads=0):
        """Runs a pass pipeline (`builtin.module(...)`) in place; warnings of
        the passes become Python warnings. Returns self."""
        _run(self, pipeline, threads)
        return self


def _threshold(value):
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("weight_num_threshold: expected an integer >= 0, got %r" % (value,))
    return value


def _is_asset(path):
    return path.rstrip("/").endswith(".aimodel")


def _run(program, pipeline, threads=0, stacklevel=3):
    """Runs `pipeline` on `program`; turns the passes' warnings into Python
    warnings that name the constant's location."""
    for severity, location, message in program._core.run(pipeline, threads):
        if severity == "warning":
            warnings.warn("%s: %s" % (location, message), stacklevel=stacklevel)
