#!/usr/bin/env python3
"""Checks that a PNG is a real picture of a window: the expected size, and not blank
(many colours, no single colour covering nearly everything). Pure Python.

usage: check_png.py WIDTH HEIGHT FILE...
       check_png.py --chart FILE...   (any size; the bar colours of the indicator chart
                                       must be there)
       check_png.py --filled WIDTH HEIGHT FILE...
                                      (a picture of the whole screen: no black band at
                                       the right or the bottom, where a window drawn at
                                       its old size would leave the screen bare)
"""
import struct
import sys
import zlib


def pixels(path):
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError('not a PNG')
    at, idat = 8, []
    while at < len(data):
        size, kind = struct.unpack('>I4s', data[at:at + 8])
        body = data[at + 8:at + 8 + size]
        at += size + 12
        if kind == b'IHDR':
            width, height, depth, colour, _, _, interlace = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat.append(body)
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f'unexpected PNG layout: depth {depth}, colour type {colour}')
    step = 4 if colour == 6 else 3
    stride = width * step
    raw = zlib.decompress(b''.join(idat))
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        kind = raw[y * (stride + 1)]
        row = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = row[i - step] if i >= step else 0
            up = previous[i]
            corner = previous[i - step] if i >= step else 0
            if kind == 1:
                row[i] = (row[i] + left) & 255
            elif kind == 2:
                row[i] = (row[i] + up) & 255
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                row[i] = (row[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(row))
        previous = row
    return width, height, step, rows


# The target and actual bars of the indicator chart (light theme), as drawn.
CHART_COLOURS = {'target grey': bytes((200, 200, 200)), 'actual blue': bytes((0, 114, 178))}


def black_band(w, h, step, rows):
    """The side of the screen whose last twentieth is one dark colour, if any: what is
    left bare beside a window drawn at a smaller size than it has."""
    band_w, band_h = max(1, w // 20), max(1, h // 20)

    def bare(colours):
        return len(colours) == 1 and max(next(iter(colours))) < 40

    right = {row[x * step:x * step + 3] for row in rows[::8] for x in range(w - band_w, w, 4)}
    bottom = {row[x * step:x * step + 3] for row in rows[h - band_h:] for x in range(0, w, 8)}
    return 'right' if bare(right) else 'bottom' if bare(bottom) else None


def main():
    chart = sys.argv[1] == '--chart'
    filled = sys.argv[1] == '--filled'
    if chart:
        width = height = None
        files = sys.argv[2:]
    elif filled:
        width, height, files = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
    else:
        width, height, files = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    failed = False
    for path in files:
        try:
            w, h, step, rows = pixels(path)
        except (OSError, ValueError, zlib.error) as error:
            print(f'{path}: {error}')
            failed = True
            continue
        counts = {}
        every = 1 if chart else 4
        for row in rows[::every]:
            for x in range(0, len(row), step * every):
                colour = row[x:x + 3]
                counts[colour] = counts.get(colour, 0) + 1
        total = sum(counts.values())
        commonest = max(counts.values()) / total
        verdict = 'ok'
        missing = [name for name, colour in CHART_COLOURS.items() if chart and counts.get(colour, 0) < 200]
        if not chart and (w, h) != (width, height):
            verdict = f'wrong size {w}x{h}'
        elif chart and not (400 <= w <= 1600 and 300 <= h <= 1000):
            verdict = f'unlikely size {w}x{h} for the chart alone'
        elif len(counts) < 40 or commonest > 0.97:
            verdict = 'blank'
        elif missing:
            verdict = 'no bars in ' + ', '.join(missing)
        elif filled and black_band(w, h, step, rows):
            verdict = f'a black band at the {black_band(w, h, step, rows)}: the window is not drawn full size'
        print(f'{path}: {w}x{h}, {len(counts)} colours, commonest {commonest:.0%}: {verdict}')
        failed |= verdict != 'ok'
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
