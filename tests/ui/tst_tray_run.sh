#!/usr/bin/env bash
# Runs the tray suite (tst_tray) on a virtual X display with a system tray host, which QSystemTrayIcon needs:
# Xvfb through xvfb-run, trayer as the tray. Usage: tst_tray_run.sh path/to/tst_tray [test args]
set -euo pipefail
command -v trayer >/dev/null || { echo "trayer is missing (see packaging/debian-packages.txt)" >&2; exit 1; }
exec xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
    trayer --edge bottom --align right --widthtype pixel --width 120 --height 28 &
    tray=$!
    # The tray host is up once its panel window exists (bounded: 10 s).
    for _ in $(seq 1 100); do
        xwininfo -root -tree | grep -q "panel" && break
        sleep 0.1
    done
    status=0
    QT_QPA_PLATFORM=xcb HOGA_EXPECT_TRAY=1 "$0" "$@" || status=$?
    kill "$tray" 2>/dev/null || true
    exit "$status"' "$@"
