#!/usr/bin/env bash
# Developer entry point, used by the README's two commands and by CI.
#   packaging/hoga-dev.sh run   install missing packages, build (release) and start Hoga on the simulator
#   packaging/hoga-dev.sh test  install missing packages, build (test preset) and run every test through CTest
#   packaging/hoga-dev.sh deps  only install missing packages
set -euo pipefail
cd "$(dirname "$0")/.."

install_deps() {
    local missing=() pkg
    while read -r pkg; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' packaging/debian-packages.txt)
    if ((${#missing[@]})); then
        echo "Installing missing Debian packages: ${missing[*]}"
        local sudo=()
        [ "$(id -u)" -eq 0 ] || sudo=(sudo)
        "${sudo[@]}" apt-get update -qq
        # No recommends: dbus-x11 in particular would make gnome-keyring prompt on a display and hang.
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

jobs=$(nproc)

case "${1:-}" in
deps)
    install_deps
    ;;
run)
    install_deps
    cmake --preset release >/dev/null
    cmake --build --preset release --target hoga -j "$jobs"
    shift
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        echo "No display found: starting Hoga inside a virtual X server (xvfb-run)."
        exec xvfb-run -a -s "-screen 0 1600x1000x24" build/release/bin/hoga "$@"
    fi
    exec build/release/bin/hoga "$@"
    ;;
test)
    install_deps
    cmake --preset test >/dev/null
    cmake --build --preset test -j "$jobs"
    # Keychain suites need a session bus with a real Secret Service; the wrapper provides both.
    exec dbus-run-session -- tests/support/with-keyring.sh \
        ctest --test-dir build/test --output-on-failure --no-tests=error -j "$jobs" --timeout 600
    ;;
*)
    echo "usage: $0 run|test|deps" >&2
    exit 2
    ;;
esac
