"""Accuracy-driven compression on a small numpy model: the user's evaluation
measures each weight's sensitivity, the plans follow it (least predicted loss within the budget, with a
per-weight threshold and an SQNR floor), the target mode meets a measured
target, and the table is saved, loaded and tied to its program."""
import concurrent.futures
import json
import math
import subprocess
import sys
import tempfile

import numpy as np
import pytest

from conftest import COREAI_OPT, INPUTS

from coreai_opt import Program
from coreai_opt.coreai_utils import (SensitivityTable, compress_weights,
                                     measure_sensitivity, weight_report)

CANDIDATES = ["int4-channel", "int4-block32", "int8-channel"]


class Model:
    """y = W1 relu(W0 x) on fixed inputs. The loss: the output's mean
    squared error against the original model, plus 100 per flipped
    arg-max (a decisive error), plus a planted price on weight 0's noise
    (weight 0 is the sensitive one, though its SQNR is the better)."""

    def __init__(self, program):
        weights = program.weights()
        values = program._core.dense_values([w["id"] for w in weights])
        self.original = {w["id"]: np.frombuffer(v, np.float32).reshape(w["shape"])
                         for w, v in zip(weights, values)}
        rng = np.random.default_rng(3)
        self.x = rng.standard_normal((128, 32)).astype(np.float32)
        self.reference = self.forward(self.original)

    def forward(self, weights):
        w0, w1 = weights[0], weights[1]
        hidden = np.maximum(w0 @ self.x, 0)  # 64x32
        return w1[:, :64] @ hidden

    def __call__(self, replacements):
        weights = {**self.original, **replacements}
        out = self.forward(weights)
        mse = float(np.mean((out - self.reference) ** 2))
        flips = int(np.sum(out.argmax(0) != self.reference.argmax(0)))
        noise = float(np.sum((weights[0] - self.original[0]) ** 2)
                      / np.sum(self.original[0] ** 2))
        return mse + 100 * flips + 100000 * noise


@pytest.fixture(scope="module")
def linear():
    text = subprocess.run([sys.executable, INPUTS + "/gen_linear.py", "64", "128"],
                          check=True, capture_output=True, text=True).stdout
    return Program.from_text(text)


@pytest.fixture(scope="module")
def model(linear):
    return Model(linear)


@pytest.fixture(scope="module")
def table(linear, model):
    return measure_sensitivity(linear, model, candidates=CANDIDATES)


def chosen_losses(program, table):
    """Each weight's measured increase in `table` for what `program` holds
    (matched by stored bytes; 0 when dense)."""
    losses = []
    for row, weight in zip(weight_report(program), table.weights):
        if not row["compressed"]:
            losses.append(0.0)
            continue
        match = [c for c in weight["candidates"].values()
                 if c.get("stored_bytes") == row["bytes_after"]]
        assert len(match) == 1
        losses.append(match[0]["loss_increase"])
    return losses


def measured(program, model):
    """The loss increase of the whole compressed program, measured."""
    decoded = program.copy().run("builtin.module(coreai-materialize-weights)")
    ids = [w["id"] for w in decoded.weights()]
    values = decoded._core.dense_values(ids)
    replacements = {i: np.frombuffer(v, np.float32).reshape(64, 128)
                    for i, v in zip(ids, values)}
    return model(replacements) - model({})


def test_weights_list_ids_and_hashes(linear):
    weights = linear.weights()
    assert [w["id"] for w in weights] == [0, 1]
    assert weights[0]["shape"] == (64, 128) and weights[0]["element_type"] == "f16"
    assert weights[0]["elements"] == 8192
    assert weights[0]["sha256"] == \
        "a3b327f3b899bcbeaad754454fe2555786cce0f2ec09f9cce5d19d05d306383b"
    assert linear.weights(weight_num_threshold=10000) == []
    with pytest.raises(ValueError, match="weight_num_threshold"):
        linear.weights(weight_num_threshold=-1)


def test_with_weights_replaces_values(linear, model):
    zeros = np.zeros((64, 128), np.float32)
    changed = linear.with_weights({1: zeros})
    assert not np.any(np.frombuffer(changed._core.dense_values([1])[0], np.float32))
    assert changed.weights()[0]["sha256"] == linear.weights()[0]["sha256"]
    assert changed.weights()[1]["sha256"] != linear.weights()[1]["sha256"]
    # f16 rounding of the given values.
    third = np.full((64, 128), 1 / 3, np.float32)
    rounded = np.frombuffer(linear.with_weights({0: third})._core.dense_values([0])[0],
                            np.float32)
    assert np.all(rounded == np.float32(np.float16(1 / 3)))
    with pytest.raises(ValueError, match="weight 7: no weight"):
        linear.with_weights({7: zeros})
    with pytest.raises(ValueError, match="weight 0: expected 8192 values, got 10"):
        linear.with_weights({0: np.zeros(10)})
    with pytest.raises(ValueError, match="weight 0 must hold finite numbers"):
        linear.with_weights({0: np.full((64, 128), np.nan)})
    # Values the f16 weight cannot hold are refused, not stored as inf;
    # 65519 still rounds to the largest f16; numpy integer ids are ids.
    for too_large in (np.full((64, 128), 1e5), np.full((64, 128), 1e39),
                      np.full((64, 128), 2**62, dtype=np.int64)):
        with pytest.raises(ValueError, match=r"weight 0: .* does not fit (its element type "
                                             r"f16|f32) \(it would become inf\)"):
            linear.with_weights({0: too_large})
    edge = linear.with_weights({np.int64(0): np.full((64, 128), 65519.0)})
    assert np.all(np.frombuffer(edge._core.dense_values([0])[0], np.float32) == 65504)
    with pytest.raises(ValueError, match="weight 0: complex values"):
        linear.with_weights({0: np.full((64, 128), 1 + 1j)})


def test_table_figures(table, linear):
    assert table.candidates == CANDIDATES and table.evaluations == 1 + 2 * 3
    assert table.baseline_loss == 0.0
    for weight, listed in zip(table.weights, linear.weights()):
        assert weight["sha256"] == listed["sha256"]
        bytes_ = [weight["candidates"][c]["stored_bytes"] for c in CANDIDATES]
        assert bytes_ == sorted(bytes_)
        for figures in weight["candidates"].values():
            assert figures["measured"] and figures["loss_increase"] >= 0
    # The planted sensitivity: weight 0's int4 candidates cost more than
    # weight 1's although its SQNR is the better.
    w0, w1 = (w["candidates"]["int4-channel"] for w in table.weights)
    assert w0["sqnr_db"] > w1["sqnr_db"]
    assert w0["loss_increase"] > 2 * w1["loss_increase"]


def test_sensitive_weight_gets_more_bits_than_its_sqnr_gives(linear, table):
    for budget in (4.4, 6.4):
        by_data = weight_report(compress_weights(linear, bits_per_weight=budget,
                                                 candidates=CANDIDATES))
        by_loss = weight_report(compress_weights(linear, bits_per_weight=budget,
                                                 sensitivity=table))
        assert by_loss[0]["bytes_after"] > by_data[0]["bytes_after"]
        assert sum(r["bytes_after"] for r in by_loss) * 8 <= budget * 16384


def test_predicted_and_measured_loss_fall_with_the_budget(linear, table, model):
    previous_predicted, previous_measured = math.inf, math.inf
    for budget in (4.2, 4.4, 5.0, 6.2, 6.4, 8.2, 16):
        out = compress_weights(linear, bits_per_weight=budget, sensitivity=table)
        predicted = sum(chosen_losses(out, table))
        assert predicted <= previous_predicted
        now = measured(out, model)
        assert now <= previous_measured + 1e-12
        previous_predicted, previous_measured = predicted, now
    assert previous_measured == 0


def test_threshold_and_floor(linear, table):
    w0, w1 = table.weights
    limit = 500.0
    assert w0["candidates"]["int4-block32"]["loss_increase"] > limit > \
        w1["candidates"]["int4-block32"]["loss_increase"]
    # The threshold comes first: a plan keeps the least summed excess over
    # it, then the least loss. Weight 0 stays off its cheap candidates while
    # the budget allows; without room, the excess is the least possible.
    out = compress_weights(linear, bits_per_weight=6.4, sensitivity=table,
                           max_loss_increase_per_weight=limit)
    assert chosen_losses(out, table)[0] <= limit

    def options(weight):
        dense = (2 * 64 * 128, 0.0)
        return [dense] + [(c["stored_bytes"], c["loss_increase"])
                          for c in weight["candidates"].values() if "stored_bytes" in c]
    excesses = set()
    for budget in (6.4, 6.3, 5.0, 4.4):
        room = budget * 2 * 64 * 128
        best = min((max(0, a[1] - limit) + max(0, b[1] - limit), a[1] + b[1])
                   for a in options(table.weights[0]) for b in options(table.weights[1])
                   if 8 * (a[0] + b[0]) <= room)
        plan = compress_weights(linear, bits_per_weight=budget, sensitivity=table,
                                max_loss_increase_per_weight=limit)
        losses = chosen_losses(plan, table)
        assert sum(max(0, x - limit) for x in losses) == pytest.approx(best[0]), budget
        assert sum(losses) == pytest.approx(best[1]), budget
        excesses.add(round(best[0], 6))
    assert len(excesses) == 4, excesses  # none, then more and more
    # A threshold that is not finite is refused (-inf gave a plan of 5.6x the loss).
    for bad in (-math.inf, math.inf, math.nan):
        with pytest.raises(ValueError, match="max_loss_increase_per_weight: expected a "
                                             "finite number"):
            compress_weights(linear, bits_per_weight=6.4, sensitivity=table,
                             max_loss_increase_per_weight=bad)
    # The floor: weight 1's 4-bit candidates (worst channel below 15 dB) are out.
    floor = 15.0
    assert w1["candidates"]["int4-block32"]["worst_channel_sqnr_db"] < floor
    out = compress_weights(linear, bits_per_weight=6.4, sensitivity=table, min_sqnr=floor)
    rows = weight_report(out, reference=linear)
    assert all(r["worst_channel_sqnr_db"] >= floor for r in rows if r["compressed"])


def test_target_mode_meets_its_target_measured(linear, table, model):
    target = 0.5
    out = compress_weights(linear, max_loss_increase=target, sensitivity=table,
                           evaluate=model)
    report = out.accuracy_target
    assert report["measured_loss_increase"] <= target
    assert measured(out, model) == pytest.approx(report["measured_loss_increase"])
    # Every smaller plan measured misses the target.
    smaller = [v for bits, v in report["measured"] if bits < report["bits_per_weight"]]
    assert smaller and all(v > target for v in smaller)
    with pytest.raises(ValueError, match="even the largest plan .* more than -1"):
        compress_weights(linear, max_loss_increase=-1, sensitivity=table, evaluate=model)
    with pytest.raises(ValueError, match="exactly one of bits_per_weight"):
        compress_weights(linear, sensitivity=table)
    with pytest.raises(ValueError, match="evaluate: max_loss_increase needs"):
        compress_weights(linear, max_loss_increase=1, sensitivity=table)


def without_time(table):
    data = json.loads(table.to_json())
    del data["seconds"]
    return data


def test_executors_give_the_sequential_table(linear, model, table):
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        threaded = measure_sensitivity(linear, model, candidates=CANDIDATES, executor=pool)
    assert without_time(threaded) == without_time(table)
    with concurrent.futures.ProcessPoolExecutor(2) as pool:
        processes = measure_sensitivity(linear, model, candidates=CANDIDATES, executor=pool)
    assert without_time(processes) == without_time(table)


def test_dask_local_cluster(linear, model, table):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        clustered = measure_sensitivity(linear, model, candidates=CANDIDATES,
                                        executor=client.get_executor())
    assert without_time(clustered) == without_time(table)


def test_one_probe_predicts_the_rest(linear, model, table):
    one = measure_sensitivity(linear, model, candidates=CANDIDATES, probes="one")
    assert one.evaluations == 1 + 2
    for weight, full in zip(one.weights, table.weights):
        flags = [weight["candidates"][c]["measured"] for c in CANDIDATES]
        assert flags.count(True) == 1
        probe = CANDIDATES[flags.index(True)]
        # The probe is the candidate of fewest stored bytes (int4 per channel
        # here: one scale per row against one per 32 elements).
        assert probe == "int4-channel"
        assert all(weight["candidates"][probe]["stored_bytes"]
                   < weight["candidates"][c]["stored_bytes"] for c in CANDIDATES if c != probe)
        assert weight["candidates"][probe]["loss_increase"] == \
            full["candidates"][probe]["loss_increase"]
        # Predicted in proportion to the noise: the order of the candidates
        # by loss is the measured one here.
        order = sorted(CANDIDATES, key=lambda c: weight["candidates"][c]["loss_increase"])
        assert order == sorted(CANDIDATES, key=lambda c: full["candidates"][c]["loss_increase"])


def test_save_load_and_mismatch(linear, table, tmp_path):
    path = tmp_path / "table.json"
    table.save(path)
    loaded = SensitivityTable.load(path)
    assert loaded.to_json() == table.to_json()
    assert loaded.loss_increase(0, "int8-channel") == table.loss_increase(0, "int8-channel")
    out = compress_weights(linear, bits_per_weight=5, sensitivity=str(path))
    assert out.to_bytecode() == compress_weights(linear, bits_per_weight=5,
                                                 sensitivity=table).to_bytecode()
    other = Program.from_text(subprocess.run(
        [sys.executable, INPUTS + "/gen_linear.py", "64", "128", "8"],
        check=True, capture_output=True, text=True).stdout)
    with pytest.raises(ValueError, match=r"weight #0 \(.*\) does not match the table"):
        compress_weights(other, bits_per_weight=5, sensitivity=table)
    with pytest.raises(ValueError, match=r"weight #0 \(.*\) does not match the table"):
        loaded.check(other)
    (tmp_path / "bad.json").write_text('{"format": "recipe"}')
    with pytest.raises(ValueError, match="is not a sensitivity table"):
        SensitivityTable.load(tmp_path / "bad.json")
    (tmp_path / "broken.json").write_text('{"format": ')
    with pytest.raises(ValueError, match="cannot read the sensitivity table"):
        SensitivityTable.load(tmp_path / "broken.json")
    # Entries listed twice, malformed, or for weights the program lacks:
    # ValueErrors (an IndexError and a KeyError before), as the driver says.
    data = json.loads(loaded.to_json())
    for change, message in (
            (lambda d: d["weights"].append(dict(d["weights"][0])),
             r"weight entry 3: weight #0 is listed twice"),
            (lambda d: d["weights"][0].pop("sha256"),
             r"weight entry 1 needs \"id\", \"sha256\" and \"candidates\""),
            (lambda d: d["weights"].__setitem__(1, 7),
             r"weight entry 2 needs"),
            (lambda d: d["weights"].append(dict(d["weights"][0], id=9)),
             r"the table has weight #9, which this program does not have")):
        broken = json.loads(json.dumps(data))
        change(broken)
        (tmp_path / "edited.json").write_text(json.dumps(broken))
        with pytest.raises(ValueError, match=message):
            SensitivityTable.load(tmp_path / "edited.json").check(linear)
    # 100 KB nested 50,000 deep: a ValueError, not a RecursionError.
    (tmp_path / "deep.json").write_text("[" * 50000 + "]" * 50000)
    with pytest.raises(ValueError, match="nested too deeply"):
        SensitivityTable.load(tmp_path / "deep.json")


def test_python_and_driver_allocations_are_byte_identical(linear, table, tmp_path):
    model_path, table_path, out_path = (tmp_path / "m.mlirbc", tmp_path / "t.json",
                                        tmp_path / "out.mlirbc")
    linear.save(model_path)
    table.save(table_path)
    loaded = Program.load(model_path)
    for budget in (4.4, 6.3):
        subprocess.run([COREAI_OPT, str(model_path), "--emit-bytecode", "-o", str(out_path),
                        "--pass-pipeline=builtin.module(coreai-compress-weights{sensitivity=%s "
                        "bits-per-weight=%r})" % (table_path, budget)], check=True)
        ours = compress_weights(loaded, bits_per_weight=budget, sensitivity=table)
        assert ours.to_bytecode() == out_path.read_bytes()


def test_evaluator_errors_name_the_weight(linear):
    before = linear.to_bytecode()

    def failing(replacements):
        if 1 in replacements:
            raise KeyError("no such layer")
        return 0.0

    with pytest.raises(RuntimeError, match=r"evaluate failed for weight #1 \(candidate "
                                           r"int4-channel\): KeyError: 'no such layer'"):
        measure_sensitivity(linear, failing, candidates=CANDIDATES)
    for bad, word in ((float("nan"), "nan"), (float("inf"), "inf"), ("1.0", "'1.0'"),
                      (None, "None")):
        def returning(replacements, bad=bad):
            return bad if replacements else 0.0
        with pytest.raises(ValueError, match=r"evaluate: returned %s .*for weight #0 "
                                             r"\(candidate int4-channel\)" % word):
            measure_sensitivity(linear, returning, candidates=CANDIDATES)
    with pytest.raises(ValueError, match=r"returned nan for the baseline"):
        measure_sensitivity(linear, lambda r: float("nan"))
    # Losses a plan could not sum: too large, an int beyond float, or a
    # difference from the baseline that overflows.
    for bad, baseline in ((1e301, 0.0), (10**400, 0.0), (1e300, -1e300)):
        def extreme(replacements, bad=bad, baseline=baseline):
            return bad if replacements else baseline
        with pytest.raises(ValueError, match=r"within \+-1e\+300 .*for weight #0|for weight #0.*"
                                             r"within \+-1e\+300"):
            measure_sensitivity(linear, extreme, candidates=CANDIDATES)
    with pytest.raises(RuntimeError, match=r"evaluate failed for weight #0 \(candidate "
                                           r"int4-channel\): ZeroDivisionError"):
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            measure_sensitivity(linear, lambda r: 1 / 0 if r else 0.0,
                                candidates=CANDIDATES, executor=pool)
    # numpy scalars are numbers.
    measure_sensitivity(linear, lambda r: np.float32(1.0), candidates=["int8-channel"])
    with pytest.raises(ValueError, match="evaluate: expected a callable"):
        measure_sensitivity(linear, 3)
    with pytest.raises(ValueError, match="probes"):
        measure_sensitivity(linear, lambda r: 0.0, probes="some")
    with pytest.raises(ValueError, match="candidates: unknown candidate 'int3'"):
        measure_sensitivity(linear, lambda r: 0.0, candidates=["int3"])
    assert linear.to_bytecode() == before


def test_options_are_never_spliced(linear, table, tmp_path, monkeypatch):
    """Paths are quoted and candidate names checked: a space in TMPDIR or in
    a recipe's path works, and a name that holds pipeline syntax is a
    ValueError, not a dry run."""
    spaced = tmp_path / "a dir {x}=y"
    spaced.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spaced))
    out = compress_weights(linear, bits_per_weight=8, sensitivity=table)
    assert str(out) != str(linear)
    recipe = spaced / "recipe one.json"
    recipe.write_text('{"rules": [{"quantize": {"dtype": "int8"}}]}')
    assert str(compress_weights(linear, recipe=recipe, weight_num_threshold=0)) != str(linear)
    for call in (lambda: compress_weights(linear, bits_per_weight=8, sensitivity=table,
                                          candidates=["int8-channel dry-run=true"]),
                 lambda: compress_weights(linear, bits_per_weight=8,
                                          candidates=["int8-channel}", "x"])):
        with pytest.raises(ValueError, match="is not a candidate name"):
            call()
    with pytest.raises(ValueError, match="may not contain a double quote"):
        compress_weights(linear, recipe=tmp_path / 'a"b.json')


def test_plans_and_plot(linear, table, model, tmp_path, monkeypatch):
    plans = table.plans()
    assert plans == table.plans(linear)
    # From the cheapest plan to no predicted increase, each of less loss
    # than the one before; a plan's budget gives that plan.
    assert plans[0][1] == pytest.approx(4.19, abs=0.005) and plans[-1][2] == 0
    assert all(a[1] < b[1] and a[2] > b[2] for a, b in zip(plans, plans[1:]))
    for budget, bits, loss in plans[:3] + plans[-2:]:
        out = compress_weights(linear, bits_per_weight=budget, sensitivity=table)
        assert sum(chosen_losses(out, table)) == pytest.approx(loss)
        assert sum(r["bytes_after"] for r in weight_report(out)) * 8 / 16384 == \
            pytest.approx(bits)

    # The picture: a real PNG of what it was given.
    measured = {"data-free": [(4.4, measured_increase(linear, model, 4.4)),
                              (6.2, measured_increase(linear, model, 6.2))]}
    path = tmp_path / "plans.png"
    drawn = table.plot(path, budgets=[4.4, 6.2], measured=measured)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and 5_000 < len(data) < 200_000
    assert int.from_bytes(data[16:20], "big") == 700 and int.from_bytes(data[20:24], "big") == 420
    assert drawn["plans"] == [(p[1], p[2]) for p in plans]
    assert drawn["measured"] == measured
    for (budget, bits, loss), expected in zip(drawn["chosen"], (4.4, 6.2)):
        assert budget == expected
        out = compress_weights(linear, bits_per_weight=budget, sensitivity=table)
        assert sum(chosen_losses(out, table)) == pytest.approx(loss)
        assert sum(r["bytes_after"] for r in weight_report(out)) * 8 / 16384 == \
            pytest.approx(bits)

    # Errors name the argument; a loaded table needs its program.
    with pytest.raises(ValueError, match="budgets: 3 bits per weight is below the cheapest plan"):
        table.plot(tmp_path / "x.png", budgets=[3])
    with pytest.raises(ValueError, match="measured: expected"):
        table.plot(tmp_path / "x.png", measured={"x": [(4, "a")]})
    table.save(tmp_path / "t.json")
    loaded = SensitivityTable.load(tmp_path / "t.json")
    with pytest.raises(ValueError, match="program: expected the coreai_opt.Program"):
        loaded.plans()
    assert loaded.plans(linear) == plans
    assert not (tmp_path / "x.png").exists()
    # Without matplotlib: an error that names it, and no file.
    for name in [n for n in sys.modules if n == "matplotlib" or n.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ImportError, match="python3-matplotlib"):
        table.plot(tmp_path / "x.png")
    assert not (tmp_path / "x.png").exists()


def measured_increase(program, model, budget):
    """The measured loss increase of the data-free choice at `budget`."""
    return measured(compress_weights(program, bits_per_weight=budget), model)


def test_documented_error_types(linear, table, tmp_path):
    """ValueErrors where a KeyError, a TypeError from pybind (repeating the
    whole payload) or a silent fallback came before."""
    from coreai_opt.coreai_utils import ActivationStatistics
    with pytest.raises(ValueError, match="weight 1180591620717411303424 is not in the table"):
        table.loss_increase(2**70, "int8-channel")
    with pytest.raises(ValueError, match="candidate 'int9' is not in the table"):
        table.loss_increase(0, "int9")
    with pytest.raises(ValueError, match="values: weight 1180591620717411303424: no "
                                         "compressible weight has this id"):
        linear.with_weights({2**70: np.zeros((64, 128))})
    assert linear.with_weights({np.int64(0): np.zeros((64, 128))}) is not None
    with pytest.raises(ValueError, match="weight 1180591620717411303424: no weight has this id"):
        ActivationStatistics(linear).add(2**70, np.zeros((3, 128)))
    data = json.loads(table.to_json())
    data["candidates"] = []
    path = tmp_path / "empty.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ValueError, match='"candidates" must list the candidates measured'):
        SensitivityTable.load(path)
    with pytest.raises(ValueError, match='"candidates" must list the candidates measured'):
        compress_weights(linear, bits_per_weight=5, sensitivity=path)


def test_save_writes_as_the_driver_writes(table, tmp_path):
    """SensitivityTable.save: a new file gets 0666 less the umask (it was
    0600 whatever the umask), a replaced one keeps its mode, a link is
    followed and stays, a read-only file is refused and kept."""
    import os
    old = os.umask(0o022)
    try:
        table.save(tmp_path / "new.json")
    finally:
        os.umask(old)
    assert os.stat(tmp_path / "new.json").st_mode & 0o777 == 0o644
    (tmp_path / "kept.json").write_text("{}")
    os.chmod(tmp_path / "kept.json", 0o640)
    table.save(tmp_path / "kept.json")
    assert os.stat(tmp_path / "kept.json").st_mode & 0o777 == 0o640
    assert SensitivityTable.load(tmp_path / "kept.json").to_json() == table.to_json()
    os.symlink("kept.json", tmp_path / "link.json")
    table.save(tmp_path / "link.json")
    assert os.path.islink(tmp_path / "link.json")
    (tmp_path / "ro.json").write_text("keep")
    os.chmod(tmp_path / "ro.json", 0o444)
    with pytest.raises(ValueError, match="the file is read-only"):
        table.save(tmp_path / "ro.json")
    assert (tmp_path / "ro.json").read_text() == "keep"
    assert not [n for n in os.listdir(tmp_path) if "tmp-" in n]


def test_table_files_bounded_by_the_program(linear, table, tmp_path):
    """A table file larger than one for the program's weights can be is
    refused before it is read (a 20 MB table took gigabytes)."""
    data = json.loads(table.to_json())
    data["padding"] = "x" * (2 << 20)
    path = tmp_path / "large.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ValueError, match="holds 2[0-9]+ bytes, more than a table for the "
                                         "program's 2 weights can"):
        compress_weights(linear, bits_per_weight=5, sensitivity=path)
