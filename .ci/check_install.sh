#!/usr/bin/env bash
# Installs the app for a fresh user with `install-desktop`, then checks what a file
# manager does on a double-click: the file type of a *.dossier.json, the app as its
# default, and xdg-open and gtk-launch opening the file in the app's window (found by
# the dossier's title) under a virtual display.
# usage: .ci/check_install.sh APP
set -euo pipefail
app=$(realpath "$1")
home=$(mktemp -d)
export HOME=$home XDG_RUNTIME_DIR=$home
unset XDG_DATA_HOME XDG_CONFIG_HOME XDG_CURRENT_DESKTOP
chmod 700 "$home"
"$app" install-desktop
mkdir -p "$home/Documenten"
file="$home/Documenten/Mijn dossier.dossier.json"
python3 - "$file" <<'PY'
import json, sys
dossier = json.load(open('data/integratiepact.dossier.json', encoding='utf-8'))
dossier['title'] = 'Dubbelklik-test'
json.dump(dossier, open(sys.argv[1], 'w', encoding='utf-8'), ensure_ascii=False)
PY
type=$(xdg-mime query filetype "$file")
[ "$type" = "application/x-dossier+json" ] || { echo "file type: $type"; exit 1; }
default=$(xdg-mime query default application/x-dossier+json)
[ "$default" = "dossier-workbench.desktop" ] || { echo "default app: $default"; exit 1; }
echo "xdg-mime: $type, opened by $default"

# -noreset: the server would reset when the first app closes, refusing the next for a moment.
Xvfb :77 -noreset -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
export DISPLAY=:77
for _ in $(seq 1 40); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.25; done
for opener in "xdg-open" "gtk-launch dossier-workbench"; do
    $opener "$file" >"$home/opener.log" 2>&1 &
    found=""
    for _ in $(seq 1 120); do
        if found=$(xdotool search --name "^Dubbelklik-test" 2>/dev/null); then
            break
        fi
        sleep 0.5
    done
    [ -n "$found" ] || { echo "$opener did not open the dossier in the app:"; cat "$home/opener.log"; xdotool search --name "." getwindowname %@ 2>&1 | head -5; exit 1; }
    echo "$opener: the app's window shows \"Dubbelklik-test\""
    pkill -f "$home/.local/bin/dossier-workbench" || true
    sleep 1
done
"$app" install-desktop --uninstall >/dev/null
[ ! -e "$home/.local/share/applications/dossier-workbench.desktop" ] || { echo "uninstall left the entry"; exit 1; }
