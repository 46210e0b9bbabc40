#!/usr/bin/env bash
# F5 in a window under a real window manager (openbox) must fill the screen: the window
# goes full screen and is drawn at the screen's size, with no black band left where the
# old window size ended. A bare Xvfb hid this once. Waits for each step by its condition.
set -euo pipefail
app=$1
shots=$2
display=:$((80 + RANDOM % 9))
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp &
xvfb=$!
export DISPLAY=$display
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
for _ in $(seq 100); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
openbox >/dev/null 2>&1 &
"$app" --tab budget >/dev/null 2>&1 &
window=$(timeout 120 xdotool search --sync --name "Dossier Workbench" | head -1)
xdotool windowactivate --sync "$window"
xdotool key --window "$window" F5
# Full screen is reached when the window is the screen's size, and drawn when the
# picture of the screen passes; it is waited for, up to half a minute or so.
for _ in $(seq 60); do
    import -window root -depth 8 "png24:$shots/present_wm.png"
    python3 .ci/check_png.py --filled 1920 1080 "$shots/present_wm.png" >/dev/null && break
    sleep 0.5
done
python3 .ci/check_png.py --filled 1920 1080 "$shots/present_wm.png"
kill "$xvfb"
