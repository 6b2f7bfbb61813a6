#!/usr/bin/env python3
"""The benchmark table: every compression scheme of coreai-opt next to
baseline.py's re-creation of the reference, on the same
4096x4096 f16 weight (baseline.py's Student-t generator), side by side in one
run; then end-to-end coreai-opt on a large synthetic program against a plain
bytecode round trip. Not a test: numbers depend on the machine.

    utils/bench.py [--quick] [--baseline PATH] [--layers N]

Needs the build (utils/build.sh) and Debian's python3-numpy and
python3-sklearn for baseline.py (utils/setup.sh installs them)."""
import argparse
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("COREAI_BUILD_DIR", os.path.join(ROOT, "build"))
BIN = os.path.join(BUILD, "bin")

# (our pipeline, baseline method or None, label)
SCHEMES = [
    ("coreai-quantize-weights{dtype=int8}", "int8_pc_sym", "int8 per-channel"),
    ("coreai-quantize-weights{dtype=int4 granularity=per_block}", "int4_blk32_sym", "int4 per-block 32 (mse scales)"),
    ("coreai-quantize-weights{dtype=fp8_e4m3fn}", "fp8_e4m3_pc", "fp8 e4m3 per-channel"),
    ("coreai-quantize-weights{dtype=fp4_e2m1fn granularity=per_block}", "fp4_e2m1_blk32", "MXFP4 (ref: fp32 scales)"),
    ("coreai-palettize-weights", "sk_tensor", "4-bit LUT per-tensor"),
    ("coreai-palettize-weights{granularity=per_channel}", "sk_channel", "4-bit LUT per-channel"),
    ("coreai-palettize-weights{granularity=per_grouped_channel group-size=32}", "sk_group", "4-bit LUT grouped 32"),
    ("coreai-palettize-weights{n-bits=8}", "sk_tensor@8", "8-bit LUT per-tensor"),
    ("coreai-palettize-weights{cluster-dim=2}", "vec2", "4-bit LUT 2-D vectors"),
    ("coreai-sparsify-weights", "prune50", "50% unstructured"),
    ("coreai-sparsify-weights{n-m-ratio=2,4}", "prune_2_4", "2:4"),
    ("coreai-sparsify-weights{block-size=2}", "prune_blk2_50", "50% blocks of 2"),
    ("coreai-sparsify-weights{quantize-dtype=int8}", None, "50% + int8 (joint)"),
    ("coreai-sparsify-weights{palettize-nbits=4}", None, "50% + 4-bit LUT (joint)"),
]

# Integer scale search: (options, label); each runs with scale-search=minmax
# and scale-search=mse side by side.
SEARCH = [
    ("dtype=int4 granularity=per_block", "int4 per_block 32 sym"),
    ("dtype=int4 granularity=per_block symmetric-range=full", "int4 per_block 32 sym, full range"),
    ("dtype=int4 granularity=per_block qscheme=asymmetric", "int4 per_block 32 asym"),
    ("dtype=int4", "int4 per_channel sym"),
    ("dtype=int2 granularity=per_block qscheme=asymmetric", "int2 per_block 32 asym"),
    ("dtype=int8", "int8 per_channel sym"),
]


def print_search_table(weight, repeat):
    """Min-max and searched scales side by side on the benchmark weight."""
    pipelines = []
    for options, _ in SEARCH:
        for search in ("minmax", "mse"):
            pipelines.append("coreai-quantize-weights{%s scale-search=%s}" % (options, search))
    rows = run_ours(weight, pipelines, repeat) if weight else run_ours_generated(pipelines, repeat)
    print()
    print("Integer scales: min-max against the least-squares search (scale-search=mse) on the same "
          "weight (pass time, best of %d, 2 threads)" % repeat)
    print("| scheme | min-max ms | min-max dB | mse ms | mse GB/s | mse dB | gain dB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for options, label in SEARCH:
        mm = rows[("coreai-quantize-weights{%s scale-search=minmax}" % options, 2)]
        ms = rows[("coreai-quantize-weights{%s scale-search=mse}" % options, 2)]
        print("| %s | %.1f | %.2f | %.1f | %.2f | %.2f | %+.2f |" % (
            label, mm["seconds"] * 1e3, mm["sqnr_db"], ms["seconds"] * 1e3, ms["GBps"],
            ms["sqnr_db"], ms["sqnr_db"] - mm["sqnr_db"]))


GPTQ = [
    ("int4 per_channel", "coreai-quantize-weights{dtype=int4%s}"),
    ("int4 per_block 32", "coreai-quantize-weights{dtype=int4 granularity=per_block%s}"),
    ("3-bit LUT per_channel", "coreai-palettize-weights{n-bits=3 granularity=per_channel%s}"),
    ("50% sparse", "coreai-sparsify-weights{%s}"),
]


def print_gptq_table(workdir, size=4096, samples=1024):
    """GPTQ on one size x size f16 weight with a full H (size columns) from
    `samples` correlated inputs: the pass with and without statistics, side
    by side, and the output SQNR of each (the report's)."""
    import numpy as np
    sys.path.insert(0, os.path.join(BUILD, "python_packages"))
    sys.path.insert(0, os.path.join(ROOT, "utils"))
    from coreai_blobs import blob
    from coreai_opt import Program
    from coreai_opt.coreai_utils import ActivationStatistics
    rng = np.random.default_rng(3)
    model = os.path.join(workdir, "gptq-%d.mlir" % size)
    w = (rng.standard_t(4, (size, size)) * 0.02).astype("<f2")
    with open(model, "w") as f:
        f.write("coreai.graph @main(%%x: tensor<1x%dxf16>) -> tensor<1x%dxf16> {\n"
                "  %%w = coreai.constant dense_resource<w> : tensor<%dx%dxf16>\n"
                "  %%y = coreai.batch_matmul %%x, %%w : (tensor<1x%dxf16>, tensor<%dx%dxf16>) -> tensor<1x%dxf16>\n"
                "  coreai.output %%y : tensor<1x%dxf16>\n}\n"
                "{-# dialect_resources: { builtin: {\n  w: \"%s\"\n} } #-}\n"
                % (size, size, size, size, size, size, size, size, size, blob(w.tobytes(), 16)))
    program = Program.load(model)
    stats = ActivationStatistics(program)
    start = time.monotonic()
    mix = rng.standard_normal((64, size)) / 8
    for _ in range(samples // 256):
        x = rng.standard_normal((256, size)) + rng.standard_normal((256, 64)) @ mix
        stats.add(0, x)
    gather = time.monotonic() - start
    path = os.path.join(workdir, "gptq-%d.safetensors" % size)
    stats.save(path)
    opt = os.path.join(BIN, "coreai-opt")
    print()
    print("GPTQ on one %dx%d f16 weight, H of %d columns from %d samples (gathered in %.1f s, "
          "file %.0f MB); coreai-opt wall s and pass s (--mlir-timing), output SQNR from the report"
          % (size, size, size, samples, gather, os.path.getsize(path) / 1e6))
    print("| scheme | statistics | s | pass s | peak MB | output SQNR dB |")
    print("|---|---|---:|---:|---:|---:|")
    out = os.path.join(workdir, "gptq-out.mlirbc")
    for label, pipeline in GPTQ:
        for option in ("", ' activation-statistics="%s"' % path):
            filled = pipeline % option if "{%s}" not in pipeline else pipeline % option.strip()
            secs, mb, timing = timed([opt, model, "--emit-bytecode", "-o", out, "--mlir-timing",
                                      "--pass-pipeline=builtin.module(%s)" % filled], True)
            report = os.path.join(workdir, "gptq-report.json")
            subprocess.run([opt, out, "-o", os.devnull, "--pass-pipeline=builtin.module("
                            "coreai-weight-report{reference=%s activation-statistics=%s format=json "
                            "output=%s})" % (model, path, report)], check=True)
            with open(report) as f:
                db = json.load(f)["weights"][0].get("output_sqnr_db")
            print("| %s | %s | %.2f | %.2f | %.0f | %.2f |" % (
                label, "GPTQ" if option else "none", secs, pass_seconds(timing) or 0, mb, db),
                flush=True)
    os.remove(out)


def run_baseline(baseline, workdir, methods, nbits):
    out = os.path.join(workdir, "baseline-%d.json" % nbits)
    cmd = ["/usr/bin/python3", baseline, "--gen", "linear", "--save-gen", workdir,
           "--methods", ",".join(methods), "--nbits", str(nbits), "--json", out]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    with open(out) as f:
        return {r["method"]: r for r in json.load(f)}


def run_ours(weight, pipelines, repeat):
    cmd = [os.path.join(BIN, "coreai-pass-bench"), "--json", "--row-sqnr", "--repeat", str(repeat),
           "--weight", weight] + pipelines
    rows = {}
    for line in subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines():
        r = json.loads(line)
        rows[(r["pipeline"], r["threads"])] = r
    return rows


def subset_rows(n, count):
    """baseline.py's evenly strided subset: 0, s, 2s, ... with s = n // count."""
    if count <= 0 or count >= n:
        return list(range(n))
    return list(range(0, n, n // count))[:count]


def ref_rows(ref, nrows):
    """The rows a baseline result was scored on (None: all of them)."""
    if ref.get("sqnr_scope", "all rows") == "all rows":
        return None
    if "timed_groups" in ref:
        used, groups = (int(x) for x in ref["timed_groups"].split("/"))
        size = nrows // groups
        return [g * size + i for g in subset_rows(groups, used) for i in range(size)]
    return subset_rows(nrows, int(ref["timed_rows"]))


def sqnr_on_rows(result, rows):
    """Our SQNR over the given rows, from pass-bench's per-row energies."""
    if "row_signal" not in result:
        return None
    import math
    signal = sum(result["row_signal"][r] for r in rows)
    noise = sum(result["row_noise"][r] for r in rows)
    return 10 * math.log10(signal / noise) if noise > 0 else float("inf")


def timed(cmd, with_output=False):
    """Wall seconds and peak RSS (MB) of a command, via GNU time (and its
    stderr without the time line, with `with_output`)."""
    t = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + cmd, check=True,
                       capture_output=True, text=True)
    lines = t.stderr.strip().splitlines()
    secs, kb = lines[-1].split()
    if with_output:
        return float(secs), int(kb) / 1024, "\n".join(lines[:-1])
    return float(secs), int(kb) / 1024


def pass_seconds(timing):
    """The wall time of the compression pass in an --mlir-timing list."""
    for line in timing.splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[-1].startswith("CoreAI") and parts[-1].endswith("WeightsPass"):
            return float(parts[0])
    return None


def memcpy_seconds(nbytes):
    """A plain copy of nbytes with numpy: into fresh memory, and best of 3
    into the same (warm) memory. (None, None) without numpy."""
    try:
        import numpy as np
    except ImportError:
        return None, None
    src = np.ones(nbytes, dtype=np.uint8)
    dst = np.empty_like(src)
    start = time.perf_counter()
    np.copyto(dst, src)
    fresh = time.perf_counter() - start
    warm = 1e30
    for _ in range(3):
        start = time.perf_counter()
        np.copyto(dst, src)
        warm = min(warm, time.perf_counter() - start)
    return fresh, warm


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", default=os.path.join(ROOT, "..", "shared", "bench", "baseline.py"))
    ap.add_argument("--quick", action="store_true", help="4 layers end to end, 1 repeat")
    ap.add_argument("--layers", type=int, default=32)
    ap.add_argument("--auto-only", action="store_true", help="only the automatic mixed precision table")
    ap.add_argument("--search-only", action="store_true", help="only the integer scale search table")
    ap.add_argument("--plans-only", action="store_true",
                    help="only the least-loss plans of a synthetic 2,000-weight table")
    ap.add_argument("--gptq-only", action="store_true",
                    help="only the GPTQ table (activation statistics on a 4096x4096 weight)")
    ap.add_argument("--python-only", action="store_true",
                    help="only the table of the Python path next to the driver")
    ap.add_argument("--python-run", nargs=4, metavar=("SCHEME", "MODEL", "OUT", "IN_PLACE"),
                    help=argparse.SUPPRESS)
    ap.add_argument("--workdir", default=os.path.join(BUILD, "bench"))
    args = ap.parse_args()
    if args.python_run:
        python_run(*args.python_run)
        return
    os.makedirs(args.workdir, exist_ok=True)
    layers = 4 if args.quick else args.layers
    if args.python_only:
        model = synthetic_model(args.workdir, layers)
        out = os.path.join(args.workdir, "out.mlirbc")
        print_python_table(model, out)
        return
    repeat = 1 if args.quick else 3
    if args.plans_only:
        subprocess.run([os.path.join(BIN, "coreai-bench"), "--plans", "--repeat", str(repeat)],
                       check=True)
        return
    if args.gptq_only:
        print_gptq_table(args.workdir, 1024 if args.quick else 4096)
        return
    if args.search_only:
        weight = os.path.join(args.workdir, "linear4096x4096.f16")
        print_search_table(weight if os.path.exists(weight) else "", repeat)
        return
    if args.auto_only:
        model = os.path.join(args.workdir, "synthetic-%d.mlirbc" % layers)
        if not os.path.exists(model):
            subprocess.run([os.path.join(BIN, "coreai-pass-bench"), "--write-model", model,
                            "--layers", str(layers)], check=True)
        out = os.path.join(args.workdir, "out.mlirbc")
        print_auto_table(os.path.join(BIN, "coreai-opt"), model, out)
        os.remove(out)
        return

    have_baseline = os.path.exists(args.baseline)
    weight = os.path.join(args.workdir, "linear4096x4096.f16")
    base = {}
    if have_baseline:
        print("running baseline.py (reference re-creations) ...", flush=True)
        methods = sorted({m for _, m, _ in SCHEMES if m and "@" not in m})
        base = run_baseline(args.baseline, args.workdir, methods, 4)
        base8 = run_baseline(args.baseline, args.workdir, ["sk_tensor"], 8)
        base["sk_tensor@8"] = base8["sk_tensor"]
    else:
        print("baseline.py not found at %s: our side only, on a generated weight" % args.baseline)
    print("running coreai-pass-bench ...", flush=True)
    ours = run_ours(weight if have_baseline else "", [p for p, _, _ in SCHEMES], repeat) \
        if have_baseline else run_ours_generated([p for p, _, _ in SCHEMES], repeat)

    print()
    print("Per scheme on one 4096x4096 f16 weight (baseline.py's generator; pass time, best of %d)" % repeat)
    hdr = "| scheme | ours 1 thr (ms) | ours 2 thr (ms) | GB/s (2 thr) | SQNR (dB) | reference | ref time (ms) | ref SQNR (dB) | speedup (2 thr) |"
    print(hdr)
    print("|---|---:|---:|---:|---:|---|---:|---:|---:|")
    for pipeline, method, label in SCHEMES:
        one = ours.get((pipeline, 1))
        two = ours.get((pipeline, 2)) or one
        ref = base.get(method) if method else None
        cells = [label, "%.1f" % (one["seconds"] * 1e3), "%.1f" % (two["seconds"] * 1e3),
                 "%.2f" % two["GBps"], "%.2f" % two["sqnr_db"] if two["sqnr_db"] is not None else "inf"]
        if ref:
            scope = ""
            subset = ref_rows(ref, two["rows"])
            if subset is not None:
                mine = sqnr_on_rows(two, subset)
                scope = " (%s%s)" % (ref["sqnr_scope"],
                                     "; ours there %.2f" % mine if mine is not None else "")
            cells += [method.split("@")[0], "%.1f" % (ref["seconds"] * 1e3),
                      "%.2f%s" % (ref["sqnr_db"], scope), "%.1fx" % (ref["seconds"] / two["seconds"])]
        else:
            cells += ["-", "-", "-", "-"]
        print("| " + " | ".join(cells) + " |")

    print_search_table(weight if have_baseline else "", repeat)
    print_gptq_table(args.workdir, 1024 if args.quick else 4096)
    print()
    subprocess.run([os.path.join(BIN, "coreai-bench"), "--plans", "--repeat", str(repeat)],
                   check=True)

    print()
    print("End to end: coreai-opt on a synthetic (generated) program of %d linear layers "
          "(4096x4096 f16, %.2f GB of weights, bytecode)" % (layers, layers * 4096 * 4096 * 2 / 1e9))
    model = os.path.join(args.workdir, "synthetic-%d.mlirbc" % layers)
    if not os.path.exists(model):
        subprocess.run([os.path.join(BIN, "coreai-pass-bench"), "--write-model", model,
                        "--layers", str(layers)], check=True)
    out = os.path.join(args.workdir, "out.mlirbc")
    opt = os.path.join(BIN, "coreai-opt")
    weight_bytes = layers * 4096 * 4096 * 2
    fresh, warm = memcpy_seconds(weight_bytes)
    if fresh is not None:
        print("memcpy of the %.2f GB: %.2f s into fresh memory (%.2f GB/s), %.3f s warm (%.1f GB/s); "
              "first touches of memory are what the fresh copy pays" %
              (weight_bytes / 1e9, fresh, weight_bytes / fresh / 1e9, warm, weight_bytes / warm / 1e9))
    print("| pipeline | threads | s | peak MB | vs round trip | pass s (--mlir-timing) | pass GB/s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    rt, rtmb = timed([opt, model, "--emit-bytecode", "-o", out])
    print("| bytecode round trip (no pass) | - | %.2f | %.0f | 1.00x | - | - |" % (rt, rtmb))
    for pipeline in [SCHEMES[0][0], SCHEMES[1][0], SCHEMES[4][0], SCHEMES[9][0]]:
        for threads in (1, 2):
            extra = ["--mlir-disable-threading"] if threads == 1 else []
            s, mb, timing = timed([opt, model, "--pass-pipeline=builtin.module(%s)" % pipeline,
                                   "--emit-bytecode", "-o", out, "--mlir-timing",
                                   "--mlir-timing-display=list"] + extra, with_output=True)
            ps = pass_seconds(timing)
            print("| %s | %d | %.2f | %.0f | %.2fx | %s | %s |" %
                  (pipeline, threads, s, mb, s / rt, "%.2f" % ps if ps else "-",
                   "%.2f" % (weight_bytes / ps / 1e9) if ps else "-"))
    print_auto_table(opt, model, out)
    print_python_table(model, out)


def synthetic_model(workdir, layers):
    model = os.path.join(workdir, "synthetic-%d.mlirbc" % layers)
    if not os.path.exists(model):
        subprocess.run([os.path.join(BIN, "coreai-pass-bench"), "--write-model", model,
                        "--layers", str(layers)], check=True)
    return model


# The documented Python calls next to the driver's pipeline of the same
# compression: (label, pipeline, Python call on `p`).
PYTHON_PATH = [
    ("int8 per channel", "coreai-quantize-weights{dtype=int8}",
     "quantize_weights(p, dtype=DType.INT8, in_place=IN_PLACE)"),
    ("4-bit LUT per channel", "coreai-palettize-weights{n-bits=4 granularity=per_channel}",
     "palettize_weights(p, lut_dtype=None, n_bits=4, "
     "granularity=CompressionGranularity.PER_CHANNEL, in_place=IN_PLACE)"),
    ("automatic, 4.5 bits per weight", "coreai-compress-weights{bits-per-weight=4.5}",
     "compress_weights(p, bits_per_weight=4.5, in_place=IN_PLACE)"),
]


def python_run(label, model, out, in_place):
    """The Python path of one PYTHON_PATH row: load, compress, save."""
    sys.path.insert(0, os.path.join(BUILD, "python_packages"))
    from coreai_opt import Program
    from coreai_opt.coreai_utils import (  # noqa: F401
        CompressionGranularity, DType, compress_weights, palettize_weights, quantize_weights)
    call = next(c for l, _, c in PYTHON_PATH if l == label)
    p = Program.load(model)
    q = eval(call.replace("IN_PLACE", in_place))
    q.save(out)


def print_python_table(model, out, repeat=3):
    """The documented Python path (load, compress, save) next to coreai-opt
    with the same compression, side by side in one run, 2 threads: the
    model is read once first (page cache), the three paths alternate, best
    of `repeat` for int8 (one run of the slower schemes)."""
    import hashlib

    def digest(path):
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 24), b""):
                h.update(chunk)
        return h.hexdigest()

    digest(model)
    opt = os.path.join(BIN, "coreai-opt")
    print()
    print("The Python path (`Program.load`, the function, `save`) next to the driver on %s "
          "(%.2f GB), 2 threads, best of %d for int8:" % (
              os.path.basename(model), os.path.getsize(model) / 1e9, repeat))
    print("| compression | path | s | peak MB | time vs driver | RSS vs driver | same bytes |")
    print("|---|---|---:|---:|---:|---:|---|")
    for index, (label, pipeline, _) in enumerate(PYTHON_PATH):
        paths = [("`coreai-opt`", [opt, model, "--pass-pipeline=builtin.module(%s)" % pipeline,
                                   "--emit-bytecode", "-o", out])]
        for in_place in ("False", "True"):
            paths.append(("Python, `in_place=%s`%s" % (in_place, " (default)" if in_place == "False" else ""),
                          [sys.executable, os.path.abspath(__file__), "--python-run",
                           label, model, out, in_place]))
        best = {}
        same = {}
        for _ in range(repeat if index == 0 else 1):
            for name, cmd in paths:
                s, mb = timed(cmd)
                old = best.get(name, (1e30, 0))
                best[name] = (min(old[0], s), max(old[1], mb))
                same[name] = digest(out)
        ds, dmb = best[paths[0][0]]
        for name, _ in paths:
            s, mb = best[name]
            print("| %s | %s | %.2f | %.0f | %.2fx | %.2fx | %s |" % (
                label, name, s, mb, s / ds, mb / dmb,
                "-" if name == paths[0][0] else
                "yes" if same[name] == same[paths[0][0]] else "NO"))
    os.remove(out)


AUTO = [
    ("coreai-palettize-weights{n-bits=4 granularity=per_channel}", "one 4-bit LUT per channel"),
    ("coreai-compress-weights{bits-per-weight=4.5}", "automatic, 4.5 bits per weight"),
    ("coreai-compress-weights{bits-per-weight=5.25}", "automatic, 5.25 bits per weight"),
]


def print_auto_table(opt, model, out):
    """The automatic choice over the default ladder next to the single scheme
    the issue measures it against, 2 threads."""
    print()
    print("Automatic mixed precision (every default candidate computed and measured on every "
          "weight, then the chosen ones computed again), 2 threads:")
    print("| pipeline | s | peak MB | pass s (--mlir-timing) | pass vs one LUT per channel |")
    print("|---|---:|---:|---:|---:|")
    base = None
    for pipeline, label in AUTO:
        s, mb, timing = timed([opt, model, "--pass-pipeline=builtin.module(%s)" % pipeline,
                               "--emit-bytecode", "-o", out, "--mlir-timing",
                               "--mlir-timing-display=list"], with_output=True)
        ps = pass_seconds(timing)
        base = base or ps
        print("| %s (`%s`) | %.2f | %.0f | %s | %s |" % (
            label, pipeline, s, mb, "%.2f" % ps if ps else "-",
            "%.2fx" % (ps / base) if ps and base else "-"))


def run_ours_generated(pipelines, repeat):
    cmd = [os.path.join(BIN, "coreai-pass-bench"), "--json", "--repeat", str(repeat)] + pipelines
    rows = {}
    for line in subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines():
        r = json.loads(line)
        rows[(r["pipeline"], r["threads"])] = r
    return rows


if __name__ == "__main__":
    main()
