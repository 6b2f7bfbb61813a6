"""Fixtures of the coreai_opt tests: a small program with two f16 linear
weights (generated), its text, and an .aimodel asset made by coreai-opt."""
import os
import subprocess
import sys

import pytest

INPUTS = os.environ.get("COREAI_TEST_INPUTS",
                        os.path.join(os.path.dirname(__file__), "..", "Transforms", "Inputs"))
COREAI_OPT = os.environ.get("COREAI_OPT", "coreai-opt")
if os.sep in COREAI_OPT:  # tests change directory
    COREAI_OPT = os.path.abspath(COREAI_OPT)


@pytest.fixture(scope="session")
def program_text():
    return subprocess.run([sys.executable, os.path.join(INPUTS, "gen_linear.py"), "64", "128"],
                          check=True, capture_output=True, text=True).stdout


@pytest.fixture
def program_path(tmp_path, program_text):
    path = tmp_path / "model.mlir"
    path.write_text(program_text)
    return path


@pytest.fixture
def program(program_text):
    from coreai_opt import Program
    return Program.from_text(program_text)


@pytest.fixture
def asset_path(tmp_path, program_path):
    """model.aimodel written by the driver, with metadata and an extra file."""
    asset = tmp_path / "model.aimodel"
    subprocess.run([COREAI_OPT, str(program_path), "-o", str(asset)], check=True)
    (asset / "metadata.json").write_text('{"producer": "test", "assetVersion": "7", "author": "me"}\n')
    (asset / "weight_transforms").mkdir()
    (asset / "weight_transforms" / "scheme.json").write_text("{}\n")
    return asset


def run_opt(*args):
    return subprocess.run([COREAI_OPT, *map(str, args)], capture_output=True)
