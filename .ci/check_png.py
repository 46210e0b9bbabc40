#!/usr/bin/env python3
"""Checks that a PNG is a real picture of a window: the expected size, and not blank
(many colours, no single colour covering nearly everything). Pure Python.

usage: check_png.py WIDTH HEIGHT FILE...
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


def main():
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
        for row in rows[::4]:
            for x in range(0, len(row), step * 4):
                colour = row[x:x + 3]
                counts[colour] = counts.get(colour, 0) + 1
        total = sum(counts.values())
        commonest = max(counts.values()) / total
        verdict = 'ok'
        if (w, h) != (width, height):
            verdict = f'wrong size {w}x{h}'
        elif len(counts) < 40 or commonest > 0.97:
            verdict = 'blank'
        print(f'{path}: {w}x{h}, {len(counts)} colours, commonest {commonest:.0%}: {verdict}')
        failed |= verdict != 'ok'
    sys.exit(1 if failed else 0)


main()
