#!/usr/bin/env bash
# F5 in a window under a real window manager (openbox) must fill the screen: the window
# goes full screen and is drawn at the screen's size, with no bare band left where the
# old window size ended. A bare Xvfb hid this once. At three projector sizes with wgpu,
# and full HD with glow. Each step waits for its condition.
set -euo pipefail
app=$1
shots=$2
present() { # SIZE RENDERER
    local size=$1 renderer=$2 width=${1%x*} height=${1#*x}
    local display=:$((80 + RANDOM % 9)) picture="$shots/present_wm_${1}_$2.png"
    Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp &
    local xvfb=$!
    for _ in $(seq 100); do DISPLAY=$display xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
    DISPLAY=$display openbox >/dev/null 2>&1 &
    local openbox=$!
    DISPLAY=$display "$app" --renderer "$renderer" --tab budget >/dev/null 2>&1 &
    local window_app=$!
    local window
    window=$(DISPLAY=$display timeout 120 xdotool search --sync --name "Dossier Workbench" | head -1)
    DISPLAY=$display xdotool windowactivate --sync "$window"
    DISPLAY=$display xdotool key --window "$window" F5
    # Full screen once the window manager says so; a minute at most.
    for _ in $(seq 120); do
        DISPLAY=$display xprop -id "$window" _NET_WM_STATE | grep -q FULLSCREEN && break
        sleep 0.5
    done
    DISPLAY=$display xprop -id "$window" _NET_WM_STATE | grep -q FULLSCREEN ||
        { echo "$size $renderer: F5 did not make the window full screen"; return 1; }
    # Drawn full size when the screen's picture has settled (two alike in a row) and
    # passes; waited for, half a minute at most.
    rm -f "$picture.before"
    for _ in $(seq 60); do
        DISPLAY=$display import -window root -depth 8 -strip "png24:$picture"
        # Alike: all but a few pixels (text is drawn anew each frame) the same.
        changed=$(compare -metric AE "$picture" "$picture.before" null: 2>&1 || true)
        if [ "${changed%%[!0-9]*}" -lt $((width * height / 400)) ] 2>/dev/null &&
            python3 .ci/check_png.py --filled "$width" "$height" "$picture" >/dev/null; then
            break
        fi
        cp "$picture" "$picture.before"
        sleep 0.5
    done
    local verdict=0
    python3 .ci/check_png.py --filled "$width" "$height" "$picture" || verdict=1
    kill "$window_app" "$openbox" "$xvfb" 2>/dev/null || true
    wait "$xvfb" 2>/dev/null || true
    return "$verdict"
}
present 1920x1080 wgpu
present 1366x768 wgpu
present 1600x1000 wgpu
present 1920x1080 glow
