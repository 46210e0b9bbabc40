#!/usr/bin/env bash
# 100 000 budget rows from a file to CSV, against LibreOffice Calc doing the same: our
# `export --csv` of a dossier that holds only that table, against `soffice --headless
# --convert-to csv` of the same rows as CSV. Whole processes, started alternately, five
# times each after one warm-up run each; the median time and the median peak memory.
# Usage: .ci/bench_calc.sh APP (the release build). Needs LibreOffice and /usr/bin/time.
set -euo pipefail
app=$1
rows=${ROWS:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" && mkdir -p "$HOME"

"$app" generate "$work/rijen.dossier.json" --questions 1 --budget-rows "$rows" --members 1 --indicators 1 --seed 7 >/dev/null
"$app" export "$work/rijen.dossier.json" --csv 1 "$work/rijen.csv" --lang nl >/dev/null
mkdir -p "$work/calc"

ours() {
    /usr/bin/time -f "%e %M" -o "$work/t" "$app" export "$work/rijen.dossier.json" --csv 1 "$work/uit.csv" --lang nl >/dev/null
    cat "$work/t"
}
calc() {
    # The file as Calc reads a Belgian CSV: semicolons, double quotes, UTF-8.
    /usr/bin/time -f "%e %M" -o "$work/t" soffice --headless --infilter="CSV:59,34,76,1" \
        --convert-to csv --outdir "$work/calc" "$work/rijen.csv" >/dev/null 2>&1
    cat "$work/t"
}
ours >/dev/null
calc >/dev/null
: >"$work/ours" && : >"$work/calc.times"
for _ in 1 2 3 4 5; do
    ours >>"$work/ours"
    calc >>"$work/calc.times"
done
# Both wrote every row: the header and one line per row.
test "$(wc -l <"$work/uit.csv")" -gt "$rows"
test "$(wc -l <"$work/calc/rijen.csv")" -gt "$rows"

median() { sort -n -k"$2" "$1" | awk -v k="$2" 'NR == 3 { print $k }'; }
our_time=$(median "$work/ours" 1)
our_memory=$(median "$work/ours" 2)
calc_time=$(median "$work/calc.times" 1)
calc_memory=$(median "$work/calc.times" 2)
echo
echo "| $rows budget rows to CSV, whole process (median of 5) | seconds | peak memory |"
echo "|---|---:|---:|"
printf '| dossier-workbench export --csv | %.2f | %d MB |\n' "$our_time" $((our_memory / 1024))
printf '| soffice --headless --convert-to csv | %.2f | %d MB |\n' "$calc_time" $((calc_memory / 1024))
awk -v a="$calc_time" -v b="$our_time" -v m="$calc_memory" -v n="$our_memory" \
    'BEGIN { printf "| Calc against dossier-workbench | %.1f× the time | %.1f× the memory |\n", a / b, m / n }'
