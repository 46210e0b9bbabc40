#!/usr/bin/env bash
# F5 in a window under a real window manager (openbox) must fill the screen: the window
# goes full screen and is drawn at the screen's size, with no bare band left where the
# old window size ended. A bare Xvfb hid this once. At three projector sizes with wgpu,
# and full HD with glow. Each step waits for its condition.
set -euo pipefail
app=$1
shots=$2
# A display number no other X server holds (a server left by an earlier run would
# otherwise take this run's window manager and window).
free_display() {
    local n
    for n in $(seq 80 99); do
        [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { echo ":$n"; return 0; }
    done
    echo "no free X display between :80 and :99" >&2
    return 1
}
present() { # SIZE RENDERER
    local size=$1 renderer=$2 width=${1%x*} height=${1#*x}
    local display picture="$shots/present_wm_${1}_$2.png"
    display=$(free_display)
    Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp &
    local xvfb=$! openbox="" window_app=""
    stop_all() { kill $window_app $openbox "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true; }
    for _ in $(seq 100); do DISPLAY=$display xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
    # The window manager is up once it names itself on the root window. On a busy
    # machine that can take a while; one that never comes up is started again.
    local managed=no
    for _ in 1 2 3; do
        DISPLAY=$display openbox >/dev/null 2>&1 &
        openbox=$!
        for _ in $(seq 120); do
            if DISPLAY=$display xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q "window id"; then
                managed=yes
                break
            fi
            kill -0 "$openbox" 2>/dev/null || break
            sleep 0.25
        done
        [ "$managed" = yes ] && break
        kill "$openbox" 2>/dev/null || true
    done
    [ "$managed" = yes ] || { echo "$size $renderer: openbox did not start"; stop_all; return 1; }
    DISPLAY=$display "$app" --renderer "$renderer" --tab budget >/dev/null 2>&1 &
    window_app=$!
    local window
    window=$(DISPLAY=$display timeout 120 xdotool search --sync --name "Dossier Workbench" | head -1 || true)
    [ -n "$window" ] || { echo "$size $renderer: the window did not appear"; stop_all; return 1; }
    # F5 goes to the window once it has the focus; asked for until it has, a minute at
    # most (without --sync, which waits for ever where focus never comes).
    for _ in $(seq 60); do
        DISPLAY=$display xdotool windowactivate "$window" 2>/dev/null || true
        [ "$(DISPLAY=$display xdotool getactivewindow 2>/dev/null)" = "$window" ] && break
        sleep 1
    done
    DISPLAY=$display xdotool key --window "$window" F5
    # Full screen once the window manager says so; a minute at most.
    for _ in $(seq 120); do
        DISPLAY=$display xprop -id "$window" _NET_WM_STATE | grep -q FULLSCREEN && break
        sleep 0.5
    done
    DISPLAY=$display xprop -id "$window" _NET_WM_STATE | grep -q FULLSCREEN ||
        { echo "$size $renderer: F5 did not make the window full screen"; stop_all; return 1; }
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
    stop_all
    return "$verdict"
}
present 1920x1080 wgpu
present 1366x768 wgpu
present 1600x1000 wgpu
present 1920x1080 glow
