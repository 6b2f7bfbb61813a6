"""Outputs replace their target only when whole: Program.save and the driver
write beside the target (.<name>.tmp-XXXXXX) and rename; a failure leaves an
existing file byte-identical, a SIGKILL leaves it too (and only the
temporary file behind)."""
import os
import signal
import stat
import subprocess
import sys
import time

import pytest

from conftest import COREAI_OPT, INPUTS


def test_save_replaces_whole_and_keeps_mode(program, tmp_path):
    target = tmp_path / "out.mlirbc"
    target.write_bytes(b"previous")
    os.chmod(target, 0o640)
    program.save(target)
    assert target.read_bytes() == program.to_bytecode()
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    text = tmp_path / "out.mlir"
    program.save(text)
    assert text.read_text() == program.to_text(debug_info=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.mlir", "out.mlirbc"]


def test_save_over_the_file_it_was_loaded_from(program, tmp_path):
    from coreai_opt import Program
    path = tmp_path / "model.mlirbc"
    program.save(path)
    loaded = Program.load(path)
    loaded.save(path)
    assert path.read_bytes() == program.to_bytecode()


def test_failed_save_leaves_the_target(program, tmp_path):
    target = tmp_path / "dir.mlirbc"
    target.mkdir()
    with pytest.raises(ValueError, match="path: cannot write '.*dir.mlirbc': it is a directory"):
        program.save(target)
    assert target.is_dir()
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "out.mlirbc").write_bytes(b"previous")
    os.chmod(locked, 0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as root: a read-only directory is still writable")
        with pytest.raises(ValueError, match="path: cannot write"):
            program.save(locked / "out.mlirbc")
        assert (locked / "out.mlirbc").read_bytes() == b"previous"
    finally:
        os.chmod(locked, 0o700)


def _stop_long_run(tmp_path, signum):
    """Starts a long compression (several seconds of clustering) over an
    existing out.mlirbc and sends it `signum` while it runs."""
    program = tmp_path / "big.mlir"
    program.write_text(subprocess.run(
        [sys.executable, os.path.join(INPUTS, "gen_linear.py"), "512", "512"],
        check=True, capture_output=True, text=True).stdout)
    target = tmp_path / "out.mlirbc"
    target.write_bytes(b"the previous result")
    run = subprocess.Popen([COREAI_OPT, str(program), "--emit-bytecode", "-o", str(target),
                            "--pass-pipeline=builtin.module(coreai-palettize-weights"
                            "{n-bits=8 cluster-dim=4})"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # The run writes into its temporary file from the start.
    deadline = time.time() + 10
    while time.time() < deadline and not any(
            p.name.startswith(".out.mlirbc.tmp-") for p in tmp_path.iterdir()):
        time.sleep(0.05)
    time.sleep(0.5)
    assert run.poll() is None, "the run ended before it could be stopped"
    run.send_signal(signum)
    run.wait()
    return target


def test_sigkill_leaves_the_previous_output(tmp_path):
    """A kill cannot be caught: the previous output is intact, and what is
    left beside it is named so that it can be found."""
    target = _stop_long_run(tmp_path, signal.SIGKILL)
    assert target.read_bytes() == b"the previous result"
    left = [p.name for p in tmp_path.iterdir() if p.name not in ("big.mlir", "out.mlirbc")]
    assert len(left) == 1 and left[0].startswith(".out.mlirbc.tmp-"), left


def test_sigterm_removes_the_temporary_file(tmp_path):
    target = _stop_long_run(tmp_path, signal.SIGTERM)
    assert target.read_bytes() == b"the previous result"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.mlir", "out.mlirbc"]
