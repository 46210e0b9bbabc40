#!/usr/bin/env python3
"""Compares a picture of the window with the stored one, with a tolerance: a layout that
moves (a toolbar that wraps, a grid that shifts, a band left bare) changes far more than
the allowed share of pixels; anti-aliasing does not. Stored at half the size (every
second pixel), which is what is compared.

usage: compare_png.py STORED ACTUAL [STORED ACTUAL ...]
       UPDATE_SNAPSHOTS=1 compare_png.py ...   (stores the actual pictures instead)
"""
import os
import struct
import sys
import zlib

sys.path.insert(0, os.path.dirname(__file__))
from check_png import pixels  # noqa: E402

# A pixel differs when a channel differs by more than this; the pictures differ when
# more than this share of pixels do.
CHANNEL = 48
SHARE = 0.005


def halved(path):
    """Every second pixel of every second row, as RGB: what is stored and compared, a
    quarter of the picture's size."""
    w, h, step, rows = pixels(path)
    out = []
    for y in range(0, h, 2):
        row = rows[y]
        out.append(b''.join(row[x * step:x * step + 3] for x in range(0, w, 2)))
    return (w + 1) // 2, (h + 1) // 2, out


def store(path, picture):
    w, h, rows = picture
    raw = b''.join(b'\x00' + row for row in rows)

    def chunk(kind, body):
        return struct.pack('>I', len(body)) + kind + body + struct.pack('>I', zlib.crc32(kind + body))

    header = struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)
    with open(path, 'wb') as out:
        out.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))


def compare(stored, actual):
    sw, sh, _, srows = pixels(stored)
    aw, ah, arows = halved(actual)
    if (sw, sh) != (aw, ah):
        return f'size {aw * 2}x{ah * 2}, stored {sw * 2}x{sh * 2}'
    differing = 0
    box = None
    for y in range(sh):
        srow, arow = srows[y], arows[y]
        for x in range(sw):
            s = srow[x * 3:x * 3 + 3]
            a = arow[x * 3:x * 3 + 3]
            if max(abs(s[i] - a[i]) for i in range(3)) > CHANNEL:
                differing += 1
                box = (x, y, x, y) if box is None else (min(box[0], x), min(box[1], y), max(box[2], x), max(box[3], y))
    share = differing / (sw * sh)
    if share > SHARE:
        return f'{share:.2%} of the pixels differ, within x {2 * box[0]}–{2 * box[2]}, y {2 * box[1]}–{2 * box[3]}'
    return None


def main():
    pairs = list(zip(sys.argv[1::2], sys.argv[2::2]))
    failed = False
    for stored, actual in pairs:
        if os.environ.get('UPDATE_SNAPSHOTS') == '1':
            store(stored, halved(actual))
            print(f'{stored}: stored anew')
            continue
        if not os.path.exists(stored):
            print(f'{stored}: no stored picture (make one with UPDATE_SNAPSHOTS=1 .ci/check_snapshots.sh)')
            failed = True
            continue
        problem = compare(stored, actual)
        print(f'{os.path.basename(stored)}: {problem or "as stored"}')
        failed |= problem is not None
    sys.exit(1 if failed else 0)


main()
