"""Helpers for scripts that write Core AI programs: resource blob text and
the LSB-first packing of sub-byte payloads (docs/compression.md section 5)."""
import struct


def blob(data: bytes, align: int = 1) -> str:
    """The text of a dialect_resources blob: alignment (u32 LE), then bytes."""
    return "0x" + struct.pack("<I", align).hex().upper() + data.hex().upper()


def pack(codes, bits: int) -> bytes:
    """Packs `bits`-wide codes as one LSB-first bit stream."""
    out = bytearray((len(codes) * bits + 7) // 8)
    for i, c in enumerate(codes):
        pos = i * bits
        out[pos // 8] |= (c << (pos % 8)) & 0xFF
        if pos % 8 + bits > 8:
            out[pos // 8 + 1] |= c >> (8 - pos % 8)
    return bytes(out)
