"""How programs hold their weights: a bytecode file is mapped and its weights
are read from the mapping; copies (and `in_place=False`) share the weights
of the original; weights no program uses any more are freed; a mapped file
changed in place after the load is refused by name, never read."""
import os
import shutil
import subprocess
import threading

import pytest

from conftest import COREAI_OPT

from coreai_opt import Program
from coreai_opt.coreai_utils import (CompressionGranularity, DType, palettize_weights,
                                     quantize_weights, weight_report)

PASS_BENCH = os.path.join(os.path.dirname(COREAI_OPT), "coreai-pass-bench")


@pytest.fixture
def bytecode_path(program, tmp_path):
    path = tmp_path / "model.mlirbc"
    program.save(path)
    return path


def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def test_in_place_false_leaves_program_and_file_untouched(bytecode_path):
    before = bytecode_path.read_bytes()
    loaded = Program.load(bytecode_path)
    out = quantize_weights(loaded, dtype=DType.INT8)
    assert "coreai.blockwise_shift_scale" in str(out)
    assert loaded.to_bytecode() == before
    # The copy dropped: the weights it shared with the original stay.
    del out
    assert loaded.to_bytecode() == before
    assert bytecode_path.read_bytes() == before


def test_copies_share_weights_and_stay_independent(bytecode_path):
    before = bytecode_path.read_bytes()
    first = Program.load(bytecode_path)
    second = first.copy()
    # Changing the original in place leaves the copy's weights as they were.
    quantize_weights(first, dtype=DType.INT4, in_place=True)
    assert second.to_bytecode() == before
    rows = weight_report(first, reference=second)
    # Against the untouched copy: int4 noise, not the infinite SQNR of itself.
    assert all(r["compressed"] and 10 < r["sqnr_db"] < 30 for r in rows)
    del second
    assert "coreai.blockwise_shift_scale" in str(first)


def test_same_bytes_as_a_fresh_program(bytecode_path):
    # Names of new weights depend on their bytes only, not on what the shared
    # context held before: the fourth compression of one original gives the
    # bytes of the first, and of a program loaded on its own.
    loaded = Program.load(bytecode_path)
    outputs = [quantize_weights(loaded, dtype=DType.INT8).to_bytecode() for _ in range(4)]
    assert len(set(outputs)) == 1
    alone = quantize_weights(Program.load(bytecode_path), dtype=DType.INT8, in_place=True)
    assert alone.to_bytecode() == outputs[0]


def test_deleted_or_replaced_file_keeps_the_loaded_program(bytecode_path, tmp_path):
    before = bytecode_path.read_bytes()
    deleted = Program.load(bytecode_path)
    replaced = Program.load(bytecode_path)
    os.remove(bytecode_path)
    assert deleted.to_bytecode() == before
    # Replaced by a rename (as save and coreai-opt -o do): the mapping keeps
    # the old bytes.
    quantize_weights(deleted, dtype=DType.INT8).save(bytecode_path)
    assert replaced.to_bytecode() == before
    assert quantize_weights(replaced, dtype=DType.INT8).to_bytecode() == \
        bytecode_path.read_bytes()


@pytest.mark.parametrize("change", ["rewrite", "truncate", "append"])
def test_file_changed_in_place_is_refused(bytecode_path, change):
    before = bytecode_path.read_bytes()
    loaded = Program.load(bytecode_path)
    with open(bytecode_path, "r+b") as f:
        if change == "rewrite":  # same size, other bytes
            f.seek(len(before) // 2)
            f.write(b"\0" * 64)
        elif change == "truncate":
            f.truncate(16)
        else:
            f.seek(0, os.SEEK_END)
            f.write(b"\0")
    message = "model.mlirbc' was changed in place after this program was loaded"
    for use in (lambda: loaded.to_bytecode(), lambda: str(loaded), lambda: loaded.copy(),
                lambda: quantize_weights(loaded, dtype=DType.INT8, in_place=True),
                lambda: loaded.save(bytecode_path.with_name("x.mlirbc")),
                lambda: weight_report(loaded)):
        with pytest.raises(ValueError, match=message):
            use()
    assert not bytecode_path.with_name("x.mlirbc").exists()


def test_file_changed_after_its_weights_were_replaced(bytecode_path):
    # Once no weight is read from the file any more, it may change.
    loaded = Program.load(bytecode_path)
    quantize_weights(loaded, dtype=DType.INT8, in_place=True)
    expected = loaded.to_bytecode()
    bytecode_path.write_bytes(b"other")
    assert loaded.to_bytecode() == expected


def test_text_is_read_whole(program_path):
    loaded = Program.load(program_path)
    expected = loaded.to_bytecode()
    program_path.write_text("module {}")
    assert loaded.to_bytecode() == expected


def test_asset_program_changed_in_place_is_refused(asset_path):
    loaded = Program.load(asset_path)
    with open(asset_path / "main.mlirb", "r+b") as f:
        f.truncate(16)
    with pytest.raises(ValueError, match="main.mlirb' was changed in place"):
        loaded.to_bytecode()


def test_dropped_copies_free_their_weights(tmp_path):
    if not os.path.exists(PASS_BENCH):
        pytest.skip("coreai-pass-bench is not next to coreai-opt")
    model = tmp_path / "big.mlirbc"
    subprocess.run([PASS_BENCH, "--write-model", str(model), "--layers", "2",
                    "--rows", "2048", "--cols", "2048"], check=True, capture_output=True)
    loaded = Program.load(model)  # 16 MB of f16 weights, 8 MB as int8
    quantize_weights(loaded, dtype=DType.INT8)
    start = rss_mb()
    for _ in range(12):
        quantize_weights(loaded, dtype=DType.INT8)
    # Kept, the twelve int8 copies would hold 96 MB.
    assert rss_mb() - start < 40
    # Weights replaced in place are freed too (the file's pages aside).
    copy = loaded.copy()
    del loaded
    quantize_weights(copy, dtype=DType.INT8, in_place=True)
    assert rss_mb() - start < 40


def test_threads_run_copies_of_one_program(bytecode_path):
    loaded = Program.load(bytecode_path)
    expected = [quantize_weights(loaded, dtype=DType.INT8).to_bytecode(),
                palettize_weights(loaded, lut_dtype=None, n_bits=2,
                                  granularity=CompressionGranularity.PER_CHANNEL).to_bytecode()]
    results = [None] * 8
    errors = []

    def work(i):
        try:
            if i % 2:
                out = palettize_weights(loaded, lut_dtype=None, n_bits=2,
                                        granularity=CompressionGranularity.PER_CHANNEL)
            else:
                out = quantize_weights(loaded, dtype=DType.INT8)
            results[i] = out.to_bytecode()
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert results == [expected[i % 2] for i in range(8)]
    assert loaded.to_bytecode() == bytecode_path.read_bytes()


def test_load_refuses_a_directory(tmp_path):
    directory = tmp_path / "d.mlirbc"
    directory.mkdir()
    with pytest.raises(ValueError, match="cannot read '.*d.mlirbc': Is a directory"):
        Program.load(directory)


def test_load_of_a_copied_file_is_independent(bytecode_path, tmp_path):
    # A second file with the same bytes: each program maps its own.
    other = tmp_path / "other.mlirbc"
    shutil.copyfile(bytecode_path, other)
    a, b = Program.load(bytecode_path), Program.load(other)
    with open(other, "r+b") as f:
        f.truncate(16)
    assert a.to_bytecode() == bytecode_path.read_bytes()
    with pytest.raises(ValueError, match="other.mlirbc' was changed"):
        b.to_bytecode()
