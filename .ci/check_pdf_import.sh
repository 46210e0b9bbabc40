#!/usr/bin/env bash
# Written questions imported from PDFs made here and now, as a user gets them: the five
# seed texts printed by LibreOffice, and a page with a real table printed by headless
# Chromium (its cells come out one to a line, as in the Parliament's documents). Each PDF
# must read as the text it was made from: the same number, sub-questions and tables.
set -euo pipefail
app="$1"
work=$(mktemp -d)
cp tests/seeds/*.txt tests/corpus/*.txt "$work/"
timeout 300 soffice --headless --convert-to pdf --outdir "$work" "$work"/*.txt >/dev/null 2>&1
chromium_flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
    --disable-background-networking --disable-component-update --disable-sync --no-pdf-header-footer)
timeout 120 chromium "${chromium_flags[@]}" --user-data-dir="$(mktemp -d)" \
    --print-to-pdf="$work/table.pdf" "file://$PWD/tests/pdf/q87_chromium_table.html" 2>/dev/null
for text in "$work"/*.txt; do
    pdf="${text%.txt}.pdf"
    [ -s "$pdf" ] || { echo "LibreOffice made no PDF of $(basename "$text")"; exit 1; }
    "$app" import "$text" >"$work/from_text.json" 2>/dev/null
    "$app" import "$pdf" >"$work/from_pdf.json" 2>/dev/null
    python3 - "$work/from_text.json" "$work/from_pdf.json" "$(basename "$pdf")" <<'PY'
import json, sys
text, pdf, name = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
def facts(d):
    q = d["question"]
    tables = [(t["kind"], len(t["rows"]), t.get("totals")) for t in d["tables"]]
    answer = q.get("answer") or {}
    return (q.get("number"), q.get("date"), q.get("title"), [s["label"] for s in q["sub_questions"]],
            [(p["printed_label"], p["covers"]) for p in answer.get("parts", [])], tables)
a, b = facts(text), facts(pdf)
if a != b:
    sys.exit(f"{name}: the PDF reads differently from its text:\n  text {a}\n  pdf  {b}")
print(f"   {name}: question {a[0]}, {len(a[3])} sub-questions, {len(a[5])} tables, as its text")
PY
done
"$app" import "$work/table.pdf" >"$work/table.json" 2>/dev/null
python3 - "$work/table.json" <<'PY'
import json, sys
table = json.load(open(sys.argv[1]))["tables"][0]
kinds = [c["kind"] for c in table["columns"]]
assert kinds == ["year", "integer", "integer", "percent", "euro"], kinds
assert table["totals"][4] == "1256620.40" and table["printed_totals"][2] == "120", table
assert any("2021" in c for c in table["checks"]), table["checks"]
print("   Chromium's table: 4 rows, totals exact, the printed total and the ratio that disagree flagged")
PY
