#!/usr/bin/env bash
# Import benchmark: prints markdown table rows "| what | shopclerk | reference | target |".
#   1. A 1M-line-item Shopify orders export from `shopclerk demo --size l --csv`
#      (cut to 1M records at a record boundary), imported by `shopclerk import`,
#      beside the sqlite3 shell's `.import` of the same file into one raw table.
#      Beside them, the "plain Go + modernc import of orders and line items in
#      one transaction" the issue takes as its premise (benchplain: the same
#      columns, no index but the unique order key, no customers, products or
#      re-import checks),
#      to show what the normalising costs on top of the bare load.
#   2. A 200k-row XLSX of the same rows, imported, beside a bare excelize
#      streaming read of it.
# LINES and XLSX_ROWS override the sizes (e.g. LINES=100000 for a quick run).
set -euo pipefail
cd "$(dirname "$0")/../.."
LINES=${LINES:-1000000}
XLSX_ROWS=${XLSX_ROWS:-200000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/shopclerk" .
go build -o "$tmp/benchxlsx" ./backend/importer/internal/benchxlsx
go build -o "$tmp/benchplain" ./backend/importer/internal/benchplain

size=l
[ "$LINES" -le 150000 ] && size=m
"$tmp/shopclerk" demo --size "$size" --csv "$tmp/demo" --now 2026-03-01T09:00:00Z >/dev/null
# Keep the header and LINES records; a record ends on a line where the count
# of quotes seen so far is even (notes hold quoted newlines).
awk -v max="$LINES" 'BEGIN { n = -1; q = 0 }
  { print; q += gsub(/"/, "\""); if (q % 2 == 0) { n++; if (n >= max) exit } }' \
  "$tmp/demo/orders_export.csv" >"$tmp/orders.csv"
rm -rf "$tmp/demo"
bytes=$(stat -c %s "$tmp/orders.csv")

# timed CMD...: prints "seconds maxrss_kb" of CMD.
timed() { /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null; cat "$tmp/time"; }

read -r ours_s ours_kb < <(timed "$tmp/shopclerk" import --db "$tmp/shop.db" "$tmp/orders.csv")
read -r ref_s ref_kb < <(timed sqlite3 "$tmp/raw.db" ".mode csv" ".import $tmp/orders.csv raw")
read -r plain_s _ < <(timed "$tmp/benchplain" "$tmp/orders.csv" "$tmp/plain.db")
rm -f "$tmp"/*.db "$tmp"/*.db-*
awk -v l="$LINES" -v b="$bytes" -v s="$ours_s" -v r="$ref_s" -v p="$plain_s" -v m="$ours_kb" -v rm="$ref_kb" 'BEGIN {
  printf "| import %d-line-item Shopify orders CSV (%.0f MB) | %.1f s (%.0f rows/s) | sqlite3 .import: %.1f s (%.0f rows/s) | <= 1.5x sqlite3: %.2fx |\n", l, b/1048576, s, l/s, r, l/r, s/r
  printf "| peak memory, same import | %.0f MB | sqlite3: %.0f MB | < 100 MB |\n", m/1024, rm/1024
  printf "| same file, plain Go + modernc load of orders and lines only (no index but the unique order key; no customers, products) | %.1f s | plain: %.1f s = %.2fx sqlite3 | ours / plain: %.2fx |\n", s, p, p/r, s/p
}'

"$tmp/benchxlsx" make "$tmp/orders.csv" "$tmp/orders.xlsx" "$XLSX_ROWS"
read -r _ _ bare_s < <("$tmp/benchxlsx" read "$tmp/orders.xlsx")
read -r bare_s2 bare_kb < <(timed "$tmp/benchxlsx" read "$tmp/orders.xlsx")
read -r x_s x_kb < <(timed "$tmp/shopclerk" import --db "$tmp/xlsx.db" "$tmp/orders.xlsx")
awk -v n="$XLSX_ROWS" -v s="$x_s" -v r="$bare_s2" -v m="$x_kb" -v rm="$bare_kb" 'BEGIN {
  printf "| import %d-row XLSX | %.1f s (%.0f rows/s) | bare excelize streaming read: %.1f s (%.0f rows/s) | <= 1.5x: %.2fx |\n", n, s, n/s, r, n/r, s/r
  printf "| peak memory, XLSX import | %.0f MB | bare read: %.0f MB | < 100 MB |\n", m/1024, rm/1024
}'
