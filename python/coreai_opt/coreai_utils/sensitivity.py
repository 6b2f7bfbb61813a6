"""Accuracy-driven compression: the user's own evaluation measures how much
each weight's loss rises under each candidate scheme (`measure_sensitivity`,
a `SensitivityTable`), and `compress_weights(sensitivity=...)` chooses from
those measurements (docs/Sensitivity.md)."""
import io
import json
import math
import os
import sys
import tempfile
import time
from numbers import Real

from .. import Program, _core, _threshold
from .common import names_option, path_option

__all__ = ["SensitivityTable", "measure_sensitivity"]

_FORMAT = "coreai-sensitivity"
_VERSION = 1


def _number_or_none(value):
    """JSON has no infinity: an exact result's SQNR is stored as null."""
    return None if value is None or math.isinf(value) else float(value)


def _finite_loss(value, where):
    """The evaluator's result as a float; ValueError when it is not a finite
    number."""
    if isinstance(value, bool) or not isinstance(value, Real):
        try:
            import numpy as np
            if isinstance(value, np.ndarray) and value.shape == ():
                value = value.item()
        except ImportError:
            pass
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ValueError("evaluate: returned %r (%s) for %s; it must return a number"
                         % (value, type(value).__name__, where))
    try:
        value = float(value)
    except OverflowError:
        value = math.inf
    if not math.isfinite(value) or abs(value) > MAX_LOSS:
        raise ValueError("evaluate: returned %r for %s; it must return a finite number "
                         "within +-%g (losses are summed)" % (value, where, MAX_LOSS))
    return value


#: Losses (and loss increases) must lie within +-MAX_LOSS, so that a plan's
#: sum of them stays finite.
MAX_LOSS = 1e300


def _call(evaluate, replacements, where):
    try:
        result = evaluate(replacements)
    except Exception as e:  # noqa: BLE001 - re-raised with the weight named
        raise RuntimeError("evaluate failed for %s: %s: %s"
                           % (where, type(e).__name__, e)) from e
    return _finite_loss(result, where)


class SensitivityTable:
    """Per weight and candidate: stored bytes, bits per weight, tensor and
    worst-channel SQNR, and the loss increase measured (or, with
    `probes="one"` or `"none"`, predicted) with that weight alone
    compressed; the baseline loss. Tied to its program by each weight's SHA-256."""

    def __init__(self, data, program=None):
        self._data = data
        # The program it was measured on, in this process (for plans()).
        self._program = program

    @property
    def baseline_loss(self):
        return self._data["baseline_loss"]

    @property
    def candidates(self):
        return list(self._data["candidates"])

    @property
    def weights(self):
        """One dict per weight: id, location, consumer, shape, element_type,
        elements, sha256 and `candidates` ({name: figures})."""
        return self._data["weights"]

    @property
    def evaluations(self):
        return self._data["evaluations"]

    @property
    def seconds(self):
        return self._data["seconds"]

    def loss_increase(self, weight_id, candidate):
        """The loss increase of `candidate` on weight `weight_id` (None when
        the candidate does not apply to it); a ValueError when the table
        has no such weight or candidate."""
        if candidate not in self.candidates:
            raise ValueError("candidate %r is not in the table (it has %s)"
                             % (candidate, ", ".join(self.candidates)))
        for weight in self.weights:
            if weight["id"] == weight_id:
                return weight["candidates"].get(candidate, {}).get("loss_increase")
        raise ValueError("weight %r is not in the table" % (weight_id,))

    def plans(self, program=None, max_loss_increase_per_weight=None):
        """The plans compress_weights(sensitivity=self) chooses among, from
        every weight at its cheapest candidate to the least predicted loss,
        at budgets 0.01 bits per weight apart, each kept where it lowers the
        predicted loss: [(budget, bits per weight, predicted loss increase)].
        `program`: the table's program (default: the one it was measured on
        in this process)."""
        program = self._program_of(program)
        threshold = self._data.get("weight_num_threshold", 1024)
        if max_loss_increase_per_weight is not None:
            max_loss_increase_per_weight = _finite_option(
                "max_loss_increase_per_weight", max_loss_increase_per_weight)
        with tempfile.TemporaryDirectory(prefix="coreai-sensitivity-") as directory:
            path, _ = _table_file(self, program, threshold, directory)
            return [tuple(p) for p in program._core.sensitivity_plans(
                path, [], max_loss_increase_per_weight, None, threshold)]

    def plot(self, path, budgets=None, measured=None, program=None,
             max_loss_increase_per_weight=None):
        """Writes a PNG to `path`: the predicted loss increase against bits
        per weight along the plans (`plans()`), the plan chosen at each of
        `budgets` (bits per weight) marked, and `measured` points
        ({label: [(bits per weight, loss increase), ...]}, e.g. the
        data-free choice's and the plans' measured increases). Returns what
        it drew: {"plans": [(bits per weight, loss)], "chosen": [(budget,
        bits per weight, loss)], "measured": {label: [(bits, loss)]}}.
        Needs matplotlib (Debian: python3-matplotlib), imported only here."""
        budgets = [_finite_option("budgets", b) for b in (budgets or [])]
        points = {}
        for label, pairs in (measured or {}).items():
            try:
                points[str(label)] = [(_finite_option("measured", x),
                                       _finite_option("measured", y)) for x, y in pairs]
            except (TypeError, ValueError):
                raise ValueError("measured: expected {label: [(bits per weight, loss), ...]} "
                                 "of finite numbers, got %r for %r" % (pairs, label)) from None
        plans = self.plans(program, max_loss_increase_per_weight)
        chosen = []
        for budget in budgets:
            within = [p for p in plans if p[0] <= budget * (1 + 1e-12)]
            if not within:
                raise ValueError("budgets: %g bits per weight is below the cheapest plan "
                                 "(%.3f bits per weight)" % (budget, plans[0][1]))
            chosen.append((budget, within[-1][1], within[-1][2]))
        try:
            from matplotlib.backends.backend_agg import FigureCanvasAgg
            from matplotlib.figure import Figure
        except ImportError as e:
            raise ImportError("SensitivityTable.plot needs matplotlib (Debian: "
                              "python3-matplotlib): %s" % e) from None
        figure = Figure(figsize=(7, 4.2), dpi=100)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        xs = [p[1] for p in plans]
        ys = [p[2] for p in plans]
        axes.step(xs, ys, where="post", color="tab:blue", label="plans (predicted)")
        colors = ["tab:orange", "tab:green", "tab:purple", "tab:brown", "tab:gray", "tab:olive"]
        for k, (label, pairs) in enumerate(points.items()):
            axes.plot([x for x, _ in pairs], [y for _, y in pairs], "o--", label=label,
                      color=colors[k % len(colors)])
        if chosen:
            axes.plot([c[1] for c in chosen], [c[2] for c in chosen], "*", color="tab:red",
                      markersize=12, label="chosen plan")
            for budget, x, y in chosen:
                axes.annotate("%g" % budget, (x, y), textcoords="offset points",
                              xytext=(4, 6), fontsize=8)
        every = ys + [y for pairs in points.values() for _, y in pairs]
        positive = [abs(y) for y in every if y != 0]
        if positive and max(positive) > 100 * min(positive):
            axes.set_yscale("symlog", linthresh=min(positive))
        axes.set_xlabel("bits per weight")
        axes.set_ylabel("loss increase")
        axes.grid(True, alpha=0.3)
        axes.legend(fontsize=8)
        figure.tight_layout()
        png = io.BytesIO()
        figure.savefig(png, format="png")
        _core.write_file(os.fspath(path), png.getvalue())
        return {"plans": list(zip(xs, ys)), "chosen": chosen, "measured": points}

    def _program_of(self, program):
        if program is None:
            program = self._program
        if not isinstance(program, Program):
            raise ValueError("program: expected the coreai_opt.Program the table was "
                             "measured on, got %s" % type(program).__name__)
        return program

    def to_json(self):
        return json.dumps(self._data, indent=1, allow_nan=False) + "\n"

    def save(self, path):
        """Writes the table as JSON as coreai-opt writes its outputs:
        replacing `path` only once complete, following a link, keeping the
        mode of the file it replaces (a new one gets 0666 less the umask),
        refusing a read-only file (ValueError)."""
        _core.write_file(os.fspath(path), self.to_json().encode())

    @classmethod
    def load(cls, path):
        """Reads a table that `save` wrote; ValueError when it is not one."""
        path = os.fspath(path)
        try:
            with open(path) as f:
                data = json.load(f)
        except (OSError, json.JSONDecodeError) as e:
            raise ValueError("cannot read the sensitivity table '%s': %s" % (path, e)) from None
        except RecursionError:
            raise ValueError("cannot read the sensitivity table '%s': nested too deeply"
                             % path) from None
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            raise ValueError("'%s' is not a sensitivity table (its \"format\" must be %r)"
                             % (path, _FORMAT))
        if data.get("version") != _VERSION:
            raise ValueError("'%s': unsupported version %r (expected %d)"
                             % (path, data.get("version"), _VERSION))
        for key in ("baseline_loss", "candidates", "weights"):
            if key not in data:
                raise ValueError("'%s' has no %r" % (path, key))
        if not isinstance(data["candidates"], list) or not data["candidates"]:
            raise ValueError("'%s': \"candidates\" must list the candidates measured (it is "
                             "%s)" % (path, json.dumps(data["candidates"])))
        return cls(data)

    def check(self, program, weight_num_threshold=1024):
        """Raises ValueError naming the first weight of `program` that does
        not match the table (another program, or another threshold), or
        a malformed or repeated entry."""
        mine = {}
        for i, w in enumerate(self.weights):
            if not isinstance(w, dict) or isinstance(w.get("id"), bool) \
                    or not isinstance(w.get("id"), int) or not isinstance(w.get("sha256"), str) \
                    or not isinstance(w.get("candidates"), dict):
                raise ValueError("sensitivity: weight entry %d needs \"id\", \"sha256\" and "
                                 "\"candidates\"" % (i + 1))
            if w["id"] in mine:
                raise ValueError("sensitivity: weight entry %d: weight #%d is listed twice"
                                 % (i + 1, w["id"]))
            mine[w["id"]] = w
        listed = program.weights(weight_num_threshold)
        for weight in listed:
            entry = mine.get(weight["id"])
            if entry is None:
                raise ValueError("sensitivity: weight #%d (%s) is not in the table; it was "
                                 "measured on another program or threshold"
                                 % (weight["id"], weight["location"]))
            if entry["sha256"] != weight["sha256"]:
                raise ValueError("sensitivity: weight #%d (%s) does not match the table "
                                 "(SHA-256 %s, the table's %s): the table was measured on "
                                 "another program" % (weight["id"], weight["location"],
                                                      weight["sha256"], entry["sha256"]))
        if len(listed) != len(self.weights):
            ids = sorted(set(mine) - {w["id"] for w in listed})
            raise ValueError("sensitivity: the table has weight #%d, which this program "
                             "does not have" % ids[0])


class _Progress:
    """`done / total, ETA` on one terminal line (stderr), when it is one."""

    def __init__(self, total):
        self.total, self.done, self.start = total, 0, time.monotonic()
        self.live = hasattr(sys.stderr, "isatty") and sys.stderr.isatty()

    def step(self, count=1):
        self.done += count
        if not self.live:
            return
        elapsed = time.monotonic() - self.start
        eta = elapsed / self.done * (self.total - self.done) if self.done else 0
        sys.stderr.write("\rsensitivity: %d / %d evaluations, ETA %dm%02ds "
                         % (self.done, self.total, eta // 60, eta % 60))
        sys.stderr.flush()

    def close(self):
        if self.live:
            sys.stderr.write("\n")


def _probe(results):
    """The candidate measured with probes="one": the one of fewest stored
    bytes (ties: the lower SQNR), which the smallest plans use; the others
    are predicted from it."""
    return min(results, key=lambda r: (r["stored_bytes"], r["sqnr_db"], r["name"]))


def measure_sensitivity(program, evaluate, candidates=None, probes="all", executor=None,
                        weight_num_threshold=1024, *, activation_statistics=None):
    """Measures, with the user's `evaluate(replacements) -> loss` (lower is
    better; `replacements` maps weight ids to numpy arrays of dense values,
    every other weight original), the loss increase of each compressible
    weight under each candidate scheme alone. `candidates`: names of the
    automatic mode's catalog (default: its default ladder, which reaches
    below 4 bits with statistics). `probes="one"` measures one candidate
    per weight (the one of fewest stored bytes) and predicts the others in
    proportion to their noise energy (with statistics, their output error
    tr(dW H dW^T)). `probes="none"` (statistics needed) evaluates nothing:
    each candidate's entry is its output noise-to-signal ratio
    10^(-SQNR/10), and `evaluate` may be None. `executor`: any
    `concurrent.futures.Executor` (e.g. a process pool, or a
    `dask.distributed` client's `get_executor()`); `evaluate` must then be
    picklable. With `activation_statistics` (ActivationStatistics of the
    program) each candidate is compressed with them, as compress_weights
    then compresses it, and its figures are output SQNR; the table records
    their SHA-256. The program is not changed. Returns a SensitivityTable."""
    import numpy as np
    if not isinstance(program, Program):
        raise ValueError("program: expected a coreai_opt.Program, got %s" % type(program).__name__)
    if probes not in ("all", "one", "none"):
        raise ValueError("probes: expected \"all\", \"one\" or \"none\", got %r" % (probes,))
    if not callable(evaluate) and not (probes == "none" and evaluate is None):
        raise ValueError("evaluate: expected a callable, got %s" % type(evaluate).__name__)
    threshold = _threshold(weight_num_threshold)
    statistics_core, statistics_sha256 = _statistics(activation_statistics)
    if probes == "none" and statistics_core is None:
        raise ValueError("probes: \"none\" predicts every entry from the output error and "
                         "needs activation_statistics")
    names = list(candidates) if candidates is not None else _core.default_candidates(
        statistics_core is not None)
    if not names or not all(isinstance(n, str) for n in names) or len(set(names)) != len(names):
        raise ValueError("candidates: expected distinct candidate names, got %r" % (candidates,))
    start = time.monotonic()
    weights = program.weights(threshold)
    baseline = 0.0 if probes == "none" else _call(evaluate, {},
                                                  "the baseline (no weight replaced)")
    evaluated = {"all": len(names), "one": 1, "none": 0}[probes]
    progress = _Progress(len(weights) * evaluated)
    table = []
    evaluations = 0 if probes == "none" else 1
    pending = []  # (entry, [(result, future or value)]) of up to two weights

    def finish(entry, jobs):
        nonlocal evaluations
        for result, job in jobs:
            where = "weight #%d (candidate %s)" % (entry["id"], result["name"])
            if executor is not None:
                try:
                    value = job.result()
                except Exception as e:  # noqa: BLE001 - re-raised with the weight named
                    raise RuntimeError("evaluate failed for %s: %s: %s"
                                       % (where, type(e).__name__, e)) from e
                value = _finite_loss(value, where)
            else:
                value = job
            entry["candidates"][result["name"]]["loss_increase"] = _finite_loss(
                value - baseline, where + " less the baseline")
            evaluations += 1
            progress.step()
        if probes == "one" and jobs:
            probe, _ = jobs[0]
            measured = entry["candidates"][probe["name"]]["loss_increase"]
            noise = 10 ** (-probe["sqnr_db"] / 10) if math.isfinite(probe["sqnr_db"]) else 0
            for name, figures in entry["candidates"].items():
                if "loss_increase" in figures or "skip_reason" in figures:
                    continue
                other = 10 ** (-figures["sqnr_db"] / 10) if figures["sqnr_db"] is not None else 0
                figures["loss_increase"] = measured * other / noise if noise else 0.0
                figures["measured"] = False

    try:
        for weight in weights:
            results = program._core.decode_candidates(weight["id"], names, threshold,
                                                      statistics=statistics_core)
            entry = dict(weight, shape=list(weight["shape"]), candidates={})
            applicable = []
            for r in results:
                if r["values"] is None:
                    entry["candidates"][r["name"]] = {"skip_reason": r["skip_reason"]}
                    continue
                entry["candidates"][r["name"]] = {
                    "stored_bytes": r["stored_bytes"],
                    "bits_per_weight": r["bits_per_weight"],
                    "sqnr_db": _number_or_none(r["sqnr_db"]),
                    "worst_channel_sqnr_db": _number_or_none(r["worst_channel_sqnr_db"]),
                    "measured": True,
                }
                applicable.append(r)
            if probes == "none":
                # The output noise-to-signal ratio: no evaluation.
                for r in applicable:
                    figures = entry["candidates"][r["name"]]
                    figures["loss_increase"] = (10 ** (-r["sqnr_db"] / 10)
                                                if math.isfinite(r["sqnr_db"]) else 0.0)
                    figures["measured"] = False
            chosen = applicable if probes == "all" or not applicable else [_probe(applicable)]
            if probes == "none":
                chosen = []
            jobs = []
            for r in chosen:
                values = np.frombuffer(r["values"], dtype=np.float32).reshape(weight["shape"])
                replacements = {weight["id"]: values}
                if executor is not None:
                    jobs.append((r, executor.submit(evaluate, replacements)))
                else:
                    where = "weight #%d (candidate %s)" % (weight["id"], r["name"])
                    jobs.append((r, _call(evaluate, replacements, where)))
            for r in results:  # only the chosen ones' arrays stay alive
                r["values"] = None
            progress.total -= evaluated - len(chosen)
            table.append(entry)
            pending.append((entry, jobs))
            # At most two weights' decoded candidates are held at once.
            if len(pending) == 2:
                finish(*pending.pop(0))
        while pending:
            finish(*pending.pop(0))
    finally:
        progress.close()
    data = {
        "format": _FORMAT,
        "version": _VERSION,
        "baseline_loss": baseline,
        "candidates": names,
        "probes": probes,
        "weight_num_threshold": threshold,
        "evaluations": evaluations,
        "seconds": time.monotonic() - start,
        "weights": table,
    }
    if statistics_sha256:
        data["activation_statistics_sha256"] = statistics_sha256
    return SensitivityTable(data, program)


def _finite_option(name, value):
    if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value):
        raise ValueError("%s: expected a finite number, got %r" % (name, value))
    return float(value)


def _statistics(statistics):
    """The statistics' C++ object and the SHA-256 of their file's bytes."""
    if statistics is None:
        return None, None
    from .statistics import ActivationStatistics
    if not isinstance(statistics, ActivationStatistics):
        raise ValueError("activation_statistics: expected ActivationStatistics, got %s"
                         % type(statistics).__name__)
    import hashlib
    return statistics._core, hashlib.sha256(statistics.to_bytes()).hexdigest()


def _table_file(sensitivity, program, threshold, directory):
    """The table as a file for the pass (checked against `program` first)."""
    if isinstance(sensitivity, (str, os.PathLike)):
        # Bounded by the program, as the driver bounds it (JsonLimits.h).
        weights = len(program._core.weights(0))
        limit = (1 << 20) + weights * (16 << 10)
        try:
            size = os.path.getsize(sensitivity)
        except OSError:
            size = 0  # load() names the problem
        if size > limit:
            raise ValueError("sensitivity: '%s' holds %d bytes, more than a table for the "
                             "program's %d weights can (at most %d)"
                             % (os.fspath(sensitivity), size, weights, limit))
        sensitivity = SensitivityTable.load(sensitivity)
    if not isinstance(sensitivity, SensitivityTable):
        raise ValueError("sensitivity: expected a SensitivityTable or a path, got %s"
                         % type(sensitivity).__name__)
    sensitivity.check(program, threshold)
    path = os.path.join(directory, "sensitivity.json")
    sensitivity.save(path)
    return path, sensitivity


def compress_by_sensitivity(program, apply, sensitivity, bits_per_weight, candidates,
                            min_sqnr, max_loss_increase_per_weight, max_loss_increase,
                            evaluate, threshold, in_place, statistics=None):
    """compress_weights with a sensitivity table; `apply(program, options,
    in_place)` runs coreai-compress-weights (with `statistics`, the
    ActivationStatistics the table must have been measured with)."""
    if max_loss_increase_per_weight is not None and (
            isinstance(max_loss_increase_per_weight, bool)
            or not isinstance(max_loss_increase_per_weight, Real)
            or not math.isfinite(max_loss_increase_per_weight)):
        raise ValueError("max_loss_increase_per_weight: expected a finite number, got %r"
                         % (max_loss_increase_per_weight,))
    with tempfile.TemporaryDirectory(prefix="coreai-sensitivity-") as directory:
        path, table = _table_file(sensitivity, program, threshold, directory)
        measured_with = table._data.get("activation_statistics_sha256")
        given = _statistics(statistics)[1]
        if measured_with != given:
            raise ValueError(
                "sensitivity: the table was measured %s, this call gives %s; pass the "
                "activation_statistics the table was measured with"
                % ("with activation statistics (SHA-256 %s)" % measured_with
                   if measured_with else "without activation statistics",
                   "statistics of SHA-256 %s" % given if given else "none"))
        options = [path_option("sensitivity", path)]
        if candidates:
            options.append(names_option("candidates", candidates))
        if min_sqnr is not None:
            options.append("min-sqnr=%r" % float(min_sqnr))
        if max_loss_increase_per_weight is not None:
            options.append("max-loss-increase-per-weight=%r" % float(max_loss_increase_per_weight))
        options.append("weight-num-threshold=%d" % threshold)
        if max_loss_increase is None:
            return apply(program, options + ["bits-per-weight=%r" % float(bits_per_weight)],
                         in_place)
        return _meet_target(program, apply, options, path, candidates, min_sqnr,
                            max_loss_increase_per_weight, max_loss_increase, evaluate,
                            threshold, in_place)


def _meet_target(program, apply, options, path, candidates, min_sqnr,
                 max_loss_increase_per_weight, target, evaluate, threshold, in_place):
    """The smallest plan whose measured loss increase is at most `target`, by
    bisection over the budgets of the plans (each plan measured with one
    evaluation of the whole plan; predicted losses fall with the budget)."""
    import numpy as np
    if isinstance(target, bool) or not isinstance(target, Real) or not math.isfinite(target):
        raise ValueError("max_loss_increase: expected a finite number, got %r" % (target,))
    if not callable(evaluate):
        raise ValueError("evaluate: max_loss_increase needs the evaluation function")
    plans = program._core.sensitivity_plans(
        path, list(candidates or []), max_loss_increase_per_weight,
        None if min_sqnr is None else float(min_sqnr), threshold)
    ids = [w["id"] for w in program.weights(threshold)]
    baseline = _call(evaluate, {}, "the baseline (no weight replaced)")
    measured = {}

    def compress(k):
        return apply(program, options + ["bits-per-weight=%r" % plans[k][0]], False)

    def measure(k):
        if k not in measured:
            decoded = compress(k).run("builtin.module(coreai-materialize-weights)")
            values = decoded._core.dense_values(ids)
            replacements = {i: np.frombuffer(v, dtype=np.float32).reshape(w["shape"])
                            for i, v, w in zip(ids, values, program.weights(threshold))}
            where = "the plan of %.4f bits per weight" % plans[k][1]
            measured[k] = _call(evaluate, replacements, where) - baseline
        return measured[k]

    last = len(plans) - 1
    if measure(last) > target:
        raise ValueError("max_loss_increase: even the largest plan (%.4f bits per weight) "
                         "increases the loss by %.6g, more than %.6g"
                         % (plans[last][1], measured[last], target))
    lo, hi = -1, last  # measure(hi) <= target; every plan <= lo misses it
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if measure(mid) <= target:
            hi = mid
        else:
            lo = mid
    result = apply(program, options + ["bits-per-weight=%r" % plans[hi][0]], in_place)
    result.accuracy_target = {
        "max_loss_increase": float(target),
        "bits_per_weight": plans[hi][1],
        "budget_bits_per_weight": plans[hi][0],
        "measured_loss_increase": measured[hi],
        "predicted_loss_increase": plans[hi][2],
        "baseline_loss": baseline,
        "plans": len(plans),
        "measured": sorted((plans[k][1], v) for k, v in measured.items()),
    }
    return result
