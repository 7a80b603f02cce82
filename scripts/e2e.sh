#!/usr/bin/env bash
# End-to-end tests in a real window and a real browser: builds the dev-tag
# binary, makes a fresh demo shop, starts the app under Xvfb (its dev server
# exposes the real Go bindings to a browser), and a second one on a new,
# empty shop, screenshots both native windows, then drives the UI with
# Playwright and Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
artifacts="$root/test-artifacts"
work=$(mktemp -d /tmp/shopclerk-e2e.XXXXXX)
mkdir -p "$artifacts" build/bin
# A free port and display, so two runs on one machine do not collide.
port=${SHOPCLERK_E2E_PORT:-}
if [ -z "$port" ]; then
  for p in $(seq 34115 34199); do
    ss -ltn "sport = :$p" | grep -q LISTEN || { port=$p; break; }
  done
fi
export SHOPCLERK_NOW=${SHOPCLERK_NOW:-2026-03-01T09:00:00Z}

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The mail screens' specs send through a real Postfix and read a real Dovecot.
scripts/mailstack.sh start >"$work/mailstack.log" 2>&1 || { cat "$work/mailstack.log" >&2; exit 1; }
eval "$(scripts/mailstack.sh env)"

(cd frontend && npm run build --silent)
go build -tags dev,webkit2_41 -o build/bin/shopclerk-dev .
# The stand-in Shopify store the store specs connect (frontend/e2e/standin.ts).
go build -o build/bin/shopify-standin ./backend/connector/shopify/shopifytest/cmd
export SHOPCLERK_E2E_STANDIN="$root/build/bin/shopify-standin"
go build -o build/bin/etsy-standin ./backend/connector/etsy/etsytest/cmd
export SHOPCLERK_E2E_ETSY_STANDIN="$root/build/bin/etsy-standin"
build/bin/shopclerk-dev demo --size s --db "$work/shop.db" --json >"$work/demo.json"
# The automation schedule runs on the real clock; a tick in the middle of a
# spec would send what the spec is about to preview. Specs run flows by hand.
sqlite3 "$work/shop.db" "INSERT INTO settings (key, value) VALUES ('rules.schedule', 'off'), ('connector.schedule', 'off')"

Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
display=":$(cat "$work/display")"

# A second window on a new, empty shop, on a display of its own: the
# welcome screen a new seller meets (welcome.spec.ts drives it).
empty_port=""
for p in $(seq $((port + 1)) $((port + 99))); do
  ss -ltn "sport = :$p" | grep -q LISTEN || { empty_port=$p; break; }
done
Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp 3>"$work/display-empty" >"$work/xvfb-empty.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/display-empty" ] && break; sleep 0.1; done
display_empty=":$(cat "$work/display-empty")"
DISPLAY="$display_empty" assetdir="$root/frontend/dist" devserver="127.0.0.1:$empty_port" \
  build/bin/shopclerk-dev --db "$work/empty.db" >"$artifacts/app-empty.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$empty_port/" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$empty_port/" >/dev/null || { echo "e2e: the app on an empty shop did not start; see test-artifacts/app-empty.log" >&2; exit 1; }

# DHL's tracking API, answered by a stand-in the shipping specs start on this
# port (frontend/e2e/shipflows.spec.ts); the dev build asks it instead of DHL.
dhl_port=""
for p in $(seq $((port + 200)) $((port + 299))); do
  ss -ltn "sport = :$p" | grep -q LISTEN || { dhl_port=$p; break; }
done
export SHOPCLERK_E2E_DHL_URL="http://127.0.0.1:$dhl_port"
DISPLAY="$display" assetdir="$root/frontend/dist" devserver="127.0.0.1:$port" \
  build/bin/shopclerk-dev --db "$work/shop.db" >"$artifacts/app.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$port/" >/dev/null || { echo "e2e: the app did not start; see test-artifacts/app.log" >&2; exit 1; }

# The native window, as the seller sees it, once the dashboard has painted.
for _ in $(seq 100); do grep -q "first dashboard served" "$artifacts/app.log" && break; sleep 0.2; done
grep -q "first dashboard served" "$artifacts/app.log" || { echo "e2e: the native window never asked for the dashboard (blank web view?)" >&2; exit 1; }
sleep 2
DISPLAY="$display" import -window root "$artifacts/window-dashboard.png"
# The welcome window, once it has its shop's details (the form paints then).
for _ in $(seq 100); do grep -q "ShopService.Shop-" "$artifacts/app-empty.log" && break; sleep 0.2; done
sleep 3
DISPLAY="$display_empty" import -window root "$artifacts/window-welcome.png"

cd frontend
SHOPCLERK_E2E_URL="http://127.0.0.1:$port" SHOPCLERK_E2E_DB="$work/shop.db" \
  SHOPCLERK_E2E_EMPTY_URL="http://127.0.0.1:$empty_port" SHOPCLERK_E2E_EMPTY_DB="$work/empty.db" npx playwright test "$@"
