#!/usr/bin/env python3
"""Writes docs/examples/compressed-mlp.mlir: a small, synthetic Core AI program
whose weights are already compressed (an int4 per-block linear layer, a 2-bit
palettized embedding table and a 50% sparse conv2d), in real Core AI syntax.

Deterministic: the same script always writes the same file. Pure Python (no
numpy), so it runs on a fresh machine. The committed file is its output printed
once by coreai-opt (canonical float spelling and resource order):

  utils/make_example.py /tmp/raw.mlir
  build/bin/coreai-opt /tmp/raw.mlir -o docs/examples/compressed-mlp.mlir
"""
import io
import random
import struct
import sys

from atomic_output import replace_when_done
from coreai_blobs import blob, pack

rng = random.Random(2026)




def f16s(values):
    return struct.pack("<%de" % len(values), *values)


def f16_literal(values):
    return "[" + ", ".join("%.6e" % v for v in values) + "]"


resources = {}

# Embedding table [16, 64], 2-bit per-tensor palette.
emb_idx = [rng.randrange(4) for _ in range(16 * 64)]
resources["embedding_indices"] = blob(pack(emb_idx, 2))
emb_lut = [-0.75, -0.25, 0.25, 0.75]

# Linear [16, 64], int4 symmetric per-block (32): codes in [-7, 7].
lin_q = [rng.randint(-7, 7) for _ in range(16 * 64)]
resources["linear_q"] = blob(pack([c & 0xF for c in lin_q], 4))
lin_scale = [round(rng.uniform(0.01, 0.05), 4) for _ in range(16 * 2)]
resources["linear_scale"] = blob(f16s(lin_scale), 16)

# Conv [8, 4, 3, 3], 50% unstructured sparsity.
n = 8 * 4 * 3 * 3
mask = [0] * n
for i in rng.sample(range(n), n // 2):
    mask[i] = 1
values = [round(rng.gauss(0, 0.2), 3) or 0.125 for _ in range(n // 2)]
resources["conv_mask"] = blob(pack(mask, 1))
resources["conv_values"] = blob(f16s(values), 16)

bias = [round(rng.uniform(-0.1, 0.1), 3) for _ in range(16)]

out = sys.stdout if len(sys.argv) < 2 else io.StringIO()
w = out.write
w("""module {
  coreai.graph @main(%arg0: tensor<1x4xsi32> {coreai.name = "ids"}, %arg1: tensor<1x4x8x8xf16> {coreai.name = "image"}) -> (tensor<1x4x16xf16> {coreai.name = "relu"}, tensor<1x8x6x6xf16> {coreai.name = "convolution"}) {
    %0 = coreai.constant dense_resource<embedding_indices> : tensor<16x64xui2>
    %1 = coreai.constant dense<0> : tensor<si16>
    %2 = coreai.constant dense<[[[[@LUT@]]]]> : tensor<1x1x4x1xf16>
    %3 = coreai.lut_to_dense %0, %2, %1 : (tensor<16x64xui2>, tensor<1x1x4x1xf16>, tensor<si16>) -> tensor<16x64xf16>
    %4 = coreai.constant dense<[1, 4, 1]> : tensor<3xui32>
    %5 = coreai.reshape %arg0, %4 : (tensor<1x4xsi32>, tensor<3xui32>) -> tensor<1x4x1xsi32>
    %6 = coreai.gather_nd %3 at %5 : (tensor<16x64xf16>, tensor<1x4x1xsi32>) to tensor<1x4x64xf16>
    %7 = coreai.constant dense_resource<linear_q> : tensor<16x64xsi4>
    %8 = coreai.constant dense_resource<linear_scale> : tensor<16x2xf16>
    %9 = coreai.constant dense<0> : tensor<16x2xsi4>
    %10 = coreai.constant dense<0.000000e+00> : tensor<16x2xf16>
    %11 = coreai.blockwise_shift_scale %7, %8, %9, %10 : (tensor<16x64xsi4>, tensor<16x2xf16>, tensor<16x2xsi4>, tensor<16x2xf16>) -> tensor<16x64xf16>
    %12 = coreai.constant dense<[1, 0]> : tensor<2xui32>
    %13 = coreai.transpose %11, %12 : (tensor<16x64xf16>, tensor<2xui32>) -> tensor<64x16xf16>
    %14 = coreai.decomposable.broadcasting_batch_matmul %6, %13 : (tensor<1x4x64xf16>, tensor<64x16xf16>) -> tensor<1x4x16xf16>
    %15 = coreai.constant dense<@BIAS@> : tensor<16xf16>
    %16 = coreai.decomposable.broadcasting_add %14, %15 : (tensor<1x4x16xf16>, tensor<16xf16>) -> tensor<1x4x16xf16>
    %17 = coreai.relu %16 : (tensor<1x4x16xf16>) -> tensor<1x4x16xf16>
    %18 = coreai.constant dense_resource<conv_values> : tensor<@NV@xf16>
    %19 = coreai.constant dense_resource<conv_mask> : tensor<8x4x3x3xui1>
    %20 = coreai.build_sparse_with_bitmask %18, %19 : (tensor<@NV@xf16>, tensor<8x4x3x3xui1>) -> !coreai.sparse_with_bitmask<tensor<8x4x3x3xf16>>
    %21 = coreai.sparse_with_bitmask_to_dense %20 : !coreai.sparse_with_bitmask<tensor<8x4x3x3xf16>> -> tensor<8x4x3x3xf16>
    %22 = coreai.constant dense<1> : tensor<2xui32>
    %23 = coreai.constant dense<1> : tensor<ui32>
    %24 = coreai.conv2d %arg1, %21, %22, %22, %23 : (tensor<1x4x8x8xf16>, tensor<8x4x3x3xf16>, tensor<2xui32>, tensor<2xui32>, tensor<ui32>) -> tensor<1x8x6x6xf16>
    coreai.output %17, %24 : tensor<1x4x16xf16>, tensor<1x8x6x6xf16>
  }
}
""".replace("@LUT@", "], [".join("%.6e" % v for v in emb_lut))
  .replace("@BIAS@", f16_literal(bias)).replace("@NV@", str(n // 2)))
w("{-#\n  dialect_resources: {\n    builtin: {\n")
w(",\n".join('      %s: "%s"' % kv for kv in resources.items()))
w("\n    }\n  }\n#-}\n")
if out is not sys.stdout:
    with replace_when_done(sys.argv[1]) as f:
        f.write(out.getvalue())
