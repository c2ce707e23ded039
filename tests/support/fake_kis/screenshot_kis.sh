#!/bin/sh
# Screenshots of the window trading a stock (005930, Samsung Electronics) on a loopback fake of the KIS Open
# API: the chart, order book, trading and portfolio tabs, in English and in Korean.
#
#   tests/support/fake_kis/screenshot_kis.sh [BUILD_DIR] [OUT_DIR]
#
# Defaults: build/test and docs/screenshots. Writes kis_<tab>.png and kis_<tab>_ko.png for the tabs chart,
# orderbook, trading and portfolio. Needs the targets hoga, hoga-cli and hoga_fake_kis. Everything runs on
# 127.0.0.1, in a temporary data folder, offscreen unless QT_QPA_PLATFORM says otherwise; every wait is
# bounded. The KRX session hours stay enforced: outside them the ticket refuses orders, as it would live.
set -eu
build=${1:-build/test}
out=${2:-docs/screenshots}
bin="$build/bin"
tmp=$(mktemp -d)
pids=
cleanup() {
    for p in $pids; do kill "$p" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

appkey=screenshot-app-key
appsecret=screenshot-app-secret
account=12345678-01
# The GUI keeps profiles in the application data folder (hoga-cli finds the same one): a temporary one.
unset HOGA_DATA_DIR
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" HOGA_PROFILE_PASSWORD="kis-shots-password"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

# A brokerage account with cash and three stocks. Each language's run is a fresh process that asks for its
# own token; KIS issues one a minute, so the fake's throttle is off here.
"$bin/hoga_fake_kis" --appkey "$appkey" --appsecret "$appsecret" --account "$account" --cash 25000000 \
    --holding 005930=120@61250 --holding 000660=15@172400 --holding 035420=8@214000 \
    --token-throttle-ms 0 --seconds 300 >"$tmp/kis.json" &
pids="$pids $!"

# The fake prints its endpoints as one JSON line once it listens.
i=0
until [ -s "$tmp/kis.json" ]; do
    i=$((i + 1))
    [ $i -le 100 ] || { echo "the fake KIS did not start" >&2; exit 1; }
    sleep 0.1
done
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" "$tmp/kis.json"; }

# A live (not paper-only) profile: only such a profile runs a real venue.
"$bin/hoga-cli" profile create KisShots >/dev/null

# The window opens on Samsung Electronics (the market list would otherwise pick its first row).
printf '[markets]\nkis=005930\n' >"$tmp/window.ini"

shoot() { # $1: language, $2: file suffix
    rm -rf "$tmp/shots"
    cp "$tmp/window.ini" "$tmp/settings-$1.ini"
    HOGA_SETTINGS_PATH="$tmp/settings-$1.ini" \
        HOGA_API_KEY="$appkey" HOGA_API_SECRET="$appsecret" HOGA_ACCOUNT="$account" HOGA_ACCOUNT_TYPE=real \
        HOGA_HTS_ID=hoga-hts \
        "$bin/hoga" --profile KisShots --lang "$1" --venue kis \
        --rest-url "kis=$(field rest)" --ws-url "kis=$(field ws)" --private-ws-url "kis=$(field ws)" \
        --screenshot-dir "$tmp/shots" --quit-after-ms "${HOGA_SHOT_WAIT_MS:-60000}" ||
        echo "hoga: not every tab had live data; the screenshots are kept all the same" >&2
    mkdir -p "$out"
    for tab in chart orderbook trading portfolio; do
        cp "$tmp/shots/$tab.png" "$out/kis_$tab$2.png"
    done
}
shoot en ""
shoot ko "_ko"
echo "wrote $out/kis_{chart,orderbook,trading,portfolio}{,_ko}.png"
