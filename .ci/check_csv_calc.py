#!/usr/bin/env python3
"""Opens an exported CSV in LibreOffice Calc the way a Belgian user does (Dutch (Belgium)
locale, the file's own separator and encoding) and checks that the amounts arrive as
numbers with the exact totals, and the text with its accents.

usage: check_csv_calc.py FILE.csv COLUMN=TOTAL... [TEXT...]
       check_csv_calc.py --no-formulas FILE.csv COLUMN=TOTAL... [TEXT...]
                          (no cell may arrive as a formula, whatever the file holds)
"""
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

NS = {
    'table': 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
    'office': 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
    'text': 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
}
OFFICE = '{%s}' % NS['office']
TABLE = '{%s}' % NS['table']


def cells(row):
    for cell in row.findall('table:table-cell', NS):
        repeat = int(cell.get(TABLE + 'number-columns-repeated', '1'))
        for _ in range(min(repeat, 64)):
            yield cell


def main():
    no_formulas = sys.argv[1] == '--no-formulas'
    arguments = sys.argv[2:] if no_formulas else sys.argv[1:]
    csv, expectations = Path(arguments[0]), arguments[1:]
    totals = dict(e.split('=', 1) for e in expectations if '=' in e)
    texts = [e for e in expectations if '=' not in e]
    with tempfile.TemporaryDirectory() as out:
        # 59 = ';', 34 = '"', 76 = UTF-8, from line 1, language 2067 = Dutch (Belgium).
        subprocess.run(['soffice', '--headless', '--infilter=CSV:59,34,76,1,,2067',
                        '--convert-to', 'fods', '--outdir', out, str(csv)],
                       check=True, capture_output=True, timeout=300)
        sheet = ET.parse(Path(out) / (csv.stem + '.fods'))
    rows = sheet.getroot().findall('.//table:table-row', NS)
    header = [''.join(c.itertext()).strip() for c in cells(rows[0])]
    failed = False
    if no_formulas:
        for number, row in enumerate(rows, start=1):
            for cell in cells(row):
                if cell.get(TABLE + 'formula') is not None:
                    print(f'{csv}: line {number}: a formula, {cell.get(TABLE + "formula")}')
                    failed = True
    for name, expected in totals.items():
        column = header.index(name)
        total = Decimal(0)
        for number, row in enumerate(rows[1:], start=2):
            values = list(cells(row))
            if column >= len(values):
                continue
            cell = values[column]
            kind = cell.get(OFFICE + 'value-type')
            if kind is None:
                continue
            if kind != 'float':
                print(f'{csv}: line {number}, {name}: arrived as {kind} "{"".join(cell.itertext())}", not as a number')
                failed = True
                continue
            total += Decimal(cell.get(OFFICE + 'value'))
        verdict = 'ok' if total == Decimal(expected) else f'expected {expected}'
        print(f'{csv}: {name}: the numbers add up to {total}: {verdict}')
        failed |= total != Decimal(expected)
    everything = ''.join(sheet.getroot().itertext())
    for text in texts:
        found = text in everything
        print(f'{csv}: "{text}" {"arrives intact" if found else "is missing or garbled"}')
        failed |= not found
    sys.exit(1 if failed else 0)


main()
