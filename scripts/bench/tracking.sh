#!/usr/bin/env bash
# Carrier detection: a million tracking numbers (the test table's mix of
# carriers, valid, ambiguous and mistyped, spaced and lower case) through
# tracking.Detect, beside one regular expression tried on each number.
set -euo pipefail
cd "$(dirname "$0")/../.."
# median of the values over several runs (the machine is shared)
median() { grep -o "[0-9.]* $1" <<<"$2" | cut -d' ' -f1 | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
out=$(for _ in 1 2 3; do go test -count 1 -run '^$' -bench 'Detect1M|RegexpReference1M' -benchtime 3x ./backend/tracking/ 2>/dev/null; done)
det=$(grep BenchmarkDetect1M <<<"$out" || true)
ref=$(grep BenchmarkRegexpReference1M <<<"$out" || true)
# numbers/cpu-s divides by the process's CPU time, which the machine's other
# work does not inflate; numbers/s is the wall clock's figure.
echo "| carriers: detect 1,000,000 tracking numbers (median of 3) | $(median numbers/cpu-s "$det") numbers per CPU-second ($(median numbers/s "$det")/s wall) | one regexp (UPS's) per number: $(median numbers/cpu-s "$ref") per CPU-second | millions/s |"
# A 100,000-line tracking file onto a shop of 100,000 orders, beside the
# import of those orders from a Shopify export of as many rows.
out=$(go test -count 1 -run '^$' -bench TrackingImport100k -benchtime 1x ./backend/importer/ 2>/dev/null)
tr=$(grep -o "[0-9.]* tracking_s" <<<"$out" | cut -d' ' -f1)
ord=$(grep -o "[0-9.]* orders_s" <<<"$out" | cut -d' ' -f1)
rate=$(grep -o "[0-9.]* tracking_rows/s" <<<"$out" | cut -d' ' -f1)
echo "| tracking file: 100,000 lines onto a shop of 100,000 orders | ${tr} s (${rate} rows/s) | the orders import of as many rows: ${ord} s | ≤ the orders import |"
