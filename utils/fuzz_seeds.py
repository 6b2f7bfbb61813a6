#!/usr/bin/env python3
"""Writes the seed corpus of coreai-fuzz from the lit tests.

Every `// -----` chunk of every test program becomes seeds: the chunk as
text behind a byte that chooses the fuzzer's pipeline (low 7 bits) and a
bytecode round trip (high bit; coreai-fuzz.cpp). The bytes rotate over the
chunks so that each pipeline starts from many programs. With --bytecode,
chunks are also written as raw bytecode (for COREAI_FUZZ_RAW_BYTECODE=1).
"""
import argparse
import hashlib
import pathlib
import subprocess

NUM_PIPELINES = 22  # kPipelines in tools/coreai-fuzz/coreai-fuzz.cpp


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
    print(f"fuzz_seeds: {count} seeds in {out}")


if __name__ == "__main__":
    main()
