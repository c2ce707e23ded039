#!/bin/sh
# Runs "$@" with a private, unlocked gnome-keyring Secret Service on the current (dbus-run-session) bus.
# Everything it creates lives in a fresh 0700 directory that is removed afterwards.
set -u
tmp=$(mktemp -d)
chmod 700 "$tmp"
export XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run" HOME="${HOGA_TEST_HOME:-$tmp/home}"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$HOME"
chmod 700 "$XDG_RUNTIME_DIR"

pid=
if [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v gnome-keyring-daemon >/dev/null 2>&1; then
    # A non-empty password is needed, or no login collection is created and writes fail.
    eval "$(printf '%s' hoga-test-keyring | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
    # --unlock returns before the daemon owns its bus name: wait (bounded) until it does.
    i=0
    while [ $i -lt 50 ]; do
        pid=$(dbus-send --session --dest=org.freedesktop.DBus --print-reply /org/freedesktop/DBus \
            org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null |
            awk '/uint32/ {print $2}')
        [ -n "$pid" ] && break
        i=$((i + 1))
        sleep 0.1
    done
    [ -n "$pid" ] || echo "with-keyring: no Secret Service came up; keychain tests will use the fallback" >&2
fi

"$@"
rc=$?
[ -n "$pid" ] && kill "$pid" 2>/dev/null
rm -rf "$tmp"
exit $rc
