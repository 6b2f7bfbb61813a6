#!/usr/bin/env python3
"""Writes a SYNTHETIC Core AI program with uncompressed f16 weights: a small
Llama-shaped decoder (token embedding through gather_nd, attention and MLP
projections as transpose -> broadcasting_batch_matmul, biases, activations)
plus a conv2d branch. The weights are generated, deterministic and realistic
in shape only: Student-t values with per-row scale spread and a few outlier
rows and columns. They encode nothing.

    utils/make_demo.py OUT.mlir                       # the bundled demo size
    utils/make_demo.py OUT.mlir --dim 2048 --hidden 8192 --layers 16 --vocab 32000
                                                      # ~1.1B parameters
    build/bin/coreai-opt OUT.mlir --emit-bytecode -o OUT.mlirbc

The bundled docs/examples/demo.mlirbc is the default size converted to
bytecode (from docs/examples, so that locations read demo.mlir:LINE:COL):
    cd docs/examples && ../../utils/make_demo.py demo.mlir &&
    ../../build/bin/coreai-opt demo.mlir --emit-bytecode -o demo.mlirbc && rm demo.mlir
Needs numpy (utils/setup.sh python3-numpy)."""
import argparse
import io
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atomic_output import replace_when_done  # noqa: E402
from coreai_blobs import blob  # noqa: E402


def weight(rng, rows, cols):
    """Heavy-tailed [rows, cols] f16 with outlier rows and columns."""
    x = rng.standard_t(5, size=(rows, cols)) / np.sqrt(5.0 / 3.0)
    row = np.exp(rng.normal(0.0, 0.25, size=(rows, 1)))
    row[rng.choice(rows, size=max(1, rows // 256), replace=False)] *= 3.0
    col = np.ones((1, cols))
    col[0, rng.choice(cols, size=max(1, cols // 128), replace=False)] = 6.0
    return (x * row * col * (0.5 / np.sqrt(cols))).astype(np.float16)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--dim", type=int, default=128)
    ap.add_argument("--hidden", type=int, default=256)
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--vocab", type=int, default=1024)
    ap.add_argument("--seq", type=int, default=4)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    d, h, s, v = args.dim, args.hidden, args.seq, args.vocab
    res = {}
    out = io.StringIO()
    w = out.write

    def t(*shape, ty="f16"):
        return "tensor<%sx%s>" % ("x".join(str(x) for x in shape), ty)

    w("// SYNTHETIC demo program written by utils/make_demo.py: generated weights,\n")
    w("// %d layers, dim %d, hidden %d, vocab %d.\n" % (args.layers, d, h, v))
    w("coreai.graph @main(%%ids: %s {coreai.name = \"ids\"}, %%image: %s {coreai.name = \"image\"}) -> (%s {coreai.name = \"hidden\"}, %s {coreai.name = \"features\"}) {\n"
      % (t(1, s, ty="si32"), t(1, 16, 16, 16), t(1, s, d), t(1, 32, 14, 14)))
    w("  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>\n")
    w("  %%shape = coreai.constant dense<[1, %d, 1]> : tensor<3xui32>\n" % s)
    w("  %%idx = coreai.reshape %%ids, %%shape : (%s, tensor<3xui32>) -> %s\n" % (t(1, s, ty="si32"), t(1, s, 1, ty="si32")))
    res["embedding"] = weight(rng, v, d)
    w("  %%table = coreai.constant dense_resource<embedding> : %s\n" % t(v, d))
    w("  %%h0 = coreai.gather_nd %%table at %%idx : (%s, %s) to %s\n" % (t(v, d), t(1, s, 1, ty="si32"), t(1, s, d)))
    n = [0]

    def linear(x, name, rows, cols, bias=False):
        """x [1, s, cols] -> [1, s, rows] through W[rows, cols]."""
        res[name] = weight(rng, rows, cols)
        n[0] += 1
        k = n[0]
        w("  %%w%d = coreai.constant dense_resource<%s> : %s\n" % (k, name, t(rows, cols)))
        w("  %%wt%d = coreai.transpose %%w%d, %%perm : (%s, tensor<2xui32>) -> %s\n" % (k, k, t(rows, cols), t(cols, rows)))
        w("  %%mm%d = coreai.decomposable.broadcasting_batch_matmul %s, %%wt%d : (%s, %s) -> %s\n"
          % (k, x, k, t(1, s, cols), t(cols, rows), t(1, s, rows)))
        if not bias:
            return "%%mm%d" % k
        b = (rng.standard_normal(rows) * 0.02).astype(np.float16)
        w("  %%b%d = coreai.constant dense<[%s]> : %s\n" % (k, ", ".join("%.6e" % x for x in b), t(rows)))
        w("  %%y%d = coreai.decomposable.broadcasting_add %%mm%d, %%b%d : (%s, %s) -> %s\n"
          % (k, k, k, t(1, s, rows), t(rows), t(1, s, rows)))
        return "%%y%d" % k

    x = "%h0"
    for layer in range(args.layers):
        q = linear(x, "l%d_q" % layer, d, d)
        kk = linear(x, "l%d_k" % layer, d, d)
        vv = linear(x, "l%d_v" % layer, d, d)
        w("  %%qk%d = coreai.decomposable.broadcasting_add %s, %s : (%s, %s) -> %s\n" % (layer, q, kk, t(1, s, d), t(1, s, d), t(1, s, d)))
        w("  %%qkv%d = coreai.decomposable.broadcasting_add %%qk%d, %s : (%s, %s) -> %s\n" % (layer, layer, vv, t(1, s, d), t(1, s, d), t(1, s, d)))
        o = linear("%%qkv%d" % layer, "l%d_o" % layer, d, d, bias=True)
        w("  %%r%d = coreai.decomposable.broadcasting_add %s, %s : (%s, %s) -> %s\n" % (layer, x, o, t(1, s, d), t(1, s, d), t(1, s, d)))
        g = linear("%%r%d" % layer, "l%d_gate" % layer, h, d)
        u = linear("%%r%d" % layer, "l%d_up" % layer, h, d)
        w("  %%act%d = coreai.silu %s : %s -> %s\n" % (layer, g, t(1, s, h), t(1, s, h)))
        w("  %%gu%d = coreai.decomposable.broadcasting_mul %%act%d, %s : (%s, %s) -> %s\n" % (layer, layer, u, t(1, s, h), t(1, s, h), t(1, s, h)))
        dn = linear("%%gu%d" % layer, "l%d_down" % layer, d, h)
        w("  %%x%d = coreai.decomposable.broadcasting_add %%r%d, %s : (%s, %s) -> %s\n" % (layer, layer, dn, t(1, s, d), t(1, s, d), t(1, s, d)))
        x = "%%x%d" % layer
    # A conv2d branch.
    res["conv"] = (rng.laplace(0, 0.1, size=(32, 16 * 9)) *
                   np.exp(rng.normal(0, 0.5, size=(32, 1)))).astype(np.float16)
    w("  %%cw = coreai.constant dense_resource<conv> : %s\n" % t(32, 16, 3, 3))
    w("  %stride = coreai.constant dense<1> : tensor<2xui32>\n")
    w("  %groups = coreai.constant dense<1> : tensor<ui32>\n")
    w("  %%conv = coreai.conv2d %%image, %%cw, %%stride, %%stride, %%groups : (%s, %s, tensor<2xui32>, tensor<2xui32>, tensor<ui32>) -> %s\n"
      % (t(1, 16, 16, 16), t(32, 16, 3, 3), t(1, 32, 14, 14)))
    w("  %%feat = coreai.relu %%conv : (%s) -> %s\n" % (t(1, 32, 14, 14), t(1, 32, 14, 14)))
    w("  coreai.output %s, %%feat : %s, %s\n}\n" % (x, t(1, s, d), t(1, 32, 14, 14)))
    w("{-# dialect_resources: { builtin: {\n")
    w(",\n".join('  %s: "%s"' % (k, blob(a.astype("<f2").tobytes(), 16)) for k, a in res.items()))
    w("\n} } #-}\n")
    with replace_when_done(args.out) as f:
        f.write(out.getvalue())


if __name__ == "__main__":
    main()
