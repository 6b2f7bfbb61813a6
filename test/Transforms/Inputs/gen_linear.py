"""Writes a program with two large f16 linear weights (Student-t values, one
outlier row, one all-zero row) so that passes split work across constants and
inside each one. Usage: gen_linear.py [rows] [cols] [seed]"""
import os
import random
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "utils"))
from coreai_blobs import blob  # noqa: E402

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 256
cols = int(sys.argv[2]) if len(sys.argv) > 2 else 1024
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)


def weight():
    w = []
    for r in range(rows):
        scale = 0.0 if r == 5 else (0.5 if r == 3 else 0.02)
        w += [scale * rng.gauss(0, 1) / max(0.3, abs(rng.gauss(0, 1))) ** 0.5
              for _ in range(cols)]
    return blob(struct.pack("<%de" % len(w), *w), 16)


t = "tensor<%dx%dxf16>" % (rows, cols)
tt = "tensor<%dx%dxf16>" % (cols, rows)
print("coreai.graph @main(%%x: tensor<2x%dxf16>) -> tensor<2x%dxf16> {" % (cols, cols))
print("  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>")
print("  %%w1 = coreai.constant dense_resource<w1> : %s" % t)
print("  %%t1 = coreai.transpose %%w1, %%perm : (%s, tensor<2xui32>) -> %s" % (t, tt))
print("  %%h = coreai.decomposable.broadcasting_batch_matmul %%x, %%t1 : (tensor<2x%dxf16>, %s) -> tensor<2x%dxf16>" % (cols, tt, rows))
print("  %%w2 = coreai.constant dense_resource<w2> : %s" % t)
print("  %%y = coreai.decomposable.broadcasting_batch_matmul %%h, %%w2 : (tensor<2x%dxf16>, %s) -> tensor<2x%dxf16>" % (rows, t, cols))
print("  coreai.output %%y : tensor<2x%dxf16>" % cols)
print("}")
print("{-# dialect_resources: { builtin: {")
print('  w1: "%s",' % weight())
print('  w2: "%s"' % weight())
print("} } #-}")
