#!/usr/bin/env bash
# Customers on the l demo shop (100k customers, 1M orders): RFM scoring of
# every customer beside the sqlite3 shell computing the same quintiles with
# NTILE window functions over the same file (and a check that both gave
# each customer the same scores); the customer page of the busiest customer.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/bench-lib.sh
db=$(bench_l_db)
SHOPCLERK_BENCH_DB="$db" go test -tags bench -count=1 -run 'TestRFMSpeed|TestCustomerPageSpeed' ./backend/customers/ -v 2>/dev/null | grep '^|'
