#!/usr/bin/env python3
"""The package as a user installs it: builds the wheel with
`python3 -m build --wheel --no-isolation` (its extension from the CMake build
directory $COREAI_BUILD_DIR), installs it into a fresh venv made with
--system-site-packages, and runs the documentation's flow there with no
PYTHONPATH: load an .aimodel, quantize its weights to int8, save the
compressed .aimodel, read it back.

    COREAI_BUILD_DIR=build test/wheel/check_wheel.py"""
import glob
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

FLOW = r'''
import os, sys
from pathlib import Path
import coreai_opt
from coreai_opt import Program
from coreai_opt.coreai_utils import DType, quantize_weights
assert coreai_opt.__file__.startswith(sys.prefix), coreai_opt.__file__
Program.load(sys.argv[1]).save(Path("model.aimodel"))

ai_program = Program.load(Path("model.aimodel"))
compressed_program = quantize_weights(coreai_program=ai_program, dtype=DType.INT8,
                                      in_place=False)
compressed_program.optimize()
compressed_program.save_asset(Path("model_compressed.aimodel"))

saved = Program.load(Path("model_compressed.aimodel"))
assert saved.to_bytecode() == compressed_program.to_bytecode()
quantized = str(saved).count("coreai.blockwise_shift_scale")
assert quantized > 0, quantized
print("coreai_opt %s from %s: %d weights quantized"
      % (coreai_opt.__version__, os.path.dirname(coreai_opt.__file__), quantized))
'''


def run(*args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit("check_wheel: %s failed (exit %d):\n%s%s"
                 % (" ".join(args), result.returncode, result.stdout, result.stderr))
    return result.stdout


def main():
    if not os.environ.get("COREAI_BUILD_DIR"):
        sys.exit("check_wheel: set COREAI_BUILD_DIR to the CMake build directory")
    with tempfile.TemporaryDirectory(prefix="coreai-wheel-") as tmp:
        dist = os.path.join(tmp, "dist")
        run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, ROOT)
        wheels = glob.glob(os.path.join(dist, "coreai_opt-*.whl"))
        if len(wheels) != 1:
            sys.exit("check_wheel: expected one wheel, got %s" % wheels)
        venv = os.path.join(tmp, "venv")
        run(sys.executable, "-m", "venv", "--system-site-packages", venv)
        python = os.path.join(venv, "bin", "python")
        run(python, "-m", "pip", "install", "--no-index", "--no-deps", "-q", wheels[0])
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        work = os.path.join(tmp, "work")
        os.mkdir(work)
        out = run(python, "-c", FLOW, os.path.join(ROOT, "docs", "examples", "demo.mlirbc"),
                  cwd=work, env=env)
        listed = run(python, "-m", "pip", "list", "--disable-pip-version-check", env=env)
        version = [line.split()[1] for line in listed.splitlines()
                   if line.split()[:1] == ["coreai-opt"]]
        if version != [out.split()[1]]:
            sys.exit("check_wheel: pip lists %s, the package says %s" % (version, out.split()[1]))
        print(os.path.basename(wheels[0]) + ": " + out.strip())


if __name__ == "__main__":
    main()
