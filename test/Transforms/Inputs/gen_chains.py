"""Writes a program with several large compressed weights (int4 per-block,
2-bit LUT, sparse) so that the passes split work across chains and inside
each one."""
import os
import random
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "utils"))
from coreai_blobs import blob, pack  # noqa: E402

rng = random.Random(5)
ROWS, COLS = 256, 1024

n = ROWS * COLS
res = {}
print("coreai.graph @main() -> (tensor<%dx%dxf16>, tensor<%dx%dxf16>, tensor<%dx%dxf16>) {"
      % (ROWS, COLS, ROWS, COLS, ROWS, COLS))
res["q"] = blob(pack([rng.randrange(16) for _ in range(n)], 4))
res["s"] = blob(struct.pack("<%de" % (ROWS * COLS // 32),
                            *[rng.uniform(0.001, 0.1) for _ in range(ROWS * COLS // 32)]), 16)
print("  %%q = coreai.constant dense_resource<q> : tensor<%dx%dxsi4>" % (ROWS, COLS))
print("  %%s = coreai.constant dense_resource<s> : tensor<%dx%dxf16>" % (ROWS, COLS // 32))
print("  %%z = coreai.constant dense<0> : tensor<%dx%dxsi4>" % (ROWS, COLS // 32))
print("  %%o = coreai.constant dense<0.0> : tensor<%dx%dxf16>" % (ROWS, COLS // 32))
print("  %a = coreai.blockwise_shift_scale %q, %s, %z, %o : (tensor<{r}x{c}xsi4>, tensor<{r}x{b}xf16>, tensor<{r}x{b}xsi4>, tensor<{r}x{b}xf16>) -> tensor<{r}x{c}xf16>".format(r=ROWS, c=COLS, b=COLS // 32))
res["i"] = blob(pack([rng.randrange(4) for _ in range(n)], 2))
lut = ", ".join("[[[%f], [%f], [%f], [%f]]]" % tuple(rng.uniform(-1, 1) for _ in range(4))
                for _ in range(ROWS))
print("  %%i = coreai.constant dense_resource<i> : tensor<%dx%dxui2>" % (ROWS, COLS))
print("  %%l = coreai.constant dense<[%s]> : tensor<%dx1x4x1xf16>" % (lut, ROWS))
print("  %ax = coreai.constant dense<0> : tensor<si16>")
print("  %b = coreai.lut_to_dense %i, %l, %ax : (tensor<{r}x{c}xui2>, tensor<{r}x1x4x1xf16>, tensor<si16>) -> tensor<{r}x{c}xf16>".format(r=ROWS, c=COLS))
mask = [1 if rng.random() < 0.5 else 0 for _ in range(n)]
values = [rng.uniform(-1, 1) for _ in range(sum(mask))]
res["m"] = blob(pack(mask, 1))
res["v"] = blob(struct.pack("<%de" % len(values), *values), 16)
print("  %%m = coreai.constant dense_resource<m> : tensor<%dx%dxui1>" % (ROWS, COLS))
print("  %%v = coreai.constant dense_resource<v> : tensor<%dxf16>" % len(values))
print("  %sp = coreai.build_sparse_with_bitmask %v, %m : (tensor<{k}xf16>, tensor<{r}x{c}xui1>) -> !coreai.sparse_with_bitmask<tensor<{r}x{c}xf16>>".format(k=len(values), r=ROWS, c=COLS))
print("  %c = coreai.sparse_with_bitmask_to_dense %sp : !coreai.sparse_with_bitmask<tensor<{r}x{c}xf16>> -> tensor<{r}x{c}xf16>".format(r=ROWS, c=COLS))
print("  coreai.output %a, %b, %c : tensor<{r}x{c}xf16>, tensor<{r}x{c}xf16>, tensor<{r}x{c}xf16>".format(r=ROWS, c=COLS))
print("}")
print("{-# dialect_resources: { builtin: {")
print(",\n".join('  %s: "%s"' % kv for kv in res.items()))
print("} } #-}")
