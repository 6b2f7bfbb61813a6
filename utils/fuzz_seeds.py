#!/usr/bin/env python3
"""Writes the seed corpus of coreai-fuzz from the lit tests.

Every `// -----` chunk of every test program becomes seeds: the chunk as
text behind a byte that chooses the fuzzer's pipeline (low 7 bits) and a
bytecode round trip (high bit; coreai-fuzz.cpp). The bytes rotate over the
chunks so that each pipeline starts from many programs. With --bytecode,
chunks are also written as raw bytecode (for COREAI_FUZZ_RAW_BYTECODE=1).
The pipelines that read a file get a small program with a sensitivity table
that matches it, recipes, and a table and a recipe nested 5,000 deep.
"""
import argparse
import hashlib
import json
import pathlib
import re
import subprocess

NUM_PIPELINES = 22  # kPipelines in tools/coreai-fuzz/coreai-fuzz.cpp
# kFilePipelines there: two reading a sensitivity table, one a recipe.
TABLE_PIPELINES = (NUM_PIPELINES, NUM_PIPELINES + 1)
RECIPE_PIPELINE = NUM_PIPELINES + 2
MARKER = b"\n// program\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--opt", required=True, help="coreai-opt to write bytecode")
    parser.add_argument("--out", required=True, help="seed directory")
    parser.add_argument("--bytecode", action="store_true",
                        help="also write raw bytecode seeds")
    parser.add_argument("tests", nargs="+", help="folders of .mlir tests")
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    count = 0

    def write(data):
        nonlocal count
        name = hashlib.sha1(data).hexdigest()
        (out / name).write_bytes(data)
        count += 1

    index = 0
    for folder in args.tests:
        for path in sorted(pathlib.Path(folder).rglob("*.mlir")):
            if "Inputs" in path.parts:
                continue
            for chunk in path.read_text().split("// -----"):
                if "coreai." not in chunk or len(chunk) > 60000:
                    continue
                text = chunk.encode()
                write(bytes([index % NUM_PIPELINES]) + text)
                write(bytes([0x80 | ((index + 7) % NUM_PIPELINES)]) + text)
                if not args.bytecode:
                    index += 1
                    continue
                run = subprocess.run(
                    [args.opt, "-", "--emit-bytecode", "-o", "-"],
                    input=text, capture_output=True)
                if run.returncode == 0 and len(run.stdout) < 60000:
                    write(bytes([(index + 3) % NUM_PIPELINES]) + run.stdout)
                index += 1
    # A small two-weight program and a table of its weights (ids and SHA-256
    # of the payloads as stored: the resource blobs after their alignment).
    gen = pathlib.Path(args.tests[0]) / "Transforms" / "Inputs" / "gen_linear.py"
    program = subprocess.run(["python3", str(gen), "16", "64"], check=True,
                             capture_output=True).stdout
    blobs = re.findall(rb'w[12]: "0x[0-9A-Fa-f]{8}([0-9A-Fa-f]+)"', program)
    entries = []
    for i, blob in enumerate(blobs):
        sha = hashlib.sha256(bytes.fromhex(blob.decode())).hexdigest()
        entries.append({"id": i, "location": "seed", "sha256": sha, "candidates": {
            "int4-channel": {"loss_increase": 5.0 * (i + 1)},
            "int4-block32": {"loss_increase": 2.0},
            "int8-channel": {"loss_increase": 0.1 * (i + 1)}}})
    table = {"format": "coreai-sensitivity", "version": 1, "baseline_loss": 1.0,
             "candidates": ["int4-channel", "int4-block32", "int8-channel"],
             "weights": entries}
    deep = b'{"a": ' * 5000 + b"1" + b"}" * 5000  # within -max_len
    for byte in TABLE_PIPELINES:
        write(bytes([byte]) + json.dumps(table).encode() + MARKER + program)
        write(bytes([0x80 | byte]) + json.dumps(table, indent=1).encode() + MARKER + program)
        write(bytes([byte]) + deep + MARKER + program)
    for recipe in ('{"rules": [{"quantize": {"dtype": "int4"}}]}',
                   '{"rules": [{"match": {"ordinal": 0}, "palettize": {"n-bits": 2}}, '
                   '{"auto": true}], "bits-per-weight": 6}'):
        write(bytes([RECIPE_PIPELINE]) + recipe.encode() + MARKER + program)
    write(bytes([RECIPE_PIPELINE]) + deep + MARKER + program)
    print(f"fuzz_seeds: {count} seeds in {out}")


if __name__ == "__main__":
    main()
