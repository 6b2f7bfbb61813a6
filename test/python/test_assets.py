""".aimodel assets and the Program class: round trips through text,
bytecode and assets, the hash, metadata, extra files, atomic writes, and the
driver's handling of assets."""
import hashlib
import os
import warnings

import pytest

from conftest import run_opt
from coreai_opt import Program
from coreai_opt.coreai_utils import DType, quantize_weights


def test_text_and_bytecode_round_trip(program, tmp_path):
    again = Program.from_bytecode(program.to_bytecode())
    assert str(again) == str(program)
    assert str(Program.from_text(str(program))) == str(program)
    program.save(tmp_path / "p.mlirbc")
    program.save(tmp_path / "p.mlir")
    assert Program.load(tmp_path / "p.mlirbc").to_bytecode() == program.to_bytecode()
    assert str(Program.load(tmp_path / "p.mlir")) == str(program)
    copy = program.copy()
    assert copy is not program and copy.to_bytecode() == program.to_bytecode()


def test_asset_round_trip(asset_path, tmp_path):
    program = Program.load(asset_path)
    out = quantize_weights(coreai_program=program, dtype=DType.INT8)
    target = tmp_path / "compressed.aimodel"
    out.save(target)
    data = (target / "main.mlirb").read_bytes()
    assert data == out.to_bytecode()
    assert (target / "main.hash").read_bytes() == hashlib.sha256(data).digest()
    # Metadata and other files are kept as they are.
    assert (target / "metadata.json").read_text() == (asset_path / "metadata.json").read_text()
    assert (target / "weight_transforms" / "scheme.json").read_text() == "{}\n"
    assert sorted(os.listdir(target)) == ["main.hash", "main.mlirb", "metadata.json",
                                          "weight_transforms"]
    # No staging directory is left next to it.
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    assert Program.load(target).to_bytecode() == data


def test_new_asset_gets_metadata(program, tmp_path):
    target = tmp_path / "new.aimodel"
    program.save(target)
    assert b"producer" in (target / "metadata.json").read_bytes()
    # Saving again replaces it.
    program.save(target)
    assert Program.load(target).to_bytecode() == program.to_bytecode()


def test_bad_hash_is_a_warning(asset_path):
    (asset_path / "main.hash").write_bytes(b"\0" * 32)
    with pytest.warns(UserWarning, match="main.hash .* does not match main.mlirb"):
        Program.load(asset_path)
    os.remove(asset_path / "main.hash")
    with pytest.warns(UserWarning, match="has no main.hash"):
        Program.load(asset_path)


def test_asset_errors(tmp_path, asset_path):
    (tmp_path / "file.aimodel").write_text("not a directory")
    with pytest.raises(ValueError, match="is not a directory"):
        Program.load(tmp_path / "file.aimodel")
    os.remove(asset_path / "main.mlirb")
    with pytest.raises(ValueError, match="has no main.mlirb"):
        Program.load(asset_path)
    with pytest.raises(ValueError, match="no such directory"):
        Program.load(tmp_path / "missing.aimodel")


def test_refuses_to_overwrite_its_input(asset_path):
    program = Program.load(asset_path)
    before = (asset_path / "main.mlirb").read_bytes()
    out = quantize_weights(coreai_program=program, dtype=DType.INT8, in_place=True)
    with pytest.raises(ValueError, match="refusing to overwrite the input asset"):
        out.save(asset_path)
    assert (asset_path / "main.mlirb").read_bytes() == before
    out.save(asset_path, overwrite=True)
    assert (asset_path / "main.mlirb").read_bytes() == out.to_bytecode()
    assert (asset_path / "metadata.json").read_text().startswith('{"producer": "test"')


def test_failed_write_leaves_nothing(program, tmp_path, asset_path):
    blocked = tmp_path / "blocked.aimodel"
    blocked.write_text("a file in the way")
    with pytest.raises(ValueError, match="not a directory is in the way"):
        program.save(blocked)
    assert blocked.read_text() == "a file in the way"
    # No directory can be made next to the target.
    with pytest.raises(ValueError, match="cannot create a directory next to"):
        program.save(blocked / "x.aimodel")
    # A failure half-way (a file of the source asset cannot be copied): the
    # staging directory is removed and no asset appears.
    os.symlink(tmp_path / "nowhere", asset_path / "dangling")
    loaded = Program.load(asset_path)
    target = tmp_path / "out" / "x.aimodel"
    target.parent.mkdir()
    with pytest.raises(ValueError, match="cannot copy"):
        loaded.save(target)
    assert os.listdir(target.parent) == []


def test_unknown_suffix(program, tmp_path):
    with pytest.raises(ValueError, match="^path"):
        program.save(tmp_path / "model.onnx")


def test_driver_reads_and_writes_assets(asset_path, tmp_path):
    out = tmp_path / "out.aimodel"
    r = run_opt(asset_path, "-o", out, "--pass-pipeline=builtin.module(coreai-quantize-weights{dtype=int8})")
    assert r.returncode == 0, r.stderr
    data = (out / "main.mlirb").read_bytes()
    assert (out / "main.hash").read_bytes() == hashlib.sha256(data).digest()
    assert (out / "metadata.json").read_text() == (asset_path / "metadata.json").read_text()
    assert (out / "weight_transforms" / "scheme.json").exists()
    # The same bytes as Python.
    expected = quantize_weights(coreai_program=Program.load(asset_path), dtype=DType.INT8)
    assert data == expected.to_bytecode()
    # Refuses to overwrite its input unless asked.
    r = run_opt(asset_path, "-o", asset_path)
    assert r.returncode != 0 and b"refusing to overwrite the input asset" in r.stderr
    r = run_opt(asset_path, "-o", asset_path, "--overwrite-input-asset")
    assert r.returncode == 0, r.stderr
    # A failing pipeline writes nothing.
    bad = tmp_path / "bad.aimodel"
    r = run_opt(asset_path, "-o", bad, "--pass-pipeline=builtin.module(coreai-quantize-weights)")
    assert r.returncode != 0 and b"option 'dtype' is required" in r.stderr
    assert not bad.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_driver_asset_diagnostics(tmp_path, asset_path):
    (tmp_path / "file.aimodel").write_text("x")
    r = run_opt(tmp_path / "file.aimodel", "-o", "-")
    assert r.returncode != 0 and b"is not a directory" in r.stderr
    (asset_path / "main.hash").write_bytes(b"x")
    r = run_opt(asset_path, "-o", "-")
    assert r.returncode == 0 and b"warning: main.hash of the asset" in r.stderr
    assert b"coreai.graph" in r.stdout
    os.remove(asset_path / "main.mlirb")
    r = run_opt(asset_path, "-o", "-")
    assert r.returncode != 0 and b"has no main.mlirb" in r.stderr


DEBUGINFO = """coreai.graph @main(%x: tensor<1x4xf16>) -> tensor<1x4xf16> {
  %w = coreai.constant dense<[[1.0, -2.0, 3.0, 0.5], [0.25, 1.5, -1.0, 2.0], [0.0, 1.0, 2.0, 3.0], [-3.0, 2.0, -1.0, 0.5]]> : tensor<4x4xf16> loc(#loc1)
  %y = coreai.batch_matmul %x, %w : (tensor<1x4xf16>, tensor<4x4xf16>) -> tensor<1x4xf16> loc(#loc2)
  coreai.output %y : tensor<1x4xf16>
}
#loc1 = loc(#debuginfo.location<file = "model.py", line = 12, scope = "q_proj">)
#loc2 = loc(#debuginfo.location<file = "model.py", line = 13>)
"""


def test_debuginfo_locations_survive(tmp_path):
    program = Program.from_text(DEBUGINFO)
    out = quantize_weights(coreai_program=program, dtype=DType.INT8, weight_num_threshold=0)
    for p in (out, Program.from_bytecode(out.to_bytecode())):
        text = p.to_text(debug_info=True)
        assert '#debuginfo.location<file = "model.py", line = 12, scope = "q_proj">' in text
        assert '#debuginfo.location<file = "model.py", line = 13>' in text
        # Every op of the chain has the constant's location.
        alias = text.split("coreai.blockwise_shift_scale")[1].split("loc(")[1].split(")")[0]
        assert text.count("loc(%s)" % alias) == 5
    out.save(tmp_path / "d.aimodel")
    assert "q_proj" in Program.load(tmp_path / "d.aimodel").to_text(debug_info=True)


def test_relative_asset_paths(program, tmp_path, monkeypatch, program_path):
    # The staging directory is made next to the target, also for relative
    # paths (not in the system's temporary directory).
    monkeypatch.chdir(tmp_path)
    os.mkdir("sub")
    program.save("sub/rel.aimodel")
    assert sorted(os.listdir("sub")) == ["rel.aimodel"]
    assert Program.load("sub/rel.aimodel").to_bytecode() == program.to_bytecode()
    r = run_opt(program_path, "-o", "sub/driver.aimodel")
    assert r.returncode == 0, r.stderr
    assert sorted(os.listdir("sub")) == ["driver.aimodel", "rel.aimodel"]


def _tree(root):
    """Every file under root (links not followed) with its bytes."""
    out = {}
    for dirpath, _, files in os.walk(root):
        for f in files:
            p = os.path.join(dirpath, f)
            out[os.path.relpath(p, root)] = open(p, "rb").read()
    return out


@pytest.mark.parametrize("writer", ["python", "driver"])
def test_link_and_foreign_directory_targets(program, program_path, tmp_path, writer):
    def save(target):
        if writer == "python":
            program.save(target)
            return None
        r = run_opt(program_path, "-o", target)
        return r

    # A link to a directory that is not an asset: refused by name, the
    # directory's files byte-identical, the link still a link.
    data = tmp_path / "data"
    (data / "sub").mkdir(parents=True)
    (data / "notes.txt").write_text("mine")
    (data / "sub" / "x.bin").write_bytes(b"\0\1\2")
    before = _tree(data)
    link = tmp_path / "out.aimodel"
    os.symlink(data, link)
    if writer == "python":
        with pytest.raises(ValueError, match="refusing to write the asset .*out.aimodel.* not an .aimodel asset"):
            save(link)
    else:
        r = save(link)
        assert r.returncode == 1 and b"is not an .aimodel asset" in r.stderr
    assert _tree(data) == before and os.path.islink(link)
    # A plain directory that is not an asset: the same.
    plain = tmp_path / "plain.aimodel"
    plain.mkdir()
    (plain / "keep.txt").write_text("keep")
    if writer == "python":
        with pytest.raises(ValueError, match="not an .aimodel asset"):
            save(plain)
    else:
        assert save(plain).returncode == 1
    assert _tree(plain) == {"keep.txt": b"keep"}
    # A link to an asset: followed, the asset updated where it points, its
    # other files kept, the link left a link.
    real = tmp_path / "real.aimodel"
    program.save(real)
    (real / "notes.txt").write_text("mine")
    alias = tmp_path / "alias.aimodel"
    os.symlink(real, alias)
    r = save(alias)
    assert r is None or r.returncode == 0, r.stderr
    assert os.path.islink(alias)
    assert sorted(_tree(real)) == ["main.hash", "main.mlirb", "metadata.json", "notes.txt"]
    assert (real / "notes.txt").read_text() == "mine"
    assert str(Program.load(alias)) == str(program)
    assert [p for p in os.listdir(real) if p.startswith(".")] == []
    # A link to nothing is refused, and stays as it was.
    dangling = tmp_path / "dangling.aimodel"
    os.symlink(tmp_path / "nowhere", dangling)
    if writer == "python":
        with pytest.raises(ValueError, match="symbolic link to nothing"):
            save(dangling)
    else:
        assert b"symbolic link to nothing" in save(dangling).stderr
    assert os.path.islink(dangling) and not (tmp_path / "nowhere").exists()
    # An empty directory is filled.
    empty = tmp_path / "empty.aimodel"
    empty.mkdir()
    r = save(empty)
    assert r is None or r.returncode == 0
    assert sorted(os.listdir(empty)) == ["main.hash", "main.mlirb", "metadata.json"]


def test_updating_an_asset_keeps_its_other_files(program, asset_path, tmp_path):
    target = tmp_path / "t.aimodel"
    program.save(target)
    (target / "metadata.json").write_text('{"mine": 1}\n')
    (target / "extra").mkdir()
    (target / "extra" / "a.txt").write_text("a")
    quantize_weights(coreai_program=program, dtype=DType.INT8).save(target)
    assert (target / "extra" / "a.txt").read_text() == "a"
    # With no source asset its metadata stays; a source brings its own.
    assert (target / "metadata.json").read_text() == '{"mine": 1}\n'
    Program.load(asset_path).save(target)
    assert (target / "metadata.json").read_text() == (asset_path / "metadata.json").read_text()
    assert (target / "weight_transforms" / "scheme.json").exists()
    assert (target / "extra" / "a.txt").read_text() == "a"
    # Overwriting the input asset in place keeps everything in it.
    r = run_opt(target, "-o", target, "--overwrite-input-asset",
                "--pass-pipeline=builtin.module(coreai-quantize-weights{dtype=int8})")
    assert r.returncode == 0, r.stderr
    assert sorted(_tree(target)) == ["extra/a.txt", "main.hash", "main.mlirb", "metadata.json",
                                     "weight_transforms/scheme.json"]
    data = (target / "main.mlirb").read_bytes()
    assert (target / "main.hash").read_bytes() == hashlib.sha256(data).digest()
