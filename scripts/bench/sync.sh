#!/usr/bin/env bash
# Store sync benchmark: prints markdown table rows "| what | shopclerk | reference | target |".
#   1. `shopclerk sync` of 100,000 orders (the 20 orders of the CAD fixture,
#      5,000 times over, renamed) from the stand-in Shopify store on
#      127.0.0.1, read through one bulk operation (JSONL streamed), beside
#      `shopclerk import` of the same 100,000 orders from their orders export
#      in the same run. Peak memory beside the same sync of 10,000 orders:
#      it must not grow with the number of orders.
#   2. The next `shopclerk sync` with nothing new: wall time (it must be
#      under 1 s beyond the HTTP round trips).
#   3. `shopclerk sync` of as many orders from the stand-in WooCommerce
#      store (the 2 orders of the REST API's documented example, served
#      over and over, 100 per page), beside the same CSV import, with its
#      peak memory.
#   4. `shopclerk sync` of as many receipts from the stand-in Etsy (the 3
#      documented receipts served over and over, 100 per page by offset),
#      beside the same CSV import, with its peak memory.
# COPIES overrides the size (COPIES=500 for a quick 10,000-order run).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x /usr/bin/time ] || { sudo apt-get install -y -qq time >/dev/null 2>&1 || apt-get install -y -qq time >/dev/null; }
COPIES=${COPIES:-5000}
SMALL=$((COPIES / 10))
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
go build -o "$tmp/shopclerk" .
go build -o "$tmp/standin" ./backend/connector/shopify/shopifytest/cmd
go build -o "$tmp/woostandin" ./backend/connector/woocommerce/woocommercetest/cmd
go build -o "$tmp/etsystandin" ./backend/connector/etsy/etsytest/cmd
orders=backend/connector/shopify/testdata/orders_2025-04_CAD.json
export_csv=testdata/real/shopify/orders_export_2025-04_CAD_79col.csv
now=2026-03-01T09:00:00Z
export DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent # the secret in a file beside the shop, not the desktop's keychain

# timed NAME CMD...: prints "seconds maxrss_kb cpu_seconds" of CMD (cpu =
# user + sys: the stand-in shares the machine, so the figure to compare).
timed() {
  local n=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$tmp/$n.time" "$@" >"$tmp/$n.out" 2>&1
  awk '{ print $1, $2, $3 + $4 }' "$tmp/$n.time" | tee "$tmp/$n.time.cpu"
}

# sync_run COPIES NAME: a stand-in with COPIES copies, a fresh shop, the
# first sync timed into $tmp/NAME.time; leaves the shop at $tmp/NAME.db and
# the stand-in running (its input held open by this shell).
sync_run() {
  local copies=$1 name=$2
  mkfifo "$tmp/$name.in"
  "$tmp/standin" -empty -orders "$orders" -copies "$copies" <"$tmp/$name.in" >"$tmp/$name.standin" &
  pids+=($!)
  exec {fd}>"$tmp/$name.in" # keeps the stand-in's input open
  for _ in $(seq 100); do [ -s "$tmp/$name.standin" ] && break; sleep 0.1; done
  local url token
  url=$(sed -n 's/.*"url":"\([^"]*\)".*/\1/p' "$tmp/$name.standin")
  token=$(sed -n 's/.*"token":"\([^"]*\)".*/\1/p' "$tmp/$name.standin")
  echo "$token" | "$tmp/shopclerk" store add --db "$tmp/$name.db" --now "$now" --kind shopify --url "$url" --name bench --token-stdin >/dev/null
  timed "$name" "$tmp/shopclerk" sync --db "$tmp/$name.db" --now "$now" --json >/dev/null
}

sync_run "$SMALL" small
sync_run "$COPIES" big
read -r small_s small_kb _ <"$tmp/small.time.cpu"
read -r big_s big_kb big_cpu <"$tmp/big.time.cpu"
n=$((COPIES * 20))
grep -q "\"created\": $n," "$tmp/big.out" || { echo "| sync | failed: $(head -c 300 "$tmp/big.out") | | |"; exit 1; }
read -r again_s _ again_cpu < <(timed again "$tmp/shopclerk" sync --db "$tmp/big.db" --now "$now" --json)

"$tmp/standin" -empty -copies "$COPIES" -export "$export_csv" -export-out "$tmp/orders.csv" </dev/null >/dev/null
read -r csv_s csv_kb csv_cpu < <(timed csv "$tmp/shopclerk" import --db "$tmp/csv.db" "$tmp/orders.csv")

# The WooCommerce stand-in: the same number of orders, 100 per page.
mkfifo "$tmp/woo.in"
"$tmp/woostandin" -orders backend/connector/woocommerce/testdata/wc_v3_orders_list_example.json -copies $((n / 2)) <"$tmp/woo.in" >"$tmp/woo.standin" &
pids+=($!)
exec {woofd}>"$tmp/woo.in"
for _ in $(seq 100); do [ -s "$tmp/woo.standin" ] && break; sleep 0.1; done
woo_url=$(sed -n 's/.*"url":"\([^"]*\)".*/\1/p' "$tmp/woo.standin")
woo_key=$(sed -n 's/.*"key":"\([^"]*\)".*/\1/p' "$tmp/woo.standin")
sed -n 's/.*"secret":"\([^"]*\)".*/\1/p' "$tmp/woo.standin" |
  "$tmp/shopclerk" store add --db "$tmp/woo.db" --now "$now" --kind woocommerce --url "$woo_url" --key "$woo_key" --name woo --secret-stdin >/dev/null
read -r woo_s woo_kb woo_cpu < <(timed woo "$tmp/shopclerk" sync --db "$tmp/woo.db" --now "$now" --json)
grep -q "\"created\": $n," "$tmp/woo.out" || { echo "| woo sync | failed: $(head -c 300 "$tmp/woo.out") | | |"; exit 1; }

awk -v n="$n" -v s="$big_s" -v c="$csv_s" -v m="$big_kb" -v sm="$small_kb" -v sn=$((SMALL * 20)) -v a="$again_s" -v cm="$csv_kb" \
  -v sc="$big_cpu" -v cc="$csv_cpu" -v ac="$again_cpu" 'BEGIN {
  printf "| sync %d orders from the stand-in Shopify (bulk operation, JSONL streamed) | %.1f s (%.0f orders/s), %.1f s CPU | CSV import of the same orders: %.1f s (%.0f orders/s), %.1f s CPU | sync / import: %.2fx wall, %.2fx CPU |\n", n, s, n/s, sc, c, n/c, cc, s/c, sc/cc
  printf "| peak memory, that sync | %.0f MB | same sync of %d orders: %.0f MB; CSV import: %.0f MB | flat in the number of orders |\n", m/1024, sn, sm/1024, cm/1024
  printf "| incremental sync with nothing new (after the %d) | %.2f s (process start to exit), %.2f s CPU | | < 1 s beyond the round trips |\n", n, a, ac
}'
awk -v n="$n" -v s="$woo_s" -v c="$csv_s" -v m="$woo_kb" -v sc="$woo_cpu" -v cc="$csv_cpu" 'BEGIN {
  printf "| sync %d orders from the stand-in WooCommerce (REST v3, 100 per page) | %.1f s (%.0f orders/s), %.1f s CPU, peak %.0f MB | CSV import of the Shopify export above: %.1f s (%.0f orders/s), %.1f s CPU | sync / import: %.2fx wall, %.2fx CPU |\n", n, s, n/s, sc, m/1024, c, n/c, cc, s/c, sc/cc
}'

# The Etsy stand-in: as many receipts (3 documented, served over and over).
mkfifo "$tmp/etsy.in"
"$tmp/etsystandin" -receipts backend/connector/etsy/testdata/getShopReceipts.json -copies $((n / 3 - 1)) <"$tmp/etsy.in" >"$tmp/etsy.standin" &
pids+=($!)
exec {etsyfd}>"$tmp/etsy.in"
for _ in $(seq 100); do [ -s "$tmp/etsy.standin" ] && break; sleep 0.1; done
etsy_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" "$tmp/etsy.standin"; }
en=$(((n / 3) * 3))
printf '%s\n%s\n' "$(etsy_field refreshToken)" "$(etsy_field sharedSecret)" |
  "$tmp/shopclerk" store add --db "$tmp/etsy.db" --now "$now" --kind etsy --url "$(etsy_field url)" --client-id "$(etsy_field keystring)" --name etsy --token-stdin >/dev/null
read -r etsy_s etsy_kb etsy_cpu < <(timed etsy "$tmp/shopclerk" sync --db "$tmp/etsy.db" --now "$now" --json)
grep -q "\"created\": $en," "$tmp/etsy.out" ||
  { echo "| etsy sync | failed: $(head -c 300 "$tmp/etsy.out") | | |"; exit 1; }
awk -v n="$en" -v s="$etsy_s" -v c="$csv_s" -v m="$etsy_kb" -v sc="$etsy_cpu" -v cc="$csv_cpu" 'BEGIN {
  printf "| sync %d receipts from the stand-in Etsy (Open API v3, 100 per page by offset) | %.1f s (%.0f orders/s), %.1f s CPU, peak %.0f MB | CSV import of the Shopify export above: %.1f s (%.0f orders/s), %.1f s CPU | sync / import: %.2fx wall, %.2fx CPU |\n", n, s, n/s, sc, m/1024, c, n/c, cc, s/c, sc/cc
}'
