"""Writes a Core AI program holding a 1024x1024 ui4 constant.

`--packed` stores it as a packed dense_resource blob (two codes per byte);
otherwise as an inline dense attribute (which MLIR keeps at one byte per
element).
"""
import sys

N = 1024
codes = [(i * 7 + (i >> 10) * 3) % 16 for i in range(N * N)]
print("coreai.graph @main() -> tensor<1024x1024xui4> {")
if "--packed" in sys.argv:
    print("  %0 = coreai.constant dense_resource<w> : tensor<1024x1024xui4>")
    print("  coreai.output %0 : tensor<1024x1024xui4>")
    print("}")
    packed = bytes(codes[i] | (codes[i + 1] << 4) for i in range(0, N * N, 2))
    print('{-# dialect_resources: { builtin: { w: "0x01000000'
          + packed.hex().upper() + '" } } #-}')
else:
    raw = bytes(codes)
    print('  %0 = coreai.constant dense<"0x' + raw.hex().upper()
          + '"> : tensor<1024x1024xui4>')
    print("  coreai.output %0 : tensor<1024x1024xui4>")
    print("}")
