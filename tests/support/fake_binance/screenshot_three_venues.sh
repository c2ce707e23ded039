#!/bin/sh
# Portfolio screenshots of one window running three venues at once: the simulator, a loopback fake Upbit
# and a loopback fake Binance, each with holdings, valued per venue and in total in KRW and USDT.
#
#   tests/support/fake_binance/screenshot_three_venues.sh [BUILD_DIR] [OUT_DIR]
#
# Defaults: build/test and docs/screenshots. Writes portfolio_three_venues.png (English) and
# portfolio_three_venues_ko.png (Korean). Needs the targets hoga, hoga-cli, hoga_fake_venue and
# hoga_fake_binance. Everything runs on 127.0.0.1, in a temporary data folder, offscreen unless
# QT_QPA_PLATFORM says otherwise; every wait is bounded.
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

key=screenshot-key
secret=screenshot-secret
# The GUI keeps profiles in the application data folder (hoga-cli finds the same one): a temporary one.
unset HOGA_DATA_DIR
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" HOGA_PROFILE_PASSWORD="three-venues-password"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

"$bin/hoga_fake_venue" --flavor upbit --seed 3 --key "$key" --secret "$secret" \
    --balance KRW=3500000 --balance BTC=0.015 --balance XRP=800 --seconds 300 >"$tmp/upbit.json" &
pids="$pids $!"
"$bin/hoga_fake_binance" --seed 3 --key "$key" --secret "$secret" \
    --balance USDT=1250 --balance BTC=0.02 --balance ETH=0.4 --seconds 300 >"$tmp/binance.json" &
pids="$pids $!"

# Both fakes print their endpoints as one JSON line once they listen.
i=0
until [ -s "$tmp/upbit.json" ] && [ -s "$tmp/binance.json" ]; do
    i=$((i + 1))
    [ $i -le 100 ] || { echo "the fake venues did not start" >&2; exit 1; }
    sleep 0.1
done
field() { sed -n "s/.*\"$2\":\"\([^\"]*\)\".*/\1/p" "$tmp/$1.json"; }

# A live (not paper-only) profile: only such a profile runs real venues beside the simulator.
"$bin/hoga-cli" profile create Three >/dev/null

shoot() { # $1: language, $2: file suffix
    rm -rf "$tmp/shots"
    HOGA_API_KEY="$key" HOGA_API_SECRET="$secret" "$bin/hoga" --profile Three --lang "$1" \
        --venue sim,upbit,binance \
        --rest-url "upbit=$(field upbit rest)" --ws-url "upbit=$(field upbit ws)" \
        --private-ws-url "upbit=$(field upbit private_ws)" \
        --rest-url "binance=$(field binance rest)" --ws-url "binance=$(field binance ws)" \
        --private-ws-url "binance=$(field binance ws_api)" \
        --screenshot-dir "$tmp/shots" --quit-after-ms "${HOGA_SHOT_WAIT_MS:-60000}" ||
        echo "hoga: not every tab had live data; the portfolio is kept all the same" >&2
    mkdir -p "$out"
    cp "$tmp/shots/portfolio.png" "$out/portfolio_three_venues$2.png"
}
shoot en ""
shoot ko "_ko"
echo "wrote $out/portfolio_three_venues.png and $out/portfolio_three_venues_ko.png"
