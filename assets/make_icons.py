#!/usr/bin/env python3
"""Draws the app icon (a dossier page with a bar chart) at the sizes desktops use.

Pure Python, no imaging library: shapes are rasterised with 4x4 supersampling and
written as RGBA PNGs. Run from the repository root: python3 assets/make_icons.py
"""
import struct
import zlib

SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
NAVY = (24, 54, 96)
PAPER = (250, 248, 242)
INK = (120, 130, 145)
AMBER = (230, 159, 0)
BLUE = (0, 114, 178)


def inside_round_rect(x, y, x0, y0, x1, y1, r):
    if x < x0 or x > x1 or y < y0 or y > y1:
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def colour_at(x, y):
    """The colour at a point of the unit square, or None outside the icon."""
    if not inside_round_rect(x, y, 0.03, 0.03, 0.97, 0.97, 0.18):
        return None
    # The page, with its top-right corner folded.
    page = inside_round_rect(x, y, 0.22, 0.12, 0.78, 0.88, 0.03) and (x - 0.62) - (y - 0.12) < 0.0 or (
        inside_round_rect(x, y, 0.22, 0.12, 0.78, 0.88, 0.03) and y > 0.28)
    fold = 0.62 <= x <= 0.78 and 0.12 <= y <= 0.28 and (x - 0.62) - (y - 0.12) >= 0.0 and (x - 0.62) - (y - 0.12) <= 0.02
    if page:
        for top in (0.22, 0.30, 0.38):
            if 0.30 <= x <= (0.56 if top == 0.22 else 0.70) and top <= y <= top + 0.035:
                return INK
        for left, height, colour in ((0.32, 0.22, BLUE), (0.45, 0.34, AMBER), (0.58, 0.28, BLUE)):
            if left <= x <= left + 0.09 and 0.78 - height <= y <= 0.78:
                return colour
        return PAPER
    if fold:
        return INK
    return NAVY


def render(size):
    rows = []
    samples = 4
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            total = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    c = colour_at((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)
                    if c:
                        total[0] += c[0]; total[1] += c[1]; total[2] += c[2]; total[3] += 255
            covered = total[3] / 255
            if covered:
                row += bytes([round(total[0] / covered), round(total[1] / covered), round(total[2] / covered),
                              round(total[3] / samples ** 2)])
            else:
                row += bytes(4)
        rows.append(bytes(row))
    return b''.join(rows)


def png(size, pixels):
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    header = struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(pixels, 9)) + chunk(b'IEND', b'')


for size in SIZES:
    with open(f'assets/icons/dossier-workbench-{size}.png', 'wb') as out:
        out.write(png(size, render(size)))
