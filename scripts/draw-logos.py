#!/usr/bin/env python3
"""Draws Kindling's kernelspec logos (a flame over a spark), written as small RGBA PNGs.

The PNGs are committed under kernel-core/src/main/resources/dev/kindling/kernel/kernelspec/;
run this again only to change the drawing:  python3 scripts/draw-logos.py
"""

import math
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "kernel-core/src/main/resources/dev/kindling/kernel/kernelspec"


def flame(u: float, v: float) -> tuple[float, float, float, float]:
    """Colour at (u, v) in the unit square, v pointing down; alpha 0 outside the shape."""
    # A teardrop: a circle at the bottom, narrowing to a point at the top.
    cx, cy, r = 0.5, 0.64, 0.30
    dy = v - cy
    if dy >= 0:
        inside = (u - cx) ** 2 + dy**2 <= r**2
        width = math.sqrt(max(r**2 - dy**2, 0.0))
    else:
        t = -dy / (cy - 0.06)  # 0 at the circle's centre, 1 at the tip
        width = r * (1 - t) ** 1.4 if t < 1 else 0.0
        bend = 0.08 * math.sin(t * math.pi)  # a little flicker to the right
        inside = abs(u - (cx + bend)) <= width
    if not inside:
        return (0, 0, 0, 0)
    # Hot core: yellow in the lower middle, orange-red towards the edges and the tip.
    core = math.hypot((u - cx) / 0.16, (v - 0.72) / 0.22)
    heat = max(0.0, 1.0 - core)
    red, green, blue = 0.93, 0.30 + 0.55 * heat, 0.08 + 0.25 * heat
    return (red, green, blue, 1.0)


def png(size: int) -> bytes:
    samples = 4  # 4x4 supersampling for smooth edges
    rows = []
    for y in range(size):
        row = bytearray([0])  # filter type: none
        for x in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sy in range(samples):
                for sx in range(samples):
                    r, g, b, a = flame((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size)
                    acc = [acc[0] + r * a, acc[1] + g * a, acc[2] + b * a, acc[3] + a]
            alpha = acc[3] / samples**2
            colour = [c / acc[3] if acc[3] else 0.0 for c in acc[:3]]
            row += bytes(round(255 * c) for c in colour) + bytes([round(255 * alpha)])
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (32, 64):
        path = OUT / f"logo-{size}x{size}.png"
        path.write_bytes(png(size))
        print(f"wrote {path}")
