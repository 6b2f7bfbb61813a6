"""Pairing a program's weights with the tensors of the framework the model
came from, by value."""
import hashlib
from collections import defaultdict

from .. import Program, _threshold


def _round(values, element_type):
    """float32 `values` rounded to `element_type` (f16, bf16 or f32), as
    float32 again."""
    import numpy as np
    values = np.ascontiguousarray(values, dtype=np.float32)
    if element_type == "f16":
        with np.errstate(over="ignore"):
            return values.astype(np.float16).astype(np.float32)
    if element_type == "bf16":
        bits = values.view(np.uint32).astype(np.uint64)
        rounded = ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16) << 16
        return rounded.astype(np.uint32).view(np.float32)
    return values


def _key(values):
    return hashlib.sha256(values.tobytes()).digest()


def match_weights(program, tensors, weight_num_threshold=1024, strict=True,
                  with_layout=False):
    """Pairs each compressible weight of `program` (as `Program.weights()`
    lists it) with the name of the tensor in `tensors` ({name: array-like},
    e.g. ONNX initializers and `Constant` values, or a PyTorch `state_dict`
    as numpy) that holds its values: compared after rounding the tensor to
    the weight's element type, as it is and, for a 2-D tensor, transposed
    (a framework may store a matmul weight either way round). Only where
    values cannot decide (several weights and tensors with equal values)
    are they paired by order (ids ascending, tensors in `tensors`' order).

    Returns {weight id: name} (with `with_layout`, {weight id: (name,
    transposed)}, `transposed` telling that the tensor holds the weight's
    values transposed). A weight no tensor matches, or whose equal
    weights and tensors differ in number, is a ValueError listing every
    such weight; with `strict=False`, returns (the partial map, the list of
    ids left unmatched) instead."""
    import numpy as np
    if not isinstance(program, Program):
        raise ValueError("program: expected a coreai_opt.Program, got %s"
                         % type(program).__name__)
    if not hasattr(tensors, "items"):
        raise ValueError("tensors: expected a mapping of names to arrays, got %s"
                         % type(tensors).__name__)
    rows = program.weights(_threshold(weight_num_threshold))
    values = program._core.dense_values([r["id"] for r in rows])
    types = {r["element_type"] for r in rows}

    # Each tensor's keys: (element type, elements, hash of its rounded values
    # in either layout).
    index = defaultdict(list)
    for name, array in tensors.items():
        try:
            array = np.asarray(array)
        except Exception as e:  # noqa: BLE001 - named in the error
            raise ValueError("tensors[%r]: not an array: %s" % (name, e)) from None
        if array.dtype.kind not in "fiub" or array.size == 0:
            continue
        layouts = [(array, False)] + ([(array.T, True)] if array.ndim == 2 else [])
        keys = {}
        for element_type in types:
            for layout, transposed in layouts:
                key = (element_type, array.size,
                       _key(_round(layout.astype(np.float32), element_type)))
                keys.setdefault(key, transposed)  # as stored first
        for key, transposed in keys.items():
            index[key].append((name, transposed))

    # Weights that the same tensors hold form one group (equal values, maybe
    # in different layouts): paired by order when the numbers agree.
    groups, layout = defaultdict(list), {}
    for row, data in zip(rows, values):
        decoded = np.frombuffer(data, dtype=np.float32)
        hits = index.get((row["element_type"], decoded.size, _key(decoded)), [])
        layout[row["id"]] = dict(hits)
        groups[tuple(name for name, _ in hits)].append(row)
    result, unmatched = {}, []
    for names, members in groups.items():
        if names and len(names) == len(members):
            for row, name in zip(sorted(members, key=lambda r: r["id"]), names):
                result[row["id"]] = ((name, layout[row["id"]][name]) if with_layout
                                     else name)
        else:
            unmatched.extend((row, names, len(members)) for row in members)
    unmatched.sort(key=lambda item: item[0]["id"])
    if unmatched and strict:
        lines = []
        for row, names, equal in unmatched:
            what = ("no tensor holds its values" if not names else
                    "ambiguous: %d weights and %d tensors (%s) hold its values"
                    % (equal, len(names), ", ".join(map(str, names))))
            lines.append("  #%d %s %s %s: %s" % (row["id"], row["location"],
                                                 "x".join(map(str, row["shape"])),
                                                 row["element_type"], what))
        raise ValueError("match_weights: %d of %d weights are not matched:\n%s"
                         % (len(unmatched), len(rows), "\n".join(lines)))
    if strict:
        return result
    return result, [row["id"] for row, _, _ in unmatched]
