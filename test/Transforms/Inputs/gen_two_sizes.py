"""Writes a program with a large f16 weight whose worst output channel is
poor at 4 bits (one channel of heavy outliers) and a small, well-behaved one,
for the objectives of the automatic choice. Usage: gen_two_sizes.py"""
import os
import random
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "utils"))
from coreai_blobs import blob  # noqa: E402

rng = random.Random(5)


def weight(rows, cols, heavy_row):
    w = []
    for r in range(rows):
        for _ in range(cols):
            v = rng.gauss(0, 0.02)
            if r == heavy_row and rng.random() < 0.02:
                v *= 40
            w.append(v)
    return blob(struct.pack("<%de" % len(w), *w), 16)


print("coreai.graph @main(%x: tensor<1x512xf16>, %s: tensor<1x64xf16>) -> (tensor<1x256xf16>, tensor<1x32xf16>) {")
print("  %big = coreai.constant dense_resource<big> : tensor<512x256xf16>")
print("  %y = coreai.batch_matmul %x, %big : (tensor<1x512xf16>, tensor<512x256xf16>) -> tensor<1x256xf16>")
print("  %small = coreai.constant dense_resource<small> : tensor<64x32xf16>")
print("  %z = coreai.batch_matmul %s, %small : (tensor<1x64xf16>, tensor<64x32xf16>) -> tensor<1x32xf16>")
print("  coreai.output %y, %z : tensor<1x256xf16>, tensor<1x32xf16>")
print("}")
print("{-# dialect_resources: { builtin: {")
print('  big: "%s",' % weight(512, 256, -1))
print('  small: "%s"' % weight(64, 32, -1))
print("} } #-}")
