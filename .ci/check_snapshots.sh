#!/usr/bin/env bash
# Pictures of the window compared with stored ones (tests/snapshots/), with a tolerance:
# every tab in English and Dutch at 1600x1000, and presenting at 1920x1080 and 1366x768.
# A layout that moves fails here. The day is fixed, so that the board's composition and
# the deadlines read the same every day. After a change meant to be seen, store the new
# pictures with UPDATE_SNAPSHOTS=1 .ci/check_snapshots.sh [APP], look at them, commit them.
set -euo pipefail
app=${1:-${CARGO_TARGET_DIR:-target}/debug/dossier-workbench}
stored=tests/snapshots
shots=$(mktemp -d)
mkdir -p "$stored"
XDG_DATA_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d) && export XDG_DATA_HOME XDG_CONFIG_HOME
pairs=()
shoot() { # NAME SCREEN LOCALE ARGS...
    local name=$1 screen=$2 locale=$3
    shift 3
    LANG=$locale LC_ALL=$locale timeout 120 xvfb-run -a -s "-screen 0 ${screen}x24" \
        "$app" --today 2026-12-01 --screenshot "$shots/$name.png" "$@"
    pairs+=("$stored/$name.png" "$shots/$name.png")
}
for language in en:en_GB.UTF-8 nl:nl_BE.UTF-8; do
    for tab in timeline budget board indicators; do
        shoot "${language%%:*}-$tab" 1600x1000 "${language#*:}" --tab "$tab"
    done
done
shoot present-1920x1080 1920x1080 en_GB.UTF-8 --present --tab budget
shoot present-1366x768 1366x768 en_GB.UTF-8 --present --tab board
python3 .ci/compare_png.py "${pairs[@]}"
